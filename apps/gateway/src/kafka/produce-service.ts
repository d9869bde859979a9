import type { ProduceResult } from '@brook/contract';
import { fromKafkaError, HttpError } from '../errors.ts';
import type { Metrics } from '../plugins/metrics.ts';
import type { KafkaService } from './kafka-service.ts';
import type { MetadataService, TopicMeta } from './metadata.ts';
import { keyedPartition } from './partitioner.ts';
import { ProduceBatcher, type BatchKey } from './produce-batcher.ts';
import { sendProduce } from './produce-wire.ts';
import { encodeProduceBody, type OutgoingRecord } from './record-batch.ts';

/** A record ready to send (sent as is: the encoder ignores `partition`), or the reason it will not be. */
export type PreparedRecord = (OutgoingRecord & { partition?: number | undefined }) | { error: HttpError };

export interface ProduceOutcome {
  results: ProduceResult[];
  /** HTTP status of each failed record's error, by index (for the all-failed answer). */
  failures: HttpError[];
}

interface ProduceOptions {
  acks: number;
  timeoutMs: number;
}

/** The records of one request bound for one partition, with their indexes in the request. */
interface PartitionGroup {
  indexes: number[];
  records: OutgoingRecord[];
}

export class ProduceService {
  private readonly batcher: ProduceBatcher;
  private sticky = Math.floor(Math.random() * 1024);

  constructor(
    private readonly kafka: KafkaService,
    private readonly metadata: MetadataService,
    private readonly metrics: Metrics,
    lingerMs: number,
    inFlight: number,
  ) {
    this.batcher = new ProduceBatcher(
      (key, messages) => this.sendToLeader(key, messages),
      lingerMs,
      inFlight,
    );
  }

  /**
   * One Produce request for one partition, straight to its leader. kafkajs's producer.send
   * regroups messages with an O(n²) copy and takes a lock per call, and its batch encoder copies
   * every record several times: the request is encoded here once and sent on kafkajs's connection.
   * Leadership moves and lost connections are retried with fresh metadata.
   */
  private async sendToLeader(key: BatchKey, records: readonly OutgoingRecord[]): Promise<number | undefined> {
    const body = encodeProduceBody(key, records);
    for (let attempt = 1; ; attempt++) {
      try {
        const meta = await this.metadata.cachedTopic(key.topic);
        const leader = meta.partitions.find((p) => p.partitionId === key.partition)?.leader ?? -1;
        if (leader < 0) throw new HttpError(503, 'GATEWAY_CLUSTER_UNAVAILABLE', `Partition ${key.topic}-${key.partition} has no leader`);
        this.metrics.inc('brook_gateway_kafka_produce_requests_total');
        const response = await this.kafka.withWriter(async (cluster) => sendProduce(await cluster.findBroker({ nodeId: leader }), body, key.acks));
        if (key.acks === 0) return undefined;
        const result = response?.topics[0]?.partitions.find((p) => p.partition === key.partition);
        return result ? Number(result.baseOffset) : undefined;
      } catch (error) {
        const retriable = (error as { retriable?: unknown }).retriable === true || (error instanceof HttpError && error.status === 503);
        if (!retriable || attempt >= 4) throw error;
        this.metadata.invalidate();
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  }

  /** Keyless records of one request share one partition (like Java's sticky partitioner): one Kafka request. */
  private stickyPartition(meta: TopicMeta): number {
    const available = meta.partitions.filter((p) => p.leader >= 0);
    const pool = available.length > 0 ? available : meta.partitions;
    this.sticky = (this.sticky + 1) % 1_000_000;
    return pool[this.sticky % pool.length]?.partitionId ?? 0;
  }

  /** Sends one partition's records through the batcher and writes each record's result (or failure) at its index. */
  private async sendGroup(
    topic: string,
    partition: number,
    group: PartitionGroup,
    options: ProduceOptions,
    results: ProduceResult[],
    fail: (index: number, error: HttpError, partition?: number) => void,
  ): Promise<void> {
    try {
      const base = await this.batcher.enqueue({ topic, partition, acks: options.acks, timeoutMs: options.timeoutMs }, group.records);
      for (let i = 0; i < group.indexes.length; i++) {
        results[group.indexes[i] as number] = base === undefined ? { partition } : { partition, offset: base + i };
      }
      this.metrics.inc('brook_gateway_produced_records_total', {}, group.records.length);
    } catch (error) {
      const http = fromKafkaError(error, `producing to ${topic}-${partition}`) ?? new HttpError(500, 'GATEWAY_INTERNAL', 'produce failed', { cause: error });
      for (const index of group.indexes) fail(index, http, partition);
    }
  }

  async produce(topic: string, records: PreparedRecord[], options: ProduceOptions): Promise<ProduceOutcome> {
    let meta = await this.metadata.cachedTopic(topic);
    let highest = -1;
    for (const r of records) if (!('error' in r) && r.partition !== undefined && r.partition > highest) highest = r.partition;
    if (highest >= meta.partitions.length) {
      // Partitions may have been added since the cache was filled: look again before refusing.
      this.metadata.invalidate();
      meta = await this.metadata.cachedTopic(topic);
    }
    const count = meta.partitions.length;
    let keyless: number | undefined;

    const results: ProduceResult[] = new Array(records.length);
    const failures: HttpError[] = [];
    const fail = (index: number, error: HttpError, partition?: number): void => {
      results[index] = partition === undefined ? { error: error.toProblem() } : { partition, error: error.toProblem() };
      failures.push(error);
    };

    const groups = new Map<number, PartitionGroup>();
    for (let index = 0; index < records.length; index++) {
      const record = records[index] as PreparedRecord;
      if ('error' in record) {
        fail(index, record.error);
        continue;
      }
      let partition = record.partition;
      if (partition !== undefined && partition >= count) {
        fail(index, new HttpError(404, 'GATEWAY_PARTITION_NOT_FOUND', `Topic "${topic}" has no partition ${partition} (it has ${count})`));
        continue;
      }
      if (partition === undefined) partition = record.key !== null ? keyedPartition(record.key, count) : (keyless ??= this.stickyPartition(meta));
      let group = groups.get(partition);
      if (!group) groups.set(partition, (group = { indexes: [], records: [] }));
      group.indexes.push(index);
      group.records.push(record);
    }

    // One partition is the common case (a single record, or keyless records sharing a sticky partition).
    if (groups.size === 1) {
      for (const [partition, group] of groups) await this.sendGroup(topic, partition, group, options, results, fail);
    } else {
      await Promise.all(Array.from(groups, ([partition, group]) => this.sendGroup(topic, partition, group, options, results, fail)));
    }
    if (failures.length > 0) this.metrics.inc('brook_gateway_produce_failed_records_total', {}, failures.length);
    return { results, failures };
  }
}
