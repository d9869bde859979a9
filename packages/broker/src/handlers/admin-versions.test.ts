// Every advertised version of every admin API, over the wire: a minimal valid request at that version
// must be answered (not closed) with no error. ApiVersions advertises these ranges, so each is exercised.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode, encodeToBuffer } from '../protocol/codec.ts';
import { isFlexible, ZERO_UUID } from '../protocol/compile.ts';
import { ApiKey, schemas, type ApiName } from '../protocol/generated/messages.ts';
import { Reader } from '../protocol/reader.ts';
import type { AnyHandler } from '../server/context.ts';
import { RawClient, startTestBroker, type TestBroker } from '../server/testing.ts';
import { alterConfigsHandler } from './alter-configs.ts';
import { apiVersionsHandler } from './api-versions.ts';
import { createPartitionsHandler } from './create-partitions.ts';
import { createTopicsHandler } from './create-topics.ts';
import { deleteTopicsHandler } from './delete-topics.ts';
import { describeConfigsHandler } from './describe-configs.ts';
import { incrementalAlterConfigsHandler } from './incremental-alter-configs.ts';
import { metadataHandler } from './metadata.ts';

let broker: TestBroker;
let client: RawClient;
let correlationId = 0;

beforeAll(async () => {
  broker = await startTestBroker();
  client = new RawClient(broker.port);
  await client.ready;
});

afterAll(async () => {
  client?.end();
  await broker?.destroy();
});

type Body = Record<string, unknown>;

async function call(api: ApiName, version: number, request: object): Promise<Body> {
  const req = schemas[`${api}Request`];
  const res = schemas[`${api}Response`];
  const id = ++correlationId;
  client.request(ApiKey[api], version, id, encodeToBuffer(req, version, request), isFlexible(req, version));
  const frame = await client.next();
  if (!frame) throw new Error(`${api} v${version}: connection closed`);
  expect(frame.readInt32BE(0)).toBe(id);
  const headerBytes = api !== 'ApiVersions' && isFlexible(res, version) ? 5 : 4;
  const reader = new Reader(frame, headerBytes);
  const body = decode<Body>(res, version, reader);
  expect(reader.remaining(), `${api} v${version} trailing bytes`).toBe(0);
  return body;
}

function versions(h: AnyHandler): number[] {
  return Array.from({ length: h.maxVersion - h.minVersion + 1 }, (_, i) => h.minVersion + i);
}

const errorsOf = (items: unknown): number[] => (items as { errorCode: number }[]).map((i) => i.errorCode);

describe('every advertised admin version answers', () => {
  it.each(versions(apiVersionsHandler))('ApiVersions v%i', async (v) => {
    const res = await call('ApiVersions', v, { clientSoftwareName: 'test', clientSoftwareVersion: '1' });
    expect(res.errorCode).toBe(0);
  });

  it.each(versions(metadataHandler))('Metadata v%i', async (v) => {
    const res = await call('Metadata', v, { topics: v === 0 ? [] : null, allowAutoTopicCreation: false });
    expect((res.brokers as unknown[]).length).toBe(1);
  });

  it.each(versions(createTopicsHandler))('CreateTopics v%i', async (v) => {
    const name = `create-${v}`;
    const configs = [{ name: 'segment.ms', value: '60000' }];
    const created = await call('CreateTopics', v, { topics: [{ name, numPartitions: 2, replicationFactor: 1, assignments: [], configs }], timeoutMs: 1000 });
    expect(errorsOf(created.topics)).toEqual([0]);
    expect(broker.store.getTopic(name)).toMatchObject({ partitions: 2, configs: { 'segment.ms': '60000' } });
  });

  it.each(versions(createPartitionsHandler))('CreatePartitions v%i', async (v) => {
    const name = `grow-${v}`;
    await broker.store.createTopic(name, 1);
    const res = await call('CreatePartitions', v, { topics: [{ name, count: 3, assignments: null }], timeoutMs: 1000, validateOnly: false });
    expect(errorsOf(res.results)).toEqual([0]);
  });

  it.each(versions(describeConfigsHandler))('DescribeConfigs v%i', async (v) => {
    await broker.store.createTopic(`describe-${v}`, 1).catch(() => {});
    const res = await call('DescribeConfigs', v, { resources: [{ resourceType: 2, resourceName: `describe-${v}`, configurationKeys: null }], includeSynonyms: true });
    const [result] = res.results as { errorCode: number; configs: unknown[] }[];
    expect(result?.errorCode).toBe(0);
    expect(result?.configs.length).toBeGreaterThan(10);
  });

  it.each(versions(alterConfigsHandler))('AlterConfigs v%i', async (v) => {
    await broker.store.createTopic(`alter-${v}`, 1);
    const res = await call('AlterConfigs', v, { resources: [{ resourceType: 2, resourceName: `alter-${v}`, configs: [{ name: 'retention.ms', value: '1000' }] }], validateOnly: false });
    expect(errorsOf(res.responses)).toEqual([0]);
    expect(broker.store.getTopic(`alter-${v}`)?.configs).toEqual({ 'retention.ms': '1000' });
  });

  it.each(versions(incrementalAlterConfigsHandler))('IncrementalAlterConfigs v%i', async (v) => {
    await broker.store.createTopic(`incr-${v}`, 1);
    const configs = [{ name: 'retention.ms', configOperation: 0, value: '2000' }];
    const res = await call('IncrementalAlterConfigs', v, { resources: [{ resourceType: 2, resourceName: `incr-${v}`, configs }], validateOnly: false });
    expect(errorsOf(res.responses)).toEqual([0]);
  });

  it.each(versions(deleteTopicsHandler))('DeleteTopics v%i', async (v) => {
    const name = `delete-${v}`;
    await broker.store.createTopic(name, 1);
    const request = v >= 6 ? { topics: [{ name, topicId: ZERO_UUID }], timeoutMs: 1000 } : { topicNames: [name], timeoutMs: 1000 };
    const res = await call('DeleteTopics', v, request);
    expect(errorsOf(res.responses)).toEqual([0]);
    expect(broker.store.getTopic(name)).toBeUndefined();
  });
});
