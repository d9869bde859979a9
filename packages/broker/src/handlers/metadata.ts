// Metadata (key 3), versions 0-8 — MetadataRequest.json / MetadataResponse.json.
// One broker (us) leads every partition. Requested topics that do not exist are created on the spot
// when the client allows it (v4+ flag; always for v0-3) and the broker's autoCreateTopics is on.
import { ErrorCode, KafkaError, toErrorCode } from '../errors.ts';
import type { TopicMeta } from '../log/types.ts';
import type { MetadataResponseTopic } from '../protocol/generated/messages.ts';
import type { RequestContext } from '../server/context.ts';
import { defineHandler } from '../server/registry.ts';

function describeTopic(meta: TopicMeta, nodeId: number): MetadataResponseTopic {
  const partitions = [];
  for (let i = 0; i < meta.partitions; i++) {
    partitions.push({ errorCode: 0, partitionIndex: i, leaderId: nodeId, leaderEpoch: 0, replicaNodes: [nodeId], isrNodes: [nodeId], offlineReplicas: [] });
  }
  return { errorCode: 0, name: meta.name, isInternal: meta.internal, partitions };
}

function topicError(name: string, errorCode: number): MetadataResponseTopic {
  return { errorCode, name, isInternal: false, partitions: [] };
}

async function autoCreate(name: string, ctx: RequestContext): Promise<MetadataResponseTopic> {
  const { store, config } = ctx.broker;
  try {
    const meta = await store.createTopic(name, config.defaultPartitions);
    ctx.log.info({ topic: name, partitions: meta.partitions }, 'auto-created topic');
    return describeTopic(meta, config.nodeId);
  } catch (err) {
    // Another connection may have created it between our lookup and our create.
    const existing = store.getTopic(name);
    if (existing) return describeTopic(existing, config.nodeId);
    if (!(err instanceof KafkaError)) throw err;
    return topicError(name, toErrorCode(err));
  }
}

export const metadataHandler = defineHandler('Metadata', {
  minVersion: 0,
  maxVersion: 8,
  async handle(request, ctx) {
    const { store, config, advertised, clusterId } = ctx.broker;
    // v0 has no null: an empty list means every topic there.
    const all = request.topics === null || (ctx.apiVersion === 0 && request.topics.length === 0);
    let topics: MetadataResponseTopic[];
    if (all) {
      topics = store.listTopics().map((meta) => describeTopic(meta, config.nodeId));
    } else {
      const allowAutoCreate = config.autoCreateTopics && request.allowAutoTopicCreation !== false;
      topics = await Promise.all(
        (request.topics ?? []).map(({ name }) => {
          const meta = name === null ? undefined : store.getTopic(name);
          if (meta) return describeTopic(meta, config.nodeId);
          if (name !== null && allowAutoCreate) return autoCreate(name, ctx);
          return topicError(name ?? '', ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        }),
      );
    }
    return {
      throttleTimeMs: 0,
      brokers: [{ nodeId: config.nodeId, host: advertised.host, port: advertised.port, rack: null }],
      clusterId,
      controllerId: config.nodeId,
      topics,
    };
  },
});
