import { createBrookClient } from '@brook/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, loadConfig } from '../app.ts';
import { startStack, type Stack } from '../test-support/stack.ts';

describe('SASL towards the cluster', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      listen: true,
      brokerEnv: { BROKER_SASL_USERS: 'gateway:s3cret-pass' },
      env: { KAFKA_SASL_MECHANISM: 'scram-sha-256', KAFKA_SASL_USERNAME: 'gateway', KAFKA_SASL_PASSWORD: 's3cret-pass' },
    });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('authenticates with SCRAM and serves every path (admin, produce, read, stream)', async () => {
    const client = createBrookClient({ baseUrl: stack.url });
    expect(await client.ready()).toEqual({ status: 'ready', brokers: 1 });
    await client.createTopic({ name: 'secret-topic', partitions: 2 });
    await client.produce('secret-topic', { key: 'k', value: 'v' });
    const page = await client.readMessages('secret-topic');
    expect(page.records.map((r) => r.value)).toEqual(['v']);
  });

  it('is not ready with a wrong password', async () => {
    const app = await buildApp({
      config: loadConfig({
        KAFKA_BROKERS: stack.brokers,
        KAFKA_SASL_MECHANISM: 'plain',
        KAFKA_SASL_USERNAME: 'gateway',
        KAFKA_SASL_PASSWORD: 'wrong',
      }),
      logger: false,
    });
    try {
      const response = await app.inject({ method: 'GET', url: '/ready' });
      expect(response.statusCode).toBe(503);
      expect(response.json().error.code).toBe('GATEWAY_CLUSTER_UNAVAILABLE');
    } finally {
      await app.close();
    }
  });
});
