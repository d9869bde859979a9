import { createBrookClient } from '@brook/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, loadConfig, type GatewayApp } from '../app.ts';
import { startStack, type Stack } from '../test-support/stack.ts';
import { RateLimiter } from './rate-limit.ts';

const READ = 'read-key-123456';
const PRODUCE = 'produce-key-123456';
const ADMIN = 'admin-key-123456';

describe('API keys and roles', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ listen: true, env: { GATEWAY_API_KEYS: `${READ}:read,${PRODUCE}:produce,${ADMIN}:admin`, GATEWAY_SSE_MAX_CLIENTS: '1' } });
    await createBrookClient({ baseUrl: stack.url, apiKey: ADMIN }).createTopic({ name: 'secured' });
  });
  afterAll(async () => {
    await stack?.close();
  });

  const call = (key: string | undefined, method: string, url: string, body?: unknown) =>
    fetch(`${stack.url}${url}`, {
      method,
      headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : null,
    });

  it('keeps health, readiness and docs public', async () => {
    expect((await call(undefined, 'GET', '/health')).status).toBe(200);
    expect((await call(undefined, 'GET', '/ready')).status).toBe(200);
    expect((await call(undefined, 'GET', '/openapi.json')).status).toBe(200);
  });

  it('answers 401 without a key or with an unknown one', async () => {
    const none = await call(undefined, 'GET', '/topics');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('GATEWAY_UNAUTHORIZED');
    expect((await call('wrong-key-123456', 'GET', '/topics')).status).toBe(401);
  });

  it.each([
    [READ, 'GET', '/topics', undefined, 200],
    [READ, 'POST', '/topics/secured/messages', { value: 1 }, 403],
    [READ, 'POST', '/topics', { name: 'x1' }, 403],
    [PRODUCE, 'POST', '/topics/secured/messages', { value: 1 }, 200],
    [PRODUCE, 'GET', '/topics/secured/messages', undefined, 200],
    [PRODUCE, 'DELETE', '/topics/secured', undefined, 403],
    [ADMIN, 'POST', '/topics', { name: 'x2' }, 201],
    [ADMIN, 'POST', '/topics/secured/messages', { value: 1 }, 200],
  ] as const)('%s may %s %s: %i', async (key, method, url, body, status) => {
    const response = await call(key, method, url, body);
    expect(response.status).toBe(status);
    if (status === 403) expect(((await response.json()) as { error: { code: string } }).error.code).toBe('GATEWAY_FORBIDDEN');
  });

  it('caps open streams with 503 and Retry-After', async () => {
    const controller = new AbortController();
    const first = await fetch(`${stack.url}/topics/secured/stream?apiKey=${READ}`, { signal: controller.signal });
    expect(first.status).toBe(200);
    const second = await call(READ, 'GET', '/topics/secured/stream');
    expect(second.status).toBe(503);
    expect(second.headers.get('retry-after')).toBe('5');
    expect(((await second.json()) as { error: { code: string } }).error.code).toBe('GATEWAY_TOO_MANY_STREAMS');
    controller.abort();
  });
});

describe('rate limits', () => {
  let app: GatewayApp;
  beforeAll(async () => {
    app = await buildApp({ config: loadConfig({ KAFKA_BROKERS: '127.0.0.1:9', GATEWAY_RATE_LIMIT: '5' }), logger: false });
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers 429 with Retry-After and a JSON body past the limit, per client', async () => {
    const statuses: number[] = [];
    let limited;
    for (let i = 0; i < 8; i++) {
      const response = await app.inject({ method: 'GET', url: '/openapi.json', remoteAddress: '10.0.0.1' });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) limited = response;
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses).toContain(429);
    expect(limited?.headers['retry-after']).toBe('1');
    expect(limited?.json().error.code).toBe('GATEWAY_RATE_LIMITED');
    // Another client has its own budget.
    expect((await app.inject({ method: 'GET', url: '/openapi.json', remoteAddress: '10.0.0.2' })).statusCode).toBe(200);
  });

  it('refills tokens over time (injected clock)', () => {
    let now = 0;
    const limiter = new RateLimiter(2, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 1]);
    now += 500;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(1);
  });
});

describe('metrics', () => {
  it('exposes Prometheus text with request counters and durations', async () => {
    const app = await buildApp({ config: loadConfig({ KAFKA_BROKERS: '127.0.0.1:9' }), logger: false });
    try {
      await app.inject({ method: 'GET', url: '/health' });
      const response = await app.inject({ method: 'GET', url: '/metrics' });
      expect(response.headers['content-type']).toContain('text/plain');
      expect(response.body).toContain('# TYPE brook_gateway_http_requests_total counter');
      expect(response.body).toContain('brook_gateway_http_requests_total{method="GET",route="/health",status="200"} 1');
      expect(response.body).toMatch(/brook_gateway_http_request_duration_seconds_bucket\{route="\/health",le="\+Inf"\} 1/);
      expect(response.body).toMatch(/process_resident_memory_bytes \d+/);
    } finally {
      await app.close();
    }
  });
});
