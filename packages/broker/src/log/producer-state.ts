// Idempotent producer state of one partition (KIP-98): per producer id, the epoch and the last 5 batches'
// sequence ranges and offsets. Five because a producer keeps at most five batches in flight per partition,
// so a retry is always one of the last five. Rebuilt on open from batch headers.
import { KafkaError } from '../errors.ts';
import { batchBaseSequence, batchLastOffsetDelta, batchProducerEpoch, batchProducerId, stampBatch } from '../records/batch.ts';

export const MAX_TRACKED_BATCHES = 5;
// Producers are remembered up to this many per partition, least recently written forgotten first (a forgotten
// producer is "unknown", which is accepted): state stays bounded however many short-lived producers come by.
export const MAX_PRODUCERS = 10_000;

interface BatchEntry {
  readonly firstSeq: number;
  readonly lastSeq: number;
  readonly baseOffset: bigint;
  readonly lastOffset: bigint;
}

/** The JSON form of the state, for the snapshot file. */
export interface ProducerSnapshot {
  readonly producers: ReadonlyArray<{ id: string; epoch: number; batches: ReadonlyArray<{ firstSeq: number; lastSeq: number; baseOffset: string; lastOffset: string }> }>;
}

interface ProducerEntry {
  epoch: number;
  batches: BatchEntry[];
}

export type SequenceCheck = { readonly duplicate: false } | { readonly duplicate: true; readonly baseOffset: bigint; readonly lastOffset: bigint };

const NOT_DUPLICATE: SequenceCheck = { duplicate: false };
const INT32_MAX = 0x7fffffff;

// Sequences wrap from Int32.MAX to 0 (as in Kafka's DefaultRecordBatch.incrementSequence).
function nextSeq(seq: number, by = 1): number {
  return seq > INT32_MAX - by ? seq - INT32_MAX - 1 + by : seq + by;
}

export function lastSequence(baseSequence: number, lastOffsetDelta: number): number {
  return nextSeq(baseSequence, lastOffsetDelta);
}

export class ProducerStateMap {
  private readonly producers = new Map<bigint, ProducerEntry>();

  get size(): number {
    return this.producers.size;
  }

  /**
   * Validates a batch against the producer's state without changing it. Throws INVALID_PRODUCER_EPOCH for a
   * fenced epoch and OUT_OF_ORDER_SEQUENCE_NUMBER for a gap; returns the earlier offsets for a duplicate.
   */
  check(producerId: bigint, epoch: number, firstSeq: number, lastSeq: number): SequenceCheck {
    const entry = this.producers.get(producerId);
    // Unknown producer: its state may have been removed with old segments (retention, DeleteRecords), so any
    // sequence is accepted, as Kafka does since KIP-360.
    if (!entry) return NOT_DUPLICATE;
    if (epoch < entry.epoch) {
      throw new KafkaError('INVALID_PRODUCER_EPOCH', `Producer ${producerId} epoch ${epoch} is older than current epoch ${entry.epoch}`);
    }
    if (epoch > entry.epoch) {
      if (firstSeq !== 0) throw new KafkaError('OUT_OF_ORDER_SEQUENCE_NUMBER', `New epoch ${epoch} of producer ${producerId} must start at sequence 0, got ${firstSeq}`);
      return NOT_DUPLICATE;
    }
    for (const b of entry.batches) {
      if (b.firstSeq === firstSeq && b.lastSeq === lastSeq) return { duplicate: true, baseOffset: b.baseOffset, lastOffset: b.lastOffset };
    }
    const last = entry.batches[entry.batches.length - 1];
    if (last && firstSeq !== nextSeq(last.lastSeq)) {
      throw new KafkaError('OUT_OF_ORDER_SEQUENCE_NUMBER', `Producer ${producerId}: expected sequence ${nextSeq(last.lastSeq)}, got ${firstSeq}`);
    }
    return NOT_DUPLICATE;
  }

  /** Records an appended batch (after check passed, or while rebuilding from the log). */
  update(producerId: bigint, epoch: number, firstSeq: number, lastSeq: number, baseOffset: bigint, lastOffset: bigint): void {
    let entry = this.producers.get(producerId);
    if (!entry) {
      entry = { epoch, batches: [] };
      if (this.producers.size >= MAX_PRODUCERS) {
        const oldest = this.producers.keys().next();
        if (!oldest.done) this.producers.delete(oldest.value);
      }
    } else {
      // Re-inserting keeps the Map in least-recently-written order.
      this.producers.delete(producerId);
    }
    this.producers.set(producerId, entry);
    if (epoch !== entry.epoch) {
      entry.epoch = epoch;
      entry.batches = [];
    }
    entry.batches.push({ firstSeq, lastSeq, baseOffset, lastOffset });
    if (entry.batches.length > MAX_TRACKED_BATCHES) entry.batches.shift();
  }

  clear(): void {
    this.producers.clear();
  }

  toSnapshot(): ProducerSnapshot {
    return {
      producers: [...this.producers].map(([id, e]) => ({
        id: id.toString(),
        epoch: e.epoch,
        batches: e.batches.map((b) => ({ firstSeq: b.firstSeq, lastSeq: b.lastSeq, baseOffset: b.baseOffset.toString(), lastOffset: b.lastOffset.toString() })),
      })),
    };
  }

  loadSnapshot(snapshot: ProducerSnapshot): void {
    this.producers.clear();
    for (const p of snapshot.producers) {
      this.producers.set(BigInt(p.id), {
        epoch: p.epoch,
        batches: p.batches.map((b) => ({ firstSeq: b.firstSeq, lastSeq: b.lastSeq, baseOffset: BigInt(b.baseOffset), lastOffset: BigInt(b.lastOffset) })),
      });
    }
  }

  /** Copies of the entries of the given producers, to undo a partly validated multi-batch append. */
  snapshot(producerIds: Iterable<bigint>): Map<bigint, ProducerEntry | undefined> {
    const out = new Map<bigint, ProducerEntry | undefined>();
    for (const id of producerIds) {
      const e = this.producers.get(id);
      out.set(id, e && { epoch: e.epoch, batches: [...e.batches] });
    }
    return out;
  }

  restore(snapshot: Map<bigint, ProducerEntry | undefined>): void {
    for (const [id, e] of snapshot) {
      if (e) this.producers.set(id, e);
      else this.producers.delete(id);
    }
  }
}

export interface AssignedOffsets {
  /** The batches to write (duplicates left out), stamped with their offsets. */
  readonly batches: Buffer[];
  readonly baseOffset: bigint;
  readonly lastOffset: bigint;
  /** The offset after the last batch to write. */
  readonly next: bigint;
}

/**
 * Gives one append's batches their offsets from `next` on, checking idempotent producers' sequences and
 * recording them. All or nothing: if any batch is refused, the producer state is put back and this throws.
 */
export function assignOffsets(producers: ProducerStateMap, batches: readonly Buffer[], next: bigint, leaderEpoch: number): AssignedOffsets {
  const snapshot = batches.length > 1 ? producers.snapshot(batches.map((b) => batchProducerId(b))) : undefined;
  const cursor = next;
  let baseOffset: bigint | undefined;
  let lastOffset = -1n;
  const toWrite: Buffer[] = [];
  try {
    for (const b of batches) {
      const pid = batchProducerId(b);
      const delta = batchLastOffsetDelta(b);
      if (pid >= 0n) {
        const epoch = batchProducerEpoch(b);
        const firstSeq = batchBaseSequence(b);
        const lastSeq = lastSequence(firstSeq, delta);
        const check = producers.check(pid, epoch, firstSeq, lastSeq);
        if (check.duplicate) {
          baseOffset ??= check.baseOffset;
          lastOffset = check.lastOffset;
          continue;
        }
        producers.update(pid, epoch, firstSeq, lastSeq, next, next + BigInt(delta));
      }
      stampBatch(b, next, leaderEpoch);
      baseOffset ??= next;
      lastOffset = next + BigInt(delta);
      next = lastOffset + 1n;
      toWrite.push(b);
    }
  } catch (err) {
    if (snapshot) producers.restore(snapshot);
    throw err;
  }
  return { batches: toWrite, baseOffset: baseOffset ?? cursor, lastOffset, next };
}
