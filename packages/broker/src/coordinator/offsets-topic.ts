// The internal __consumer_offsets topic: where the coordinator's records live (as v2 record batches, built
// with the log's batch utilities) and where they are replayed from on start. The topic is created on first
// need, like Kafka, with offsets.topic.num.partitions partitions; a group always lives in one partition.
import { KafkaError } from '../errors.ts';
import type { LogStore, PartitionLog } from '../log/types.ts';
import { BATCH_HEADER_SIZE, batchIsControl, batchLastOffset, batchMagic, entrySize } from '../records/batch.ts';
import { decompress } from '../records/compression.ts';
import { buildBatch, decodeBatch } from '../records/record.ts';
import { decodeRecord, encodeRecord, partitionForGroup } from './records.ts';
import type { CoordinatorRecord } from './types.ts';

export const OFFSETS_TOPIC = '__consumer_offsets';
const READ_CHUNK_BYTES = 1024 * 1024;
const RECORDS_PER_SNAPSHOT_BATCH = 500;

// Time retention must never delete live commits: old records go only through our snapshot compaction
// (compact(), which moves the log start offset). 100 MiB segments as Kafka's offsets.topic.segment.bytes.
const TOPIC_CONFIGS: Readonly<Record<string, string>> = {
  'cleanup.policy': 'compact',
  'retention.ms': '-1',
  'segment.bytes': String(100 * 1024 * 1024),
};

export class OffsetsTopic {
  private creating: Promise<void> | undefined;

  constructor(
    private readonly store: LogStore,
    private readonly configuredPartitions: number,
  ) {}

  /** Partitions of the existing topic (it may predate a config change), else the configured count. */
  partitions(): number {
    return this.store.getTopic(OFFSETS_TOPIC)?.partitions ?? this.configuredPartitions;
  }

  /** Records (offsets) held by a partition of the topic: what compaction would have to read back on start. */
  recordsHeld(partition: number): number {
    const log = this.store.partition(OFFSETS_TOPIC, partition);
    return log ? Number(log.logEndOffset() - log.logStartOffset()) : 0;
  }

  partitionFor(groupId: string): number {
    return partitionForGroup(groupId, this.partitions());
  }

  /** Creates the topic if it does not exist yet (concurrent callers share one creation). */
  ensure(): Promise<void> {
    if (this.store.getTopic(OFFSETS_TOPIC)) return Promise.resolve();
    this.creating ??= (async () => {
      try {
        await this.store.createTopic(OFFSETS_TOPIC, this.configuredPartitions, { ...TOPIC_CONFIGS }, { internal: true });
      } catch (err) {
        if (!(err instanceof KafkaError && err.errorName === 'TOPIC_ALREADY_EXISTS')) throw err;
      } finally {
        this.creating = undefined;
      }
    })();
    return this.creating;
  }

  /**
   * Appends one batch with these records to the group's partition. The log is called synchronously when
   * the topic exists, so appends issued in order are written in order.
   */
  append(groupId: string, records: readonly CoordinatorRecord[], durable: boolean, timestampMs: number): Promise<unknown> {
    const timestamp = BigInt(timestampMs);
    const batch = buildBatch(records.map((r) => ({ ...encodeRecord(r), timestamp })));
    const write = (): Promise<unknown> => {
      const log = this.store.partition(OFFSETS_TOPIC, this.partitionFor(groupId));
      if (!log) throw new KafkaError('UNKNOWN_TOPIC_OR_PARTITION', `${OFFSETS_TOPIC} is missing`);
      return log.append([batch], durable ? 'fsync' : 'os');
    };
    if (this.store.getTopic(OFFSETS_TOPIC)) return write();
    return this.ensure().then(write);
  }

  /** A topic created before these configs existed gets them now (idempotent). */
  async reconcileConfigs(): Promise<void> {
    const meta = this.store.getTopic(OFFSETS_TOPIC);
    if (!meta) return;
    const changes = Object.fromEntries(Object.entries(TOPIC_CONFIGS).filter(([k, v]) => meta.configs[k] !== v));
    if (Object.keys(changes).length > 0) await this.store.alterTopicConfigs(OFFSETS_TOPIC, changes);
  }

  /**
   * Compaction by snapshot: appends the live records of one partition (fsynced), then moves the log start
   * past everything before them, so whole old segments can go. Callers must ensure no write issued earlier
   * to this partition is still in flight, or its record could fall before the new start and be lost.
   */
  async compact(partition: number, records: readonly CoordinatorRecord[], timestampMs: number): Promise<bigint | undefined> {
    const log = this.store.partition(OFFSETS_TOPIC, partition);
    if (!log) return undefined;
    const timestamp = BigInt(timestampMs);
    const batches: Buffer[] = [];
    for (let i = 0; i < records.length; i += RECORDS_PER_SNAPSHOT_BATCH) {
      batches.push(buildBatch(records.slice(i, i + RECORDS_PER_SNAPSHOT_BATCH).map((r) => ({ ...encodeRecord(r), timestamp }))));
    }
    // With nothing live, the start simply moves to the end.
    const start = batches.length > 0 ? (await log.append(batches, 'fsync')).baseOffset : log.logEndOffset();
    return log.deleteRecordsBefore(start);
  }

  /**
   * Every coordinator record in the topic, partition by partition, in log order. A record this broker cannot
   * decode is reported to onSkip and skipped, so one bad record cannot keep the broker from starting.
   */
  async *replay(onSkip: (partition: number, offset: bigint, err: unknown) => void): AsyncGenerator<CoordinatorRecord> {
    const meta = this.store.getTopic(OFFSETS_TOPIC);
    if (!meta) return;
    for (let p = 0; p < meta.partitions; p++) {
      const log = this.store.partition(OFFSETS_TOPIC, p);
      if (log) yield* readPartition(log, (offset, err) => onSkip(p, offset, err));
    }
  }
}

function decodeOrSkip(key: Buffer, value: Buffer | null, offset: bigint, onSkip: (offset: bigint, err: unknown) => void): CoordinatorRecord | undefined {
  try {
    return decodeRecord(key, value);
  } catch (err) {
    onSkip(offset, err);
    return undefined;
  }
}

async function* readPartition(log: PartitionLog, onSkip: (offset: bigint, err: unknown) => void): AsyncGenerator<CoordinatorRecord> {
  let offset = log.logStartOffset();
  while (offset < log.logEndOffset()) {
    const { chunks } = await log.read(offset, READ_CHUNK_BYTES);
    const before = offset;
    for (const chunk of chunks) {
      for (let pos = 0; pos + BATCH_HEADER_SIZE <= chunk.length; ) {
        const size = entrySize(chunk, pos);
        if (pos + size > chunk.length) break;
        const batch = chunk.subarray(pos, pos + size);
        pos += size;
        const last = batchLastOffset(batch);
        if (last < offset || batchMagic(batch) !== 2 || batchIsControl(batch)) {
          offset = last < offset ? offset : last + 1n;
          continue;
        }
        for (const r of decodeBatch(batch, decompress)) {
          if (r.offset < offset || !r.key) continue;
          const record = decodeOrSkip(r.key, r.value, r.offset, onSkip);
          if (record) yield record;
        }
        offset = last + 1n;
      }
    }
    // A read that made no progress would loop forever: stop at what we have.
    if (offset === before) break;
  }
}
