// SaslAuthenticate (key 36), versions 0-1 — SaslAuthenticateRequest.json / SaslAuthenticateResponse.json.
// Carries the tokens of the mechanism chosen by SaslHandshake v1. A failure answers
// SASL_AUTHENTICATION_FAILED with a message, then closes the connection. session_lifetime_ms (v1) is 0:
// sessions do not expire, so clients never re-authenticate (KIP-368).
import { ErrorCode } from '../errors.ts';
import { defineHandler } from '../server/registry.ts';
import { pendingExchange, setPendingExchange, stepExchange } from './sasl-util.ts';

const NO_BYTES: Buffer = Buffer.alloc(0);

export const saslAuthenticateHandler = defineHandler('SaslAuthenticate', {
  minVersion: 0,
  maxVersion: 1,
  async handle(request, ctx) {
    const answer = (errorCode: number, errorMessage: string | null, authBytes = NO_BYTES) => ({ errorCode, errorMessage, authBytes, sessionLifetimeMs: 0n });
    if (!ctx.broker.config.sasl) return answer(ErrorCode.ILLEGAL_SASL_STATE, 'SASL is not enabled on this broker');
    const pending = pendingExchange(ctx);
    if (!pending) {
      const message = ctx.connection.principal === null ? 'SaslAuthenticate before SaslHandshake v1' : 'SaslAuthenticate after successful authentication';
      ctx.connection.close(message);
      return answer(ErrorCode.ILLEGAL_SASL_STATE, message);
    }
    // One token at a time: a SaslAuthenticate pipelined behind this one finds no exchange (ILLEGAL_SASL_STATE).
    setPendingExchange(ctx, null);
    const step = await stepExchange(ctx, pending, request.authBytes);
    if (step.kind === 'challenge') {
      setPendingExchange(ctx, pending);
      return answer(ErrorCode.NONE, null, step.token);
    }
    if (step.kind === 'success') return answer(ErrorCode.NONE, null, step.token);
    ctx.connection.close('SASL authentication failed');
    return answer(ErrorCode.SASL_AUTHENTICATION_FAILED, step.message);
  },
});
