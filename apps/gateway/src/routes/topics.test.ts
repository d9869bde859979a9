import { createBrookClient, BrookApiError } from '@brook/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../test-support/stack.ts';

describe('topics against the real broker', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ listen: true });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('is ready once the broker answers metadata', async () => {
    const response = await stack.app.inject({ method: 'GET', url: '/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ready', brokers: 1 });
  });

  it('creates a topic that kafkajs then sees with its partition count', async () => {
    const created = await stack.app.inject({ method: 'POST', url: '/topics', payload: { name: 'orders', partitions: 3 } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ name: 'orders', partitions: 3, replicationFactor: 1 });
    const admin = stack.kafka.admin();
    await admin.connect();
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: ['orders'] });
      expect(topics[0]?.partitions).toHaveLength(3);
    } finally {
      await admin.disconnect();
    }
  });

  it('answers 409 for a topic that exists', async () => {
    const again = await stack.app.inject({ method: 'POST', url: '/topics', payload: { name: 'orders', partitions: 1 } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('GATEWAY_TOPIC_EXISTS');
  });

  it('lists, searches, sorts and pages topics through the typed client', async () => {
    const client = createBrookClient({ baseUrl: stack.url });
    for (const name of ['alpha', 'beta', 'gamma-1', 'gamma-2']) await client.createTopic({ name, partitions: name.length % 3 + 1 });
    const all = await client.listTopics();
    expect(all.topics.map((t) => t.name)).toEqual(['alpha', 'beta', 'gamma-1', 'gamma-2', 'orders']);
    expect(all.total).toBe(5);
    expect(all.topics[0]).toMatchObject({ name: 'alpha', partitions: 3, replicationFactor: 1, internal: false, messages: 0 });

    const search = await client.listTopics({ search: 'GAMMA' });
    expect(search.topics.map((t) => t.name)).toEqual(['gamma-1', 'gamma-2']);

    const page2 = await client.listTopics({ pageSize: 2, page: 2 });
    expect(page2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page2.topics.map((t) => t.name)).toEqual(['gamma-1', 'gamma-2']);

    const byPartitions = await client.listTopics({ sort: 'partitions', order: 'desc' });
    expect(byPartitions.topics.map((t) => t.partitions)).toEqual([3, 3, 2, 2, 2]);
  });

  it('describes a topic with leaders, replicas, ISR and offsets', async () => {
    const client = createBrookClient({ baseUrl: stack.url });
    const detail = await client.getTopic('orders');
    expect(detail.partitions).toHaveLength(3);
    expect(detail.partitions[0]).toMatchObject({ partition: 0, leader: 0, replicas: [0], isr: [0], earliestOffset: 0, latestOffset: 0 });
  });

  it('adds partitions and refuses to shrink', async () => {
    const client = createBrookClient({ baseUrl: stack.url });
    expect(await client.addPartitions('orders', { count: 4 })).toEqual({ name: 'orders', partitions: 4 });
    expect((await client.getTopic('orders')).partitions).toHaveLength(4);
    const error = await client.addPartitions('orders', { count: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrookApiError);
    expect(error).toMatchObject({ status: 400, code: 'GATEWAY_INVALID_REQUEST' });
  });

  it('deletes a topic, then answers 404 for it', async () => {
    const client = createBrookClient({ baseUrl: stack.url });
    await client.deleteTopic('beta');
    const error = await client.getTopic('beta').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, code: 'GATEWAY_TOPIC_NOT_FOUND' });
    const again = await client.deleteTopic('beta').catch((e: unknown) => e);
    expect(again).toMatchObject({ status: 404, code: 'GATEWAY_TOPIC_NOT_FOUND' });
  });

  it('reports the cluster', async () => {
    const client = createBrookClient({ baseUrl: stack.url });
    const cluster = await client.cluster();
    // The one bundled broker leads and hosts every partition.
    expect(cluster.brokers).toEqual([
      { nodeId: 0, host: '127.0.0.1', port: stack.broker.port, rack: null, isController: true, leaderPartitions: cluster.partitions, replicaPartitions: cluster.partitions },
    ]);
    expect(cluster.partitions).toBeGreaterThan(0);
    expect(cluster.controller).toBe(0);
    expect(cluster.clusterId).toBe(stack.broker.clusterId);
  });
});
