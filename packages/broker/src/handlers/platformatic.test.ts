// @platformatic/kafka 1.x opens with ApiVersions v3 and only implements flexible versions of most APIs
// (Metadata 9+, CreateTopics 7, DeleteTopics 6, CreatePartitions 1-3, DescribeConfigs 2-4, AlterConfigs 2,
// IncrementalAlterConfigs 1), with no fallback: this is the client that exercises them.
import { Admin, Producer, stringSerializers } from '@platformatic/kafka';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBroker, type TestBroker } from '../server/testing.ts';

let broker: TestBroker;
let admin: Admin;

beforeAll(async () => {
  broker = await startTestBroker();
  admin = new Admin({ clientId: 'platformatic-test', bootstrapBrokers: [broker.address], retries: 0 });
});

afterAll(async () => {
  await admin?.close();
  await broker?.destroy();
});

describe('@platformatic/kafka admin', () => {
  it('creates topics (v7) and sees them in metadata (v12) with topic ids', async () => {
    const created = await admin.createTopics({ topics: ['plat-a'], partitions: 3, replicas: 1, configs: [{ name: 'retention.ms', value: '120000' }] });
    expect(created).toEqual([expect.objectContaining({ name: 'plat-a', partitions: 3, replicas: 1 })]);
    const meta = await admin.metadata({ topics: ['plat-a'] });
    const topic = meta.topics.get('plat-a');
    expect(topic?.partitionsCount).toBe(3);
    expect(topic?.id).toBe(broker.store.getTopic('plat-a')?.id);
    expect(meta.brokers.get(0)).toMatchObject({ host: '127.0.0.1', port: broker.port });
    expect(await admin.listTopics()).toContain('plat-a');
  });

  it('reports an existing topic as an error', async () => {
    await expect(admin.createTopics({ topics: ['plat-a'], partitions: 1, replicas: 1 })).rejects.toThrow();
  });

  it('adds partitions (v3)', async () => {
    await admin.createPartitions({ topics: [{ name: 'plat-a', count: 5 }] });
    expect(broker.store.getTopic('plat-a')?.partitions).toBe(5);
  });

  it('describes (v4) and alters (v2, incremental v1) configs', async () => {
    const [described] = await admin.describeConfigs({ resources: [{ resourceType: 2, resourceName: 'plat-a', configurationKeys: ['retention.ms'] }] });
    expect(described?.configs).toEqual([expect.objectContaining({ name: 'retention.ms', value: '120000', configSource: 1 })]);
    await admin.incrementalAlterConfigs({ resources: [{ resourceType: 2, resourceName: 'plat-a', configs: [{ name: 'segment.ms', configOperation: 0, value: '600000' }] }] });
    expect(broker.store.getTopic('plat-a')?.configs).toEqual({ 'retention.ms': '120000', 'segment.ms': '600000' });
    await admin.alterConfigs({ resources: [{ resourceType: 2, resourceName: 'plat-a', configs: [{ name: 'cleanup.policy', value: 'compact' }] }] });
    expect(broker.store.getTopic('plat-a')?.configs).toEqual({ 'cleanup.policy': 'compact' });
  });

  it('produces (its producer needs only Metadata 9+ and Produce 7-8 from us)', async () => {
    const producer = new Producer({ clientId: 'platformatic-producer', bootstrapBrokers: [broker.address], serializers: stringSerializers, retries: 0 });
    try {
      const result = await producer.send({ messages: [{ topic: 'plat-a', key: 'k', value: 'v', partition: 0 }] });
      expect(result.offsets).toEqual([{ topic: 'plat-a', partition: 0, offset: 0n }]);
      expect(broker.store.partition('plat-a', 0)?.logEndOffset()).toBe(1n);
    } finally {
      await producer.close();
    }
  });

  it('deletes topics (v6)', async () => {
    await admin.deleteTopics({ topics: ['plat-a'] });
    expect(broker.store.getTopic('plat-a')).toBeUndefined();
    expect(await admin.listTopics()).not.toContain('plat-a');
  });
});
