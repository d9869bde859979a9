import { recordBytes, type OutgoingRecord } from './record-batch.ts';

export interface BatchKey {
  topic: string;
  partition: number;
  acks: number;
  timeoutMs: number;
}

interface Pending {
  messages: readonly OutgoingRecord[];
  bytes: number;
  resolve: (baseOffset: number | undefined) => void;
  reject: (error: unknown) => void;
}

interface Lane {
  key: BatchKey;
  queue: Pending[];
  queuedBytes: number;
  inFlight: number;
  scheduled: boolean;
}

/** Keeps one Kafka request under common max.message.bytes (1 MiB) with room for overhead. */
const MAX_REQUEST_BYTES = 900 * 1024;

/**
 * Micro-batching: records from concurrent HTTP requests for the same partition (and acks,
 * timeout) share one Produce request. Each lane has a few requests in flight at most; what
 * arrives while they are busy forms the next batch — under load batches grow by themselves,
 * at rest a record leaves on the next tick. Each caller learns the base offset of its own records,
 * which Kafka assigns contiguously within a batch.
 */
export class ProduceBatcher {
  private readonly lanes = new Map<string, Lane>();

  constructor(
    /** Sends one batch; resolves with its base offset (undefined with acks=0). */
    private readonly send: (key: BatchKey, messages: readonly OutgoingRecord[]) => Promise<number | undefined>,
    private readonly lingerMs = 0,
    private readonly maxInFlight = 1,
  ) {}

  /** Resolves with the offset of the first of `messages` (undefined with acks=0). */
  enqueue(key: BatchKey, messages: readonly OutgoingRecord[]): Promise<number | undefined> {
    const id = `${key.topic}\u0000${key.partition}\u0000${key.acks}\u0000${key.timeoutMs}`;
    let lane = this.lanes.get(id);
    if (!lane) this.lanes.set(id, (lane = { key, queue: [], queuedBytes: 0, inFlight: 0, scheduled: false }));
    let bytes = 0;
    for (const message of messages) bytes += recordBytes(message);
    const promise = new Promise<number | undefined>((resolve, reject) => {
      lane.queue.push({ messages, bytes, resolve, reject });
    });
    lane.queuedBytes += bytes;
    this.schedule(id, lane);
    return promise;
  }

  private schedule(id: string, lane: Lane): void {
    if (lane.inFlight >= this.maxInFlight || lane.scheduled) return;
    lane.scheduled = true;
    const run = (): void => {
      lane.scheduled = false;
      void this.flush(id, lane);
    };
    if (this.lingerMs > 0) setTimeout(run, this.lingerMs);
    else setImmediate(run);
  }

  private async flush(id: string, lane: Lane): Promise<void> {
    if (lane.queue.length === 0) {
      if (lane.inFlight === 0) this.lanes.delete(id);
      return;
    }
    let taken = 0;
    let bytes = 0;
    let count = 0;
    for (const next of lane.queue) {
      if (taken > 0 && bytes + next.bytes > MAX_REQUEST_BYTES) break;
      taken++;
      bytes += next.bytes;
      count += next.messages.length;
    }
    const batch = lane.queue.splice(0, taken);
    lane.queuedBytes -= bytes;
    lane.inFlight++;
    if (lane.queue.length > 0) this.schedule(id, lane);
    let messages = (batch[0] as Pending).messages;
    if (batch.length > 1) {
      const all: OutgoingRecord[] = new Array(count);
      let at = 0;
      for (const pending of batch) for (const message of pending.messages) all[at++] = message;
      messages = all;
    }
    try {
      let offset = await this.send(lane.key, messages);
      for (const pending of batch) {
        pending.resolve(offset);
        if (offset !== undefined) offset += pending.messages.length;
      }
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    } finally {
      lane.inFlight--;
      if (lane.queue.length > 0) this.schedule(id, lane);
      else if (lane.inFlight === 0 && this.lanes.get(id) === lane) this.lanes.delete(id);
    }
  }
}
