// SaslHandshake (key 17), versions 0-1 — SaslHandshakeRequest.json / SaslHandshakeResponse.json.
// Picks the mechanism for the exchange that follows. After v1 the tokens travel in SaslAuthenticate;
// after v0 (kafka-python, sarama's PLAIN before Kafka 1.0) they are bare size-prefixed frames, answered
// the same way, and a failure can only be told by closing the connection, as Kafka does.
import { startExchange } from '../auth/sasl.ts';
import { ErrorCode } from '../errors.ts';
import type { RawFrameHandler, RequestContext } from '../server/context.ts';
import { defineHandler } from '../server/registry.ts';
import { pendingExchange, setPendingExchange, stepExchange, type PendingExchange } from './sasl-util.ts';

export const saslHandshakeHandler = defineHandler('SaslHandshake', {
  minVersion: 0,
  maxVersion: 1,
  handle(request, ctx) {
    const sasl = ctx.broker.config.sasl;
    if (!sasl) {
      // A listener without SASL: say so at once (no mechanism is enabled) rather than let the client wait.
      ctx.log.info({ mechanism: request.mechanism }, 'SaslHandshake on a broker without SASL');
      return { errorCode: ErrorCode.UNSUPPORTED_SASL_MECHANISM, mechanisms: [] };
    }
    const mechanisms = [...sasl.mechanisms];
    if (ctx.connection.principal !== null || pendingExchange(ctx)) {
      ctx.connection.close('SaslHandshake out of order');
      return { errorCode: ErrorCode.ILLEGAL_SASL_STATE, mechanisms };
    }
    const mechanism = sasl.mechanisms.find((m) => m === request.mechanism);
    if (!mechanism) {
      ctx.log.info({ mechanism: request.mechanism, enabled: mechanisms }, 'unsupported SASL mechanism');
      ctx.connection.close(`unsupported SASL mechanism ${request.mechanism}`);
      return { errorCode: ErrorCode.UNSUPPORTED_SASL_MECHANISM, mechanisms };
    }
    const pending = { mechanism, exchange: startExchange(mechanism, sasl.users) };
    if (ctx.apiVersion === 0) ctx.connection.expectRawFrame(rawExchange(ctx, pending));
    else setPendingExchange(ctx, pending);
    return { errorCode: ErrorCode.NONE, mechanisms };
  },
});

/** Answers one raw token and, while the mechanism has more to say, arms itself for the next. */
function rawExchange(ctx: RequestContext, pending: PendingExchange): RawFrameHandler {
  return async (token) => {
    const step = await stepExchange(ctx, pending, token);
    if (step.kind === 'failure') {
      ctx.connection.close('SASL authentication failed');
      return null;
    }
    if (step.kind === 'challenge') ctx.connection.expectRawFrame(rawExchange(ctx, pending));
    return step.token;
  };
}
