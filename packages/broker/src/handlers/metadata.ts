// Metadata (key 3), versions 0-12 — MetadataRequest.json / MetadataResponse.json.
// One broker (us) leads every partition. Requested topics that do not exist are created on the spot
// when the client allows it (v4+ flag; always for v0-3) and the broker's autoCreateTopics is on.
// v9+ is flexible; v10+ carries topic ids (requests may name a topic by id only); v12 makes names
// nullable. @platformatic/kafka needs v9+, librdkafka uses up to v12, kafkajs up to v6.
import { ErrorCode, KafkaError, toErrorCode } from '../errors.ts';
import type { TopicMeta } from '../log/types.ts';
import type { MetadataRequestTopic, MetadataResponseTopic } from '../protocol/generated/messages.ts';
import { ZERO_UUID } from '../protocol/compile.ts';
import type { RequestContext } from '../server/context.ts';
import { defineHandler } from '../server/registry.ts';

// Without ACLs every operation is allowed: bit sets of Kafka's AclOperation codes.
const TOPIC_OPERATIONS = [3, 4, 5, 6, 7, 8, 10, 11].reduce((bits, op) => bits | (1 << op), 0); // READ..ALTER_CONFIGS
const CLUSTER_OPERATIONS = [5, 7, 8, 9, 10, 11, 12].reduce((bits, op) => bits | (1 << op), 0); // CREATE..IDEMPOTENT_WRITE
const OPERATIONS_NOT_REQUESTED = -2147483648;

function describeTopic(meta: TopicMeta, nodeId: number, operations: number): MetadataResponseTopic {
  const partitions = [];
  for (let i = 0; i < meta.partitions; i++) {
    partitions.push({ errorCode: 0, partitionIndex: i, leaderId: nodeId, leaderEpoch: 0, replicaNodes: [nodeId], isrNodes: [nodeId], offlineReplicas: [] });
  }
  return { errorCode: 0, name: meta.name, topicId: meta.id, isInternal: meta.internal, partitions, topicAuthorizedOperations: operations };
}

function topicError(name: string | null, errorCode: number, topicId = ZERO_UUID): MetadataResponseTopic {
  return { errorCode, name, topicId, isInternal: false, partitions: [] };
}

async function autoCreate(name: string, ctx: RequestContext, operations: number): Promise<MetadataResponseTopic> {
  const { store, config } = ctx.broker;
  try {
    const meta = await store.createTopic(name, config.defaultPartitions);
    ctx.log.info({ topic: name, partitions: meta.partitions }, 'auto-created topic');
    return describeTopic(meta, config.nodeId, operations);
  } catch (err) {
    // Another connection may have created it between our lookup and our create.
    const existing = store.getTopic(name);
    if (existing) return describeTopic(existing, config.nodeId, operations);
    if (!(err instanceof KafkaError)) throw err;
    return topicError(name, toErrorCode(err));
  }
}

function lookup(requested: MetadataRequestTopic, ctx: RequestContext): TopicMeta | undefined {
  const { store } = ctx.broker;
  if (requested.name !== null) return store.getTopic(requested.name);
  return requested.topicId === undefined ? undefined : store.getTopicById(requested.topicId);
}

export const metadataHandler = defineHandler('Metadata', {
  minVersion: 0,
  maxVersion: 12,
  async handle(request, ctx) {
    const { store, config, advertised, clusterId } = ctx.broker;
    const operations = request.includeTopicAuthorizedOperations ? TOPIC_OPERATIONS : OPERATIONS_NOT_REQUESTED;
    // v0 has no null: an empty list means every topic there.
    const all = request.topics === null || (ctx.apiVersion === 0 && request.topics.length === 0);
    let topics: MetadataResponseTopic[];
    if (all) {
      topics = store.listTopics().map((meta) => describeTopic(meta, config.nodeId, operations));
    } else {
      const allowAutoCreate = config.autoCreateTopics && request.allowAutoTopicCreation !== false;
      topics = await Promise.all(
        (request.topics ?? []).map((requested) => {
          const meta = lookup(requested, ctx);
          if (meta) return describeTopic(meta, config.nodeId, operations);
          // Names became nullable in v12; v10-11 answer an unknown id with an empty name.
          if (requested.name === null) return topicError(ctx.apiVersion >= 12 ? null : '', ErrorCode.UNKNOWN_TOPIC_ID, requested.topicId);
          if (allowAutoCreate) return autoCreate(requested.name, ctx, operations);
          return topicError(requested.name, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        }),
      );
    }
    return {
      throttleTimeMs: 0,
      brokers: [{ nodeId: config.nodeId, host: advertised.host, port: advertised.port, rack: null }],
      clusterId,
      controllerId: config.nodeId,
      topics,
      clusterAuthorizedOperations: request.includeClusterAuthorizedOperations ? CLUSTER_OPERATIONS : OPERATIONS_NOT_REQUESTED,
    };
  },
});
