// CreatePartitions (key 37), versions 0-3 — CreatePartitionsRequest.json / CreatePartitionsResponse.json.
// v2+ is flexible; no field changes.
// Grows a topic to `count` partitions; explicit assignments may only name this broker.
import { ErrorCode, KafkaError } from '../errors.ts';
import type { CreatePartitionsTopic } from '../protocol/generated/messages.ts';
import type { RequestContext } from '../server/context.ts';
import { defineHandler } from '../server/registry.ts';
import { MAX_PARTITIONS_PER_REQUEST, OK, duplicateNames, failure } from './admin-util.ts';

async function growOne(topic: CreatePartitionsTopic, validateOnly: boolean, ctx: RequestContext): Promise<{ errorCode: number; errorMessage: string | null }> {
  const { store, config } = ctx.broker;
  try {
    const meta = store.getTopic(topic.name);
    if (!meta) throw new KafkaError('UNKNOWN_TOPIC_OR_PARTITION', `The topic '${topic.name}' does not exist.`);
    if (topic.count < meta.partitions) {
      throw new KafkaError('INVALID_PARTITIONS', `Topic currently has ${meta.partitions} partitions, which is higher than the requested ${topic.count}.`);
    }
    if (topic.count === meta.partitions) throw new KafkaError('INVALID_PARTITIONS', `Topic already has ${meta.partitions} partitions.`);
    if (topic.count > MAX_PARTITIONS_PER_REQUEST) throw new KafkaError('INVALID_PARTITIONS', `Number of partitions must be at most ${MAX_PARTITIONS_PER_REQUEST}.`);
    if (topic.assignments !== null) {
      const added = topic.count - meta.partitions;
      if (topic.assignments.length !== added) {
        throw new KafkaError('INVALID_REPLICA_ASSIGNMENT', `Increasing the number of partitions by ${added} but ${topic.assignments.length} assignments provided.`);
      }
      if (topic.assignments.some((a) => a.brokerIds.length !== 1 || a.brokerIds[0] !== config.nodeId)) {
        throw new KafkaError('INVALID_REPLICA_ASSIGNMENT', `Every new partition must be assigned to [${config.nodeId}] on this single-node broker`);
      }
    }
    if (!validateOnly) {
      await store.createPartitions(topic.name, topic.count);
      ctx.log.info({ topic: topic.name, from: meta.partitions, to: topic.count }, 'added partitions');
    }
    return OK;
  } catch (err) {
    return failure(err, ctx);
  }
}

export const createPartitionsHandler = defineHandler('CreatePartitions', {
  minVersion: 0,
  maxVersion: 3,
  async handle(request, ctx) {
    const duplicates = duplicateNames(request.topics.map((t) => t.name));
    const results = await Promise.all(
      request.topics.map(async (topic) => ({
        name: topic.name,
        ...(duplicates.has(topic.name)
          ? { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: `Duplicate topic ${topic.name} in the request` }
          : await growOne(topic, request.validateOnly, ctx)),
      })),
    );
    return { throttleTimeMs: 0, results };
  },
});
