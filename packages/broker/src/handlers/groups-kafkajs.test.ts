// Consumer groups through kafkajs against the real broker over real sockets: a three-member group that
// loses a member and rebalances without losing messages, and the admin group APIs.
import { Kafka, logLevel, type Admin, type Consumer, type Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBroker, type TestBroker } from '../server/testing.ts';

let broker: TestBroker;
let kafka: Kafka;
let admin: Admin;
let producer: Producer;

beforeAll(async () => {
  broker = await startTestBroker({}, { coordinator: { initialRebalanceDelayMs: 0, offsetsTopicPartitions: 5 } });
  kafka = new Kafka({ clientId: 'groups-test', brokers: [broker.address], logLevel: logLevel.NOTHING });
  admin = kafka.admin();
  await admin.connect();
  producer = kafka.producer();
  await producer.connect();
});

afterAll(async () => {
  await producer?.disconnect();
  await admin?.disconnect();
  await broker?.destroy();
});

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function produce(topic: string, from: number, count: number): Promise<void> {
  const messages = Array.from({ length: count }, (_, i) => ({ key: String(from + i), value: `m${from + i}`, partition: (from + i) % 6 }));
  await producer.send({ topic, messages });
}

describe('a kafkajs consumer group', () => {
  it('shares partitions among three members, rebalances when one stops, and delivers every message', async () => {
    const topic = 'orders-groups';
    await admin.createTopics({ topics: [{ topic, numPartitions: 6 }] });
    const seen = new Map<string, number>();
    const assigned = new Map<string, number>();
    const consumers: Consumer[] = [];
    for (let i = 0; i < 3; i++) {
      const consumer = kafka.consumer({ groupId: 'three', heartbeatInterval: 500, maxWaitTimeInMs: 500 });
      const name = `c${i}`;
      consumer.on(consumer.events.GROUP_JOIN, (e) => {
        const parts = e.payload.memberAssignment[topic] ?? [];
        assigned.set(name, parts.length);
      });
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          const v = message.value?.toString() ?? '';
          seen.set(v, (seen.get(v) ?? 0) + 1);
        },
      });
      consumers.push(consumer);
    }
    await until(async () => {
      const d = await admin.describeGroups(['three']);
      return d.groups[0]?.state === 'Stable' && d.groups[0].members.length === 3;
    }, 'three members Stable');
    await produce(topic, 0, 60);
    await until(() => seen.size === 60, 'first 60 messages');
    await until(() => [...assigned.values()].reduce((a, b) => a + b, 0) === 6 && assigned.size === 3, 'six partitions over three members');
    expect([...assigned.values()].sort()).toEqual([2, 2, 2]);

    await consumers[0]?.disconnect();
    await until(async () => {
      const d = await admin.describeGroups(['three']);
      return d.groups[0]?.state === 'Stable' && d.groups[0].members.length === 2;
    }, 'two members Stable');
    await produce(topic, 60, 60);
    await until(() => seen.size === 120, 'all 120 messages');
    for (let i = 0; i < 120; i++) expect(seen.get(`m${i}`), `m${i}`).toBeGreaterThanOrEqual(1);

    const described = (await admin.describeGroups(['three'])).groups[0];
    expect(described).toMatchObject({ groupId: 'three', protocolType: 'consumer', protocol: 'RoundRobinAssigner' });
    expect(described?.members.map((m) => [m.clientId, m.clientHost])).toEqual([
      ['groups-test', '/127.0.0.1'],
      ['groups-test', '/127.0.0.1'],
    ]);

    for (const c of consumers.slice(1)) await c.disconnect();
    await until(async () => (await admin.describeGroups(['three'])).groups[0]?.state === 'Empty', 'group Empty');
    // Committed offsets cover all 120 messages: 20 per partition.
    const offsets = await admin.fetchOffsets({ groupId: 'three', topics: [topic] });
    expect(offsets[0]?.partitions.map((p) => p.offset).sort()).toEqual(['20', '20', '20', '20', '20', '20']);
  }, 90_000);

  it('resets offsets, refuses to delete a group with members, and deletes it once empty', async () => {
    const topic = 'admin-groups';
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }] });
    await producer.send({ topic, messages: [0, 1, 2, 3].map((i) => ({ value: `v${i}`, partition: i % 2 })) });
    await admin.setOffsets({ groupId: 'tools', topic, partitions: [{ partition: 0, offset: '1' }, { partition: 1, offset: '2' }] });
    const fetched = await admin.fetchOffsets({ groupId: 'tools', topics: [topic] });
    expect(fetched[0]?.partitions.sort((a, b) => a.partition - b.partition)).toEqual([
      { partition: 0, offset: '1', metadata: null },
      { partition: 1, offset: '2', metadata: null },
    ]);
    await admin.resetOffsets({ groupId: 'tools', topic, earliest: true });
    // kafkajs commits the logical offset -2 (earliest), as it does against Kafka; consumers resolve it.
    const reset = await admin.fetchOffsets({ groupId: 'tools', topics: [topic] });
    expect(reset[0]?.partitions.map((p) => p.offset)).toEqual(['-2', '-2']);
    // kafkajs sets offsets through a short-lived group member, so the group has the consumer protocol type.
    expect((await admin.listGroups()).groups).toContainEqual({ groupId: 'tools', protocolType: 'consumer' });

    const consumer = kafka.consumer({ groupId: 'tools', maxWaitTimeInMs: 500 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const values: string[] = [];
    await consumer.run({ eachMessage: async ({ message }) => void values.push(message.value?.toString() ?? '') });
    await until(() => values.length === 4, 'four messages from the reset offsets');
    await expect(admin.deleteGroups(['tools'])).rejects.toMatchObject({ groups: [expect.objectContaining({ errorCode: 68 })] });
    await consumer.disconnect();
    await admin.deleteGroups(['tools']);
    const after = await admin.describeGroups(['tools']);
    expect(after.groups[0]?.state).toBe('Dead');
    await expect(admin.deleteGroups(['tools'])).rejects.toMatchObject({ groups: [expect.objectContaining({ errorCode: 69 })] });
    const meta = await admin.fetchTopicMetadata({ topics: ['__consumer_offsets'] });
    expect(meta.topics[0]?.partitions).toHaveLength(5);
  });
});
