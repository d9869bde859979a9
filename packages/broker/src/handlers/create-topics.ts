// CreateTopics (key 19), versions 0-7 — CreateTopicsRequest.json / CreateTopicsResponse.json.
// A single node: replication factor must be 1 (or -1, "broker default"); manual assignments may only
// name this broker. Per-topic errors carry messages from v1; validateOnly (v1+) checks without creating.
// v5+ (flexible) also returns the partition count, replication factor and configs; v7 the topic id.
import { ErrorCode, KafkaError } from '../errors.ts';
import { validateTopicConfig, validateTopicName } from '../log/index.ts';
import type { CreateTopicsRequestCreatableTopic, CreateTopicsResponseCreatableTopicResult } from '../protocol/generated/messages.ts';
import type { RequestContext } from '../server/context.ts';
import { defineHandler } from '../server/registry.ts';
import { ZERO_UUID } from '../protocol/compile.ts';
import { MAX_PARTITIONS_PER_REQUEST, duplicateNames, failure } from './admin-util.ts';
import { describeTopicConfigs } from './config-resources.ts';

interface Plan {
  readonly partitions: number;
  readonly configs: Record<string, string>;
}

/** Checks one topic as Kafka does; throws KafkaError with the message the client shows. */
function plan(topic: CreateTopicsRequestCreatableTopic, ctx: RequestContext): Plan {
  const { config, store } = ctx.broker;
  validateTopicName(topic.name);
  if (store.getTopic(topic.name)) throw new KafkaError('TOPIC_ALREADY_EXISTS', `Topic '${topic.name}' already exists.`);
  let partitions: number;
  if (topic.assignments.length > 0) {
    if (topic.numPartitions !== -1 || topic.replicationFactor !== -1) {
      throw new KafkaError('INVALID_REQUEST', 'Both numPartitions or replicationFactor and replicasAssignments were set. Both cannot be used at the same time.');
    }
    const indexes = topic.assignments.map((a) => a.partitionIndex).sort((a, b) => a - b);
    if (indexes.some((index, i) => index !== i)) throw new KafkaError('INVALID_REPLICA_ASSIGNMENT', 'Partitions should be a consecutive 0-based integer sequence');
    for (const a of topic.assignments) {
      if (a.brokerIds.length !== 1 || a.brokerIds[0] !== config.nodeId) {
        throw new KafkaError('INVALID_REPLICA_ASSIGNMENT', `Replica assignment for partition ${a.partitionIndex} must be [${config.nodeId}] on this single-node broker`);
      }
    }
    partitions = topic.assignments.length;
  } else {
    if (topic.numPartitions === 0 || topic.numPartitions < -1) throw new KafkaError('INVALID_PARTITIONS', 'Number of partitions must be larger than 0.');
    if (topic.replicationFactor === 0 || topic.replicationFactor < -1) throw new KafkaError('INVALID_REPLICATION_FACTOR', 'Replication factor must be larger than 0.');
    if (topic.replicationFactor > 1) {
      throw new KafkaError('INVALID_REPLICATION_FACTOR', `Replication factor: ${topic.replicationFactor} larger than available brokers: 1.`);
    }
    partitions = topic.numPartitions === -1 ? config.defaultPartitions : topic.numPartitions;
  }
  if (partitions > MAX_PARTITIONS_PER_REQUEST) throw new KafkaError('INVALID_PARTITIONS', `Number of partitions must be at most ${MAX_PARTITIONS_PER_REQUEST}.`);
  const configs: Record<string, string> = {};
  for (const { name, value } of topic.configs) {
    // A null value means "use the default": nothing to store.
    if (value === null) continue;
    validateTopicConfig(name, value);
    configs[name] = value;
  }
  return { partitions, configs };
}

async function createOne(topic: CreateTopicsRequestCreatableTopic, validateOnly: boolean, ctx: RequestContext): Promise<CreateTopicsResponseCreatableTopicResult> {
  try {
    const { partitions, configs } = plan(topic, ctx);
    let topicId = ZERO_UUID;
    if (!validateOnly) {
      topicId = (await ctx.broker.store.createTopic(topic.name, partitions, configs)).id;
      ctx.log.info({ topic: topic.name, partitions }, 'created topic');
    }
    const described = describeTopicConfigs(configs, ctx.broker.config, { keys: null, synonyms: false });
    return {
      name: topic.name,
      topicId,
      errorCode: ErrorCode.NONE,
      errorMessage: null,
      numPartitions: partitions,
      replicationFactor: 1,
      configs: described.map(({ name, value, readOnly, configSource, isSensitive }) => ({ name, value, readOnly, configSource: configSource ?? -1, isSensitive })),
    };
  } catch (err) {
    return { name: topic.name, ...failure(err, ctx), numPartitions: -1, replicationFactor: -1 };
  }
}

export const createTopicsHandler = defineHandler('CreateTopics', {
  minVersion: 0,
  maxVersion: 7,
  async handle(request, ctx) {
    const duplicates = duplicateNames(request.topics.map((t) => t.name));
    const topics = await Promise.all(
      request.topics.map((topic) =>
        duplicates.has(topic.name)
          ? { name: topic.name, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: `Create topics request from client contains multiple entries for topic ${topic.name}`, numPartitions: -1, replicationFactor: -1 }
          : createOne(topic, request.validateOnly === true, ctx),
      ),
    );
    return { throttleTimeMs: 0, topics };
  },
});
