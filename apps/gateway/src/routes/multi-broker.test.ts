// The gateway on a three-node cluster: a fake Apache Kafka 3.9 KRaft cluster at the protocol level
// (@brook/broker/testing), three brokers on three ports, replication factor 3, some partitions
// under-replicated and one offline. What only a multi-broker cluster shows must come through.
import { startFakeCluster, threeNodeCluster, type FakeCluster } from '@brook/broker/testing';
import type { ClusterResponse, ListTopicsResponse, ReadMessagesResponse, TopicConfigsResponse, TopicDetail } from '@brook/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, loadConfig, type GatewayApp } from '../app.ts';

let cluster: FakeCluster;
let app: GatewayApp;

async function get<T>(url: string): Promise<T> {
  const response = await app.inject({ method: 'GET', url });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
}

beforeAll(async () => {
  cluster = await startFakeCluster();
  app = await buildApp({ config: loadConfig({ KAFKA_BROKERS: cluster.bootstrap }), logger: false });
});

afterAll(async () => {
  await app?.close();
  await cluster?.close();
});

describe('gateway on a three-node cluster', () => {
  it('is ready, counting three brokers', async () => {
    expect(await get('/ready')).toEqual({ status: 'ready', brokers: 3 });
  });

  it('GET /cluster: three brokers with racks, the controller, partitions led and hosted per broker, partition health', async () => {
    const body = await get<ClusterResponse>('/cluster');
    const port = (id: number) => cluster.nodes.find((n) => n.nodeId === id)?.port;
    expect(body.clusterId).toBe(threeNodeCluster.clusterId);
    expect(body.controller).toBe(2);
    // 61 partitions of replication factor 3 (one offline): each broker hosts all 61, leaders spread out.
    expect(body.brokers).toEqual([
      { nodeId: 1, host: '127.0.0.1', port: port(1), rack: 'eu-west-1a', isController: false, leaderPartitions: 21, replicaPartitions: 61 },
      { nodeId: 2, host: '127.0.0.1', port: port(2), rack: 'eu-west-1b', isController: true, leaderPartitions: 20, replicaPartitions: 61 },
      { nodeId: 3, host: '127.0.0.1', port: port(3), rack: 'eu-west-1c', isController: false, leaderPartitions: 19, replicaPartitions: 61 },
    ]);
    expect(body).toMatchObject({ topics: 4, partitions: 61, underReplicatedPartitions: 3, offlinePartitions: 1 });
  });

  it('GET /topics/:name: leader, replicas, ISR and offline replicas per partition, under-replicated flagged', async () => {
    const payments = await get<TopicDetail>('/topics/payments');
    expect(payments.replicationFactor).toBe(3);
    expect(payments.partitions.map(({ partition, leader, replicas, isr, offlineReplicas, underReplicated }) => ({ partition, leader, replicas, isr, offlineReplicas, underReplicated }))).toEqual([
      { partition: 0, leader: 1, replicas: [1, 2, 3], isr: [1, 2, 3], offlineReplicas: [], underReplicated: false },
      { partition: 1, leader: -1, replicas: [3, 1, 2], isr: [3], offlineReplicas: [3], underReplicated: true },
      { partition: 2, leader: 1, replicas: [3, 1, 2], isr: [1, 2], offlineReplicas: [], underReplicated: true },
    ]);
    // Offsets come from each partition's own leader; the offline partition has none to ask.
    expect(payments.partitions.map((p) => [p.earliestOffset, p.latestOffset])).toEqual([[0, 420], [0, 0], [12, 77]]);
    expect(payments.messages).toBe(420 + 65);
  });

  it('GET /topics: replication factor 3 and message counts summed over leaders on all three brokers', async () => {
    const list = await get<ListTopicsResponse>('/topics');
    expect(list.topics.map((t) => [t.name, t.partitions, t.replicationFactor, t.messages])).toEqual([
      ['audit-log', 2, 3, 14],
      ['orders', 6, 3, 9750],
      ['payments', 3, 3, 485],
    ]);
    const withInternal = await get<ListTopicsResponse>('/topics?internal=true&search=consumer');
    expect(withInternal.topics).toEqual([{ name: '__consumer_offsets', partitions: 50, replicationFactor: 3, internal: true, messages: 0 }]);
  });

  it('GET /topics/:name/configs: topic overrides, server.properties defaults and Kafka defaults told apart', async () => {
    const { configs } = await get<TopicConfigsResponse>('/topics/orders/configs');
    const byName = new Map(configs.map((c) => [c.name, c]));
    expect(byName.get('retention.ms')).toMatchObject({ value: '259200000', source: 'TOPIC', isDefault: false });
    expect(byName.get('min.insync.replicas')).toMatchObject({ value: '2', source: 'STATIC_BROKER', isDefault: false });
    expect(byName.get('cleanup.policy')).toMatchObject({ value: 'delete', source: 'DEFAULT', isDefault: true });
  });

  it('reads a topic whose partitions are led by three brokers (a Fetch to each leader)', async () => {
    const page = await get<ReadMessagesResponse>('/topics/orders/messages?from=latest&limit=10');
    expect(page.records).toEqual([]);
    expect(page.topic).toBe('orders');
  });

  it('lists consumer groups across the brokers (none yet)', async () => {
    expect(await get('/consumer-groups')).toMatchObject({ groups: [] });
  });

  // Last: it adds a topic to the cluster the tests above count.
  it("POST /topics without a replication factor takes the cluster's default.replication.factor (3), not 1", async () => {
    const created = await app.inject({ method: 'POST', url: '/topics', payload: { name: 'invoices', partitions: 3 } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toEqual({ name: 'invoices', partitions: 3, replicationFactor: 3 });
    const detail = await get<TopicDetail>('/topics/invoices');
    expect(detail.partitions.map((p) => [p.leader, p.replicas])).toEqual([
      [1, [1, 2, 3]],
      [2, [2, 3, 1]],
      [3, [3, 1, 2]],
    ]);
  });
});
