import { execFileSync } from 'node:child_process';
import { createBrookClient, type BrookClient, type ProduceResponse } from '@brook/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemCode, startStack, type Stack } from '../test-support/stack.ts';

/** Everything in a topic, read back with kafkajs's own admin offsets + our stateless read. */
async function endOffsets(stack: Stack, topic: string): Promise<number[]> {
  const admin = stack.kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.sort((a, b) => a.partition - b.partition).map((o) => Number(o.high));
  } finally {
    await admin.disconnect();
  }
}

describe('produce against the real broker', () => {
  let stack: Stack;
  let client: BrookClient;
  beforeAll(async () => {
    stack = await startStack({ listen: true, env: { GATEWAY_BATCH_LIMIT: '50', GATEWAY_BODY_LIMIT_BYTES: '65536' } });
    client = createBrookClient({ baseUrl: stack.url });
    await client.createTopic({ name: 'events', partitions: 3 });
    await client.createTopic({ name: 'one', partitions: 1 });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('writes one JSON record and reads it back with its headers and timestamp', async () => {
    const result = await client.produce('one', {
      key: 'user-1',
      value: { amount: 42 },
      headers: [
        { key: 'trace', value: 'abc' },
        { key: 'trace', value: 'def' },
        { key: 'bin', value: 'AAH/', encoding: 'base64' },
      ],
      timestamp: 1_700_000_000_000,
    });
    expect(result).toEqual({ topic: 'one', results: [{ partition: 0, offset: 0 }], succeeded: 1, failed: 0 });
    const page = await client.readMessages('one', { from: 'earliest' });
    expect(page.records).toHaveLength(1);
    expect(page.records[0]).toMatchObject({
      partition: 0,
      offset: 0,
      timestamp: 1_700_000_000_000,
      key: 'user-1',
      keyEncoding: 'string',
      value: { amount: 42 },
      valueEncoding: 'json',
      headers: [
        { key: 'trace', value: 'abc', encoding: 'string' },
        { key: 'trace', value: 'def', encoding: 'string' },
        { key: 'bin', value: 'AAH/', encoding: 'base64' },
      ],
    });
  });

  it('writes every key and value encoding, null header values and per-record timestamps in one batch', async () => {
    const result = await client.produce('one', {
      records: [
        { key: 'clé ✓', value: { text: '日本 ü', n: 1.5 }, timestamp: 1_700_000_000_001 },
        { value: 'plain text' },
        { key: 'AAH/', keyEncoding: 'base64', value: '/wD+', valueEncoding: 'base64' },
        { value: 'quoted', valueEncoding: 'json' },
        { value: null, headers: { gone: null, kept: 'yes' } },
        { value: 'x', headers: [{ key: 'h', value: null }, { key: 'h', value: '2' }], timestamp: 1_600_000_000_000 },
      ],
    });
    expect(result.failed).toBe(0);
    const first = result.results[0]?.offset ?? -1;
    const page = await client.readMessages('one', { offset: first, partition: 0, limit: 6 });
    expect(page.records.map((r) => [r.key, r.keyEncoding, r.value, r.valueEncoding, r.headers])).toEqual([
      ['clé ✓', 'string', { text: '日本 ü', n: 1.5 }, 'json', []],
      [null, 'null', 'plain text', 'string', []],
      ['AAH/', 'base64', '/wD+', 'base64', []],
      [null, 'null', 'quoted', 'json', []],
      [null, 'null', null, 'null', [{ key: 'gone', value: null, encoding: 'null' }, { key: 'kept', value: 'yes', encoding: 'string' }]],
      [null, 'null', 'x', 'string', [{ key: 'h', value: null, encoding: 'null' }, { key: 'h', value: '2', encoding: 'string' }]],
    ]);
    expect(page.records[0]?.timestamp).toBe(1_700_000_000_001);
    expect(page.records[5]?.timestamp).toBe(1_600_000_000_000);
    expect(Math.abs((page.records[1]?.timestamp ?? 0) - Date.now())).toBeLessThan(60_000);
  });

  it('accepts raw text, form and binary bodies as one value', async () => {
    const text = await fetch(`${stack.url}/topics/one/messages?key=k1`, { method: 'POST', body: 'hello', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(200);
    const first = ((await text.json()) as ProduceResponse).results[0]?.offset ?? -1;
    const form = await fetch(`${stack.url}/topics/one/messages`, {
      method: 'POST',
      body: 'a=1&b=2',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(200);
    const binary = await fetch(`${stack.url}/topics/one/messages`, {
      method: 'POST',
      body: new Uint8Array([0xff, 0x00, 0xfe]),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(binary.status).toBe(200);
    const page = await client.readMessages('one', { offset: first, partition: 0 });
    expect(page.records.map((r) => [r.key, r.value, r.valueEncoding])).toEqual([
      ['k1', 'hello', 'string'],
      [null, 'a=1&b=2', 'string'],
      [null, '/wD+', 'base64'],
    ]);
  });

  it('puts keyed records where Java’s default partitioner (murmur2) puts them', async () => {
    const keys = ['a', 'b', 'c', 'user-1', 'user-2', 'order-77'];
    const result = await client.produce('events', { records: keys.map((key) => ({ key, value: key })) });
    // kafka-python's DefaultPartitioner is the Java client's murmur2 algorithm.
    const script = `from kafka.partitioner.default import murmur2
import sys
print(' '.join(str((murmur2(k.encode()) & 0x7fffffff) % 3) for k in sys.argv[1:]))`;
    const expected = execFileSync('/usr/bin/python3', ['-c', script, ...keys], { encoding: 'utf8' }).trim().split(' ').map(Number);
    expect(result.results.map((r) => r.partition)).toEqual(expected);
  });

  it('answers 207 with per-record results in request order, writing only the good records', async () => {
    const before = await endOffsets(stack, 'events');
    const response = await fetch(`${stack.url}/topics/events/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        records: [
          { value: 'ok-1', partition: 0 },
          { value: 'not base64!', valueEncoding: 'base64', partition: 0 },
          { value: 'ok-2', partition: 1 },
          { value: 'nowhere', partition: 7 },
        ],
      }),
    });
    expect(response.status).toBe(207);
    const body = (await response.json()) as ProduceResponse;
    expect(body.succeeded).toBe(2);
    expect(body.failed).toBe(2);
    expect(body.results[0]).toEqual({ partition: 0, offset: before[0] });
    expect(body.results[1]?.error?.code).toBe('GATEWAY_INVALID_BASE64');
    expect(body.results[2]).toEqual({ partition: 1, offset: before[1] });
    expect(body.results[3]?.error?.code).toBe('GATEWAY_PARTITION_NOT_FOUND');
    const after = await endOffsets(stack, 'events');
    expect(after).toEqual([(before[0] ?? 0) + 1, (before[1] ?? 0) + 1, before[2]]);
  });

  it.each([
    ['malformed JSON', '{"value":', 'application/json', 400, 'GATEWAY_MALFORMED_JSON'],
    ['a wrong type', JSON.stringify({ value: 'x', partition: 'zero' }), 'application/json', 400, 'GATEWAY_VALIDATION_FAILED'],
    ['a negative partition', JSON.stringify({ value: 'x', partition: -1 }), 'application/json', 400, 'GATEWAY_VALIDATION_FAILED'],
    ['an unknown field', JSON.stringify({ value: 'x', partiton: 1 }), 'application/json', 400, 'GATEWAY_VALIDATION_FAILED'],
    ['an empty batch', JSON.stringify({ records: [] }), 'application/json', 400, 'GATEWAY_VALIDATION_FAILED'],
    ['bad base64', JSON.stringify({ value: '***', valueEncoding: 'base64' }), 'application/json', 400, 'GATEWAY_INVALID_BASE64'],
    ['an unknown partition', JSON.stringify({ value: 'x', partition: 3 }), 'application/json', 404, 'GATEWAY_PARTITION_NOT_FOUND'],
    ['a batch over the limit', JSON.stringify({ records: Array.from({ length: 51 }, () => ({ value: 1 })) }), 'application/json', 413, 'GATEWAY_BATCH_TOO_LARGE'],
    ['a body over the limit', 'x'.repeat(70_000), 'text/plain', 413, 'GATEWAY_PAYLOAD_TOO_LARGE'],
    ['an unsupported media type', '<x/>', 'application/xml', 415, 'GATEWAY_UNSUPPORTED_MEDIA_TYPE'],
  ])('refuses %s and writes nothing', async (_label, body, contentType, status, code) => {
    const before = await endOffsets(stack, 'events');
    const response = await fetch(`${stack.url}/topics/events/messages`, { method: 'POST', body, headers: { 'content-type': contentType } });
    expect(response.status).toBe(status);
    expect((await problemCode(response))).toBe(code);
    expect(await endOffsets(stack, 'events')).toEqual(before);
  });

  it('answers 404 for an unknown topic and never creates it', async () => {
    const response = await fetch(`${stack.url}/topics/missing/messages`, { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } });
    expect(response.status).toBe(404);
    expect((await problemCode(response))).toBe('GATEWAY_TOPIC_NOT_FOUND');
    const list = await client.listTopics({ search: 'missing' });
    expect(list.total).toBe(0);
  });

  it('answers 400 for an invalid topic name in the path', async () => {
    const response = await fetch(`${stack.url}/topics/bad%20name/messages`, { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } });
    expect(response.status).toBe(400);
    expect((await problemCode(response))).toBe('GATEWAY_VALIDATION_FAILED');
  });

  it('gives concurrent single-record requests contiguous, distinct offsets', async () => {
    const before = await endOffsets(stack, 'one');
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => client.produce('one', { value: i })));
    const offsets = results.map((r) => r.results[0]?.offset ?? -1).sort((a, b) => a - b);
    const first = before[0] ?? 0;
    expect(offsets).toEqual(Array.from({ length: 200 }, (_, i) => first + i));
    const page = await client.readMessages('one', { partition: 0, offset: first, limit: 200 });
    // Each request's value sits at the offset that request was told.
    const byOffset = new Map(page.records.map((r) => [r.offset, r.value]));
    results.forEach((r, i) => expect(byOffset.get(r.results[0]?.offset ?? -1)).toBe(i));
  });

  it('micro-batches concurrent single-record requests into fewer Kafka requests', async () => {
    const kafkaRequests = async (): Promise<number> => {
      const text = await createBrookClient({ baseUrl: stack.url }).metrics();
      return Number(/^brook_gateway_kafka_produce_requests_total (\d+)/m.exec(text)?.[1] ?? 0);
    };
    const before = await kafkaRequests();
    await Promise.all(Array.from({ length: 300 }, (_, i) => client.produce('one', { value: i })));
    const sent = (await kafkaRequests()) - before;
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(150);
  });

  it('honours acks=0 (no offsets) and acks=1', async () => {
    const none = await client.produce('one', { value: 'fire and forget' }, { acks: '0' });
    expect(none.results).toEqual([{ partition: 0 }]);
    const leader = await client.produce('one', { value: 'leader only' }, { acks: '1' });
    expect(leader.results[0]?.offset).toBeTypeOf('number');
  });
});
