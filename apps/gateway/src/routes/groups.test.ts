import { createBrookClient, type BrookClient } from '@brook/contract';
import type { Consumer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../test-support/stack.ts';

/** A real kafkajs consumer in a group, consuming until it saw `count` records (auto-commit on). */
async function consume(stack: Stack, groupId: string, topic: string, count: number): Promise<Consumer> {
  const consumer = stack.kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 500, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let seen = 0;
  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        autoCommitThreshold: 1,
        eachMessage: async () => {
          if (++seen === count) {
            // Stay a member but read no further: later records become lag.
            consumer.pause([{ topic }]);
            resolve();
          }
        },
      })
      .catch(reject);
  });
  // Let the auto-commit of the last record happen.
  await consumer.commitOffsets([]).catch(() => undefined);
  return consumer;
}

describe('consumer groups against the real broker', () => {
  let stack: Stack;
  let client: BrookClient;
  let consumer: Consumer | undefined;
  const now = Date.now();
  beforeAll(async () => {
    stack = await startStack({ listen: true, env: { GATEWAY_LAG_SAMPLE_MS: '200' } });
    client = createBrookClient({ baseUrl: stack.url });
    await client.createTopic({ name: 'work', partitions: 2 });
    await client.produce('work', { records: Array.from({ length: 10 }, (_, i) => ({ value: i, partition: i % 2, timestamp: now - 60_000 })) });
    consumer = await consume(stack, 'workers', 'work', 10);
    await client.produce('work', { records: Array.from({ length: 6 }, (_, i) => ({ value: i, partition: 0, timestamp: now - 30_000 })) });
  });
  afterAll(async () => {
    await consumer?.disconnect().catch(() => undefined);
    await stack?.close();
  });

  it('lists the group with its state, members and total lag', async () => {
    const { groups } = await client.listGroups();
    expect(groups).toEqual([{ groupId: 'workers', state: 'Stable', protocolType: 'consumer', members: 1, topics: ['work'], totalLag: 6 }]);
  });

  it('details members, assignments, per-partition lag and time lag', async () => {
    const detail = await client.getGroup('workers');
    expect(detail.state).toBe('Stable');
    expect(detail.members).toHaveLength(1);
    expect(detail.members[0]?.assignments).toEqual([{ topic: 'work', partitions: [0, 1] }]);
    expect(detail.offsets.map((o) => [o.partition, o.committedOffset, o.logEndOffset, o.lag])).toEqual([
      [0, 5, 11, 6],
      [1, 5, 5, 0],
    ]);
    expect(detail.offsets[0]?.timeLagMs).toBeGreaterThanOrEqual(29_000);
    expect(detail.offsets[1]?.timeLagMs).toBe(0);
    expect(detail.offsets[0]?.memberId).toBe(detail.members[0]?.memberId);
    expect(detail).toMatchObject({ totalLag: 6, maxLag: 6 });
  });

  it('refuses to reset or delete while the group has members', async () => {
    const reset = await client.resetGroupOffsets('workers', { topic: 'work', strategy: 'earliest' }).catch((e: unknown) => e);
    expect(reset).toMatchObject({ status: 409, code: 'GATEWAY_GROUP_NOT_EMPTY' });
    const removed = await client.deleteGroup('workers').catch((e: unknown) => e);
    expect(removed).toMatchObject({ status: 409, code: 'GATEWAY_GROUP_NOT_EMPTY' });
  });

  it('resets offsets once the members left: dry run, earliest, shift, timestamp, specific', async () => {
    await consumer?.disconnect();
    consumer = undefined;
    const dry = await client.resetGroupOffsets('workers', { topic: 'work', strategy: 'earliest', dryRun: true });
    expect(dry.offsets.map((o) => [o.partition, o.previousOffset, o.offset])).toEqual([
      [0, 5, 0],
      [1, 5, 0],
    ]);
    expect((await client.getGroup('workers')).offsets[0]?.committedOffset).toBe(5);

    await client.resetGroupOffsets('workers', { topic: 'work', strategy: 'shift', shift: -2, partitions: [0] });
    await client.resetGroupOffsets('workers', { topic: 'work', strategy: 'offset', offset: 999, partitions: [1] });
    let detail = await client.getGroup('workers');
    expect(detail.state).toBe('Empty');
    expect(detail.offsets.map((o) => [o.partition, o.committedOffset, o.lag])).toEqual([
      [0, 3, 8],
      [1, 5, 0],
    ]);
    await client.resetGroupOffsets('workers', { topic: 'work', strategy: 'timestamp', timestamp: now - 45_000, partitions: [0] });
    detail = await client.getGroup('workers');
    expect(detail.offsets[0]?.committedOffset).toBe(5);
  });

  it('keeps a bounded lag history sampled on an interval', async () => {
    await new Promise((resolve) => setTimeout(resolve, 700));
    const detail = await client.getGroup('workers');
    expect(detail.lagHistory.length).toBeGreaterThan(0);
    expect(detail.lagHistory[detail.lagHistory.length - 1]?.totalLag).toBe(detail.totalLag);
    const metrics = await client.metrics();
    expect(metrics).toContain('brook_gateway_consumer_group_lag{group="workers"}');
  });

  it.each([
    ['an unknown group', () => client.getGroup('nobody'), 404, 'GATEWAY_GROUP_NOT_FOUND'],
    ['an unknown topic in a reset', () => client.resetGroupOffsets('workers', { topic: 'nope', strategy: 'latest' }), 404, 'GATEWAY_TOPIC_NOT_FOUND'],
    ['an unknown partition in a reset', () => client.resetGroupOffsets('workers', { topic: 'work', strategy: 'latest', partitions: [7] }), 404, 'GATEWAY_PARTITION_NOT_FOUND'],
    ['a shift without its amount', () => client.resetGroupOffsets('workers', { topic: 'work', strategy: 'shift' }), 400, 'GATEWAY_VALIDATION_FAILED'],
  ] as const)('refuses %s', async (_label, call, status, code) => {
    expect(await call().catch((e: unknown) => e)).toMatchObject({ status, code });
  });

  it('deletes an empty group', async () => {
    await client.deleteGroup('workers');
    expect(await client.getGroup('workers').catch((e: unknown) => e)).toMatchObject({ status: 404, code: 'GATEWAY_GROUP_NOT_FOUND' });
    expect((await client.listGroups()).groups).toEqual([]);
  });
});
