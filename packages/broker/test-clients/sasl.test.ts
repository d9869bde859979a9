// The compatibility clients once more, against a broker that requires SASL: each one authenticates with
// every mechanism it supports, produces and consumes, and is refused with a wrong password (an error, not a
// hang). segmentio/kafka-go 0.2.1 is not here: it has no SASL support at all.
// How each client authenticates: kcat and confluent-kafka-python (librdkafka 2.0) use SaslHandshake v1 +
// SaslAuthenticate; kafka-python 2.0 sends SaslHandshake v0 and then bare tokens (PLAIN and SCRAM); sarama
// 1.22 sends PLAIN as a bare token after SaslHandshake v0 at its default version, SaslAuthenticate from
// Kafka 1.0 on, and SCRAM always through SaslAuthenticate (with the client in go/security/scram.go).
// The group clients of groups.test.ts run here too, each with a SCRAM mechanism.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SASL_MECHANISMS, UserStore } from '../src/auth/credentials.ts';
import { startTestBroker, type TestBroker } from '../src/server/testing.ts';
import { goBinary, jsonLines, python, run } from './run-client.ts';

const USER = 'alice';
const PASSWORD = 'alice-secret';
let broker: TestBroker;
const logLines: string[] = [];
let topicCounter = 0;
const topicName = (prefix: string) => `${prefix}-${process.pid}-${++topicCounter}`;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString().split('\n').filter((l) => l !== ''));
      done();
    },
  });
  const users = UserStore.fromPasswords({ [USER]: PASSWORD });
  broker = await startTestBroker({ sasl: { users, mechanisms: SASL_MECHANISMS }, defaultPartitions: 1 }, { logger: pino({ level: 'warn' }, sink), coordinator: { initialRebalanceDelayMs: 0 } });
  await goBinary('sarama');
}, 300_000);
afterAll(async () => {
  await broker?.destroy();
});

/** Resolves once the broker has logged a refused authentication since `from` (its log index). */
function loggedFailure(from: number, mechanism: string): boolean {
  return logLines.slice(from).some((l) => l.includes('SASL authentication failed') && l.includes(`"mechanism":"${mechanism}"`));
}

const kcatSasl = (mechanism: string, password = PASSWORD) => ['-b', broker.address, '-X', 'security.protocol=SASL_PLAINTEXT', '-X', `sasl.mechanisms=${mechanism}`, '-X', `sasl.username=${USER}`, '-X', `sasl.password=${password}`];

describe('kcat (librdkafka) with SASL', () => {
  it.each(['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'])('produces and consumes with %s', async (mechanism) => {
    const topic = topicName(`kcat-sasl-${mechanism.toLowerCase()}`);
    await run('kcat', [...kcatSasl(mechanism), '-P', '-t', topic, '-K', ':'], { input: 'k1:one\nk2:two\nk3:three\n' });
    const out = await run('kcat', [...kcatSasl(mechanism), '-C', '-t', topic, '-e', '-o', 'beginning', '-f', '%o %k %s\n']);
    expect(out.trim().split('\n')).toEqual(['0 k1 one', '1 k2 two', '2 k3 three']);
  });

  it('consumes in a balanced group (-G) with SCRAM-SHA-256, and resumes from its committed offset', async () => {
    const topic = topicName('kcat-sasl-group');
    await run('kcat', [...kcatSasl('SCRAM-SHA-256'), '-P', '-t', topic], { input: 'a\nb\nc\n' });
    const group = ['-G', `g-${topic}`, '-X', 'auto.offset.reset=earliest', '-f', '%o:%s\n', '-q'];
    expect((await run('kcat', [...kcatSasl('SCRAM-SHA-256'), ...group, '-c', '3', topic])).trim().split('\n')).toEqual(['0:a', '1:b', '2:c']);
    // The second member of the group resumes from the offsets the first one committed.
    await run('kcat', [...kcatSasl('SCRAM-SHA-256'), '-P', '-t', topic], { input: 'd\n' });
    expect((await run('kcat', [...kcatSasl('SCRAM-SHA-256'), ...group, '-c', '1', topic])).trim()).toBe('3:d');
  });

  it.each(['PLAIN', 'SCRAM-SHA-256'])('is refused with a wrong %s password', async (mechanism) => {
    await expect(run('kcat', [...kcatSasl(mechanism, 'wrong'), '-L', '-m', '3'])).rejects.toThrow(/SASL authentication error: Authentication failed: invalid username or password/);
  });

  it('is told at once that a broker without SASL enables no mechanism', async () => {
    const open = await startTestBroker();
    try {
      const args = kcatSasl('SCRAM-SHA-256').map((arg) => (arg === broker.address ? open.address : arg));
      await expect(run('kcat', [...args, '-L', '-m', '3'])).rejects.toThrow(/Unsupported SASL mechanism: broker's supported mechanisms: +\(/);
    } finally {
      await open.destroy();
    }
  });
});

const pythonSasl = (mechanism: string, password = PASSWORD) => ({
  BROOK_SECURITY_PROTOCOL: 'SASL_PLAINTEXT',
  BROOK_SASL_MECHANISM: mechanism,
  BROOK_SASL_USERNAME: USER,
  BROOK_SASL_PASSWORD: password,
});

describe('confluent-kafka-python (librdkafka) with SASL', () => {
  it.each(['SCRAM-SHA-256', 'SCRAM-SHA-512'])('creates a topic, produces idempotently and reads back with %s', async (mechanism) => {
    const report = await python<{ listed: boolean; delivered: number; produceErrors: string[]; records: unknown[] }>('confluent_basic.py', [broker.address, topicName('confluent-sasl'), '2', '10'], pythonSasl(mechanism));
    expect(report).toMatchObject({ listed: true, delivered: 10, produceErrors: [] });
    expect(report.records).toHaveLength(4);
  });

  it('is refused with a wrong password', async () => {
    const report = await python<{ authenticationError: string | null; metadata: boolean }>('sasl_refused.py', [broker.address, 'confluent'], pythonSasl('SCRAM-SHA-256', 'wrong'));
    expect(report.metadata).toBe(false);
    expect(report.authenticationError).toMatch(/Authentication failed: invalid username or password/);
  });
});

describe('kafka-python with SASL (SaslHandshake v0, then bare tokens)', () => {
  it.each(['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'])('admin, producer and consumer with %s', async (mechanism) => {
    const report = await python<{ listed: boolean; offsets: number[]; records: { value: string }[] }>('kafka_python_basic.py', [broker.address, topicName('kafka-python-sasl'), '5'], pythonSasl(mechanism));
    expect(report.listed).toBe(true);
    expect(report.offsets).toEqual([0, 1, 2, 3, 4]);
    expect(report.records.map((r) => r.value)).toEqual(['v0', 'v1', 'v2', 'v3', 'v4']);
  });

  it.each(['PLAIN', 'SCRAM-SHA-256'])('is refused with a wrong %s password: the broker closes the connection, as Kafka does after v0', async (mechanism) => {
    const from = logLines.length;
    const report = await python<{ authenticationError: string | null; metadata: boolean }>('sasl_refused.py', [broker.address, 'kafka-python'], pythonSasl(mechanism, 'wrong'));
    expect(report).toEqual({ metadata: false, authenticationError: 'NoBrokersAvailable: NoBrokersAvailable' });
    expect(loggedFailure(from, mechanism)).toBe(true);
  });
});

describe('sarama 1.22.1 with SASL', () => {
  it.each([
    ['PLAIN at its default version (bare token after SaslHandshake v0)', [], 'PLAIN'],
    ['PLAIN at Version 2.0.0 (SaslAuthenticate)', ['-version', '2.0.0'], 'PLAIN'],
    ['SCRAM-SHA-256 at its default version', [], 'SCRAM-SHA-256'],
    ['SCRAM-SHA-512 at Version 2.0.0', ['-version', '2.0.0'], 'SCRAM-SHA-512'],
  ] as const)('produces and consumes with %s', async (_label, versionArgs, mechanism) => {
    const topic = topicName('sarama-sasl');
    const bin = await goBinary('sarama');
    const auth = ['-sasl', mechanism, '-user', USER, '-password', PASSWORD];
    await run(bin, [...versionArgs, ...auth, 'produce', broker.address, topic, '5']);
    const records = jsonLines<{ offset: number; value: string }>(await run(bin, [...versionArgs, ...auth, 'consume', broker.address, topic, '0', '5']));
    expect(records.map((r) => [r.offset, r.value])).toEqual([0, 1, 2, 3, 4].map((i) => [i, `v${i}`]));
  });

  it.each([
    ['PLAIN at its default version', [], 'PLAIN', /run out of available brokers/],
    ['PLAIN at Version 2.0.0', ['-version', '2.0.0'], 'PLAIN', /SASL Authentication failed/],
    ['SCRAM-SHA-256', [], 'SCRAM-SHA-256', /SASL Authentication failed/],
  ] as const)('is refused with a wrong password, %s', async (_label, versionArgs, mechanism, error) => {
    const from = logLines.length;
    const bin = await goBinary('sarama');
    await expect(run(bin, [...versionArgs, '-sasl', mechanism, '-user', USER, '-password', 'wrong', 'produce', broker.address, topicName('sarama-refused'), '1'])).rejects.toThrow(error);
    expect(loggedFailure(from, mechanism)).toBe(true);
  });
});

describe('consumer groups with SASL', () => {
  it('confluent-kafka-python (SCRAM-SHA-512): two consumers share six partitions and commit; a new one resumes from the commits', async () => {
    const report = await python<{ assignments: number[][]; committed: number[][]; resumed: unknown[] }>('confluent_group.py', [broker.address, topicName('confluent-group-sasl'), topicName('cg')], pythonSasl('SCRAM-SHA-512'));
    expect(report.assignments.flat().sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(report.committed).toEqual([0, 1, 2, 3, 4, 5].map((p) => [p, 5]));
    expect(report.resumed).toHaveLength(30);
  }, 120_000);

  it('kafka-python (SCRAM-SHA-256): group consumer commits; the admin client lists and describes the group', async () => {
    const group = topicName('kp-group-sasl');
    const report = await python<{ values: string[]; committed: number[]; listed: string[][]; described: { state: string } }>('kafka_python_group.py', [broker.address, topicName('kp-group-topic'), group, '6'], pythonSasl('SCRAM-SHA-256'));
    expect(report.values).toEqual(['v0', 'v1', 'v2', 'v3', 'v4', 'v5']);
    expect(report.committed).toEqual([3, 3]);
    expect(report.listed).toContainEqual([group, 'consumer']);
    expect(report.described.state).toBe('Stable');
  }, 120_000);

  it('sarama (SCRAM-SHA-256): its OffsetManager commits and the next run resumes; its ConsumerGroup API at 2.0.0 too', async () => {
    const bin = await goBinary('sarama');
    const auth = ['-sasl', 'SCRAM-SHA-256', '-user', USER, '-password', PASSWORD];
    const topic = topicName('sarama-group-sasl');
    await run('kcat', [...kcatSasl('SCRAM-SHA-256'), '-P', '-t', topic], { input: 's0\ns1\ns2\ns3\ns4\n' });
    const om = topicName('sarama-om');
    expect(jsonLines<{ offset: number }>(await run(bin, [...auth, 'offsets', broker.address, topic, om, '2'])).map((m) => m.offset)).toEqual([0, 1]);
    expect(jsonLines<{ offset: number }>(await run(bin, [...auth, 'offsets', broker.address, topic, om, '3'])).map((m) => m.offset)).toEqual([2, 3, 4]);
    const cg = topicName('sarama-cg');
    const members = jsonLines<{ value: string }>(await run(bin, ['-version', '2.0.0', ...auth, 'group', broker.address, topic, cg, '5'], { timeoutMs: 90_000 }));
    expect(members.map((m) => m.value)).toEqual(['s0', 's1', 's2', 's3', 's4']);
  }, 200_000);
});
