import kafkajs from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../test-support/stack.ts';
import { fetchFrom } from './fetcher.ts';
import { speaksFetchV11 } from './fetch-wire.ts';
import { fetchMetadata, ISOLATION_READ_UNCOMMITTED, type WireMessage } from './wire.ts';

const { CompressionTypes } = kafkajs;

const plain = (m: WireMessage) => ({
  offset: m.offset,
  timestamp: m.timestamp,
  key: m.key?.toString('hex') ?? null,
  value: m.value?.toString('hex') ?? null,
  headers: Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.map((x) => x?.toString('hex') ?? null) : (v?.toString('hex') ?? null)])),
});

describe('Fetch decoding only the records a page needs, against the real broker', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
    const admin = stack.kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'batches', numPartitions: 1 }] });
    await admin.disconnect();
    const producer = stack.kafka.producer();
    await producer.connect();
    // Batches of 1, 40 and 25 records (one gzip-compressed), with null keys and values and repeated headers.
    let n = 0;
    const records = (count: number) =>
      Array.from({ length: count }, () => {
        const i = n++;
        return { key: i % 3 === 0 ? null : `k${i}`, value: i % 7 === 0 ? null : JSON.stringify({ i }), headers: i % 2 ? { h: [`a${i}`, `b${i}`], x: `${i}` } : {} };
      });
    await producer.send({ topic: 'batches', messages: records(1) });
    await producer.send({ topic: 'batches', messages: records(40) });
    await producer.send({ topic: 'batches', compression: CompressionTypes.GZIP, messages: records(25) });
    await producer.send({ topic: 'batches', messages: records(40) });
    await producer.disconnect();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('returns what kafkajs decodes from each offset on, capped, with the next offset after the last one returned', async () => {
    await stack.app.kafka.withReader(async (cluster) => {
      const metadata = await fetchMetadata(cluster, ['batches']);
      const meta = { name: 'batches', internal: false, partitions: metadata.topicMetadata[0]?.partitionMetadata ?? [] };
      const broker = await cluster.findBroker({ nodeId: meta.partitions[0]?.leader ?? 0 });
      expect(speaksFetchV11(broker)).toBe(true);
      const { responses } = await broker.fetch({
        isolationLevel: ISOLATION_READ_UNCOMMITTED,
        maxWaitTime: 0,
        minBytes: 1,
        maxBytes: 1 << 20,
        topics: [{ topic: 'batches', partitions: [{ partition: 0, fetchOffset: '0', maxBytes: 1 << 20 }] }],
      });
      const all = (responses[0]?.partitions[0]?.messages ?? []).map(plain);
      expect(all).toHaveLength(106);
      for (const from of [0, 1, 2, 30, 40, 41, 50, 66, 80, 105, 106]) {
        for (const maxRecords of [undefined, 1, 10, 50]) {
          const fetched = (await fetchFrom(cluster, meta, new Map([[0, from]]), { maxWaitMs: 0, maxBytes: 1 << 20, maxRecords })).get(0);
          const expected = all.filter((m) => Number(m.offset) >= from).slice(0, maxRecords ?? Infinity);
          expect(fetched?.messages.map(plain), `from ${from}, at most ${maxRecords}`).toEqual(expected);
          const last = expected[expected.length - 1];
          expect(fetched?.next, `next from ${from}, at most ${maxRecords}`).toBe(last ? Number(last.offset) + 1 : from);
          expect(fetched?.highWatermark).toBe(106);
        }
      }
    });
  });

  it('reads the newest page through the gateway without decoding the batch before it', async () => {
    const response = await stack.app.inject({ method: 'GET', url: '/topics/batches/messages?from=latest&limit=5' });
    expect(response.statusCode).toBe(200);
    expect(response.json().records.map((r: { offset: number }) => r.offset)).toEqual([101, 102, 103, 104, 105]);
    const oldest = await stack.app.inject({ method: 'GET', url: '/topics/batches/messages?from=earliest&limit=3' });
    expect(oldest.json().records.map((r: { offset: number }) => r.offset)).toEqual([0, 1, 2]);
    expect(oldest.json().partitions[0].nextOffset).toBe(3);
  });
});
