import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, loadConfig, type GatewayApp } from './app.ts';

// Requests refused before any Kafka call: the cluster address is never dialled.
describe('gateway without a cluster', () => {
  let app: GatewayApp;
  beforeAll(async () => {
    app = await buildApp({ config: loadConfig({ KAFKA_BROKERS: '127.0.0.1:9', KAFKA_CONNECTION_TIMEOUT_MS: '200' }), logger: false });
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers liveness', async () => {
    const response = await app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('answers readiness 503 when the cluster is unreachable', async () => {
    const response = await app.inject({ method: 'GET', url: '/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.json().error.code).toBe('GATEWAY_CLUSTER_UNAVAILABLE');
  });

  it.each([
    ['malformed JSON', { method: 'POST', url: '/topics', payload: '{"name":', headers: { 'content-type': 'application/json' } }, 400, 'GATEWAY_MALFORMED_JSON'],
    ['an invalid topic name', { method: 'POST', url: '/topics', payload: { name: 'no spaces' } }, 400, 'GATEWAY_VALIDATION_FAILED'],
    ['a name of 250 characters', { method: 'POST', url: '/topics', payload: { name: 'x'.repeat(250) } }, 400, 'GATEWAY_VALIDATION_FAILED'],
    ['"." as name', { method: 'POST', url: '/topics', payload: { name: '.' } }, 400, 'GATEWAY_VALIDATION_FAILED'],
    ['a wrong type', { method: 'POST', url: '/topics', payload: { name: 'ok', partitions: 'three' } }, 400, 'GATEWAY_VALIDATION_FAILED'],
    ['zero partitions', { method: 'POST', url: '/topics', payload: { name: 'ok', partitions: 0 } }, 400, 'GATEWAY_VALIDATION_FAILED'],
    ['an unknown field', { method: 'POST', url: '/topics', payload: { name: 'ok', partition: 3 } }, 400, 'GATEWAY_VALIDATION_FAILED'],
    ['page 0', { method: 'GET', url: '/topics?page=0' }, 400, 'GATEWAY_VALIDATION_FAILED'],
    ['a huge page size', { method: 'GET', url: '/topics?pageSize=100000' }, 400, 'GATEWAY_VALIDATION_FAILED'],
    ['an unknown sort', { method: 'GET', url: '/topics?sort=size' }, 400, 'GATEWAY_VALIDATION_FAILED'],
    ['an unknown route', { method: 'GET', url: '/nothing-here' }, 404, 'GATEWAY_ROUTE_NOT_FOUND'],
    ['an XML body', { method: 'POST', url: '/topics', payload: '<a/>', headers: { 'content-type': 'application/xml' } }, 415, 'GATEWAY_UNSUPPORTED_MEDIA_TYPE'],
  ] as const)('refuses %s', async (_label, request, status, code) => {
    const response = await app.inject(request);
    expect(response.statusCode).toBe(status);
    const body = response.json();
    expect(body.error.code).toBe(code);
    expect(typeof body.error.message).toBe('string');
  });

  it('lists the failing field in validation details', async () => {
    const response = await app.inject({ method: 'POST', url: '/topics', payload: { name: 'ok', replicationFactor: -1 } });
    expect(response.json().error.details).toEqual([{ path: '/body/replicationFactor', message: expect.stringContaining('>= 1') }]);
  });

  it('serves OpenAPI built from the contract, and the docs page', async () => {
    const response = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/topics'].post.requestBody.content['application/json'].schema.required).toContain('name');
    expect(doc.paths['/topics'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['search', 'sort', 'page', 'pageSize', 'internal']),
    );
    const docs = await app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('answers CORS preflights for the console origin only, and marks every answer as varying by Origin', async () => {
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/topics/orders/messages',
      headers: { origin: 'http://127.0.0.1:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('http://127.0.0.1:3000');
    expect(preflight.headers['access-control-allow-methods']).toContain('POST');
    expect(preflight.headers['access-control-allow-headers']).toBe('content-type, authorization');
    expect(preflight.headers['access-control-max-age']).toBe('600');

    const allowed = await app.inject({ method: 'GET', url: '/health', headers: { origin: 'http://localhost:3000' } });
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(allowed.headers.vary).toBe('Origin');

    const evilPreflight = await app.inject({
      method: 'OPTIONS',
      url: '/topics',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'DELETE' },
    });
    expect(evilPreflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(evilPreflight.headers['access-control-allow-methods']).toBeUndefined();
    const other = await app.inject({ method: 'GET', url: '/health', headers: { origin: 'http://evil.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const noOrigin = await app.inject({ method: 'GET', url: '/health' });
    expect(noOrigin.headers['access-control-allow-origin']).toBeUndefined();
    expect(noOrigin.headers.vary).toBe('Origin');
  });
});
