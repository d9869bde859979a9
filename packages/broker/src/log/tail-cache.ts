// The newest batches of a partition's active segment, held in memory as they were written, so that a fetch at
// the end of the log (a consumer that keeps up, woken by the append) is answered without a file read through
// libuv's thread pool: that read is a hand-off to another thread and back, and under CPU contention the
// hand-offs are where end-to-end latency goes. Holds whole written batches only, contiguous and ending at the
// log end; cleared on roll, so compaction (sealed segments only) never makes it stale. Bounded per partition
// and process-wide (the partitions appended to least recently give theirs up first); a read it cannot answer
// whole goes to the file as before, with the same result.
import { Off } from '../records/batch.ts';
import type { ReadResult } from './types.ts';

const limits = { partitionBytes: 1024 * 1024, totalBytes: 32 * 1024 * 1024 };
/** Caches holding bytes, least recently appended first. */
const lru = new Set<TailCache>();
let totalBytes = 0;

/** Caps memory held by tail caches (tests lower them); caches over the new caps let go of what they hold. */
export function setTailCacheLimits(partitionBytes: number, totalBytesCap: number): void {
  limits.partitionBytes = partitionBytes;
  limits.totalBytes = totalBytesCap;
  for (const cache of [...lru]) if (cache.bytes > partitionBytes) cache.clear();
  evictOthers(undefined);
}

export function tailCacheBytes(): number {
  return totalBytes;
}

function evictOthers(keep: TailCache | undefined): void {
  for (const cache of lru) {
    if (totalBytes <= limits.totalBytes) return;
    if (cache !== keep) cache.clear();
  }
}

function lastOffsetOf(batch: Buffer): bigint {
  return batch.readBigInt64BE(Off.baseOffset) + BigInt(batch.readInt32BE(Off.lastOffsetDelta));
}

export class TailCache {
  /** Live entries are [head, batches.length): oldest first. */
  private batches: Buffer[] = [];
  private lastOffsets: bigint[] = [];
  private head = 0;
  bytes = 0;

  /** These batches were just written, in order, at the end of the log. */
  append(written: readonly Buffer[]): void {
    for (const b of written) {
      if (b.length > limits.partitionBytes) {
        // Held entries must end at the log end: without this batch they would not.
        this.clear();
        continue;
      }
      // A small batch that is a view into a much larger buffer (its request's bytes) would keep all of that alive.
      const held = b.length * 2 < b.buffer.byteLength ? Buffer.from(b) : b;
      this.batches.push(held);
      this.lastOffsets.push(lastOffsetOf(held));
      this.bytes += held.length;
      totalBytes += held.length;
    }
    while (this.bytes > limits.partitionBytes) this.dropOldest();
    if (this.head > 1024 && this.head * 2 > this.batches.length) {
      this.batches = this.batches.slice(this.head);
      this.lastOffsets = this.lastOffsets.slice(this.head);
      this.head = 0;
    }
    lru.delete(this);
    if (this.bytes > 0) lru.add(this);
    if (totalBytes > limits.totalBytes) evictOthers(this);
    if (totalBytes > limits.totalBytes) this.clear();
  }

  clear(): void {
    totalBytes -= this.bytes;
    this.batches = [];
    this.lastOffsets = [];
    this.head = 0;
    this.bytes = 0;
    lru.delete(this);
  }

  /**
   * Whole batches from the one containing offset, up to maxBytes (the first one even when bigger), as a file
   * read would return them; undefined unless that batch is held. Call only with offset below the log end.
   */
  read(offset: bigint, maxBytes: number): ReadResult | undefined {
    const end = this.batches.length;
    if (this.head === end || offset < this.batches[this.head]!.readBigInt64BE(Off.baseOffset)) return undefined;
    // First held batch whose last offset is >= offset.
    let lo = this.head;
    let hi = end;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.lastOffsets[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    if (lo === end) return undefined;
    const chunks: Buffer[] = [];
    let total = 0;
    for (let i = lo; i < end; i++) {
      const b = this.batches[i]!;
      if (chunks.length > 0 && total + b.length > maxBytes) break;
      chunks.push(b);
      total += b.length;
      if (total >= maxBytes) break;
    }
    return { chunks, bytes: total };
  }

  private dropOldest(): void {
    const b = this.batches[this.head]!;
    this.batches[this.head] = EMPTY;
    this.head++;
    this.bytes -= b.length;
    totalBytes -= b.length;
  }
}

const EMPTY = Buffer.alloc(0);
