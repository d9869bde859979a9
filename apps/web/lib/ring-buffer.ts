/**
 * A fixed-capacity FIFO: pushing past capacity drops the oldest item and counts it. The
 * live tail keeps its visible rows in one and its paused backlog in another, so a topic
 * producing 100k records/s cannot grow the page's memory.
 */
export class RingBuffer<T> {
  private readonly items: (T | undefined)[];
  private start = 0;
  private length = 0;
  /** Items pushed out by newer ones since creation (or the last clear). */
  dropped = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    this.items = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.length;
  }

  push(item: T): void {
    const end = (this.start + this.length) % this.capacity;
    this.items[end] = item;
    if (this.length < this.capacity) this.length++;
    else {
      this.start = (this.start + 1) % this.capacity;
      this.dropped++;
    }
  }

  pushAll(items: Iterable<T>): void {
    for (const item of items) this.push(item);
  }

  /** Remove and return everything, oldest first. */
  drain(): T[] {
    const out = this.toArray();
    this.clear();
    return out;
  }

  clear(): void {
    this.items.fill(undefined);
    this.start = 0;
    this.length = 0;
    this.dropped = 0;
  }

  /** Oldest first. */
  toArray(): T[] {
    const out = new Array<T>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.items[(this.start + i) % this.capacity] as T;
    return out;
  }
}

/** Events per second over a sliding window, from arrival counts bucketed per 250 ms. */
export class RateMeter {
  private readonly buckets: number[];
  private readonly bucketMs: number;
  private current = 0;
  private currentStart: number;

  constructor(now: number, windowMs = 2000, bucketMs = 250) {
    this.bucketMs = bucketMs;
    this.buckets = new Array<number>(Math.max(1, Math.round(windowMs / bucketMs))).fill(0);
    this.currentStart = now;
  }

  private advance(now: number): void {
    while (now - this.currentStart >= this.bucketMs) {
      this.buckets.shift();
      this.buckets.push(this.current);
      this.current = 0;
      this.currentStart += this.bucketMs;
      // After a long silence, skip ahead instead of looping once per missed bucket.
      if (now - this.currentStart > this.bucketMs * this.buckets.length) {
        this.buckets.fill(0);
        this.currentStart = now - ((now - this.currentStart) % this.bucketMs);
      }
    }
  }

  add(count: number, now: number): void {
    this.advance(now);
    this.current += count;
  }

  /** Per second, over the completed buckets of the window. */
  rate(now: number): number {
    this.advance(now);
    const total = this.buckets.reduce((a, b) => a + b, 0);
    return (total * 1000) / (this.buckets.length * this.bucketMs);
  }
}
