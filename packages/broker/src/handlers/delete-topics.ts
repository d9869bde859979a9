// DeleteTopics (key 20), versions 0-6 — DeleteTopicsRequest.json / DeleteTopicsResponse.json.
// v0-5 name topics by string; v6 sends {name, topicId} pairs where either may identify the topic.
// v4+ is flexible; errorMessage exists from v5, topicId in the response from v6.
import { ErrorCode, KafkaError } from '../errors.ts';
import type { TopicMeta } from '../log/types.ts';
import { ZERO_UUID } from '../protocol/compile.ts';
import type { DeleteTopicsResponseDeletableTopicResult } from '../protocol/generated/messages.ts';
import type { RequestContext } from '../server/context.ts';
import { defineHandler } from '../server/registry.ts';
import { failure } from './admin-util.ts';

interface Target {
  readonly name: string | null;
  readonly topicId: string;
}

async function deleteOne(target: Target, ctx: RequestContext): Promise<DeleteTopicsResponseDeletableTopicResult> {
  const { store } = ctx.broker;
  let meta: TopicMeta | undefined;
  try {
    if (target.name !== null) {
      meta = store.getTopic(target.name);
      if (!meta) throw new KafkaError('UNKNOWN_TOPIC_OR_PARTITION', `Topic '${target.name}' does not exist`);
    } else {
      meta = store.getTopicById(target.topicId);
      if (!meta) throw new KafkaError('UNKNOWN_TOPIC_ID', `Topic id ${target.topicId} does not exist`);
    }
    if (meta.internal) throw new KafkaError('INVALID_REQUEST', `Topic '${meta.name}' is internal and cannot be deleted`);
    await store.deleteTopic(meta.name);
    ctx.log.info({ topic: meta.name }, 'deleted topic');
    return { name: meta.name, topicId: meta.id, errorCode: ErrorCode.NONE, errorMessage: null };
  } catch (err) {
    return { name: meta?.name ?? target.name, topicId: meta?.id ?? target.topicId, ...failure(err, ctx) };
  }
}

export const deleteTopicsHandler = defineHandler('DeleteTopics', {
  minVersion: 0,
  maxVersion: 6,
  async handle(request, ctx) {
    const targets: Target[] = ctx.apiVersion >= 6 ? (request.topics ?? []) : (request.topicNames ?? []).map((name) => ({ name, topicId: ZERO_UUID }));
    const seen = new Set<string>();
    const unique = targets.filter((t) => {
      const key = t.name ?? `id:${t.topicId}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return { throttleTimeMs: 0, responses: await Promise.all(unique.map((t) => deleteOne(t, ctx))) };
  },
});
