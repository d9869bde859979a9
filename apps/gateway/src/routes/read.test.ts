import { createBrookClient, type BrookClient, type KafkaRecord } from '@brook/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemCode, startStack, type Stack } from '../test-support/stack.ts';

describe('stateless reads against the real broker', () => {
  let stack: Stack;
  let client: BrookClient;
  beforeAll(async () => {
    stack = await startStack({ listen: true });
    client = createBrookClient({ baseUrl: stack.url });
    await client.createTopic({ name: 'log', partitions: 1 });
    await client.createTopic({ name: 'spread', partitions: 3 });
    const base = 1_700_000_000_000;
    await client.produce('log', { records: Array.from({ length: 25 }, (_, i) => ({ value: { i }, timestamp: base + i * 1000, headers: { n: String(i % 5) } })) });
    await client.produce('spread', { records: Array.from({ length: 30 }, (_, i) => ({ value: `v${i}`, partition: i % 3, key: `k${i}` })) });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('pages forward with next cursors and back with previous cursors', async () => {
    const first = await client.readMessages('log', { limit: 10 });
    expect(first.records.map((r) => r.offset)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(first.prevCursor).toBeNull();
    const second = await client.readMessages('log', { limit: 10, cursor: first.nextCursor });
    expect(second.records.map((r) => r.offset)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    const third = await client.readMessages('log', { limit: 10, cursor: second.nextCursor });
    expect(third.records.map((r) => r.offset)).toEqual([20, 21, 22, 23, 24]);
    const back = await client.readMessages('log', { limit: 10, cursor: second.prevCursor ?? '' });
    expect(back.records.map((r) => r.offset)).toEqual(first.records.map((r) => r.offset));
    const end = await client.readMessages('log', { limit: 10, cursor: third.nextCursor });
    expect(end.records).toEqual([]);
    expect(end.partitions).toEqual([{ partition: 0, nextOffset: 25, earliestOffset: 0, latestOffset: 25 }]);
  });

  it('reads the newest records with from=latest, oldest first', async () => {
    const page = await client.readMessages('log', { from: 'latest', limit: 5 });
    expect(page.records.map((r) => r.offset)).toEqual([20, 21, 22, 23, 24]);
    const before = await client.readMessages('log', { cursor: page.prevCursor ?? '', limit: 5 });
    expect(before.records.map((r) => r.offset)).toEqual([15, 16, 17, 18, 19]);
  });

  it('starts at a timestamp', async () => {
    const page = await client.readMessages('log', { from: String(1_700_000_000_000 + 22_500), limit: 10 });
    expect(page.records.map((r) => r.offset)).toEqual([23, 24]);
  });

  it('filters by header, value text and key without losing its place', async () => {
    const byHeader = await client.readMessages('log', { header: 'n=3', limit: 3 });
    expect(byHeader.records.map((r) => r.offset)).toEqual([3, 8, 13]);
    const more = await client.readMessages('log', { header: 'n=3', limit: 3, cursor: byHeader.nextCursor });
    expect(more.records.map((r) => r.offset)).toEqual([18, 23]);
    const byValue = await client.readMessages('log', { valueContains: '"i":1', limit: 100 });
    expect(byValue.records.map((r) => r.offset)).toEqual([1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    const byKey = await client.readMessages('spread', { key: 'k7' });
    expect(byKey.records.map((r) => [r.partition, r.value])).toEqual([[1, 'v7']]);
  });

  it('reads every partition exactly once across pages', async () => {
    const seen: KafkaRecord[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await client.readMessages('spread', { limit: 7, ...(cursor ? { cursor } : {}) });
      seen.push(...page.records);
      cursor = page.nextCursor;
      if (page.records.length === 0) break;
    }
    expect(seen.map((r) => r.value).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `v${i}`).sort());
    for (const partition of [0, 1, 2]) {
      const offsets = seen.filter((r) => r.partition === partition).map((r) => r.offset);
      expect(offsets).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
  });

  it('bounds a page by maxBytes and still makes progress page after page', async () => {
    await client.createTopic({ name: 'big', partitions: 1 });
    for (let i = 0; i < 10; i++) await client.produce('big', { value: `${i}:${'x'.repeat(1024)}` });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 20 && seen.length < 10; page++) {
      const result = await client.readMessages('big', { maxBytes: 2048, limit: 100, ...(cursor ? { cursor } : {}) });
      expect(result.records.length).toBeGreaterThan(0);
      expect(result.records.length).toBeLessThan(10);
      seen.push(...result.records.map((r) => String(r.value).split(':')[0] ?? ''));
      cursor = result.nextCursor;
    }
    expect(seen).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('reads one partition from an offset', async () => {
    const page = await client.readMessages('spread', { partition: 2, offset: 8 });
    expect(page.records.map((r) => [r.partition, r.offset, r.value])).toEqual([
      [2, 8, 'v26'],
      [2, 9, 'v29'],
    ]);
  });

  it('waits for new records when asked to', async () => {
    const end = await client.readMessages('log', { from: 'latest', limit: 1 });
    const waiting = client.readMessages('log', { cursor: end.nextCursor, timeoutMs: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await client.produce('log', { value: 'late' });
    const page = await waiting;
    expect(page.records.map((r) => r.value)).toEqual(['late']);
  });

  it('never creates a consumer group', async () => {
    const admin = stack.kafka.admin();
    await admin.connect();
    try {
      const { groups } = await admin.listGroups();
      expect(groups).toEqual([]);
    } finally {
      await admin.disconnect();
    }
  });

  it.each([
    ['a negative offset', '/topics/log/messages?offset=-1', 400, 'GATEWAY_VALIDATION_FAILED'],
    ['an offset past the end', '/topics/log/messages?partition=0&offset=999999', 400, 'GATEWAY_INVALID_OFFSET'],
    ['a bad cursor', '/topics/log/messages?cursor=not-a-cursor', 400, 'GATEWAY_INVALID_CURSOR'],
    ['a cursor of junk characters', '/topics/log/messages?cursor=%25%25', 400, 'GATEWAY_INVALID_CURSOR'],
    ['an unknown partition', '/topics/log/messages?partition=5', 404, 'GATEWAY_PARTITION_NOT_FOUND'],
    ['an unknown topic', '/topics/nope/messages', 404, 'GATEWAY_TOPIC_NOT_FOUND'],
    ['a bad from', '/topics/log/messages?from=yesterday', 400, 'GATEWAY_VALIDATION_FAILED'],
    ['a zero limit', '/topics/log/messages?limit=0', 400, 'GATEWAY_VALIDATION_FAILED'],
    ['both cursor and offset', '/topics/log/messages?offset=1&from=earliest', 400, 'GATEWAY_VALIDATION_FAILED'],
  ])('refuses %s', async (_label, url, status, code) => {
    const response = await fetch(`${stack.url}${url}`);
    expect(response.status).toBe(status);
    expect((await problemCode(response))).toBe(code);
  });

  it('refuses a cursor of another topic', async () => {
    const page = await client.readMessages('spread', { limit: 1 });
    const error = await client.readMessages('log', { cursor: page.nextCursor }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, code: 'GATEWAY_INVALID_CURSOR' });
  });
});
