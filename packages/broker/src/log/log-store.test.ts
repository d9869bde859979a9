import { mkdtemp, rm, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLogStore } from './log-store.ts';
import { KafkaError } from '../errors.ts';
import { buildBatch } from '../records/record.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'brook-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const opts = { fsync: false, retentionCheckIntervalMs: 0 };
const batch = (value: string) => buildBatch([{ key: null, value: Buffer.from(value), timestamp: 1000n }]);

async function errorName(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof KafkaError) return err.errorName;
    throw err;
  }
  return 'none';
}

describe('log store: topics', () => {
  it('creates, lists, alters and deletes topics, and keeps them across restart', async () => {
    let store = await openLogStore(dir, opts);
    const meta = await store.createTopic('orders', 3, { 'retention.ms': '1000' });
    expect(meta).toMatchObject({ name: 'orders', partitions: 3, configs: { 'retention.ms': '1000' }, internal: false });
    expect(meta.id).toMatch(/^[0-9a-f-]{36}$/);
    await store.createTopic('__consumer_offsets', 1, {}, { internal: true });
    await store.alterTopicConfigs('orders', { 'retention.ms': null, 'cleanup.policy': 'compact' });
    await store.createPartitions('orders', 5);
    await store.partition('orders', 4)!.append([batch('x')], 'os');
    await store.close();

    store = await openLogStore(dir, opts);
    expect(store.listTopics().map((t) => t.name).sort()).toEqual(['__consumer_offsets', 'orders']);
    expect(store.getTopic('orders')).toMatchObject({ id: meta.id, partitions: 5, configs: { 'cleanup.policy': 'compact' } });
    // Found by id too, with the metadata as last changed (altered configs, added partitions).
    expect(store.getTopicById(meta.id)).toBe(store.getTopic('orders'));
    expect(store.getTopic('__consumer_offsets')?.internal).toBe(true);
    expect(store.partition('orders', 4)?.logEndOffset()).toBe(1n);
    expect(store.partition('orders', 5)).toBeUndefined();
    await store.deleteTopic('orders');
    expect(store.getTopic('orders')).toBeUndefined();
    expect(store.getTopicById(meta.id)).toBeUndefined();
    expect((await readdir(dir)).filter((f) => f.startsWith('orders-'))).toEqual([]);
    await store.close();

    store = await openLogStore(dir, opts);
    expect(store.listTopics().map((t) => t.name)).toEqual(['__consumer_offsets']);
    // A recreated topic starts empty, under a new id.
    const again = await store.createTopic('orders', 1);
    expect(store.partition('orders', 0)?.logEndOffset()).toBe(0n);
    expect(store.getTopicById(again.id)?.name).toBe('orders');
    expect(store.getTopicById(meta.id)).toBeUndefined();
    await store.close();
  });

  it('rejects bad names, duplicates, bad partition counts and bad configs with Kafka errors', async () => {
    const store = await openLogStore(dir, opts);
    for (const bad of ['', '.', '..', 'a/b', 'sp ace', 'x'.repeat(250)]) {
      expect(await errorName(store.createTopic(bad, 1))).toBe('INVALID_TOPIC_EXCEPTION');
    }
    expect(await errorName(store.createTopic('x'.repeat(249), 1))).toBe('none');
    await store.createTopic('a.b', 1);
    expect(await errorName(store.createTopic('a.b', 1))).toBe('TOPIC_ALREADY_EXISTS');
    expect(await errorName(store.createTopic('a_b', 1))).toBe('INVALID_TOPIC_EXCEPTION');
    expect(await errorName(store.createTopic('zero', 0))).toBe('INVALID_PARTITIONS');
    expect(await errorName(store.createTopic('cfg', 1, { 'no.such.config': '1' }))).toBe('INVALID_CONFIG');
    expect(await errorName(store.createTopic('cfg', 1, { 'retention.ms': 'soon' }))).toBe('INVALID_CONFIG');
    expect(await errorName(store.createPartitions('a.b', 1))).toBe('INVALID_PARTITIONS');
    expect(await errorName(store.createPartitions('nope', 2))).toBe('UNKNOWN_TOPIC_OR_PARTITION');
    expect(await errorName(store.alterTopicConfigs('a.b', { 'segment.bytes': '-5' }))).toBe('INVALID_CONFIG');
    expect(await errorName(store.deleteTopic('nope'))).toBe('UNKNOWN_TOPIC_OR_PARTITION');
    expect(store.getTopic('cfg')).toBeUndefined();
    await store.close();
  });

  it('serializes concurrent creates of one name: exactly one wins', async () => {
    const store = await openLogStore(dir, opts);
    const results = await Promise.all([1, 2, 3].map(() => errorName(store.createTopic('race', 2))));
    expect(results.sort()).toEqual(['TOPIC_ALREADY_EXISTS', 'TOPIC_ALREADY_EXISTS', 'none']);
    await store.close();
  });

  it('allocates producer ids that stay monotonic across restarts', async () => {
    let store = await openLogStore(dir, opts);
    expect([await store.allocateProducerId(), await store.allocateProducerId()]).toEqual([0n, 1n]);
    await store.close();
    store = await openLogStore(dir, opts);
    const ids = await Promise.all([store.allocateProducerId(), store.allocateProducerId()]);
    expect(ids[0]).toBeGreaterThan(1n);
    expect(ids[1]).toBe(ids[0]! + 1n);
    await store.close();
  });
});
