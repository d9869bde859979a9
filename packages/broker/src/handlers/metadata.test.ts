import { afterEach, describe, expect, it } from 'vitest';
import { decode, encodeToBuffer } from '../protocol/codec.ts';
import { ApiKey, schemas, type CreateTopicsResponse, type DeleteTopicsResponse, type MetadataResponse } from '../protocol/generated/messages.ts';
import { Reader } from '../protocol/reader.ts';
import { RawClient, startTestBroker, type TestBroker } from '../server/testing.ts';
import type { BrokerConfig } from '../config.ts';

let broker: TestBroker | undefined;
let client: RawClient | undefined;

afterEach(async () => {
  client?.end();
  await broker?.destroy();
  broker = client = undefined;
});

async function setup(overrides: Partial<BrokerConfig> = {}): Promise<RawClient> {
  broker = await startTestBroker(overrides);
  client = new RawClient(broker.port);
  await client.ready;
  return client;
}

async function metadata(c: RawClient, version: number, request: object): Promise<MetadataResponse> {
  const flexible = version >= 9;
  c.request(ApiKey.Metadata, version, 1, encodeToBuffer(schemas.MetadataRequest, version, request), flexible);
  const frame = (await c.next()) as Buffer;
  // Flexible responses carry header v1: correlation id, then an (empty) tagged-field section.
  return decode<MetadataResponse>(schemas.MetadataResponse, version, new Reader(frame, flexible ? 5 : 4));
}

describe('Metadata', () => {
  it('auto-creates requested topics with the default partition count when allowed', async () => {
    const c = await setup({ defaultPartitions: 3 });
    const res = await metadata(c, 4, { topics: [{ name: 'fresh' }], allowAutoTopicCreation: true });
    expect(res.topics).toEqual([expect.objectContaining({ name: 'fresh', errorCode: 0, isInternal: false })]);
    expect(res.topics[0]?.partitions).toHaveLength(3);
    expect(broker?.store.getTopic('fresh')?.partitions).toBe(3);
  });

  it('does not auto-create when the client or the broker says no', async () => {
    const c = await setup({ autoCreateTopics: false });
    expect((await metadata(c, 1, { topics: [{ name: 'nope' }] })).topics[0]?.errorCode).toBe(3);
    const res = await metadata(c, 4, { topics: [{ name: 'nope' }], allowAutoTopicCreation: false });
    expect(res.topics[0]?.errorCode).toBe(3);
    expect(broker?.store.getTopic('nope')).toBeUndefined();
  });

  it('reports invalid names instead of creating them', async () => {
    const c = await setup();
    expect((await metadata(c, 4, { topics: [{ name: 'bad/name' }], allowAutoTopicCreation: true })).topics[0]?.errorCode).toBe(17);
  });

  it('advertises the configured host and port, cluster id and controller', async () => {
    const c = await setup({ advertisedHost: 'kafka.example', advertisedPort: 19092, nodeId: 7 });
    const res = await metadata(c, 8, { topics: null, allowAutoTopicCreation: false, includeClusterAuthorizedOperations: false, includeTopicAuthorizedOperations: false });
    expect(res.brokers).toEqual([{ nodeId: 7, host: 'kafka.example', port: 19092, rack: null }]);
    expect(res.controllerId).toBe(7);
    expect(res.clusterId).toBe(broker?.clusterId);
    expect(res.clusterId).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('v0 lists every topic for an empty topic list', async () => {
    const c = await setup();
    await broker?.store.createTopic('a', 2);
    const res = await metadata(c, 0, { topics: [] });
    expect(res.topics.map((t) => [t.name, t.partitions.length])).toEqual([['a', 2]]);
  });
});

describe('Metadata v10+ topic ids', () => {
  it('looks topics up by id, and answers an unknown id with UNKNOWN_TOPIC_ID (null name in v12)', async () => {
    const c = await setup();
    const meta = await broker?.store.createTopic('by-id', 2);
    const unknown = '11111111-2222-3333-4444-555555555555';
    const request = { topics: [{ topicId: meta?.id, name: null }, { topicId: unknown, name: null }], allowAutoTopicCreation: true, includeTopicAuthorizedOperations: false };
    const v12 = await metadata(c, 12, request);
    expect(v12.topics[0]).toMatchObject({ name: 'by-id', topicId: meta?.id, errorCode: 0 });
    expect(v12.topics[1]).toMatchObject({ name: null, topicId: unknown, errorCode: 100 });
    const v10 = await metadata(c, 10, request);
    expect(v10.topics[1]).toMatchObject({ name: '', errorCode: 100 });
  });

  it('reports authorized operations only when asked', async () => {
    const c = await setup();
    await broker?.store.createTopic('ops', 1);
    const asked = await metadata(c, 10, { topics: null, allowAutoTopicCreation: false, includeClusterAuthorizedOperations: true, includeTopicAuthorizedOperations: true });
    expect(asked.topics[0]?.topicAuthorizedOperations).toBeGreaterThan(0);
    expect(asked.clusterAuthorizedOperations).toBeGreaterThan(0);
    const notAsked = await metadata(c, 10, { topics: null, allowAutoTopicCreation: false, includeClusterAuthorizedOperations: false, includeTopicAuthorizedOperations: false });
    expect(notAsked.topics[0]?.topicAuthorizedOperations).toBe(-2147483648);
  });
});

describe('CreateTopics v7 and DeleteTopics v6', () => {
  it('returns the partition count, replication factor, configs and id, then deletes by id', async () => {
    const c = await setup();
    const create = { topics: [{ name: 'v7', numPartitions: 2, replicationFactor: 1, assignments: [], configs: [{ name: 'segment.ms', value: '1000' }] }], timeoutMs: 1000, validateOnly: false };
    c.request(ApiKey.CreateTopics, 7, 1, encodeToBuffer(schemas.CreateTopicsRequest, 7, create), true);
    const created = decode<CreateTopicsResponse>(schemas.CreateTopicsResponse, 7, new Reader((await c.next()) as Buffer, 5));
    const topic = created.topics[0];
    expect(topic).toMatchObject({ name: 'v7', errorCode: 0, numPartitions: 2, replicationFactor: 1, topicId: broker?.store.getTopic('v7')?.id });
    expect(topic?.configs?.find((cfg) => cfg.name === 'segment.ms')).toMatchObject({ value: '1000', configSource: 1 });

    c.request(ApiKey.DeleteTopics, 6, 2, encodeToBuffer(schemas.DeleteTopicsRequest, 6, { topics: [{ name: null, topicId: topic?.topicId }], timeoutMs: 1000 }), true);
    const deleted = decode<DeleteTopicsResponse>(schemas.DeleteTopicsResponse, 6, new Reader((await c.next()) as Buffer, 5));
    expect(deleted.responses).toMatchObject([{ name: 'v7', topicId: topic?.topicId, errorCode: 0, errorMessage: null }]);
    expect(broker?.store.getTopic('v7')).toBeUndefined();
  });
});

describe('CreateTopics validateOnly', () => {
  it('checks and reports without creating', async () => {
    const c = await setup();
    const request = { topics: [{ name: 'dry', numPartitions: -1, replicationFactor: -1, assignments: [], configs: [] }], timeoutMs: 1000, validateOnly: true };
    c.request(ApiKey.CreateTopics, 4, 1, encodeToBuffer(schemas.CreateTopicsRequest, 4, request));
    const res = decode<CreateTopicsResponse>(schemas.CreateTopicsResponse, 4, new Reader((await c.next()) as Buffer, 4));
    expect(res.topics).toMatchObject([{ name: 'dry', errorCode: 0, errorMessage: null }]);
    expect(broker?.store.getTopic('dry')).toBeUndefined();
  });
});
