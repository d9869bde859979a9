// The fake three-node cluster read by real clients: kafkajs (what the gateway uses) and librdkafka
// (kcat), each negotiating its own versions from the fake's ApiVersions.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import kafkajs from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coordinatorOf, startFakeCluster, type FakeCluster } from './fake-cluster.ts';

const run = promisify(execFile);
let cluster: FakeCluster;
let admin: kafkajs.Admin;

interface KcatMetadata {
  controllerid: number;
  brokers: { id: number; name: string }[];
  topics: { topic: string; partitions: { partition: number; leader: number; replicas: { id: number }[]; isrs: { id: number }[]; error?: string }[] }[];
}

async function kcatMetadata(): Promise<KcatMetadata> {
  const { stdout } = await run('kcat', ['-b', cluster.bootstrap, '-L', '-J'], { timeout: 20_000 });
  return JSON.parse(stdout) as KcatMetadata;
}

beforeAll(async () => {
  cluster = await startFakeCluster();
  const kafka = new kafkajs.Kafka({ clientId: 'fake-cluster-test', brokers: cluster.bootstrap.split(','), logLevel: kafkajs.logLevel.NOTHING, retry: { retries: 0 } });
  admin = kafka.admin();
  await admin.connect();
});

afterAll(async () => {
  await admin.disconnect();
  await cluster.close();
});

describe('fake three-node cluster', () => {
  it('describes three brokers on their own ports, with controller 2 and racks, to librdkafka (kcat -L)', async () => {
    const metadata = await kcatMetadata();
    expect(metadata.controllerid).toBe(2);
    expect(metadata.brokers.map((b) => [b.id, b.name]).sort()).toEqual(cluster.nodes.map((n) => [n.nodeId, `${n.host}:${n.port}`]));
    expect(metadata.topics.map((t) => t.topic).sort()).toEqual(['__consumer_offsets', 'audit-log', 'orders', 'payments']);
  });

  it('reports replicas, ISR, and the offline partition with LEADER_NOT_AVAILABLE as Kafka does', async () => {
    const payments = (await kcatMetadata()).topics.find((t) => t.topic === 'payments');
    const ids = (nodes: { id: number }[]) => nodes.map((n) => n.id);
    expect(payments?.partitions.map((p) => [p.partition, p.leader, ids(p.replicas), ids(p.isrs), p.error ?? null])).toEqual([
      [0, 1, [1, 2, 3], [1, 2, 3], null],
      [1, -1, [3, 1, 2], [3], 'Broker: Leader not available'],
      [2, 1, [3, 1, 2], [1, 2], null],
    ]);
    // kafkajs refuses the whole answer over that one partition (tulios/kafkajs#1460): the gateway patches it.
    await expect(admin.fetchTopicMetadata({ topics: ['payments'] })).rejects.toThrow(/no leader/);
  });

  it('reports an under-replicated partition led by the next in-sync replica to kafkajs', async () => {
    const { topics } = await admin.fetchTopicMetadata({ topics: ['orders'] });
    const p4 = topics[0]?.partitions.find((p) => p.partitionId === 4);
    expect(p4).toMatchObject({ leader: 2, replicas: [2, 3, 1], isr: [2, 1], offlineReplicas: [] });
  });

  it('answers ListOffsets from each partition leader', async () => {
    const offsets = await admin.fetchTopicOffsets('orders');
    expect(offsets.sort((a, b) => a.partition - b.partition).map((o) => o.high)).toEqual(['1000', '1250', '1500', '1750', '2000', '2250']);
  });

  it('describes topic configs with their sources', async () => {
    const { resources } = await admin.describeConfigs({ resources: [{ type: kafkajs.ConfigResourceTypes.TOPIC, name: 'orders' }], includeSynonyms: false });
    const entries = new Map(resources[0]?.configEntries.map((e) => [e.configName, e]));
    expect(entries.get('retention.ms')).toMatchObject({ configValue: '259200000', isDefault: false });
    expect(entries.get('min.insync.replicas')).toMatchObject({ configValue: '2', isDefault: false });
    expect(entries.get('segment.bytes')).toMatchObject({ configValue: '1073741824', isDefault: true });
  });

  it('has no consumer groups; group requests reach the coordinator kafkajs found (others answer NOT_COORDINATOR)', async () => {
    expect((await admin.listGroups()).groups).toEqual([]);
    const { groups } = await admin.describeGroups(['billing', 'shipping', 'fraud-checks']);
    expect(groups.map((g) => [g.groupId, g.state, g.members])).toEqual([
      ['billing', 'Dead', []],
      ['shipping', 'Dead', []],
      ['fraud-checks', 'Dead', []],
    ]);
    expect(new Set(['billing', 'shipping', 'fraud-checks'].map((g) => coordinatorOf(cluster.model, g))).size).toBeGreaterThan(1);
  });
});
