// DeleteTopics (key 20), versions 0-3 — DeleteTopicsRequest.json / DeleteTopicsResponse.json.
// v0-3 name topics by string (topic ids arrive in v6); errorMessage exists only from v5.
import { ErrorCode, KafkaError } from '../errors.ts';
import { defineHandler } from '../server/registry.ts';
import { failure } from './admin-util.ts';

export const deleteTopicsHandler = defineHandler('DeleteTopics', {
  minVersion: 0,
  maxVersion: 3,
  async handle(request, ctx) {
    const { store } = ctx.broker;
    const names = [...new Set(request.topicNames ?? [])];
    const responses = await Promise.all(
      names.map(async (name) => {
        try {
          const meta = store.getTopic(name);
          if (!meta) throw new KafkaError('UNKNOWN_TOPIC_OR_PARTITION', `Topic '${name}' does not exist`);
          if (meta.internal) throw new KafkaError('INVALID_REQUEST', `Topic '${name}' is internal and cannot be deleted`);
          await store.deleteTopic(name);
          ctx.log.info({ topic: name }, 'deleted topic');
          return { name, errorCode: ErrorCode.NONE };
        } catch (err) {
          return { name, errorCode: failure(err, ctx).errorCode };
        }
      }),
    );
    return { throttleTimeMs: 0, responses };
  },
});
