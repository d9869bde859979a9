// The newest batches of a partition's active segment, held in memory as they were written, so that a fetch at
// the end of the log (a consumer that keeps up, woken by the append) is answered without a file read through
// libuv's thread pool: that read is a hand-off to another thread and back, and under CPU contention the
// hand-offs are where end-to-end latency goes. Holds whole written batches only, contiguous and ending at the
// log end; cleared on roll, so compaction (sealed segments only) never makes it stale. Bounded per partition
// and process-wide, in bytes and in batches (each held batch is a few objects the garbage collector visits on
// every collection, so a cache of 10,000s of tiny batches would slow every collection down); the partitions
// appended to least recently give theirs up first. A read it cannot answer whole goes to the file as before,
// with the same result.
import { Off } from '../records/batch.ts';
import type { ReadResult } from './types.ts';

export interface TailCacheLimits {
  readonly partitionBytes: number;
  readonly partitionBatches: number;
  readonly totalBytes: number;
  readonly totalBatches: number;
}

// A consumer that keeps up is a batch or two behind (what landed while its last answer was on the way); 32
// covers one whose loop stalls for a while. Holding more small batches measurably slowed the garbage collector
// (consume from the start of a log took twice the CPU with 512 per partition held in four partitions).
export const DEFAULT_TAIL_CACHE_LIMITS: TailCacheLimits = Object.freeze({ partitionBytes: 1024 * 1024, partitionBatches: 32, totalBytes: 32 * 1024 * 1024, totalBatches: 4096 });
let limits: TailCacheLimits = DEFAULT_TAIL_CACHE_LIMITS;
/** Caches holding batches, least recently appended first. */
const lru = new Set<TailCache>();
let totalBytes = 0;
let totalBatches = 0;

const overTotal = (): boolean => totalBytes > limits.totalBytes || totalBatches > limits.totalBatches;

/** Caps what tail caches hold (tests lower them); caches over the new caps let go of what they hold. */
export function setTailCacheLimits(next: TailCacheLimits): void {
  limits = next;
  for (const cache of [...lru]) if (cache.bytes > next.partitionBytes || cache.count > next.partitionBatches) cache.clear();
  evictOthers(undefined);
}

/** What all tail caches hold together. */
export function tailCacheSize(): { bytes: number; batches: number } {
  return { bytes: totalBytes, batches: totalBatches };
}

function evictOthers(keep: TailCache | undefined): void {
  for (const cache of lru) {
    if (!overTotal()) return;
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

  /** Batches held. */
  get count(): number {
    return this.batches.length - this.head;
  }

  /** These batches were just written, in order, at the end of the log. */
  append(written: readonly Buffer[]): void {
    for (const b of written) {
      if (b.length > limits.partitionBytes) {
        // Held entries must end at the log end: without this batch they would not.
        this.clear();
        continue;
      }
      // A small batch that is a view into a much larger buffer (its request's bytes) would keep all of that alive;
      // its copy gets a buffer of its own, not a slice of Node's shared pool, which it would pin in the same way.
      const held = b.length * 2 < b.buffer.byteLength ? copyOf(b) : b;
      this.batches.push(held);
      this.lastOffsets.push(lastOffsetOf(held));
      this.bytes += held.length;
      totalBytes += held.length;
      totalBatches++;
    }
    while (this.bytes > limits.partitionBytes || this.count > limits.partitionBatches) this.dropOldest();
    if (this.head > 1024 && this.head * 2 > this.batches.length) {
      this.batches = this.batches.slice(this.head);
      this.lastOffsets = this.lastOffsets.slice(this.head);
      this.head = 0;
    }
    lru.delete(this);
    if (this.bytes > 0) lru.add(this);
    if (overTotal()) evictOthers(this);
    if (overTotal()) this.clear();
  }

  clear(): void {
    totalBytes -= this.bytes;
    totalBatches -= this.count;
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
    totalBatches--;
  }
}

const EMPTY = Buffer.alloc(0);

function copyOf(b: Buffer): Buffer {
  const copy = Buffer.allocUnsafeSlow(b.length);
  b.copy(copy);
  return copy;
}
