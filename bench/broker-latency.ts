// Broker responsiveness: time from process start to the first Metadata answer, idle memory (RSS), and
// end-to-end latency (produce acks=1 → consumer receives) at 1k and 10k records/s. librdkafka
// (confluent-kafka-python, packages/broker/scripts/e2e_latency.py) is the headline: its fetch loop asks again
// as soon as an answer arrives, so what it measures is the broker's share. kafkajs is measured too, as the
// gateway uses it: its consumer commits offsets after every batch before it fetches again (a round trip
// that the broker answers only once the commit is fsynced), so it is also run with autoCommit off, and the
// note gives its OffsetCommit round trips: that separates kafkajs's own loop from the broker.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { BROKER_ENTRY, startBroker, stopBroker } from './broker-produce.ts';
import { freePort } from './processes.ts';
import { median, type BenchRow } from './types.ts';

const root = path.join(import.meta.dirname, '..');
// Debian's interpreter: its confluent_kafka is what the compatibility tests use too.
const PYTHON = '/usr/bin/python3';
const E2E_SCRIPT = path.join(root, 'packages/broker/scripts/e2e_latency.py');

/** A Metadata v1 request for all topics, by hand: the point is to time the broker, not a client library. */
function metadataRequest(): Buffer {
  const clientId = Buffer.from('bench');
  const body = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length + 4);
  let at = body.writeInt16BE(3, 0); // Metadata
  at = body.writeInt16BE(1, at);
  at = body.writeInt32BE(1, at);
  at = body.writeInt16BE(clientId.length, at);
  at += clientId.copy(body, at);
  body.writeInt32BE(-1, at); // all topics
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return Buffer.concat([size, body]);
}

function tryMetadata(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(metadataRequest()));
    let got = 0;
    socket.on('data', (chunk) => {
      got += chunk.length;
      if (got >= 8) {
        socket.destroy();
        resolve(true);
      }
    });
    socket.on('error', () => resolve(false));
  });
}

async function startupOnce(port: number): Promise<{ ms: number; rssMiB: number }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'brook-bench-start-'));
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [BROKER_ENTRY, '--port', String(port), '--data-dir', dataDir], { stdio: 'ignore', env: { ...process.env, LOG_LEVEL: 'warn' } });
  try {
    while (!(await tryMetadata(port))) await new Promise((r) => setTimeout(r, 2));
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    await new Promise((r) => setTimeout(r, 3000)); // idle
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { ms, rssMiB: rssKiB / 1024 };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

interface Latency {
  readonly p50: number;
  readonly p99: number;
  readonly received: number;
  readonly sent: number;
}

/** librdkafka producer (linger.ms=0, acks=1) and assigned consumer (fetch.wait.max.ms=100) in two processes. */
async function librdkafkaLatency(address: string, ratePerSecond: number, seconds: number): Promise<Latency> {
  const topic = `latency-rdk-${ratePerSecond}-${Date.now()}`;
  const { stdout } = await promisify(execFile)(PYTHON, [E2E_SCRIPT, address, topic, String(ratePerSecond), String(seconds), '100'], { timeout: (seconds + 60) * 1000 });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Latency;
}

interface KafkajsLatency extends Latency {
  /** kafkajs's own OffsetCommit round trips (instrumentation events), commits made / p50 / p99 in ms. */
  readonly commits: { count: number; p50: number; p99: number };
  /** p99 of this process's event-loop delay while sending (ms): kafkajs's clients run on it. */
  readonly loopDelayP99: number;
}

async function kafkajsLatency(address: string, ratePerSecond: number, seconds: number, autoCommit: boolean): Promise<KafkajsLatency> {
  const kafka = new Kafka({ clientId: 'bench-latency', brokers: [address], logLevel: logLevel.NOTHING });
  const topic = `latency-${ratePerSecond}-${autoCommit ? 'commit' : 'nocommit'}-${Date.now()}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
  await admin.disconnect();
  const consumer = kafka.consumer({ groupId: `bench-${topic}`, maxWaitTimeInMs: 500, minBytes: 1 });
  const producer = kafka.producer();
  await Promise.all([consumer.connect(), producer.connect()]);
  await consumer.subscribe({ topic, fromBeginning: true });
  const commitMs: number[] = [];
  consumer.on(consumer.events.REQUEST, ({ payload }) => {
    if (payload.apiName === 'OffsetCommit') commitMs.push(payload.duration);
  });
  const latencies: number[] = [];
  // run() resolves once the group is joined (after the coordinator's initial rebalance delay).
  await consumer.run({
    autoCommit,
    eachBatchAutoResolve: true,
    eachBatch: async ({ batch }) => {
      const now = performance.now() + performance.timeOrigin;
      for (const m of batch.messages) latencies.push(now - Number(m.value?.toString() ?? now));
    },
  });
  await new Promise((r) => setTimeout(r, 1000)); // polling
  commitMs.length = 0;
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  // Send in 1 ms ticks (10 records per tick at 10k/s), as a steady producer would.
  const perTick = Math.max(1, Math.round(ratePerSecond / 1000));
  const tickMs = perTick / (ratePerSecond / 1000);
  let sent = 0;
  const deadline = Date.now() + seconds * 1000;
  let next = performance.now();
  while (Date.now() < deadline) {
    const stamp = String(performance.now() + performance.timeOrigin);
    void producer.send({ topic, acks: 1, messages: Array.from({ length: perTick }, () => ({ value: stamp })) });
    sent += perTick;
    next += tickMs;
    const wait = next - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  loop.disable();
  await new Promise((r) => setTimeout(r, 2000));
  await Promise.all([consumer.disconnect(), producer.disconnect()]);
  const sorted = latencies.sort((a, b) => a - b);
  const commits = commitMs.sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    received: latencies.length,
    sent,
    commits: { count: commits.length, p50: percentile(commits, 50), p99: percentile(commits, 99) },
    loopDelayP99: loop.percentile(99) / 1e6,
  };
}

export async function run(): Promise<BenchRow[]> {
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(await startupOnce(await freePort()));
  const rows: BenchRow[] = [
    { name: 'broker start → first Metadata answer', value: median(runs.map((r) => r.ms)), unit: 'ms', note: 'median of 5, the bundled broker as npm start runs it; target < 500 ms' },
    { name: 'broker idle RSS', value: median(runs.map((r) => r.rssMiB)), unit: 'MiB', note: 'after 3 s idle, median of 5; target < 80 MB' },
  ];
  const broker = await startBroker();
  try {
    for (const rate of [1000, 10_000]) {
      const r = await librdkafkaLatency(broker.address, rate, 5);
      const note = `librdkafka (confluent-kafka-python) acks=1 linger.ms=0 → assigned consumer, fetch.wait.max.ms=100; ${r.received}/${r.sent} received`;
      rows.push({ name: `broker end-to-end latency p50 @ ${rate} rec/s, librdkafka`, value: r.p50, unit: 'ms', note });
      rows.push({ name: `broker end-to-end latency p99 @ ${rate} rec/s, librdkafka`, value: r.p99, unit: 'ms', note: `${note}; target < 10 ms at 10k/s` });
    }
    for (const rate of [1000, 10_000]) {
      for (const autoCommit of [true, false]) {
        const r = await kafkajsLatency(broker.address, rate, 5, autoCommit);
        const how = autoCommit ? `group consumer at its defaults: ${r.commits.count} OffsetCommits between fetches, round trip p50 ${r.commits.p50} / p99 ${r.commits.p99} ms` : 'group consumer, autoCommit off';
        const note = `kafkajs acks=1, ${how}; client event-loop delay p99 ${r.loopDelayP99.toFixed(1)} ms; ${r.received}/${r.sent} received`;
        const name = `broker end-to-end latency %s @ ${rate} rec/s, kafkajs${autoCommit ? '' : ' autoCommit off'}`;
        rows.push({ name: name.replace('%s', 'p50'), value: r.p50, unit: 'ms', note });
        rows.push({ name: name.replace('%s', 'p99'), value: r.p99, unit: 'ms', note });
      }
    }
  } finally {
    await stopBroker(broker);
  }
  return rows;
}
