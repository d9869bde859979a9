import type { ProduceResult } from '@brook/contract';
import kafkajs, { type Message } from 'kafkajs';
import { fromKafkaError, HttpError } from '../errors.ts';
import type { Metrics } from '../plugins/metrics.ts';
import type { KafkaHeaders } from './codec.ts';
import type { KafkaService } from './kafka-service.ts';
import type { MetadataService, TopicMeta } from './metadata.ts';
import { ProduceBatcher } from './produce-batcher.ts';

/** A record ready to send, or the reason it will not be. */
export type PreparedRecord =
  | { key: Buffer | null; value: Buffer | null; headers?: KafkaHeaders; partition?: number; timestamp?: number }
  | { error: HttpError };

export interface ProduceOutcome {
  results: ProduceResult[];
  /** HTTP status of each failed record's error, by index (for the all-failed answer). */
  failures: HttpError[];
}

// Java's DefaultPartitioner for keyed records: murmur2 of the key bytes, modulo partitions.
const keyedPartitioner = kafkajs.Partitioners.DefaultPartitioner();

export class ProduceService {
  private readonly batcher: ProduceBatcher;
  private sticky = Math.floor(Math.random() * 1024);

  constructor(
    kafka: KafkaService,
    private readonly metadata: MetadataService,
    private readonly metrics: Metrics,
    lingerMs: number,
    inFlight: number,
  ) {
    this.batcher = new ProduceBatcher(
      (key, messages) => {
        this.metrics.inc('brook_gateway_kafka_produce_requests_total');
        return kafka.withProducer((producer) => producer.send({ topic: key.topic, acks: key.acks, timeout: key.timeoutMs, messages }));
      },
      lingerMs,
      inFlight,
    );
  }

  /** Keyless records of one request share one partition (like Java's sticky partitioner): one Kafka request. */
  private stickyPartition(meta: TopicMeta): number {
    const available = meta.partitions.filter((p) => p.leader >= 0);
    const pool = available.length > 0 ? available : meta.partitions;
    this.sticky = (this.sticky + 1) % 1_000_000;
    return pool[this.sticky % pool.length]?.partitionId ?? 0;
  }

  async produce(topic: string, records: PreparedRecord[], options: { acks: number; timeoutMs: number }): Promise<ProduceOutcome> {
    let meta = await this.metadata.cachedTopic(topic);
    const highest = Math.max(-1, ...records.map((r) => ('error' in r ? -1 : (r.partition ?? -1))));
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

    const groups = new Map<number, Array<{ index: number; message: Message }>>();
    records.forEach((record, index) => {
      if ('error' in record) return fail(index, record.error);
      let partition = record.partition;
      if (partition !== undefined && partition >= count) {
        return fail(index, new HttpError(404, 'GATEWAY_PARTITION_NOT_FOUND', `Topic "${topic}" has no partition ${partition} (it has ${count})`));
      }
      if (partition === undefined) {
        partition =
          record.key !== null
            ? keyedPartitioner({ topic, partitionMetadata: meta.partitions, message: { key: record.key, value: null } })
            : (keyless ??= this.stickyPartition(meta));
      }
      const message: Message = { key: record.key, value: record.value, partition };
      if (record.headers) message.headers = record.headers as Message['headers'];
      if (record.timestamp !== undefined) message.timestamp = String(record.timestamp);
      let group = groups.get(partition);
      if (!group) groups.set(partition, (group = []));
      group.push({ index, message });
    });

    await Promise.all(
      [...groups].map(async ([partition, group]) => {
        try {
          const base = await this.batcher.enqueue(
            { topic, partition, acks: options.acks, timeoutMs: options.timeoutMs },
            group.map((g) => g.message),
          );
          group.forEach(({ index }, i) => {
            results[index] = base === undefined ? { partition } : { partition, offset: base + i };
          });
          this.metrics.inc('brook_gateway_produced_records_total', {}, group.length);
        } catch (error) {
          const http = fromKafkaError(error, `producing to ${topic}-${partition}`) ?? new HttpError(500, 'GATEWAY_INTERNAL', 'produce failed', { cause: error });
          for (const { index } of group) fail(index, http, partition);
        }
      }),
    );
    if (failures.length > 0) this.metrics.inc('brook_gateway_produce_failed_records_total', {}, failures.length);
    return { results, failures };
  }
}
