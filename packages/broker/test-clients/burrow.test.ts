// Burrow (LinkedIn's lag monitor, as Debian ships it) reads committed offsets straight from
// __consumer_offsets in Kafka's own record formats, so it sees a group's lag only if those records are exact.
// It keeps its own state in ZooKeeper, which this test starts too. Run twice: against an open broker, and
// against one that requires SASL (Burrow 1.2.1's sarama profile offers PLAIN only, no SCRAM).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kafka, logLevel, type SASLOptions } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SASL_MECHANISMS, UserStore } from '../src/auth/credentials.ts';
import { startTestBroker, type TestBroker } from '../src/server/testing.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

let openBroker: TestBroker;
let saslBroker: TestBroker;
let workDir: string;
const processes: ChildProcess[] = [];

function startProcess(command: string, args: string[], cwd: string): ChildProcess {
  const child = spawn(command, args, { cwd, stdio: 'ignore' });
  processes.push(child);
  return child;
}

beforeAll(async () => {
  openBroker = await startTestBroker();
  saslBroker = await startTestBroker({ sasl: { users: UserStore.fromPasswords({ burrow: 'burrow-secret' }), mechanisms: SASL_MECHANISMS } });
  workDir = mkdtempSync(path.join(tmpdir(), 'brook-burrow-'));
}, 60_000);

afterAll(async () => {
  for (const child of processes) child.kill('SIGKILL');
  await openBroker?.destroy();
  await saslBroker?.destroy();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe.each([
  { label: 'without authentication', sasl: false },
  { label: 'with SASL/PLAIN', sasl: true },
])('Burrow $label', ({ sasl }) => {
  it('reports the lag of a group whose committed offset the test set', async () => {
    const broker = sasl ? saslBroker : openBroker;
    const topic = 'burrow-watched';
    const group = 'burrow-group';
    const credentials: SASLOptions | undefined = sasl ? { mechanism: 'plain', username: 'burrow', password: 'burrow-secret' } : undefined;
    const kafka = new Kafka({ clientId: 'burrow-test', brokers: [broker.address], logLevel: logLevel.NOTHING, ...(credentials ? { sasl: credentials } : {}) });
    const admin = kafka.admin();
    const producer = kafka.producer();
    await Promise.all([admin.connect(), producer.connect()]);
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
    await producer.send({ topic, messages: Array.from({ length: 10 }, (_, i) => ({ value: `m${i}` })) });
    await admin.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: '4' }] });
    await Promise.all([admin.disconnect(), producer.disconnect()]);

    const [zkPort, httpPort] = [await freePort(), await freePort()];
    const dir = path.join(workDir, sasl ? 'sasl' : 'open');
    mkdirSync(dir);
    startProcess('java', ['-Dzookeeper.admin.enableServer=false', '-cp', '/usr/share/java/zookeeper.jar', 'org.apache.zookeeper.server.ZooKeeperServerMain', String(zkPort), path.join(dir, 'zk')], dir);
    // An open port is not enough: ZooKeeper answers its 'srvr' command only once it serves clients.
    await waitFor('ZooKeeper', () => new Promise<true | undefined>((resolve) => {
      let reply = '';
      const socket = net.connect(zkPort, '127.0.0.1', () => socket.write('srvr'));
      socket.on('data', (chunk) => (reply += chunk.toString()));
      socket.on('close', () => resolve(reply.includes('Mode:') ? true : undefined));
      socket.on('error', () => resolve(undefined));
    }), 30_000);

    writeFileSync(
      path.join(dir, 'burrow.toml'),
      `[general]
pidfile="${path.join(dir, 'burrow.pid')}"
[logging]
level="warn"
[zookeeper]
servers=["127.0.0.1:${zkPort}"]
root-path="/burrow"
[client-profile.brook]
client-id="burrow"
kafka-version="0.10.1"
${sasl ? 'sasl="brook"\n[sasl.brook]\nusername="burrow"\npassword="burrow-secret"\nhandshake-first=true' : ''}
[cluster.brook]
class-name="kafka"
servers=["${broker.address}"]
client-profile="brook"
topic-refresh=2
offset-refresh=1
[consumer.brook]
class-name="kafka"
cluster="brook"
servers=["${broker.address}"]
client-profile="brook"
offsets-topic="__consumer_offsets"
start-latest=false
[httpserver.default]
address="127.0.0.1:${httpPort}"
[storage.default]
class-name="inmemory"
workers=2
intervals=10
expire-group=604800
min-distance=1
`,
    );
    startProcess('Burrow', ['-config-dir', dir], dir);

    const lag = await waitFor(
      'Burrow to report the group',
      async () => {
        const response = await fetch(`http://127.0.0.1:${httpPort}/v3/kafka/brook/consumer/${group}`);
        if (!response.ok) return undefined;
        const body = (await response.json()) as { topics?: Record<string, { offsets: ({ offset: number } | null)[]; 'current-lag': number }[]> };
        const partition = body.topics?.[topic]?.[0];
        const committed = partition?.offsets.filter((o) => o !== null).at(-1)?.offset;
        return committed === 4 ? partition?.['current-lag'] : undefined;
      },
      60_000,
    );
    expect(lag).toBe(6);
  }, 120_000);
});
