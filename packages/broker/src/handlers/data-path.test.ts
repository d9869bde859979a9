// Produce, Fetch, ListOffsets, DeleteRecords and InitProducerId through kafkajs against a real broker.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CompressionTypes, Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBroker, type TestBroker } from '../server/testing.ts';
import { registerTestCodecs } from './kafkajs-codecs.test-util.ts';

let broker: TestBroker;
let kafka: Kafka;
let admin: Admin;

beforeAll(async () => {
  registerTestCodecs();
  broker = await startTestBroker({ fsync: true });
  kafka = new Kafka({ clientId: 'data-test', brokers: [broker.address], logLevel: logLevel.NOTHING, retry: { retries: 2 } });
  admin = kafka.admin();
  await admin.connect();
});

afterAll(async () => {
  await admin?.disconnect();
  await broker?.destroy();
});

const run = promisify(execFile);

/** Reads a partition from the beginning to its end with kcat (librdkafka): an independent consumer. */
async function consumeAll(topic: string, partition = 0): Promise<Array<{ offset: string; key: string; value: string; headers: string }>> {
  const { stdout } = await run('kcat', ['-C', '-b', broker.address, '-t', topic, '-p', String(partition), '-o', 'beginning', '-e', '-q', '-f', '%o\\t%k\\t%s\\t%h\\n'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => {
      const [offset = '', key = '', value = '', headers = ''] = l.split('\t');
      return { offset, key, value, headers };
    });
}

describe('data path through kafkajs', () => {
  it.each([
    ['none', CompressionTypes.None],
    ['gzip', CompressionTypes.GZIP],
    ['snappy', CompressionTypes.Snappy],
    ['lz4', CompressionTypes.LZ4],
    ['zstd', CompressionTypes.ZSTD],
  ])('produces and consumes with compression %s', async (name, compression) => {
    const topic = `codec-${name}`;
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
    const producer: Producer = kafka.producer();
    await producer.connect();
    const messages = Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: `value ${i} `.repeat(5), headers: { n: String(i) } }));
    const [first] = await producer.send({ topic, compression, acks: -1, messages: messages.slice(0, 25) });
    const [second] = await producer.send({ topic, compression, acks: 1, messages: messages.slice(25) });
    await producer.disconnect();
    expect(first).toMatchObject({ errorCode: 0, baseOffset: '0' });
    expect(second).toMatchObject({ errorCode: 0, baseOffset: '25' });
    const got = await consumeAll(topic);
    expect(got.map((m) => m.offset)).toEqual(messages.map((_, i) => String(i)));
    expect(got.map((m) => m.value)).toEqual(messages.map((m) => m.value));
    expect(got[7]).toMatchObject({ key: 'k7', headers: 'n=7' });
  });

  it('idempotent producer: ids from InitProducerId, in-order appends across partitions', async () => {
    const topic = 'idem';
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }] });
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    for (let i = 0; i < 10; i++) {
      await producer.send({ topic, acks: -1, messages: [0, 1, 2].map((p) => ({ partition: p, value: `m${i}-p${p}` })) });
    }
    await producer.disconnect();
    for (const p of [0, 1, 2]) {
      expect((await consumeAll(topic, p)).map((m) => m.value)).toEqual(Array.from({ length: 10 }, (_, i) => `m${i}-p${p}`));
    }
  });

  it('lists offsets (earliest, latest, by timestamp) and deletes records', async () => {
    const topic = 'offsets';
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
    const producer = kafka.producer();
    await producer.connect();
    for (let i = 0; i < 10; i++) await producer.send({ topic, messages: [{ value: `v${i}`, timestamp: String(1_000_000 + i * 1000) }] });
    await producer.disconnect();
    expect(await admin.fetchTopicOffsets(topic)).toEqual([expect.objectContaining({ partition: 0, offset: '10', low: '0', high: '10' })]);
    expect(await admin.fetchTopicOffsetsByTimestamp(topic, 1_000_000 + 4500)).toEqual([{ partition: 0, offset: '5' }]);
    expect(await admin.fetchTopicOffsetsByTimestamp(topic, 9_000_000_000)).toEqual([{ partition: 0, offset: '10' }]);
    await admin.deleteTopicRecords({ topic, partitions: [{ partition: 0, offset: '4' }] });
    expect(await admin.fetchTopicOffsets(topic)).toEqual([expect.objectContaining({ low: '4', high: '10' })]);
    const got = await consumeAll(topic);
    expect(got.map((m) => m.value)).toEqual(['v4', 'v5', 'v6', 'v7', 'v8', 'v9']);
  });

  it('a kafkajs consumer group reads batches of every codec, in order', async () => {
    const topic = 'mixed-codecs';
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
    const producer = kafka.producer();
    await producer.connect();
    const codecs = [CompressionTypes.None, CompressionTypes.GZIP, CompressionTypes.Snappy, CompressionTypes.LZ4, CompressionTypes.ZSTD];
    for (const [i, compression] of codecs.entries()) {
      await producer.send({ topic, compression, messages: [0, 1, 2].map((j) => ({ key: `c${i}`, value: `codec${i}-${j}` })) });
    }
    await producer.disconnect();
    const consumer = kafka.consumer({ groupId: 'mixed', maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const got: Array<[string, string]> = [];
    await new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          got.push([message.offset, message.value?.toString() ?? '']);
          if (got.length === 15) resolve();
        },
      });
    });
    await consumer.disconnect();
    expect(got).toEqual(codecs.flatMap((_, i) => [0, 1, 2].map((j): [string, string] => [String(i * 3 + j), `codec${i}-${j}`])));
  });
});
