import { Kafka, logLevel, type Admin } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBroker, type TestBroker } from '../server/testing.ts';

let broker: TestBroker;
let admin: Admin;

beforeAll(async () => {
  broker = await startTestBroker();
  admin = new Kafka({ clientId: 'admin-test', brokers: [broker.address], logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
  await admin.connect();
});

afterAll(async () => {
  await admin?.disconnect();
  await broker?.destroy();
});

describe('topic administration through kafkajs', () => {
  it('creates topics with a partition count and lists them', async () => {
    expect(await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 3 }, { topic: 'events' }] })).toBe(true);
    expect((await admin.listTopics()).sort()).toEqual(['events', 'orders']);
    const { topics } = await admin.fetchTopicMetadata({ topics: ['orders', 'events'] });
    const orders = topics.find((t) => t.name === 'orders');
    expect(orders?.partitions.map((p) => p.partitionId).sort()).toEqual([0, 1, 2]);
    expect(orders?.partitions[0]).toMatchObject({ leader: 0, replicas: [0], isr: [0] });
    expect(topics.find((t) => t.name === 'events')?.partitions).toHaveLength(1);
  });

  it('answers createTopics for an existing topic with false (TOPIC_ALREADY_EXISTS)', async () => {
    expect(await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 3 }] })).toBe(false);
  });

  it('rejects invalid names and replication factors with Kafka errors', async () => {
    await expect(admin.createTopics({ topics: [{ topic: 'bad name!' }] })).rejects.toMatchObject({
      errors: [expect.objectContaining({ type: 'INVALID_TOPIC_EXCEPTION' })],
    });
    await expect(admin.createTopics({ topics: [{ topic: 'replicated', replicationFactor: 3 }] })).rejects.toMatchObject({
      errors: [expect.objectContaining({ type: 'INVALID_REPLICATION_FACTOR' })],
    });
    await expect(admin.createTopics({ topics: [{ topic: 'cfg', configEntries: [{ name: 'retention.ms', value: 'soon' }] }] })).rejects.toMatchObject({
      errors: [expect.objectContaining({ type: 'INVALID_CONFIG' })],
    });
    expect(await admin.listTopics()).not.toContain('replicated');
  });

  it('adds partitions and refuses to shrink', async () => {
    await admin.createPartitions({ topicPartitions: [{ topic: 'events', count: 4 }] });
    const { topics } = await admin.fetchTopicMetadata({ topics: ['events'] });
    expect(topics[0]?.partitions).toHaveLength(4);
    await expect(admin.createPartitions({ topicPartitions: [{ topic: 'events', count: 2 }] })).rejects.toMatchObject({ type: 'INVALID_PARTITIONS' });
  });

  it('describes topic configs with defaults and overrides', async () => {
    await admin.createTopics({ topics: [{ topic: 'configured', configEntries: [{ name: 'retention.ms', value: '3600000' }] }] });
    const result = await admin.describeConfigs({ includeSynonyms: true, resources: [{ type: 2, name: 'configured' }] });
    const entries = result.resources[0]?.configEntries ?? [];
    const retention = entries.find((e) => e.configName === 'retention.ms');
    expect(retention).toMatchObject({ configValue: '3600000', isDefault: false, configSource: 1 });
    expect(retention?.configSynonyms.map((s) => s.configName)).toEqual(['retention.ms', 'log.retention.ms']);
    expect(entries.find((e) => e.configName === 'cleanup.policy')).toMatchObject({ configValue: 'delete', isDefault: true, configSource: 5 });
  });

  it('describes the broker resource', async () => {
    const result = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: 4, name: '0', configNames: ['advertised.listeners'] }] });
    expect(result.resources[0]?.configEntries).toEqual([
      expect.objectContaining({ configName: 'advertised.listeners', configValue: `PLAINTEXT://${broker.address}`, readOnly: true }),
    ]);
  });

  it('alters configs (replacing the override set) and validates names and values', async () => {
    await admin.alterConfigs({ validateOnly: false, resources: [{ type: 2, name: 'configured', configEntries: [{ name: 'cleanup.policy', value: 'compact' }] }] });
    const result = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: 2, name: 'configured', configNames: ['cleanup.policy', 'retention.ms'] }] });
    const byName = Object.fromEntries((result.resources[0]?.configEntries ?? []).map((e) => [e.configName, e.configValue]));
    expect(byName).toEqual({ 'cleanup.policy': 'compact', 'retention.ms': String(7 * 24 * 3600 * 1000) });
    await expect(
      admin.alterConfigs({ validateOnly: false, resources: [{ type: 2, name: 'configured', configEntries: [{ name: 'no.such.config', value: '1' }] }] }),
    ).rejects.toMatchObject({ type: 'INVALID_CONFIG' });
    await expect(
      admin.alterConfigs({ validateOnly: false, resources: [{ type: 2, name: 'configured', configEntries: [{ name: 'segment.bytes', value: '-5' }] }] }),
    ).rejects.toMatchObject({ type: 'INVALID_CONFIG' });
  });

  it('deletes topics', async () => {
    await admin.deleteTopics({ topics: ['orders'] });
    expect(await admin.listTopics()).not.toContain('orders');
    await expect(admin.deleteTopics({ topics: ['never-existed'] })).rejects.toMatchObject({ cause: { type: 'UNKNOWN_TOPIC_OR_PARTITION' } });
  });
});
