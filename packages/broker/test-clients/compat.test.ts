// Unmodified Kafka clients written by others, against the real broker over TCP: librdkafka (kcat,
// confluent-kafka-python), kafka-python, segmentio/kafka-go 0.2.1 and sarama 1.22.1 as Debian ships them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBroker, type TestBroker } from '../src/server/testing.ts';
import { goBinary, jsonLines, python, run } from './run-client.ts';

let broker: TestBroker;
let topicCounter = 0;
const topicName = (prefix: string) => `${prefix}-${process.pid}-${++topicCounter}`;

beforeAll(async () => {
  broker = await startTestBroker({ defaultPartitions: 1 });
  // Compiling the Go clients takes most of a minute on a cold cache: do it once, outside any test's time.
  await Promise.all([goBinary('kafkago'), goBinary('sarama')]);
}, 300_000);
afterAll(async () => {
  await broker?.destroy();
});

describe('kcat (librdkafka)', () => {
  it('lists metadata', async () => {
    await run('kcat', ['-b', broker.address, '-P', '-t', topicName('kcat-meta')], { input: 'x\n' });
    const metadata = JSON.parse(await run('kcat', ['-b', broker.address, '-L', '-J'])) as { brokers: { id: number; name: string }[]; topics: { topic: string }[] };
    expect(metadata.brokers).toEqual([{ id: 0, name: broker.address }]);
    expect(metadata.topics.map((t) => t.topic)).toContain(`kcat-meta-${process.pid}-${topicCounter}`);
  });

  it.each(['none', 'gzip', 'snappy', 'lz4', 'zstd'])('produces and consumes keys and headers with codec %s', async (codec) => {
    const topic = topicName(`kcat-${codec}`);
    const input = Array.from({ length: 50 }, (_, i) => `key${i}\tvalue ${i} ${'x'.repeat(i * 10)}`).join('\n') + '\n';
    await run('kcat', ['-b', broker.address, '-P', '-t', topic, '-z', codec, '-K', '\t', '-H', 'source=kcat', '-H', 'n=1', '-X', 'linger.ms=50'], { input });
    const out = await run('kcat', ['-b', broker.address, '-C', '-t', topic, '-e', '-o', 'beginning', '-f', '%o|%k|%s|%h\n']);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(50);
    lines.forEach((line, i) => expect(line).toBe(`${i}|key${i}|value ${i} ${'x'.repeat(i * 10)}|source=kcat,n=1`));
  });

  it('consumes from an offset and from a timestamp', async () => {
    const topic = topicName('kcat-seek');
    const start = Date.now();
    for (let batch = 0; batch < 3; batch++) {
      await run('kcat', ['-b', broker.address, '-P', '-t', topic], { input: `a${batch}\nb${batch}\n` });
      await new Promise((r) => setTimeout(r, 30));
    }
    const fromOffset = await run('kcat', ['-b', broker.address, '-C', '-t', topic, '-e', '-o', '3', '-f', '%o:%s\n']);
    expect(fromOffset.trim().split('\n')).toEqual(['3:b1', '4:a2', '5:b2']);
    const timestamps = (await run('kcat', ['-b', broker.address, '-C', '-t', topic, '-e', '-o', 'beginning', '-f', '%T\n'])).trim().split('\n').map(Number);
    expect(timestamps[0]).toBeGreaterThanOrEqual(start - 1000);
    const fromTime = await run('kcat', ['-b', broker.address, '-C', '-t', topic, '-e', '-o', `s@${timestamps[2]}`, '-f', '%o\n']);
    expect(Number(fromTime.trim().split('\n')[0])).toBeLessThanOrEqual(2);
    expect(fromTime.trim().split('\n').map(Number).at(-1)).toBe(5);
  });
});

describe('confluent-kafka-python (librdkafka)', () => {
  it('creates a topic with partitions, lists it, produces idempotently with acks=all, reads with assign + seek', async () => {
    const topic = topicName('confluent');
    const report = await python<{ listed: boolean; partitions: number; delivered: number; produceErrors: string[]; records: { offset: number; key: string; value: string; headers: string[][] }[] }>(
      'confluent_basic.py',
      [broker.address, topic, '3', '30'],
    );
    expect(report).toMatchObject({ listed: true, partitions: 3, delivered: 30, produceErrors: [] });
    // partition 0 holds i = 0, 3, 6, ... ; reading starts at offset 1
    expect(report.records).toHaveLength(9);
    report.records.forEach((r, j) => expect(r).toEqual({ offset: j + 1, key: `key-${(j + 1) * 3}`, value: `value-${(j + 1) * 3}`, headers: [['n', String((j + 1) * 3)]] }));
  });
});

describe('kafka-python', () => {
  it('admin, producer, consumer with manual assignment, offsets_for_times, end_offsets', async () => {
    const topic = topicName('kafka-python');
    const report = await python<{ listed: boolean; offsets: number[]; endOffsets: number; offsetForTime: number; records: { offset: number; key: string; value: string }[] }>(
      'kafka_python_basic.py',
      [broker.address, topic, '5'],
    );
    expect(report.listed).toBe(true);
    expect(report.offsets).toEqual([0, 1, 2, 3, 4]);
    expect(report.endOffsets).toBe(5);
    expect(report.offsetForTime).toBe(3);
    expect(report.records.map((r) => [r.offset, r.key, r.value])).toEqual([0, 1, 2, 3, 4].map((i) => [i, `k${i}`, `v${i}`]));
  });
});

describe('segmentio/kafka-go 0.2.1', () => {
  it("the tutorial's writer sends keyed messages that a partition reader reads back in order", async () => {
    const topic = topicName('kafka-go');
    const bin = await goBinary('kafkago');
    await run(bin, ['produce', broker.address, topic, '10']);
    const records = jsonLines<{ offset: number; key: string; value: string }>(await run(bin, ['read', broker.address, topic, '0', '10']));
    expect(records.map((r) => [r.offset, r.key, r.value])).toEqual(Array.from({ length: 10 }, (_, i) => [i, `Key-${i}`, `message ${i}`]));
  });
});

describe('sarama 1.22.1', () => {
  it.each([
    ['its default config (Kafka 0.8.2: Produce v0, Fetch v0, magic 0)', [], 'none'],
    ['its default config with gzip', [], 'gzip'],
    ['its default config with snappy', [], 'snappy'],
    ['Version 2.0.0 (record batches)', ['-version', '2.0.0'], 'none'],
    ['Version 2.0.0 with lz4', ['-version', '2.0.0'], 'lz4'],
  ] as const)('produces and consumes at %s', async (_label, versionArgs, codec) => {
    const topic = topicName('sarama');
    const bin = await goBinary('sarama');
    await run(bin, [...versionArgs, '-codec', codec, 'produce', broker.address, topic, '20']);
    const records = jsonLines<{ offset: number; key: string; value: string }>(await run(bin, [...versionArgs, 'consume', broker.address, topic, '0', '20']));
    expect(records.map((r) => [r.offset, r.key, r.value])).toEqual(Array.from({ length: 20 }, (_, i) => [i, `k${i}`, `v${i}`]));
  });
});
