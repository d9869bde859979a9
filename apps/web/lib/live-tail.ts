import type { KafkaRecord } from '@brook/contract';
import { RingBuffer } from './ring-buffer.ts';

/**
 * The live tail's memory: a fixed number of visible rows, and while paused a bounded
 * backlog with a count of what arrived (and what the cap pushed out). Records already seen
 * (a reconnect that replays from its cursor) are dropped by per-partition offset.
 */
export class LiveTailBuffer {
  private rows: RingBuffer<KafkaRecord>;
  private backlog: RingBuffer<KafkaRecord>;
  private readonly lastOffset = new Map<number, number>();
  paused = false;
  /** Records received since the last pause (including any the backlog cap dropped). */
  arrivedWhilePaused = 0;
  received = 0;
  /** Bumped on every change, so a view can skip re-rendering when nothing moved. */
  version = 0;

  constructor(rowCap: number, readonly backlogCap = 10_000) {
    this.rows = new RingBuffer(rowCap);
    this.backlog = new RingBuffer(backlogCap);
  }

  get rowCap(): number {
    return this.rows.capacity;
  }

  /** Returns false for a duplicate. */
  push(record: KafkaRecord): boolean {
    const last = this.lastOffset.get(record.partition);
    if (last !== undefined && record.offset <= last) return false;
    this.lastOffset.set(record.partition, record.offset);
    this.received++;
    if (this.paused) {
      this.arrivedWhilePaused++;
      this.backlog.push(record);
    } else {
      this.rows.push(record);
      this.version++;
    }
    return true;
  }

  pause(): void {
    if (this.paused) return;
    this.paused = true;
    this.arrivedWhilePaused = 0;
    this.version++;
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.rows.pushAll(this.backlog.drain());
    this.arrivedWhilePaused = 0;
    this.version++;
  }

  /** Records the backlog cap has already pushed out while paused. */
  get droppedWhilePaused(): number {
    return this.backlog.dropped;
  }

  get buffered(): number {
    return this.backlog.size;
  }

  setRowCap(cap: number): void {
    const kept = this.rows.toArray().slice(-cap);
    this.rows = new RingBuffer(cap);
    this.rows.pushAll(kept);
    this.version++;
  }

  clear(): void {
    this.rows.clear();
    this.backlog.clear();
    this.arrivedWhilePaused = 0;
    this.version++;
  }

  /** Start over from another position: forget rows and the offsets already seen. */
  reset(): void {
    this.clear();
    this.lastOffset.clear();
    this.received = 0;
    this.paused = false;
  }

  /** Visible rows, oldest first. */
  visible(): KafkaRecord[] {
    return this.rows.toArray();
  }
}
