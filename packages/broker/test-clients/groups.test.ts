// Consumer groups with unmodified clients written by others, against the real broker over TCP:
// confluent-kafka-python and kcat (librdkafka), kafka-python, segmentio/kafka-go 0.2.1's GroupID reader, and
// sarama 1.22.1 (its OffsetManager at sarama's default Kafka 0.8.2 protocol, and its ConsumerGroup API).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBroker, type TestBroker } from '../src/server/testing.ts';
import { goBinary, jsonLines, python, run } from './run-client.ts';

let broker: TestBroker;
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

beforeAll(async () => {
  // Group coordination as Kafka ships it, apart from a shorter wait for the first members of a new group.
  broker = await startTestBroker({ defaultPartitions: 1 }, { coordinator: { initialRebalanceDelayMs: 500, offsetsTopicPartitions: 5 } });
  await Promise.all([goBinary('kafkago'), goBinary('sarama')]);
}, 300_000);

afterAll(async () => {
  await broker?.destroy();
});

describe('confluent-kafka-python', () => {
  it('two consumers share six partitions and commit; a new consumer resumes exactly from the committed offsets', async () => {
    const report = await python<{
      assignments: number[][];
      processedBy: { c1: number; c2: number };
      committed: number[][];
      resumed: [number, number, string][];
    }>('confluent_group.py', [broker.address, unique('confluent-group'), unique('cg')]);
    expect(report.assignments.map((a) => a.length)).toEqual([3, 3]);
    expect(report.assignments.flat().sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(report.processedBy.c1 + report.processedBy.c2).toBe(30);
    expect(report.processedBy.c1).toBeGreaterThan(0);
    expect(report.processedBy.c2).toBeGreaterThan(0);
    expect(report.committed).toEqual([0, 1, 2, 3, 4, 5].map((p) => [p, 5]));
    const expected = [0, 1, 2, 3, 4, 5].flatMap((p) => [5, 6, 7, 8, 9].map((o) => [p, o, `v${p}-${o}`]));
    expect(report.resumed).toEqual(expected);
  }, 120_000);
});

describe('confluent-kafka-python static membership', () => {
  it('a restarted static member gets its partitions back and the other member sees no rebalance', async () => {
    const report = await python<{
      before: Record<string, number[]>;
      after: Record<string, number[]>;
      i2EventsDuringRestart: unknown[];
    }>('confluent_static.py', [broker.address, unique('confluent-static'), unique('static')]);
    expect(report.before.i1).toHaveLength(2);
    expect(report.after).toEqual(report.before);
    expect(report.i2EventsDuringRestart).toEqual([]);
  }, 120_000);
});

describe('session expiry with real clients', () => {
  it('a member killed without leaving is removed after its session timeout and its partitions move', async () => {
    const topic = unique('expiry');
    const group = unique('expiry-g');
    const admin = new Kafka({ clientId: 'expiry', brokers: [broker.address], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 4 }] });
    await admin.disconnect();
    // Two librdkafka members in child processes, each printing every assignment it gets.
    const member = (sessionMs: string) => {
      const child = spawn('/usr/bin/python3', [path.join(import.meta.dirname, 'python', 'confluent_member.py'), broker.address, topic, group, sessionMs], { stdio: ['ignore', 'pipe', 'inherit'] });
      const state = { child, latest: [] as number[] };
      let buffered = '';
      child.stdout.on('data', (c: Buffer) => {
        buffered += c.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) if (line.trim()) state.latest = JSON.parse(line) as number[];
      });
      return state;
    };
    const waitFor = async (condition: () => boolean): Promise<void> => {
      for (let i = 0; i < 600 && !condition(); i++) await new Promise((r) => setTimeout(r, 100));
    };
    const victim = member('6000');
    const survivor = member('30000');
    try {
      await waitFor(() => victim.latest.length === 2 && survivor.latest.length === 2);
      expect([...victim.latest, ...survivor.latest].sort()).toEqual([0, 1, 2, 3]);
      victim.child.kill('SIGKILL');
      await waitFor(() => survivor.latest.length === 4);
      expect(survivor.latest).toEqual([0, 1, 2, 3]);
    } finally {
      victim.child.kill('SIGKILL');
      survivor.child.kill('SIGKILL');
    }
  }, 120_000);
});

describe('kafka-python', () => {
  it('group consumer commits; KafkaAdminClient lists and describes the group', async () => {
    const group = unique('kp-group');
    const report = await python<{
      values: string[];
      committed: number[];
      listed: string[][];
      described: { group: string; state: string; protocol_type: string; protocol: string; members: { client_id: string; client_host: string; assignment: [string, number[]][] }[] };
      offsets: number[][];
    }>('kafka_python_group.py', [broker.address, unique('kafka-python-group'), group, '10']);
    expect(report.values).toEqual(Array.from({ length: 10 }, (_, i) => `v${i}`).sort());
    expect(report.committed).toEqual([5, 5]);
    expect(report.listed).toContainEqual([group, 'consumer']);
    expect(report.described).toMatchObject({ group, state: 'Stable', protocol_type: 'consumer', protocol: 'range' });
    expect(report.described.members).toHaveLength(1);
    expect(report.described.members[0]).toMatchObject({ client_id: 'kp-member', client_host: '/127.0.0.1' });
    expect(report.described.members[0]?.assignment[0]?.[1]).toEqual([0, 1]);
    expect(report.offsets).toEqual([
      [0, 5],
      [1, 5],
    ]);
  }, 120_000);
});

describe('kcat balanced consumer (-G)', () => {
  it('consumes as a group member, commits on exit, and the next member resumes after it', async () => {
    const topic = unique('kcat-group');
    const group = unique('kcat-g');
    await run('kcat', ['-b', broker.address, '-P', '-t', topic], { input: Array.from({ length: 10 }, (_, i) => `line${i}`).join('\n') + '\n' });
    const common = ['-b', broker.address, '-G', group, '-X', 'auto.offset.reset=earliest', '-f', '%o:%s\n', '-q'];
    const first = await run('kcat', [...common, '-c', '4', topic]);
    expect(first.trim().split('\n')).toEqual(['0:line0', '1:line1', '2:line2', '3:line3']);
    const second = await run('kcat', [...common, '-c', '6', topic]);
    expect(second.trim().split('\n')).toEqual(['4:line4', '5:line5', '6:line6', '7:line7', '8:line8', '9:line9']);
  }, 120_000);
});

describe('segmentio/kafka-go 0.2.1', () => {
  it("the tutorial's GroupID reader returns, in order, the ten messages the tutorial's writer sent", async () => {
    const binary = await goBinary('kafkago');
    const topic = unique('kafka-go-group');
    await run(binary, ['produce', broker.address, topic, '10']);
    const out = await run(binary, ['group-read', broker.address, topic, unique('go-g'), '10'], { timeoutMs: 120_000 });
    const messages = jsonLines<{ offset: number; key: string; value: string }>(out);
    expect(messages.map((m) => [m.offset, m.key, m.value])).toEqual(Array.from({ length: 10 }, (_, i) => [i, `Key-${i}`, `message ${i}`]));
  }, 150_000);
});

describe('sarama 1.22.1', () => {
  it('OffsetManager at the default (Kafka 0.8.2) protocol commits, and the next run resumes at the commit', async () => {
    const binary = await goBinary('sarama');
    const topic = unique('sarama-offsets');
    const group = unique('sarama-om');
    await run('kcat', ['-b', broker.address, '-P', '-t', topic], { input: Array.from({ length: 10 }, (_, i) => `s${i}`).join('\n') + '\n' });
    const first = jsonLines<{ offset: number; value: string }>(await run(binary, ['offsets', broker.address, topic, group, '4']));
    expect(first.map((m) => m.offset)).toEqual([0, 1, 2, 3]);
    const second = jsonLines<{ offset: number; value: string }>(await run(binary, ['offsets', broker.address, topic, group, '6']));
    expect(second.map((m) => [m.offset, m.value])).toEqual([4, 5, 6, 7, 8, 9].map((o) => [o, `s${o}`]));
  }, 120_000);

  it('ConsumerGroup API (-version 2.0.0) joins, reads every message, commits, and a second session resumes', async () => {
    const binary = await goBinary('sarama');
    const topic = unique('sarama-group');
    const group = unique('sarama-cg');
    await run('kcat', ['-b', broker.address, '-P', '-t', topic], { input: Array.from({ length: 8 }, (_, i) => `g${i}`).join('\n') + '\n' });
    const first = jsonLines<{ offset: number; value: string }>(await run(binary, ['-version', '2.0.0', 'group', broker.address, topic, group, '5'], { timeoutMs: 90_000 }));
    expect(first.map((m) => m.value)).toEqual(['g0', 'g1', 'g2', 'g3', 'g4']);
    const second = jsonLines<{ offset: number; value: string }>(await run(binary, ['-version', '2.0.0', 'group', broker.address, topic, group, '3'], { timeoutMs: 90_000 }));
    expect(second.map((m) => m.value)).toEqual(['g5', 'g6', 'g7']);
  }, 200_000);
});
