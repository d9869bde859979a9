import type { FastifyInstance } from 'fastify';
import { HttpError } from '../errors.ts';

/** Clients tracked at once; the least recently seen is forgotten first (bounded memory). */
const MAX_CLIENTS = 10_000;

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/**
 * Token bucket per client (API key, else IP): `rate` requests per second, bursts up to one
 * second's worth. Over the limit: 429 with Retry-After. Health and readiness are exempt.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  constructor(
    private readonly rate: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds to wait, or 0 when the request may proceed. */
  take(client: string): number {
    const now = this.now();
    let bucket = this.buckets.get(client);
    if (bucket) {
      this.buckets.delete(client);
      bucket.tokens = Math.min(this.rate, bucket.tokens + ((now - bucket.updatedMs) / 1000) * this.rate);
      bucket.updatedMs = now;
    } else {
      bucket = { tokens: this.rate, updatedMs: now };
      if (this.buckets.size >= MAX_CLIENTS) {
        const oldest = this.buckets.keys().next().value;
        if (oldest !== undefined) this.buckets.delete(oldest);
      }
    }
    this.buckets.set(client, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.rate));
  }
}

export function rateLimiting(app: FastifyInstance): void {
  const rate = app.config.limits.rateLimitPerSecond;
  if (rate <= 0) return;
  const limiter = new RateLimiter(rate);
  app.addHook('onRequest', async (request) => {
    if (request.url === '/health' || request.url === '/ready') return;
    const wait = limiter.take(request.clientId || request.ip);
    if (wait > 0) {
      throw new HttpError(429, 'GATEWAY_RATE_LIMITED', `Rate limit of ${rate} requests per second exceeded`, {
        headers: { 'retry-after': String(wait) },
        details: { retryAfterSeconds: wait, limitPerSecond: rate },
      });
    }
  });
}
