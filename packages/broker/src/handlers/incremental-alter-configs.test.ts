import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode, encodeToBuffer } from '../protocol/codec.ts';
import { ApiKey, schemas, type IncrementalAlterConfigsResponse } from '../protocol/generated/messages.ts';
import { Reader } from '../protocol/reader.ts';
import { RawClient, startTestBroker, type TestBroker } from '../server/testing.ts';

let broker: TestBroker;
let client: RawClient;
let correlationId = 0;

beforeAll(async () => {
  broker = await startTestBroker();
  await broker.store.createTopic('t', 1, { 'retention.ms': '1000' });
  client = new RawClient(broker.port);
  await client.ready;
});

afterAll(async () => {
  client?.end();
  await broker?.destroy();
});

type Op = { name: string; configOperation: number; value: string | null };

async function alter(resourceName: string, configs: Op[], resourceType = 2, validateOnly = false): Promise<IncrementalAlterConfigsResponse['responses'][number]> {
  const body = encodeToBuffer(schemas.IncrementalAlterConfigsRequest, 0, { resources: [{ resourceType, resourceName, configs }], validateOnly });
  client.request(ApiKey.IncrementalAlterConfigs, 0, ++correlationId, body);
  const res = decode<IncrementalAlterConfigsResponse>(schemas.IncrementalAlterConfigsResponse, 0, new Reader((await client.next()) as Buffer, 4));
  return res.responses[0] as IncrementalAlterConfigsResponse['responses'][number];
}

describe('IncrementalAlterConfigs', () => {
  it('sets and deletes single keys, leaving the others', async () => {
    expect(await alter('t', [{ name: 'segment.ms', configOperation: 0, value: '60000' }])).toMatchObject({ errorCode: 0 });
    expect(broker.store.getTopic('t')?.configs).toEqual({ 'retention.ms': '1000', 'segment.ms': '60000' });
    expect(await alter('t', [{ name: 'retention.ms', configOperation: 1, value: null }])).toMatchObject({ errorCode: 0 });
    expect(broker.store.getTopic('t')?.configs).toEqual({ 'segment.ms': '60000' });
  });

  it('appends to and subtracts from list configs only', async () => {
    await alter('t', [{ name: 'cleanup.policy', configOperation: 2, value: 'compact' }]);
    expect(broker.store.getTopic('t')?.configs['cleanup.policy']).toBe('delete,compact');
    await alter('t', [{ name: 'cleanup.policy', configOperation: 3, value: 'delete' }]);
    expect(broker.store.getTopic('t')?.configs['cleanup.policy']).toBe('compact');
    expect(await alter('t', [{ name: 'retention.ms', configOperation: 2, value: '5' }])).toMatchObject({ errorCode: 40, errorMessage: expect.stringMatching(/not a list/) });
  });

  it('rejects unknown names, bad values, duplicates, unknown topics and broker resources', async () => {
    expect(await alter('t', [{ name: 'bogus', configOperation: 0, value: '1' }])).toMatchObject({ errorCode: 40, errorMessage: 'Unknown topic config name: bogus' });
    expect(await alter('t', [{ name: 'message.timestamp.type', configOperation: 0, value: 'Sometimes' }])).toMatchObject({ errorCode: 40 });
    expect(await alter('t', [{ name: 'segment.ms', configOperation: 0, value: '1' }, { name: 'segment.ms', configOperation: 1, value: null }])).toMatchObject({ errorCode: 42 });
    expect(await alter('missing', [{ name: 'segment.ms', configOperation: 0, value: '1' }])).toMatchObject({ errorCode: 3 });
    expect(await alter('0', [{ name: 'log.retention.ms', configOperation: 0, value: '1' }], 4)).toMatchObject({ errorCode: 42 });
    expect(broker.store.getTopic('t')?.configs).toEqual({ 'segment.ms': '60000', 'cleanup.policy': 'compact' });
  });

  it('validateOnly changes nothing', async () => {
    expect(await alter('t', [{ name: 'segment.ms', configOperation: 0, value: '120000' }], 2, true)).toMatchObject({ errorCode: 0 });
    expect(broker.store.getTopic('t')?.configs['segment.ms']).toBe('60000');
  });
});
