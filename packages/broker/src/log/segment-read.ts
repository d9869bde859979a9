// The read side of a segment: whole batches from an offset (Fetch), and the first record at or after a
// timestamp (ListOffsets). Reads are positional on the segment's descriptor and never block the writer.
import type { FileHandle } from 'node:fs/promises';
import { KafkaError } from '../errors.ts';
import { BATCH_HEADER_SIZE, Compression, LOG_OVERHEAD, Off, batchCodec, batchIsLogAppendTime } from '../records/batch.ts';
import { decompress } from '../records/compression.ts';
import { decodeBatch } from '../records/record.ts';
import { scanBatches } from './scan.ts';
import type { Segment } from './segment.ts';
import type { ReadResult } from './types.ts';

/**
 * Whole batches from the one containing offset, up to maxBytes. The first batch is returned even when it alone
 * is bigger, unless mustFit (used to top up a read that already has data).
 */
export async function readFromSegment(seg: Segment, offset: bigint, maxBytes: number, indexIntervalBytes: number, mustFit = false): Promise<ReadResult> {
  const limit = seg.size;
  const filePos = seg.lookup(offset);
  try {
    return await seg.use((fh) => readBatches(fh, limit, filePos, offset, maxBytes, indexIntervalBytes, mustFit));
  } catch (err) {
    if (seg.deleted) throw new KafkaError('OFFSET_OUT_OF_RANGE', `offset ${offset} was deleted`);
    throw err;
  }
}

async function readBatches(fh: FileHandle, limit: number, filePos: number, offset: bigint, maxBytes: number, indexIntervalBytes: number, mustFit: boolean): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let total = 0;
  // One read covers the index gap plus maxBytes; only a batch crossing its end costs a second read.
  let buf = await readAt(fh, filePos, Math.min(limit - filePos, Math.max(maxBytes, BATCH_HEADER_SIZE) + indexIntervalBytes + BATCH_HEADER_SIZE));
  let at = 0;
  while (filePos < limit) {
    if (at + BATCH_HEADER_SIZE > buf.length) {
      buf = await readAt(fh, filePos, Math.min(limit - filePos, Math.max(maxBytes - total, BATCH_HEADER_SIZE) + BATCH_HEADER_SIZE));
      at = 0;
      if (buf.length < BATCH_HEADER_SIZE) break;
    }
    const size = LOG_OVERHEAD + buf.readInt32BE(at + Off.batchLength);
    const last = buf.readBigInt64BE(at) + BigInt(buf.readInt32BE(at + Off.lastOffsetDelta));
    if (last >= offset) {
      if ((chunks.length > 0 || mustFit) && total + size > maxBytes) break;
      if (at + size > buf.length) {
        buf = await readAt(fh, filePos, Math.min(limit - filePos, Math.max(size, maxBytes - total)));
        at = 0;
        if (buf.length < size) break;
      }
      chunks.push(buf.subarray(at, at + size));
      total += size;
      if (total >= maxBytes) break;
    }
    at += size;
    filePos += size;
  }
  return { chunks, bytes: total };
}

/** First record with timestamp >= timestampMs at or after offset `from` in this segment, if any. */
export async function findByTimestamp(seg: Segment, timestampMs: bigint, startOffset: bigint): Promise<{ offset: bigint; timestampMs: bigint } | undefined> {
  let from = seg.lookupTime(timestampMs);
  if (from < startOffset) from = startOffset;
  let found: { offset: bigint; timestampMs: bigint } | undefined;
  // verifyFrom 0: the walk then holds each whole batch, which the record-level lookup needs.
  await seg.use((fh) => scanBatches(fh, seg.lookup(from), seg.size, 0, ({ buf, at, size }) => {
    const maxTs = buf.readBigInt64BE(at + Off.maxTimestamp);
    const last = buf.readBigInt64BE(at) + BigInt(buf.readInt32BE(at + Off.lastOffsetDelta));
    if (maxTs >= timestampMs && last >= startOffset) {
      found = firstRecordAtOrAfter(buf.subarray(at, at + size), timestampMs, startOffset);
      return false;
    }
    return true;
  }));
  return found;
}

/** Kafka answers with the exact record, not its batch: decode this one batch (off the hot path). */
function firstRecordAtOrAfter(batch: Buffer, timestampMs: bigint, startOffset: bigint): { offset: bigint; timestampMs: bigint } {
  const base = batch.readBigInt64BE(Off.baseOffset);
  const maxTs = batch.readBigInt64BE(Off.maxTimestamp);
  const fallback = { offset: base < startOffset ? startOffset : base, timestampMs: maxTs };
  if (batchIsLogAppendTime(batch) || batchCodec(batch) === Compression.zstd) return fallback;
  try {
    for (const r of decodeBatch(batch, decompress)) {
      if (r.offset >= startOffset && r.timestamp >= timestampMs) return { offset: r.offset, timestampMs: r.timestamp };
    }
  } catch {
    // an undecodable batch still has a valid header: answer at batch granularity
  }
  return fallback;
}

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  if (length <= 0) return Buffer.alloc(0);
  const buf = Buffer.allocUnsafe(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  return bytesRead === length ? buf : buf.subarray(0, bytesRead);
}
