// Recovery of the last (active) segment on open, after a clean stop or a crash.
// CRCs are verified from the last index entry on: everything before it was written before that index block
// reached disk. The first position that does not hold a whole, valid, contiguous batch is a torn tail and is
// truncated away. Idempotent producer state comes from the snapshot written at the last roll or clean close
// (producer-state.json: the state as of a position in this segment) plus the batches after that position;
// without a usable snapshot the whole segment is walked by batch headers.
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Off } from '../records/batch.ts';
import { syncDir, writeFileAtomic } from './atomic-file.ts';
import { lastSequence, type ProducerSnapshot, type ProducerStateMap } from './producer-state.ts';
import { scanBatches } from './scan.ts';
import { Segment } from './segment.ts';

const SNAPSHOT_FILE = 'producer-state.json';
export const START_CHECKPOINT = 'log-start-offset';
export const CLEANER_CHECKPOINT = 'cleaner-offset';

export interface OpenedSegments {
  readonly segments: Segment[];
  /** The persisted log start offset (DeleteRecords), if any. */
  readonly startCheckpoint: bigint | undefined;
  readonly cleanedUpTo: bigint;
  /** The directory and first segment were created but their directory entries not yet fsynced. */
  readonly dirSyncPending: boolean;
}

const readBigint = (path: string): Promise<bigint | undefined> => readFile(path, 'utf8').then((s) => BigInt(s.trim()), () => undefined);

/**
 * Opens a partition directory: sealed segments are taken as they are (their index files loaded, or rebuilt
 * when missing), the last one is recovered. A new partition gets its first segment, linked durably.
 */
export async function openSegments(
  dir: string,
  indexIntervalBytes: number,
  env: { readonly fsync: boolean; readonly now: () => number },
  producers: ProducerStateMap,
  onTruncate: (report: RecoveryReport, seg: Segment) => void,
): Promise<OpenedSegments> {
  const created = await mkdir(dir, { recursive: true });
  if (created !== undefined) {
    // A new partition (the common case when creating topics by the thousand): nothing to read or recover.
    // Its directory entries are made durable by the first fsynced append (dirSyncPending), not here: creating
    // 10,000 topics should not cost 20,000 extra fsyncs.
    const seg = new Segment(dir, 0n, env.now());
    await seg.use(async () => undefined); // creates the first .log
    return { segments: [seg], startCheckpoint: undefined, cleanedUpTo: 0n, dirSyncPending: true };
  }
  const files = await readdir(dir);
  // Leftovers of an interrupted metadata write or cleaning: the originals are intact.
  for (const f of files) if (f.includes('.tmp-') || f.endsWith('.cleaned')) await unlink(join(dir, f)).catch(() => undefined);
  const cleanedUpTo = (await readBigint(join(dir, CLEANER_CHECKPOINT))) ?? 0n;
  const startCheckpoint = await readBigint(join(dir, START_CHECKPOINT));
  const bases = files.filter((f) => /^\d{20}\.log$/.test(f)).map((f) => BigInt(f.slice(0, 20)));
  bases.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const fresh = bases.length === 0;
  if (fresh) bases.push(startCheckpoint ?? 0n);
  const now = env.now();
  const segments: Segment[] = [];
  for (let i = 0; i < bases.length; i++) {
    const seg = new Segment(dir, bases[i]!, now);
    const info = await stat(seg.logPath).catch(() => undefined);
    const fileSize = info?.size ?? 0;
    if (info) seg.modifiedMs = info.mtimeMs;
    if (i < bases.length - 1) {
      seg.size = fileSize;
      seg.nextOffset = bases[i + 1]!;
      await seg.loadIndexes(fileSize);
      if (seg.offsetIndex.count === 0 && fileSize > 0) await rebuildSegmentIndexes(seg, fileSize, indexIntervalBytes);
    } else {
      const report = await recoverLastSegment(dir, seg, fileSize, indexIntervalBytes, producers);
      if (report.truncatedBytes > 0) onTruncate(report, seg);
    }
    segments.push(seg);
  }
  // A new partition's directory and first segment must be linked durably before an fsynced append counts.
  if (fresh && env.fsync) {
    await syncDir(dir);
    await syncDir(dirname(dir));
  }
  return { segments, startCheckpoint, cleanedUpTo, dirSyncPending: false };
}

interface SnapshotFile extends ProducerSnapshot {
  /** The segment this state belongs to, and the position and next offset in it the state is as of. */
  readonly segmentBase: string;
  readonly position: number;
  readonly nextOffset: string;
}

export async function writeProducerSnapshot(dir: string, seg: Segment, producers: ProducerStateMap, sync: boolean): Promise<void> {
  const file: SnapshotFile = { segmentBase: seg.baseOffset.toString(), position: seg.size, nextOffset: seg.nextOffset.toString(), ...producers.toSnapshot() };
  await writeFileAtomic(join(dir, SNAPSHOT_FILE), JSON.stringify(file), sync);
}

async function readSnapshot(dir: string, seg: Segment, fileSize: number): Promise<SnapshotFile | undefined> {
  try {
    const snap = JSON.parse(await readFile(join(dir, SNAPSHOT_FILE), 'utf8')) as SnapshotFile;
    return snap.segmentBase === seg.baseOffset.toString() && snap.position <= fileSize ? snap : undefined;
  } catch {
    return undefined;
  }
}

export interface RecoveryReport {
  readonly validBytes: number;
  readonly truncatedBytes: number;
}

interface Start {
  readonly position: number;
  readonly offset: bigint;
}

export async function recoverLastSegment(dir: string, seg: Segment, fileSize: number, indexIntervalBytes: number, producers: ProducerStateMap): Promise<RecoveryReport> {
  await seg.loadIndexes(fileSize);
  const loadedEntries = seg.offsetIndex.count;
  const loadedTimeEntries = seg.timeIndex.count;
  const idx = seg.offsetIndex;
  const last = idx.count - 1;
  const verifyFrom = last >= 0 ? idx.values[last]! : 0;
  const indexStart: Start = { position: verifyFrom, offset: seg.baseOffset + BigInt(last >= 0 ? idx.keys[last]! : 0) };
  const snap = await readSnapshot(dir, seg, fileSize);
  let valid = -1;
  if (snap) {
    producers.loadSnapshot(snap);
    const snapStart: Start = { position: snap.position, offset: BigInt(snap.nextOffset) };
    const start = snapStart.position <= indexStart.position ? snapStart : indexStart;
    valid = await walk(seg, fileSize, start, verifyFrom, snap.position, indexIntervalBytes, producers);
    // A tail torn below the snapshot, or an index entry pointing at garbage: trust neither.
    if (valid < snap.position || (valid === verifyFrom && verifyFrom > 0 && verifyFrom < fileSize)) valid = -1;
  }
  if (valid < 0) {
    producers.clear();
    valid = await walk(seg, fileSize, { position: 0, offset: seg.baseOffset }, verifyFrom, 0, indexIntervalBytes, producers);
    if (valid === verifyFrom && verifyFrom > 0 && verifyFrom < fileSize) {
      producers.clear();
      valid = await walk(seg, fileSize, { position: 0, offset: seg.baseOffset }, 0, 0, indexIntervalBytes, producers);
    }
  }
  if (valid < fileSize) {
    await seg.use(async (fh) => {
      await fh.truncate(valid);
      await fh.sync();
    });
  }
  seg.size = valid;
  // Rewritten only when recovery changed them: a clean reopen of many partitions writes nothing.
  if (valid < fileSize || seg.offsetIndex.count !== loadedEntries || seg.timeIndex.count !== loadedTimeEntries) await seg.rewriteIndexFiles();
  else seg.forgetPendingIndexEntries(); // the walk re-created entries the files already hold
  return { validBytes: valid, truncatedBytes: fileSize - valid };
}

/** Walks from start; returns the end of the last whole, valid batch. Producer state is updated from producersFrom on. */
async function walk(seg: Segment, fileSize: number, start: Start, verifyFrom: number, producersFrom: number, indexIntervalBytes: number, producers: ProducerStateMap): Promise<number> {
  // The time index loaded from disk already covers the batches before start; a walk from 0 recomputes it all.
  if (start.position === 0) seg.maxTimestamp = -1n;
  seg.truncateIndexes(verifyFrom);
  seg.nextOffset = start.offset;
  seg.bytesSinceIndex = Number.MAX_SAFE_INTEGER;
  let expected = start.offset;
  return seg.use((fh) => scanBatches(fh, start.position, fileSize, verifyFrom, ({ buf, at, position, size }) => {
    const base = buf.readBigInt64BE(at + Off.baseOffset);
    if (base !== expected) return false;
    const delta = buf.readInt32BE(at + Off.lastOffsetDelta);
    if (delta < 0) return false;
    const maxTs = buf.readBigInt64BE(at + Off.maxTimestamp);
    if (position >= verifyFrom) seg.maybeIndex(base, position, size, maxTs, indexIntervalBytes);
    else if (maxTs > seg.maxTimestamp) seg.maxTimestamp = maxTs;
    const pid = buf.readBigInt64BE(at + Off.producerId);
    if (pid >= 0n && position >= producersFrom) {
      const firstSeq = buf.readInt32BE(at + Off.baseSequence);
      producers.update(pid, buf.readInt16BE(at + Off.producerEpoch), firstSeq, lastSequence(firstSeq, delta), base, base + BigInt(delta));
    }
    expected = base + BigInt(delta) + 1n;
    seg.nextOffset = expected;
    return true;
  }));
}

/** A sealed segment whose index files are missing (removed while the cleaner swapped it): rebuilt from headers. */
export async function rebuildSegmentIndexes(seg: Segment, fileSize: number, indexIntervalBytes: number): Promise<void> {
  seg.truncateIndexes(0);
  seg.maxTimestamp = -1n;
  seg.bytesSinceIndex = Number.MAX_SAFE_INTEGER;
  await seg.use((fh) =>
    scanBatches(fh, 0, fileSize, Number.MAX_SAFE_INTEGER, ({ buf, at, position, size }) => {
      seg.maybeIndex(buf.readBigInt64BE(at + Off.baseOffset), position, size, buf.readBigInt64BE(at + Off.maxTimestamp), indexIntervalBytes);
    }),
  );
  seg.sealTimeIndex();
  await seg.rewriteIndexFiles();
}
