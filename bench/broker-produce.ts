// Broker data-path throughput: produce with kafkajs (acks=1 and acks=-1, 100 B and 1 KiB records) and with
// kcat/librdkafka (acks=1, large batches), and consume with kcat, against a broker this module starts as a
// child process on a free port over a temporary data dir (fsync on, the durable default).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { startNode, stopProcess } from './processes.ts';
import type { BenchRow } from './types.ts';

const MiB = 1024 * 1024;
const root = path.join(import.meta.dirname, '..');
/** The bundled broker and gateway and the console's server, as `npm start` runs them; bench/run.ts builds them first. */
export const BROKER_ENTRY = path.join(root, 'packages/broker/dist/main.mjs');
export const GATEWAY_ENTRY = path.join(root, 'apps/gateway/dist/main.mjs');
export const WEB_ENTRY = path.join(root, 'apps/web/dist/server.mjs');

export interface Broker {
  readonly address: string;
  readonly host: string;
  readonly port: number;
  readonly child: ChildProcess;
  readonly dataDir: string;
}

/** The bundled broker on a free port with a fresh data directory; `env` adds to (or, undefined, removes from) ours. */
export async function startBroker(env: Record<string, string | undefined> = {}): Promise<Broker> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'brook-bench-'));
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', BROKER_AUTO_CREATE_TOPICS: 'true', ...env };
  for (const [key, value] of Object.entries(childEnv)) if (value === undefined) delete childEnv[key];
  const { child, match } = await startNode([BROKER_ENTRY, '--port', '0', '--data-dir', dataDir], { cwd: root, env: childEnv, ready: /listening on (\S+):(\d+)/ });
  const host = match[1] ?? '127.0.0.1';
  const port = Number(match[2]);
  return { address: `${host}:${port}`, host, port, child, dataDir };
}

export async function stopBroker(b: Broker): Promise<void> {
  await stopProcess(b.child);
  rmSync(b.dataDir, { recursive: true, force: true });
}

function run(cmd: string, args: string[], stdoutTo?: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stdout.on('data', (c: Buffer) => stdoutTo?.(c));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited ${code}: ${err.slice(0, 300)}`))));
  });
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function kafkajsProduce(producer: Producer, topic: string, total: number, size: number, acks: number): Promise<number> {
  const value = Buffer.alloc(size, 'x');
  const perSend = 1000;
  const inFlight = 4;
  const messages = Array.from({ length: perSend }, () => ({ value }));
  let sent = 0;
  const start = process.hrtime.bigint();
  const worker = async (): Promise<void> => {
    while (sent < total) {
      sent += perSend;
      await producer.send({ topic, acks, messages });
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return sent / seconds(start);
}

export async function run_(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const broker = await startBroker();
  try {
    const kafka = new Kafka({ clientId: 'bench', brokers: [broker.address], logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    const producer = kafka.producer({ allowAutoTopicCreation: true });
    await producer.connect();
    for (const [size, total] of [[100, 200_000], [1024, 50_000]] as const) {
      for (const acks of [1, -1]) {
        const topic = `kjs-${size}-${acks === 1 ? 'a1' : 'all'}`;
        await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
        const rate = await kafkajsProduce(producer, topic, total, size, acks);
        rows.push({ name: `broker produce kafkajs ${size} B acks=${acks === 1 ? '1' : 'all'}`, value: rate, unit: 'records/s', note: `${((rate * size) / MiB).toFixed(1)} MiB/s, 1000-record sends, 4 in flight` });
      }
    }
    await producer.disconnect();

    const tmp = mkdtempSync(path.join(os.tmpdir(), 'brook-bench-in-'));
    try {
      for (const [size, total] of [[100, 1_000_000], [1024, 200_000]] as const) {
        const file = path.join(tmp, `in-${size}`);
        writeFileSync(file, `${'y'.repeat(size - 1)}\n`.repeat(total));
        const topic = `kcat-${size}`;
        await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
        let start = process.hrtime.bigint();
        await run('kcat', ['-P', '-b', broker.address, '-t', topic, '-p', '0', '-X', 'acks=1', '-X', 'linger.ms=5', '-X', 'batch.num.messages=10000', '-l', file]);
        const produceRate = total / seconds(start);
        rows.push({ name: `broker produce kcat ${size} B acks=1`, value: produceRate, unit: 'records/s', note: `${((produceRate * size) / MiB).toFixed(1)} MiB/s; target ≥ 500k/s for 100 B` });
        if (size === 100) {
          // acks=all: every acknowledged batch is fsynced first (group commit).
          const allTopic = `kcat-${size}-all`;
          await admin.createTopics({ topics: [{ topic: allTopic, numPartitions: 1 }] });
          const t = process.hrtime.bigint();
          await run('kcat', ['-P', '-b', broker.address, '-t', allTopic, '-p', '0', '-X', 'acks=all', '-X', 'linger.ms=5', '-X', 'batch.num.messages=10000', '-l', file]);
          const allRate = total / seconds(t);
          rows.push({ name: `broker produce kcat ${size} B acks=all`, value: allRate, unit: 'records/s', note: `${((allRate * size) / MiB).toFixed(1)} MiB/s, fsync before every ack` });
          // Four producers on four partitions at once: their fsyncs run side by side, each file's grouped.
          const quarter = path.join(tmp, `in-${size}-quarter`);
          writeFileSync(quarter, `${'y'.repeat(size - 1)}\n`.repeat(total / 4));
          const manyTopic = `kcat-${size}-all-4p`;
          await admin.createTopics({ topics: [{ topic: manyTopic, numPartitions: 4 }] });
          const t4 = process.hrtime.bigint();
          await Promise.all([0, 1, 2, 3].map((p) => run('kcat', ['-P', '-b', broker.address, '-t', manyTopic, '-p', String(p), '-X', 'acks=all', '-X', 'linger.ms=5', '-X', 'batch.num.messages=10000', '-l', quarter])));
          const manyRate = total / seconds(t4);
          rows.push({ name: `broker produce kcat ${size} B acks=all, 4 producers × 4 partitions`, value: manyRate, unit: 'records/s', note: `${((manyRate * size) / MiB).toFixed(1)} MiB/s` });
        }
        // -c: kcat exits at the last record. With -e alone it first sends one more fetch at the end of the
        // partition, which the broker parks for librdkafka's fetch.wait.max.ms (500 ms, as Kafka would) before
        // the empty answer that -e waits for, which put half a second of waiting into the old figure.
        // Otherwise librdkafka's defaults (fetch.message.max.bytes 1 MiB per partition, queued.min.messages 100k).
        let lines = 0;
        start = process.hrtime.bigint();
        await run('kcat', ['-C', '-b', broker.address, '-t', topic, '-p', '0', '-o', 'beginning', '-c', String(total), '-e', '-q', '-f', '\n'], (c) => {
          for (const b of c) if (b === 10) lines++;
        });
        const consumeRate = lines / seconds(start);
        rows.push({
          name: `broker consume kcat ${size} B`,
          value: consumeRate,
          unit: 'records/s',
          note: `${((consumeRate * size) / MiB).toFixed(1)} MiB/s, ${lines} of ${total} read; kcat -C -o beginning -c ${total}, librdkafka defaults (1 MiB fetches); target ≥ 1M/s for 100 B`,
        });
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    await admin.disconnect();
  } finally {
    await stopBroker(broker);
  }
  return rows;
}

export { run_ as run };
