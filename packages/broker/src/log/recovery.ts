// Recovery of the last (active) segment on open, after a clean stop or a crash.
// The whole segment is walked by batch headers (to rebuild idempotent producer state), but CRCs are verified
// only from the last index entry on: everything before it was written before that index block reached disk.
// The first position that does not hold a whole, valid, contiguous batch is a torn tail and is truncated away.
import { Off } from '../records/batch.ts';
import type { ProducerStateMap } from './producer-state.ts';
import { lastSequence } from './producer-state.ts';
import { scanBatches } from './scan.ts';
import type { Segment } from './segment.ts';

export interface RecoveryReport {
  readonly validBytes: number;
  readonly truncatedBytes: number;
}

export async function recoverLastSegment(seg: Segment, fileSize: number, indexIntervalBytes: number, producers: ProducerStateMap): Promise<RecoveryReport> {
  await seg.loadIndexes(fileSize);
  const idx = seg.offsetIndex;
  let verifyFrom = idx.count > 0 ? idx.values[idx.count - 1]! : 0;
  let valid = await walk(seg, fileSize, verifyFrom, indexIntervalBytes, producers);
  // The last index entry pointed at garbage: the index cannot be trusted at all, verify everything.
  if (valid === verifyFrom && verifyFrom > 0) {
    verifyFrom = 0;
    valid = await walk(seg, fileSize, 0, indexIntervalBytes, producers);
  }
  const fh = await seg.fh();
  if (valid < fileSize) {
    await fh.truncate(valid);
    await fh.sync();
  }
  seg.size = valid;
  await seg.rewriteIndexFiles();
  return { validBytes: valid, truncatedBytes: fileSize - valid };
}

async function walk(seg: Segment, fileSize: number, verifyFrom: number, indexIntervalBytes: number, producers: ProducerStateMap): Promise<number> {
  seg.truncateIndexes(verifyFrom);
  seg.maxTimestamp = -1n;
  seg.nextOffset = seg.baseOffset;
  seg.bytesSinceIndex = Number.MAX_SAFE_INTEGER;
  let expected = seg.baseOffset;
  const fh = await seg.fh();
  return scanBatches(fh, 0, fileSize, verifyFrom, ({ buf, at, position, size }) => {
    const base = buf.readBigInt64BE(at + Off.baseOffset);
    if (base !== expected) return false;
    const delta = buf.readInt32BE(at + Off.lastOffsetDelta);
    if (delta < 0) return false;
    const maxTs = buf.readBigInt64BE(at + Off.maxTimestamp);
    if (position >= verifyFrom) seg.maybeIndex(base, position, size, maxTs, indexIntervalBytes);
    else if (maxTs > seg.maxTimestamp) seg.maxTimestamp = maxTs;
    const pid = buf.readBigInt64BE(at + Off.producerId);
    if (pid >= 0n) {
      const firstSeq = buf.readInt32BE(at + Off.baseSequence);
      producers.update(pid, buf.readInt16BE(at + Off.producerEpoch), firstSeq, lastSequence(firstSeq, delta), base, base + BigInt(delta));
    }
    expected = base + BigInt(delta) + 1n;
    seg.nextOffset = expected;
    return true;
  });
}
