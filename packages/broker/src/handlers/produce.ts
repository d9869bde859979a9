// Produce (key 0), versions 0-8 — ProduceRequest.json / ProduceResponse.json.
// Batches are validated by header and CRC only (records/validate.ts) and appended as received; magic 0/1
// message sets (v0-2 producers) are up-converted first. acks=0 sends no response, acks=1 answers once the
// write reached the OS, acks=-1 once it is fsynced (group commit). Appends start before the first await,
// so a connection's requests reach each partition in order.
import { ErrorCode, KafkaError } from '../errors.ts';
import type { AppendResult, Durability, TopicMeta } from '../log/types.ts';
import type { ProduceResponsePartitionProduceResponse, ProduceResponseTopicProduceResponse } from '../protocol/generated/messages.ts';
import { validateRecords } from '../records/validate.ts';
import type { RequestContext } from '../server/context.ts';
import { defineHandler } from '../server/registry.ts';
import { errorCodeOf, errorMessageOf, partitionOrThrow, topicForProduce } from './data-util.ts';

function partitionResult(index: number, result: AppendResult): ProduceResponsePartitionProduceResponse {
  return { index, errorCode: ErrorCode.NONE, baseOffset: result.baseOffset, logAppendTimeMs: result.logAppendTimeMs, logStartOffset: result.logStartOffset, recordErrors: [], errorMessage: null };
}

function partitionError(index: number, errorCode: number, errorMessage: string | null): ProduceResponsePartitionProduceResponse {
  return { index, errorCode, baseOffset: -1n, logAppendTimeMs: -1n, logStartOffset: -1n, recordErrors: [], errorMessage };
}

function appendOne(meta: TopicMeta | undefined, topic: string, index: number, records: Buffer | null, durability: Durability, ctx: RequestContext): Promise<AppendResult> {
  if (!meta) throw new KafkaError('UNKNOWN_TOPIC_OR_PARTITION', `This server does not host ${topic}-${index}.`);
  // Internal topics (__consumer_offsets) are written by the broker itself, never by clients.
  if (meta.internal) throw new KafkaError('INVALID_TOPIC_EXCEPTION', `Cannot append to internal topic ${topic}`);
  const log = partitionOrThrow(ctx.broker.store, topic, index);
  if (records === null) throw new KafkaError('CORRUPT_MESSAGE', 'null records');
  const { batches } = validateRecords(records);
  return log.append(batches, durability);
}

export const produceHandler = defineHandler('Produce', {
  minVersion: 0,
  maxVersion: 8,
  handle(request, ctx) {
    const { acks } = request;
    const durability: Durability = acks === -1 ? 'fsync' : 'os';
    const badAcks = acks !== 0 && acks !== 1 && acks !== -1;
    const topics = request.topicData.map((topic) => {
      const meta = badAcks ? undefined : topicForProduce(topic.name, ctx);
      const partitions = topic.partitionData.map(async ({ index, records }): Promise<ProduceResponsePartitionProduceResponse> => {
        if (badAcks) return partitionError(index, ErrorCode.INVALID_REQUIRED_ACKS, `acks must be 0, 1 or -1, got ${acks}`);
        try {
          // Synchronous when the topic exists: the append is queued before this handler first yields.
          const result = meta instanceof Promise ? await meta.then((m) => appendOne(m, topic.name, index, records, durability, ctx)) : await appendOne(meta, topic.name, index, records, durability, ctx);
          return partitionResult(index, result);
        } catch (err) {
          return partitionError(index, errorCodeOf(err, ctx, { topic: topic.name, partition: index }), errorMessageOf(err));
        }
      });
      return { name: topic.name, partitions };
    });
    if (acks === 0) return null;
    return (async () => {
      const responses: ProduceResponseTopicProduceResponse[] = [];
      for (const t of topics) responses.push({ name: t.name, partitionResponses: await Promise.all(t.partitions) });
      return { responses, throttleTimeMs: 0 };
    })();
  },
});
