// Per-connection SASL progress shared by SaslHandshake and SaslAuthenticate. Kafka's order is:
// SaslHandshake (choose a mechanism), then the mechanism's tokens — inside SaslAuthenticate after
// handshake v1, or as bare size-prefixed frames after handshake v0 — until success or failure.
import type { SaslExchange, SaslStep } from '../auth/sasl.ts';
import type { RequestContext } from '../server/context.ts';

const PENDING = 'sasl.exchange';

export interface PendingExchange {
  readonly mechanism: string;
  readonly exchange: SaslExchange;
}

export function pendingExchange(ctx: RequestContext): PendingExchange | undefined {
  return ctx.connection.state.get(PENDING) as PendingExchange | undefined;
}

export function setPendingExchange(ctx: RequestContext, pending: PendingExchange | null): void {
  if (pending) ctx.connection.state.set(PENDING, pending);
  else ctx.connection.state.delete(PENDING);
}

/**
 * Feeds one client token to the exchange. Success authenticates the connection; failure is logged
 * (never with the token: PLAIN's holds the password) and the caller closes the connection.
 */
export async function stepExchange(ctx: RequestContext, pending: PendingExchange, token: Buffer): Promise<SaslStep> {
  const step = await pending.exchange.step(token);
  if (step.kind === 'success') ctx.connection.authenticate(step.principal);
  else if (step.kind === 'failure') ctx.log.warn({ mechanism: pending.mechanism, user: step.user, reason: step.message }, 'SASL authentication failed');
  return step;
}
