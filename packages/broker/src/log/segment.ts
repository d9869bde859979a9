// One log segment: <base>.log holds batches exactly as written; <base>.index is a sparse map from relative offset
// to file position (8-byte entries, Kafka's layout); <base>.timeindex maps the running max timestamp to the
// relative offset of the batch that carried it (12-byte entries). Index entries are kept in memory and appended
// to their files in blocks: they are hints, never trusted past the end of the .log, and recovery rebuilds the tail.
import { writevSync } from 'node:fs';
import { appendFile, writeFile, readFile, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { FsyncGate } from './fsync-gate.ts';
import { PooledFile } from './file-pool.ts';

const INDEX_ENTRY = 8;
const TIME_ENTRY = 12;
// Pending index entries are written out in blocks: recovery re-scans at most this many intervals of log.
const INDEX_FLUSH_ENTRIES = 256;
// Appends up to this size are written on the event loop: copying a few KiB into the page cache costs less than
// handing the write to libuv's thread pool and being woken for its completion, and those two thread hand-offs
// are, under CPU contention, most of a small record's produce-to-fetch latency. Bigger appends (throughput
// traffic) still go to the pool, where the copy overlaps with request parsing.
export const SYNC_WRITE_MAX_BYTES = 64 * 1024;

export function segmentFileName(baseOffset: bigint, ext: string): string {
  return `${baseOffset.toString().padStart(20, '0')}${ext}`;
}

class GrowableIndex {
  keys: Float64Array = new Float64Array(64);
  values: Int32Array = new Int32Array(64);
  count = 0;

  push(key: number, value: number): void {
    if (this.count === this.keys.length) {
      const keys = new Float64Array(this.count * 2);
      keys.set(this.keys);
      const values = new Int32Array(this.count * 2);
      values.set(this.values);
      this.keys = keys;
      this.values = values;
    }
    this.keys[this.count] = key;
    this.values[this.count] = value;
    this.count++;
  }

  /** Index of the last entry with key <= k (or < k when strict), -1 when none. */
  floor(k: number, strict = false): number {
    let lo = 0;
    let hi = this.count - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const key = this.keys[mid]!;
      if (strict ? key < k : key <= k) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  truncate(count: number): void {
    this.count = Math.min(this.count, count);
  }
}

export class Segment {
  /** Bytes of whole batches in the .log (what readers may see). */
  size = 0;
  /** Offset after this segment's last batch. */
  nextOffset: bigint;
  /** Largest batch maxTimestamp in the segment, -1n when empty. */
  maxTimestamp = -1n;
  bytesSinceIndex = 0;
  /** Relative offset of the last batch written, for the closing time-index entry. */
  lastBatchRel = -1;
  /** Set once the files are unlinked: the descriptor may still serve reads already under way. */
  deleted = false;
  readonly createdMs: number;
  /** When the segment was last written (file mtime on open), for time retention of segments without timestamps. */
  modifiedMs: number;
  /** offset index: key relative offset, value position */
  readonly offsetIndex = new GrowableIndex();
  /** time index: key timestamp, value relative offset */
  readonly timeIndex = new GrowableIndex();
  private pendingIndex: Buffer[] = [];
  private pendingTime: Buffer[] = [];
  private readonly file: PooledFile;
  readonly fsync: FsyncGate;

  constructor(
    readonly dir: string,
    readonly baseOffset: bigint,
    nowMs: number,
  ) {
    this.nextOffset = baseOffset;
    this.createdMs = nowMs;
    this.modifiedMs = nowMs;
    this.file = new PooledFile(this.logPath);
    this.fsync = new FsyncGate(() => this.file.use((fh) => fh.sync()));
  }

  get logPath(): string {
    return join(this.dir, segmentFileName(this.baseOffset, '.log'));
  }
  get indexPath(): string {
    return join(this.dir, segmentFileName(this.baseOffset, '.index'));
  }
  get timeIndexPath(): string {
    return join(this.dir, segmentFileName(this.baseOffset, '.timeindex'));
  }

  /** Runs fn with the .log's descriptor (opened on first use, pooled; see file-pool.ts). */
  use<T>(fn: (fh: FileHandle) => Promise<T>): Promise<T> {
    return this.file.use(fn);
  }

  /** Appends whole batches at the end of the .log with one positional writev; size grows once all is written. */
  async write(buffers: Buffer[], bytes: number): Promise<void> {
    await this.file.use(async (fh) => {
      if (bytes <= SYNC_WRITE_MAX_BYTES) writeAllAtSync(fh.fd, buffers, bytes, this.size);
      else await writeAllAt(fh, buffers, bytes, this.size);
    });
    this.size += bytes;
  }

  async closeFile(): Promise<void> {
    await this.fsync.idle();
    await this.file.close();
  }

  /** Replaced by a cleaned copy under the same name: reads in flight finish on the old file, new ones must not open the new file with this index. */
  replaced = false;

  markReplaced(): void {
    this.replaced = true;
    this.file.seal();
  }

  /** The files were unlinked: no new use may reopen (and so recreate) them. */
  markDeleted(): void {
    this.deleted = true;
    this.file.seal();
  }


  /** Records an index entry for a batch about to be written at position (call in append order). */
  maybeIndex(baseOffset: bigint, position: number, batchBytes: number, batchMaxTimestamp: bigint, intervalBytes: number): void {
    if (batchMaxTimestamp > this.maxTimestamp) this.maxTimestamp = batchMaxTimestamp;
    const rel = Number(baseOffset - this.baseOffset);
    this.lastBatchRel = rel;
    if (this.bytesSinceIndex >= intervalBytes || this.offsetIndex.count === 0) {
      this.offsetIndex.push(rel, position);
      const e = Buffer.allocUnsafe(INDEX_ENTRY);
      e.writeInt32BE(rel, 0);
      e.writeInt32BE(position, 4);
      this.pendingIndex.push(e);
      const ts = Number(this.maxTimestamp);
      if (this.timeIndex.count === 0 || ts > this.timeIndex.keys[this.timeIndex.count - 1]!) {
        this.timeIndex.push(ts, rel);
        const t = Buffer.allocUnsafe(TIME_ENTRY);
        t.writeBigInt64BE(this.maxTimestamp, 0);
        t.writeInt32BE(rel, 8);
        this.pendingTime.push(t);
      }
      this.bytesSinceIndex = 0;
    }
    this.bytesSinceIndex += batchBytes;
  }

  /** On roll: a last time-index entry so that, after a restart, the index alone gives the segment's max timestamp. */
  sealTimeIndex(): void {
    const ts = Number(this.maxTimestamp);
    if (this.lastBatchRel < 0 || (this.timeIndex.count > 0 && ts <= this.timeIndex.keys[this.timeIndex.count - 1]!)) return;
    this.timeIndex.push(ts, this.lastBatchRel);
    const t = Buffer.allocUnsafe(TIME_ENTRY);
    t.writeBigInt64BE(this.maxTimestamp, 0);
    t.writeInt32BE(this.lastBatchRel, 8);
    this.pendingTime.push(t);
  }

  get pendingIndexEntries(): number {
    return this.pendingIndex.length;
  }

  async flushIndexes(force = false): Promise<void> {
    if (!force && this.pendingIndex.length < INDEX_FLUSH_ENTRIES) return;
    const idx = this.pendingIndex;
    const time = this.pendingTime;
    this.pendingIndex = [];
    this.pendingTime = [];
    if (idx.length > 0) await appendFile(this.indexPath, Buffer.concat(idx));
    if (time.length > 0) await appendFile(this.timeIndexPath, Buffer.concat(time));
  }

  /** Position of the last indexed batch starting at or before offset (0 when none). */
  lookup(offset: bigint): number {
    const i = this.offsetIndex.floor(Number(offset - this.baseOffset));
    return i < 0 ? 0 : this.offsetIndex.values[i]!;
  }

  /** Relative offset from which to scan for the first batch with maxTimestamp >= ts. */
  lookupTime(ts: bigint): bigint {
    const i = this.timeIndex.floor(Number(ts), true);
    return i < 0 ? this.baseOffset : this.baseOffset + BigInt(this.timeIndex.values[i]!);
  }

  /** Loads the index files, keeping only entries that point inside the first fileSize bytes. */
  async loadIndexes(fileSize: number): Promise<void> {
    const idx = await readFile(this.indexPath).catch(() => Buffer.alloc(0));
    for (let p = 0; p + INDEX_ENTRY <= idx.length; p += INDEX_ENTRY) {
      const rel = idx.readInt32BE(p);
      const pos = idx.readInt32BE(p + 4);
      const last = this.offsetIndex.count - 1;
      // Entries must grow strictly; anything else is a torn or stale tail.
      if (pos >= fileSize || pos < 0 || (last >= 0 && (rel <= this.offsetIndex.keys[last]! || pos <= this.offsetIndex.values[last]!))) break;
      this.offsetIndex.push(rel, pos);
    }
    const time = await readFile(this.timeIndexPath).catch(() => Buffer.alloc(0));
    for (let p = 0; p + TIME_ENTRY <= time.length; p += TIME_ENTRY) {
      const ts = time.readBigInt64BE(p);
      const rel = time.readInt32BE(p + 8);
      const last = this.timeIndex.count - 1;
      if (rel < 0 || (last >= 0 && (Number(ts) <= this.timeIndex.keys[last]! || rel < this.timeIndex.values[last]!))) break;
      this.timeIndex.push(Number(ts), rel);
      if (ts > this.maxTimestamp) this.maxTimestamp = ts;
    }
  }

  /** Keeps only the in-memory index entries that point before position. */
  truncateIndexes(position: number): void {
    let keep = this.offsetIndex.count;
    while (keep > 0 && this.offsetIndex.values[keep - 1]! >= position) keep--;
    this.offsetIndex.truncate(keep);
    const maxRel = keep > 0 ? this.offsetIndex.keys[keep - 1]! : -1;
    let keepTime = this.timeIndex.count;
    while (keepTime > 0 && this.timeIndex.values[keepTime - 1]! > maxRel) keepTime--;
    this.timeIndex.truncate(keepTime);
  }

  forgetPendingIndexEntries(): void {
    this.pendingIndex = [];
    this.pendingTime = [];
  }

  /** Rewrites both index files from memory (after recovery changed them). */
  async rewriteIndexFiles(): Promise<void> {
    this.pendingIndex = [];
    this.pendingTime = [];
    const keep = this.offsetIndex.count;
    const keepTime = this.timeIndex.count;
    const idx = Buffer.alloc(keep * INDEX_ENTRY);
    for (let i = 0; i < keep; i++) {
      idx.writeInt32BE(this.offsetIndex.keys[i]!, i * INDEX_ENTRY);
      idx.writeInt32BE(this.offsetIndex.values[i]!, i * INDEX_ENTRY + 4);
    }
    const time = Buffer.alloc(keepTime * TIME_ENTRY);
    for (let i = 0; i < keepTime; i++) {
      time.writeBigInt64BE(BigInt(this.timeIndex.keys[i]!), i * TIME_ENTRY);
      time.writeInt32BE(this.timeIndex.values[i]!, i * TIME_ENTRY + 8);
    }
    await writeFile(this.indexPath, idx);
    await writeFile(this.timeIndexPath, time);
  }

  async deleteFiles(): Promise<void> {
    for (const p of [this.logPath, this.indexPath, this.timeIndexPath]) await unlink(p).catch(() => undefined);
  }
}

/** Writes all of buffers (bytes long in total) at position with positional writev calls. */
export async function writeAllAt(fh: FileHandle, buffers: Buffer[], bytes: number, position: number): Promise<void> {
  let written = 0;
  while (written < bytes) {
    // writev may write less than asked (disk full, signals): continue from where it stopped.
    const { bytesWritten } = await fh.writev(written === 0 ? buffers : sliceBuffers(buffers, written), position + written);
    if (bytesWritten <= 0) throw new Error('short write');
    written += bytesWritten;
  }
}

function writeAllAtSync(fd: number, buffers: Buffer[], bytes: number, position: number): void {
  let written = 0;
  while (written < bytes) {
    const n = writevSync(fd, written === 0 ? buffers : sliceBuffers(buffers, written), position + written);
    if (n <= 0) throw new Error('short write');
    written += n;
  }
}

function sliceBuffers(buffers: Buffer[], skip: number): Buffer[] {
  const out: Buffer[] = [];
  for (const b of buffers) {
    if (skip >= b.length) {
      skip -= b.length;
      continue;
    }
    out.push(skip > 0 ? b.subarray(skip) : b);
    skip = 0;
  }
  return out;
}

/** Index of the last segment whose base offset is <= offset (0 when offset precedes them all). */
export function segmentIndexFor(segments: readonly Segment[], offset: bigint): number {
  let lo = 0;
  let hi = segments.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (segments[mid]!.baseOffset <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
