import { routes, type TopicSummary } from '@brook/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import kafkajs from 'kafkajs';
import { HttpError } from '../errors.ts';
import type { TopicMeta } from '../kafka/metadata.ts';
import { EARLIEST_TIMESTAMP, LATEST_TIMESTAMP } from '../kafka/wire.ts';
import { topicConfigRoutes } from './topic-configs.ts';
import { routeConfig, routeSchema } from './route.ts';

const replicationFactorOf = (topic: TopicMeta): number => topic.partitions[0]?.replicas.length ?? 0;
const { ConfigResourceTypes } = kafkajs;

/**
 * How old a cached topic listing may be when a page of the list is answered from it while a
 * fresh one is fetched behind (see MetadataService.all); the gateway's own changes show at once.
 */
const LIST_MAX_STALE_MS = 30_000;

// The listing sorted by name once per metadata snapshot, not on every page request.
const sortedByName = new WeakMap<readonly TopicMeta[], TopicMeta[]>();
function byName(topics: readonly TopicMeta[]): TopicMeta[] {
  let sorted = sortedByName.get(topics);
  if (!sorted) {
    sorted = [...topics].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    sortedByName.set(topics, sorted);
  }
  return sorted;
}

export const topicRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Message estimates for a few seconds: sorting 10,000 topics by size must not cost two ListOffsets sweeps per page.
  const countCache = new Map<string, { at: number; count: number }>();
  const COUNT_TTL_MS = 5000;

  /** Message estimate per topic (latest − earliest over partitions); omitted if offsets are unavailable. */
  async function messageCounts(all: TopicMeta[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    const now = Date.now();
    // A page is counted fresh; only whole-cluster sorts use the short-lived cache.
    const topics = all.length <= 1000 ? all : all.filter((t) => {
      const hit = countCache.get(t.name);
      if (hit && now - hit.at < COUNT_TTL_MS) counts.set(t.name, hit.count);
      return !counts.has(t.name);
    });
    if (topics.length === 0) return counts;
    if (countCache.size > 50_000) countCache.clear();
    try {
      const [earliest, latest] = await Promise.all([
        app.metadata.offsets(topics, EARLIEST_TIMESTAMP),
        app.metadata.offsets(topics, LATEST_TIMESTAMP),
      ]);
      for (const topic of topics) {
        let total = 0;
        for (const p of topic.partitions) {
          const low = earliest.get(topic.name)?.get(p.partitionId) ?? 0;
          const high = latest.get(topic.name)?.get(p.partitionId) ?? 0;
          total += Math.max(0, high - low);
        }
        counts.set(topic.name, total);
        countCache.set(topic.name, { at: now, count: total });
      }
    } catch (error) {
      app.log.warn({ err: error }, 'could not read offsets for the topic list');
    }
    return counts;
  }

  app.get(routes.listTopics.url, { schema: routeSchema(routes.listTopics), config: routeConfig(routes.listTopics) }, async (request) => {
    const { search, sort = 'name', order = 'asc', page = 1, pageSize = 50, internal = false } = request.query;
    const { topics } = await app.metadata.all({ maxStaleMs: LIST_MAX_STALE_MS });
    const needle = search?.toLowerCase();
    const matching = byName(topics).filter((t) => (internal || !t.internal) && (!needle || t.name.toLowerCase().includes(needle)));

    // Offsets cost a round trip per leader: only for the page, unless sorting by them needs them all.
    let counts = sort === 'messages' ? await messageCounts(matching) : undefined;
    const direction = order === 'desc' ? -1 : 1;
    if (sort === 'name') {
      if (direction === -1) matching.reverse();
    } else {
      const key = (t: TopicMeta): number =>
        sort === 'partitions' ? t.partitions.length : sort === 'replicationFactor' ? replicationFactorOf(t) : (counts?.get(t.name) ?? -1);
      // Stable over the name order: ties stay by name, ascending.
      matching.sort((a, b) => (key(a) - key(b)) * direction);
    }
    const slice = matching.slice((page - 1) * pageSize, page * pageSize);
    counts ??= await messageCounts(slice);
    const summaries: TopicSummary[] = slice.map((t) => {
      const summary: TopicSummary = {
        name: t.name,
        partitions: t.partitions.length,
        replicationFactor: replicationFactorOf(t),
        internal: t.internal,
      };
      const messages = counts?.get(t.name);
      if (messages !== undefined) summary.messages = messages;
      return summary;
    });
    return { topics: summaries, total: matching.length, page, pageSize };
  });

  /**
   * The cluster's default.replication.factor, for a topic created without one. Kafka applies it
   * itself for CreateTopics v4+ (replication factor -1), but kafkajs speaks only v0-3.
   */
  async function defaultReplicationFactor(): Promise<number> {
    const { cluster } = await app.metadata.all();
    const broker = cluster.brokers[0];
    if (!broker) return 1;
    const { resources } = await app.kafka.withAdmin((admin) =>
      admin.describeConfigs({ resources: [{ type: ConfigResourceTypes.BROKER, name: String(broker.nodeId), configNames: ['default.replication.factor'] }], includeSynonyms: false }),
    );
    const value = Number(resources[0]?.configEntries.find((e) => e.configName === 'default.replication.factor')?.configValue);
    return Number.isInteger(value) && value > 0 ? value : 1;
  }

  app.post(
    routes.createTopic.url,
    { schema: routeSchema(routes.createTopic), config: routeConfig(routes.createTopic) },
    async (request, reply) => {
      const { name, partitions = 1, configs } = request.body;
      const replicationFactor = request.body.replicationFactor ?? (await defaultReplicationFactor());
      const configEntries = Object.entries(configs ?? {}).map(([key, value]) => ({ name: key, value }));
      const created = await app.kafka.withAdmin((admin) =>
        admin.createTopics({
          topics: [{ topic: name, numPartitions: partitions, replicationFactor, configEntries }],
          waitForLeaders: true,
          timeout: 10_000,
        }),
      );
      app.metadata.invalidate();
      if (!created) throw new HttpError(409, 'GATEWAY_TOPIC_EXISTS', `Topic "${name}" already exists`);
      void reply.status(201);
      return { name, partitions, replicationFactor, ...(configs ? { configs } : {}) };
    },
  );

  app.get(routes.getTopic.url, { schema: routeSchema(routes.getTopic), config: routeConfig(routes.getTopic) }, async (request) => {
    // The same short-lived entry the message read of the same page uses: one Metadata request for both.
    const topic = await app.metadata.cachedTopic(request.params.name, 2000);
    const [earliest, latest] = await Promise.all([
      app.metadata.offsets([topic], EARLIEST_TIMESTAMP),
      app.metadata.offsets([topic], LATEST_TIMESTAMP),
    ]);
    let messages = 0;
    const partitions = topic.partitions.map((p) => {
      const earliestOffset = earliest.get(topic.name)?.get(p.partitionId) ?? 0;
      const latestOffset = latest.get(topic.name)?.get(p.partitionId) ?? 0;
      messages += Math.max(0, latestOffset - earliestOffset);
      return {
        partition: p.partitionId,
        leader: p.leader,
        replicas: p.replicas,
        isr: p.isr,
        offlineReplicas: p.offlineReplicas ?? [],
        earliestOffset,
        latestOffset,
        messages: Math.max(0, latestOffset - earliestOffset),
        underReplicated: p.isr.length < p.replicas.length,
      };
    });
    return { name: topic.name, internal: topic.internal, replicationFactor: replicationFactorOf(topic), messages, partitions };
  });

  app.delete(routes.deleteTopic.url, { schema: routeSchema(routes.deleteTopic), config: routeConfig(routes.deleteTopic) }, async (request, reply) => {
    const { name } = request.params;
    // kafkajs retries an unknown topic on delete for seconds: answer 404 from metadata first.
    await app.metadata.topic(name);
    await app.kafka.withAdmin((admin) => admin.deleteTopics({ topics: [name], timeout: 10_000 }));
    app.metadata.invalidate();
    void reply.status(204);
    return null;
  });

  app.post(
    routes.addPartitions.url,
    { schema: routeSchema(routes.addPartitions), config: routeConfig(routes.addPartitions) },
    async (request) => {
      const { name } = request.params;
      const { count } = request.body;
      const topic = await app.metadata.topic(name);
      if (count <= topic.partitions.length) {
        throw new HttpError(400, 'GATEWAY_INVALID_REQUEST', `Topic "${name}" has ${topic.partitions.length} partitions; count must be larger`, {
          details: { current: topic.partitions.length, requested: count },
        });
      }
      await app.kafka.withAdmin((admin) => admin.createPartitions({ topicPartitions: [{ topic: name, count }], timeout: 10_000 }));
      app.metadata.invalidate();
      return { name, partitions: count };
    },
  );

  await app.register(topicConfigRoutes);
};
