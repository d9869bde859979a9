// Log compaction for cleanup.policy=compact (Kafka's log cleaner, simplified): over the sealed segments, keep
// only the latest record of each key; tombstones (null value) go once they are older than delete.retention.ms.
// Offsets never change; removed records leave gaps that Fetch skips. Each cleaned segment is rewritten beside
// the original (<base>.log.cleaned), fsynced, its index files removed, then renamed over the original: a crash
// leaves either the old or the new file, and missing index files are rebuilt on open. The active segment is
// never touched, so appends run on while the cleaner works.
import { open, rename, unlink } from 'node:fs/promises';
import { Compression, Off, batchCodec, batchIsControl, batchIsLogAppendTime, stampBatch } from '../records/batch.ts';
import { compress, decompress } from '../records/compression.ts';
import { buildBatch, decodeBatch, type DecodedRecord } from '../records/record.ts';
import { syncDir } from './atomic-file.ts';
import { rebuildSegmentIndexes } from './recovery.ts';
import { scanBatches } from './scan.ts';
import { Segment, writeAllAt } from './segment.ts';

/** Keys held in memory per cleaning pass: the pass covers as many segments as this allows. */
const MAX_KEYS = 500_000;

export interface CleanOptions {
  readonly now: number;
  readonly deleteRetentionMs: number;
  readonly indexIntervalBytes: number;
  readonly fsync: boolean;
}

const keyOf = (r: DecodedRecord): string | undefined => r.key?.toString('latin1');

// Segments are read in windows so cleaning a big segment never holds more than about this much of it.
const WINDOW_BYTES = 16 * 1024 * 1024;

/**
 * Calls fn for each batch of the segment, and afterWindow after every window of about WINDOW_BYTES.
 * Returns false when the walk stopped before the end (a batch that fails its checks): then nothing may be rewritten.
 */
async function forEachBatch(seg: Segment, fn: (batch: Buffer) => void, afterWindow: () => Promise<void> = async () => undefined): Promise<boolean> {
  let pos = 0;
  while (pos < seg.size) {
    let windowBytes = 0;
    let next = pos;
    await seg.use((fh) =>
      scanBatches(fh, pos, seg.size, 0, ({ buf, at, position, size }) => {
        fn(buf.subarray(at, at + size));
        next = position + size;
        windowBytes += size;
        return windowBytes < WINDOW_BYTES;
      }),
    );
    await afterWindow();
    if (next === pos) return false;
    pos = next;
  }
  return true;
}

/** Records of a batch, or undefined when they cannot be read here (control batches, zstd): such batches are kept whole. */
function recordsOf(batch: Buffer): DecodedRecord[] | undefined {
  if (batchIsControl(batch) || batchCodec(batch) === Compression.zstd) return undefined;
  return decodeBatch(batch, decompress);
}

/** Latest offset of every key in the given segments (in order), stopping before a segment would pass MAX_KEYS. */
async function buildOffsetMap(segments: readonly Segment[]): Promise<{ latest: Map<string, bigint>; covered: Segment[] }> {
  const latest = new Map<string, bigint>();
  const covered: Segment[] = [];
  for (const seg of segments) {
    const before = new Map<string, bigint>();
    const complete = await forEachBatch(seg, (batch) => {
      for (const r of recordsOf(batch) ?? []) {
        const k = keyOf(r);
        if (k !== undefined) before.set(k, r.offset);
      }
    });
    // A segment that cannot be read to its end ends the cleanable range: nothing after it is known.
    if (!complete) break;
    let added = 0;
    for (const k of before.keys()) if (!latest.has(k)) added++;
    if (latest.size + added > MAX_KEYS && covered.length > 0) break;
    for (const [k, o] of before) latest.set(k, o);
    covered.push(seg);
  }
  return { latest, covered };
}

/** The batch as it should be after cleaning: itself, a rebuilt smaller batch, or nothing. */
function cleanBatch(batch: Buffer, latest: Map<string, bigint>, dropTombstones: boolean): Buffer | undefined {
  const records = recordsOf(batch);
  if (!records) return batch;
  const kept = records.filter((r) => {
    const k = keyOf(r);
    if (k === undefined) return true;
    if (latest.get(k) !== r.offset) return false;
    return !(dropTombstones && r.value === null);
  });
  if (kept.length === records.length) return batch;
  if (kept.length === 0) return undefined;
  const base = kept[0]!.offset;
  const codec = batchCodec(batch);
  const out = buildBatch(kept, {
    baseOffset: base,
    offsetDeltas: kept.map((r) => Number(r.offset - base)),
    codec,
    compress: (raw) => compress(codec, raw),
    logAppendTime: batchIsLogAppendTime(batch),
  });
  stampBatch(out, base, batch.readInt32BE(Off.partitionLeaderEpoch));
  return out;
}

/** Kafka's min.cleanable.dirty.ratio: clean once the part not cleaned yet is at least this share of the sealed bytes. */
export function isDirty(sealed: readonly Segment[], cleanedUpTo: bigint, ratio: number): boolean {
  let dirty = 0;
  let total = 0;
  for (const seg of sealed) {
    total += seg.size;
    if (seg.nextOffset > cleanedUpTo) dirty += seg.size;
  }
  return dirty > 0 && dirty >= ratio * total;
}

/**
 * Cleans the sealed segments (oldest first, the active one excluded). Returns the replacements, old → new,
 * for the caller to swap into its segment list; segments that needed no change are not in the map.
 */
export async function cleanSegments(sealed: readonly Segment[], opts: CleanOptions): Promise<Map<Segment, Segment>> {
  const { latest, covered } = await buildOffsetMap(sealed);
  const replaced = new Map<Segment, Segment>();
  for (const seg of covered) {
    const dropTombstones = opts.now - seg.modifiedMs > opts.deleteRetentionMs;
    // First pass: is there anything to remove at all? Most sealed segments of a busy key space are already clean.
    let changed = false;
    await forEachBatch(seg, (batch) => {
      if (!changed && cleanBatch(batch, latest, dropTombstones) !== batch) changed = true;
    });
    if (!changed) continue;
    const tmp = `${seg.logPath}.cleaned`;
    const fh = await open(tmp, 'w');
    let size = 0;
    let complete = false;
    try {
      let pending: Buffer[] = [];
      complete = await forEachBatch(
        seg,
        (batch) => {
          const cleaned = cleanBatch(batch, latest, dropTombstones);
          if (cleaned) pending.push(cleaned);
        },
        async () => {
          const bytes = pending.reduce((n, b) => n + b.length, 0);
          await writeAllAt(fh, pending, bytes, size);
          size += bytes;
          pending = [];
        },
      );
      if (opts.fsync) await fh.sync();
    } finally {
      await fh.close();
    }
    if (!complete) {
      await unlink(tmp).catch(() => undefined);
      break;
    }
    await unlink(seg.indexPath).catch(() => undefined);
    await unlink(seg.timeIndexPath).catch(() => undefined);
    await rename(tmp, seg.logPath);
    if (opts.fsync) await syncDir(seg.dir);
    const next = new Segment(seg.dir, seg.baseOffset, opts.now);
    next.size = size;
    next.nextOffset = seg.nextOffset;
    next.modifiedMs = seg.modifiedMs;
    await rebuildSegmentIndexes(next, size, opts.indexIntervalBytes);
    replaced.set(seg, next);
  }
  return replaced;
}
