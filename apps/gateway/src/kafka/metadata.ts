import { HttpError, kafkaErrorInfo } from '../errors.ts';
import type { KafkaService } from './kafka-service.ts';
import { fetchMetadata, ISOLATION_READ_UNCOMMITTED, type WireCluster, type WireMetadata, type WirePartitionMetadata } from './wire.ts';

export interface TopicMeta {
  name: string;
  internal: boolean;
  partitions: WirePartitionMetadata[];
}

const UNKNOWN_TOPIC = 3;

type AllTopics = { cluster: WireMetadata; topics: TopicMeta[] };
const REFRESH_DELAY_MS = 100;
/** Above this, a ListOffsets request is not worth a key to share it by (the topic list's pages are). */
const SHARED_OFFSETS_MAX_TOPICS = 64;

function isInternal(name: string, flag: boolean | undefined): boolean {
  return flag === true || name.startsWith('__');
}

function toTopicMeta(topic: WireMetadata['topicMetadata'][number]): TopicMeta {
  return {
    name: topic.topic,
    internal: isInternal(topic.topic, topic.isInternal),
    partitions: [...topic.partitionMetadata].sort((a, b) => a.partitionId - b.partitionId),
  };
}

export function isUnknownTopic(error: unknown): boolean {
  return kafkaErrorInfo(error)?.name === 'UNKNOWN_TOPIC_OR_PARTITION';
}

export const topicNotFound = (name: string): HttpError =>
  new HttpError(404, 'GATEWAY_TOPIC_NOT_FOUND', `Topic "${name}" does not exist`);

/**
 * Topic metadata and offsets through the protocol-level reader. The all-topics listing is
 * cached for a moment so paging through 10,000 topics does not refetch it per page.
 */
export class MetadataService {
  /** The last listing answered (never a failure). */
  private allCache: { at: number; value: Promise<AllTopics> } | undefined;
  /** The Metadata request for every topic in flight, shared by concurrent callers. */
  private pending: Promise<AllTopics> | undefined;
  /** Bumped by invalidate(): an answer to a request sent before it is not cached. */
  private generation = 0;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly kafka: KafkaService,
    private readonly cacheMs = 2000,
  ) {}

  private readonly topicCache = new Map<string, { at: number; value: Promise<TopicMeta> }>();
  private readonly offsetsInFlight = new Map<string, Promise<Map<string, Map<number, number>>>>();

  invalidate(): void {
    this.generation++;
    this.allCache = undefined;
    this.pending = undefined;
    this.topicCache.clear();
  }

  /**
   * One topic's metadata from a short-lived cache, for the produce hot path (partition count
   * and leaders). Bounded: the oldest entry goes first.
   */
  cachedTopic(name: string, ttlMs = 5000): Promise<TopicMeta> {
    const now = Date.now();
    const hit = this.topicCache.get(name);
    if (hit && now - hit.at < ttlMs) return hit.value;
    const value = this.topic(name);
    this.topicCache.delete(name);
    if (this.topicCache.size >= 10_000) {
      const oldest = this.topicCache.keys().next().value;
      if (oldest !== undefined) this.topicCache.delete(oldest);
    }
    this.topicCache.set(name, { at: now, value });
    value.catch(() => {
      if (this.topicCache.get(name)?.value === value) this.topicCache.delete(name);
    });
    return value;
  }

  /**
   * Every topic's metadata. With `maxStaleMs`, a listing older than the cache time but younger
   * than that is answered at once while one refresh runs behind it: with 10,000 topics a fresh
   * Metadata costs the broker and kafkajs tens of milliseconds, too much for every page of the
   * topic list. Changes made through the gateway invalidate the cache, so they show at once.
   */
  all(options: { maxStaleMs?: number } = {}): Promise<AllTopics> {
    const now = Date.now();
    const cached = this.allCache;
    if (cached && now - cached.at < this.cacheMs) return cached.value;
    if (cached && options.maxStaleMs !== undefined && now - cached.at < options.maxStaleMs) {
      // Started a moment later: decoding 10,000 topics blocks the event loop for tens of
      // milliseconds, which belong after the answer that triggered the refresh, not in it.
      this.refreshTimer ??= setTimeout(() => {
        this.refreshTimer = undefined;
        this.refreshAll().catch(() => undefined);
      }, REFRESH_DELAY_MS);
      this.refreshTimer.unref();
      return cached.value;
    }
    return this.refreshAll();
  }

  /** One Metadata request for every topic at a time; its answer is cached unless invalidated meanwhile. */
  private refreshAll(): Promise<AllTopics> {
    if (this.pending) return this.pending;
    const generation = this.generation;
    const at = Date.now();
    const value = this.kafka.withLister(async (cluster) => {
      const metadata = await fetchMetadata(cluster, []);
      return { cluster: metadata, topics: metadata.topicMetadata.map(toTopicMeta) };
    });
    this.pending = value;
    value.then(
      () => {
        if (this.generation === generation) this.allCache = { at, value };
      },
      () => undefined,
    ).finally(() => {
      if (this.pending === value) this.pending = undefined;
    });
    return value;
  }

  /** One topic's metadata, or a 404 problem. */
  async topic(name: string): Promise<TopicMeta> {
    try {
      const metadata = await this.kafka.withReader((cluster) => fetchMetadata(cluster, [name]));
      const topic = metadata.topicMetadata.find((t) => t.topic === name);
      if (!topic || topic.topicErrorCode === UNKNOWN_TOPIC) throw topicNotFound(name);
      return toTopicMeta(topic);
    } catch (error) {
      if (isUnknownTopic(error)) throw topicNotFound(name);
      throw error;
    }
  }

  /**
   * ListOffsets for many partitions: one request per partition leader. `timestamp` is -2
   * (earliest), -1 (latest) or milliseconds; -1 in the answer means "no such record".
   */
  offsets(topics: TopicMeta[], timestamp: number | ((topic: string, partition: number) => number)): Promise<Map<string, Map<number, number>>> {
    if (typeof timestamp !== 'number' || topics.length > SHARED_OFFSETS_MAX_TOPICS) {
      return this.kafka.withReader((cluster) => listOffsets(cluster, topics, timestamp));
    }
    // A topic page asks for its detail and its newest records at once, both starting with the
    // same two ListOffsets: concurrent identical requests share one answer (read-only maps),
    // which is as fresh as either would have been. Nothing is kept once it settles.
    const key = `${timestamp}|${topics.map((t) => `${t.name}:${t.partitions.map((p) => `${p.partitionId}@${p.leader}`).join(',')}`).join('|')}`;
    const pending = this.offsetsInFlight.get(key);
    if (pending) return pending;
    const value = this.kafka.withReader((cluster) => listOffsets(cluster, topics, timestamp));
    this.offsetsInFlight.set(key, value);
    value
      .finally(() => {
        if (this.offsetsInFlight.get(key) === value) this.offsetsInFlight.delete(key);
      })
      .catch(() => undefined);
    return value;
  }
}

export async function listOffsets(
  cluster: WireCluster,
  topics: TopicMeta[],
  timestamp: number | ((topic: string, partition: number) => number),
): Promise<Map<string, Map<number, number>>> {
  const byLeader = new Map<number, Map<string, Array<{ partition: number; timestamp: number }>>>();
  for (const topic of topics) {
    for (const p of topic.partitions) {
      if (p.leader < 0) continue;
      let perTopic = byLeader.get(p.leader);
      if (!perTopic) byLeader.set(p.leader, (perTopic = new Map()));
      let list = perTopic.get(topic.name);
      if (!list) perTopic.set(topic.name, (list = []));
      list.push({ partition: p.partitionId, timestamp: typeof timestamp === 'number' ? timestamp : timestamp(topic.name, p.partitionId) });
    }
  }
  const result = new Map<string, Map<number, number>>();
  await Promise.all(
    [...byLeader].map(async ([nodeId, perTopic]) => {
      const broker = await cluster.findBroker({ nodeId });
      const { responses } = await broker.listOffsets({
        isolationLevel: ISOLATION_READ_UNCOMMITTED,
        topics: [...perTopic].map(([topic, partitions]) => ({ topic, partitions })),
      });
      for (const response of responses) {
        let perPartition = result.get(response.topic);
        if (!perPartition) result.set(response.topic, (perPartition = new Map()));
        for (const p of response.partitions) perPartition.set(p.partition, Number(p.offset));
      }
    }),
  );
  return result;
}
