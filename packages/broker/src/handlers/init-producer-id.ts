// InitProducerId (key 22), versions 0-1 — InitProducerIdRequest.json / InitProducerIdResponse.json.
// Idempotent producers only: a fresh producer id (persisted, never reused across restarts) with epoch 0.
// Transactional ids are refused until transactions exist, rather than handing out ids that would pretend to fence.
import { ErrorCode } from '../errors.ts';
import { defineHandler } from '../server/registry.ts';
import { errorCodeOf } from './data-util.ts';

export const initProducerIdHandler = defineHandler('InitProducerId', {
  minVersion: 0,
  maxVersion: 1,
  async handle(request, ctx) {
    if (request.transactionalId !== null) {
      return { throttleTimeMs: 0, errorCode: ErrorCode.INVALID_REQUEST, producerId: -1n, producerEpoch: -1 };
    }
    try {
      const producerId = await ctx.broker.store.allocateProducerId();
      return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, producerId, producerEpoch: 0 };
    } catch (err) {
      return { throttleTimeMs: 0, errorCode: errorCodeOf(err, ctx, { api: 'InitProducerId' }), producerId: -1n, producerEpoch: -1 };
    }
  },
});
