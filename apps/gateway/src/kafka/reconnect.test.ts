import { createBrookClient } from '@brook/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../test-support/stack.ts';

/** Calls until it succeeds (kafkajs reconnects lazily), at most `attempts` times. */
async function eventually<T>(fn: () => Promise<T>, attempts = 20): Promise<T> {
  let last: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      return await fn();
    } catch (error) {
      last = error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw last;
}

describe('a broker restart', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ listen: true });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('answers 503 while the broker is down and recovers every path once it is back', async () => {
    const client = createBrookClient({ baseUrl: stack.url });
    await client.createTopic({ name: 'survivor', partitions: 2 });
    await client.produce('survivor', { value: 'before' });
    expect((await client.readMessages('survivor')).records).toHaveLength(1);

    await stack.broker.close();
    const down = await client.produce('survivor', { value: 'lost' }).catch((e: unknown) => e);
    expect(down).toMatchObject({ status: 503, code: 'GATEWAY_CLUSTER_UNAVAILABLE' });

    await stack.restartBroker();
    await eventually(() => client.produce('survivor', { value: 'after' }));
    const page = await eventually(() => client.readMessages('survivor'));
    expect(page.records.map((r) => r.value).sort()).toEqual(['after', 'before']);
    expect((await eventually(() => client.getTopic('survivor'))).partitions).toHaveLength(2);
    expect((await eventually(() => client.ready())).status).toBe('ready');
  });
});
