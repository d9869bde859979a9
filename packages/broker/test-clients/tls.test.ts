// The TLS listener with real clients: a self-signed certificate made by openssl for this run; TLS alone
// (kcat SSL, kafkajs ssl), TLS with SASL (kcat, kafkajs, kafka-python, sarama SASL_SSL), client
// certificates when BROKER_TLS_CA is set, and refusals: an untrusted server certificate, plain TCP on the
// TLS port, a missing client certificate.
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SASL_MECHANISMS, UserStore } from '../src/auth/credentials.ts';
import { makeTempDir, startTestBroker, type TestBroker } from '../src/server/testing.ts';
import { goBinary, jsonLines, python, run } from './run-client.ts';

let dir: string;
let tlsOnly: TestBroker;
let saslTls: TestBroker;
let mutual: TestBroker;
const pem = (name: string) => path.join(dir, name);
let topicCounter = 0;
const topicName = (prefix: string) => `${prefix}-${process.pid}-${++topicCounter}`;

async function selfSigned(name: string, cn: string): Promise<void> {
  await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${cn}`, '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', pem(`${name}-key.pem`), '-out', pem(`${name}.pem`)]);
}

beforeAll(async () => {
  dir = await makeTempDir('brook-tls-');
  await Promise.all([selfSigned('server', '127.0.0.1'), selfSigned('client', 'brook-test-client'), selfSigned('stranger', '127.0.0.1')]);
  const tls = { cert: readFileSync(pem('server.pem')), key: readFileSync(pem('server-key.pem')), ca: null };
  const sasl = { users: UserStore.fromPasswords({ alice: 'alice-secret' }), mechanisms: SASL_MECHANISMS };
  [tlsOnly, saslTls, mutual] = await Promise.all([
    startTestBroker({ tls }),
    startTestBroker({ tls, sasl }),
    // Client certificates: trust exactly the test client's self-signed certificate.
    startTestBroker({ tls: { ...tls, ca: readFileSync(pem('client.pem')) } }),
  ]);
  await goBinary('sarama');
}, 300_000);
afterAll(async () => {
  await Promise.all([tlsOnly?.destroy(), saslTls?.destroy(), mutual?.destroy()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

const kafka = (broker: TestBroker, extra: Partial<KafkaConfig>) => new Kafka({ clientId: 'tls-test', brokers: [broker.address], logLevel: logLevel.NOTHING, retry: { retries: 0 }, ...extra });

async function kafkajsRoundTrip(client: Kafka, topic: string): Promise<string[]> {
  const producer = client.producer({ allowAutoTopicCreation: true });
  await producer.connect();
  await producer.send({ topic, messages: [{ value: 'one' }, { value: 'two' }] });
  await producer.disconnect();
  const admin = client.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  return offsets.map((o) => o.high);
}

describe('TLS without SASL', () => {
  it('kafkajs trusting the CA produces, and its metadata names the same host:port', async () => {
    const client = kafka(tlsOnly, { ssl: { ca: [readFileSync(pem('server.pem'))] } });
    expect(await kafkajsRoundTrip(client, topicName('kjs-tls'))).toEqual(['2']);
    const admin = client.admin();
    await admin.connect();
    const cluster = await admin.describeCluster();
    await admin.disconnect();
    expect(cluster.brokers).toEqual([{ nodeId: 0, host: '127.0.0.1', port: tlsOnly.port }]);
  });

  it('kcat with security.protocol=SSL produces and consumes', async () => {
    const topic = topicName('kcat-ssl');
    const ssl = ['-b', tlsOnly.address, '-X', 'security.protocol=SSL', '-X', `ssl.ca.location=${pem('server.pem')}`];
    await run('kcat', [...ssl, '-P', '-t', topic], { input: 'x\ny\n' });
    expect((await run('kcat', [...ssl, '-C', '-t', topic, '-e', '-o', 'beginning', '-f', '%o:%s\n'])).trim().split('\n')).toEqual(['0:x', '1:y']);
  });

  it('refuses a client that does not trust the certificate, and a client speaking plain TCP', async () => {
    await expect(kafka(tlsOnly, { ssl: { ca: [readFileSync(pem('stranger.pem'))] } }).admin().connect()).rejects.toThrow(/self[- ]signed|certificate/i);
    await expect(run('kcat', ['-b', tlsOnly.address, '-L', '-m', '3'])).rejects.toThrow(/Failed to acquire metadata/);
  });
});

describe('TLS with SASL (SASL_SSL)', () => {
  it('kafkajs with SCRAM-SHA-512', async () => {
    const client = kafka(saslTls, { ssl: { ca: [readFileSync(pem('server.pem'))] }, sasl: { mechanism: 'scram-sha-512', username: 'alice', password: 'alice-secret' } });
    expect(await kafkajsRoundTrip(client, topicName('kjs-sasl-ssl'))).toEqual(['2']);
  });

  it('kcat with SCRAM-SHA-256, and refused with a wrong password', async () => {
    const topic = topicName('kcat-sasl-ssl');
    const common = ['-b', saslTls.address, '-X', 'security.protocol=SASL_SSL', '-X', `ssl.ca.location=${pem('server.pem')}`, '-X', 'sasl.mechanisms=SCRAM-SHA-256', '-X', 'sasl.username=alice'];
    await run('kcat', [...common, '-X', 'sasl.password=alice-secret', '-P', '-t', topic], { input: 'secret-data\n' });
    expect((await run('kcat', [...common, '-X', 'sasl.password=alice-secret', '-C', '-t', topic, '-e', '-o', 'beginning'])).trim()).toBe('secret-data');
    await expect(run('kcat', [...common, '-X', 'sasl.password=nope', '-L', '-m', '3'])).rejects.toThrow(/Authentication failed/);
  });

  it('kafka-python with SCRAM-SHA-256 over SSL', async () => {
    const env = { BROOK_SECURITY_PROTOCOL: 'SASL_SSL', BROOK_SSL_CA: pem('server.pem'), BROOK_SASL_MECHANISM: 'SCRAM-SHA-256', BROOK_SASL_USERNAME: 'alice', BROOK_SASL_PASSWORD: 'alice-secret' };
    const report = await python<{ offsets: number[]; records: unknown[] }>('kafka_python_basic.py', [saslTls.address, topicName('kp-sasl-ssl'), '3'], env);
    expect(report.offsets).toEqual([0, 1, 2]);
    expect(report.records).toHaveLength(3);
  });

  it('sarama with SCRAM-SHA-256 over TLS', async () => {
    const topic = topicName('sarama-sasl-ssl');
    const bin = await goBinary('sarama');
    const args = ['-version', '2.0.0', '-sasl', 'SCRAM-SHA-256', '-user', 'alice', '-password', 'alice-secret', '-tls-ca', pem('server.pem')];
    await run(bin, [...args, 'produce', saslTls.address, topic, '3']);
    expect(jsonLines<{ value: string }>(await run(bin, [...args, 'consume', saslTls.address, topic, '0', '3'])).map((r) => r.value)).toEqual(['v0', 'v1', 'v2']);
  });
});

describe('client certificates (BROKER_TLS_CA)', () => {
  it('serves a client with a trusted certificate and refuses one without', async () => {
    const ssl = ['-b', mutual.address, '-X', 'security.protocol=SSL', '-X', `ssl.ca.location=${pem('server.pem')}`];
    const withCert = [...ssl, '-X', `ssl.certificate.location=${pem('client.pem')}`, '-X', `ssl.key.location=${pem('client-key.pem')}`];
    const metadata = JSON.parse(await run('kcat', [...withCert, '-L', '-J'])) as { brokers: { name: string }[] };
    expect(metadata.brokers.map((b) => b.name)).toEqual([mutual.address]);
    await expect(run('kcat', [...ssl, '-L', '-m', '3'])).rejects.toThrow(/Failed to acquire metadata/);
  });
});
