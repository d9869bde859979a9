// Gateway throughput: single-record POSTs/s with 100 connections next to a bare Fastify hello-world
// measured in the same run, batch POSTs of 100 records, and SSE fan-out (many clients on one topic:
// delivery latency, loss, memory per idle client). Broker, gateway and hello-world run as child
// processes on free loopback ports; the HTTP load generator runs here, the SSE clients in children
// (sse-clients.ts).
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { median, type BenchRow } from './types.ts';
import { BROKER_ENTRY, GATEWAY_ENTRY } from './broker-produce.ts';
import { startNode, stopProcess } from './processes.ts';
import { SAMPLE_EVERY, startSseWorker, type FromSseWorker, type SseWorker, type ToSseWorker } from './sse-clients.ts';

const root = path.join(import.meta.dirname, '..');
const DURATION_S = 8;
/** Single-record POSTs: rounds of hello-world then gateway, each run this long. */
const SINGLE_ROUNDS = 5;
const ROUND_S = 5;

interface Child {
  readonly url: string;
  readonly child: ChildProcess;
}

/** `node <args>` from the repository root with `env` added; resolves with `ready`'s first match in its output. */
function startChild(args: string[], env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  return startNode(args, { cwd: root, env: { ...process.env, ...env }, ready });
}

async function stop(child: ChildProcess): Promise<void> {
  debug(`stopping ${child.pid}`);
  await stopProcess(child);
}

async function startStack(dataDir: string): Promise<{ broker: Child; gateway: Child }> {
  const b = await startChild([BROKER_ENTRY, '--port', '0', '--data-dir', dataDir], { LOG_LEVEL: 'warn' }, /listening on (\S+):(\d+)/);
  const brokerAddress = `${b.match[1]}:${b.match[2]}`;
  const g = await startChild(
    [GATEWAY_ENTRY],
    { GATEWAY_PORT: '0', KAFKA_BROKERS: brokerAddress, LOG_LEVEL: 'warn', GATEWAY_SSE_MAX_CLIENTS: '5000' },
    /listening on (http:\/\/\S+)/,
  );
  return { broker: { url: brokerAddress, child: b.child }, gateway: { url: g.match[1] as string, child: g.child } };
}

async function helloWorld(): Promise<Child> {
  const script = `import Fastify from 'fastify';
const app = Fastify();
app.get('/', async () => ({ hello: 'world' }));
const url = await app.listen({ host: '127.0.0.1', port: 0 });
console.log('listening on ' + url);`;
  const { child, match } = await startChild(['--input-type=module', '-e', script], {}, /listening on (http:\/\/\S+)/);
  return { url: match[1] as string, child };
}

function debug(message: string): void {
  if (process.env.BENCH_DEBUG) process.stderr.write(`bench gateway: ${message}\n`);
}

async function load(options: autocannon.Options): Promise<autocannon.Result> {
  debug(`load ${options.url}`);
  return autocannon({ duration: DURATION_S, ...options });
}

async function json(url: string, method: string, body?: unknown): Promise<unknown> {
  const response = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? null : JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

async function gatewayRss(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/^process_resident_memory_bytes (\d+)/m.exec(text)?.[1] ?? NaN);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

interface SseSetup {
  clients: number;
  workers: SseWorker[];
}

/** Opens every client on the idle topic and reports the gateway's memory per idle stream. */
async function openSseClients(gatewayUrl: string, rows: BenchRow[]): Promise<SseSetup> {
  const clients = Number(process.env.BENCH_SSE_CLIENTS ?? 1000);
  const procs = Math.max(1, Number(process.env.BENCH_SSE_PROCS ?? 2));
  await json(`${gatewayUrl}/topics`, 'POST', { name: 'bench-sse', partitions: 3 });
  const rssBefore = await gatewayRss(gatewayUrl);
  const workers: SseWorker[] = [];
  let firstIndex = 0;
  for (let w = 0; w < procs; w++) {
    const share = Math.floor(clients / procs) + (w < clients % procs ? 1 : 0);
    const worker = startSseWorker();
    workers.push(worker);
    const opened = worker.next('opened');
    worker.child.send({ type: 'open', url: `${gatewayUrl}/topics/bench-sse/stream`, clients: share, firstIndex } satisfies ToSseWorker);
    await opened;
    firstIndex += share;
  }
  debug(`sse: ${clients} streams open in ${procs} processes`);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const rssIdle = await gatewayRss(gatewayUrl);
  rows.push({ name: 'gateway SSE memory per idle client', value: (rssIdle - rssBefore) / clients / 1024, unit: 'KiB', note: `${clients} open streams, gateway RSS delta` });
  return { clients, workers };
}

async function sseFanout(gatewayUrl: string, { clients, workers }: SseSetup, rows: BenchRow[]): Promise<void> {
  const ratePerSecond = 1000;
  const seconds = 5;
  // 1,000 records/s as 10 batches of 100 per second, each value carrying its send time.
  const batches = (ratePerSecond / 100) * seconds;
  const start = Date.now();
  for (let b = 0; b < batches; b++) {
    const due = start + b * 100;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const t = Date.now();
    await json(`${gatewayUrl}/topics/bench-sse/messages`, 'POST', { records: Array.from({ length: 100 }, (_, i) => ({ value: { t, i } })) });
  }
  const expected = batches * 100;
  debug(`sse: produced ${expected}`);
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && workers.some((w) => w.minReceived < expected)) await new Promise((resolve) => setTimeout(resolve, 100));
  const reports = await Promise.all(
    workers.map(async (w) => {
      const report = w.next('report');
      w.child.send({ type: 'finish' } satisfies ToSseWorker);
      return (await report) as Extract<FromSseWorker, { type: 'report' }>;
    }),
  );
  const received = reports.flatMap((r) => r.received);
  const latencies = reports.flatMap((r) => r.latencies);
  debug(`sse: received min ${Math.min(...received)} max ${Math.max(...received)} of ${expected}`);
  const lost = received.reduce((sum, n) => sum + Math.max(0, expected - n), 0);
  const extra = received.reduce((sum, n) => sum + Math.max(0, n - expected), 0);
  rows.push({
    name: `gateway SSE p99 delivery, ${clients} clients × ${ratePerSecond} rec/s`,
    value: percentile(latencies, 99),
    unit: 'ms',
    note:
      `p50 ${percentile(latencies, 50)} ms over ${latencies.length} events of ${Math.ceil(clients / SAMPLE_EVERY)} sampled clients (send → parsed); ` +
      `${lost} of ${expected * clients} events missing${extra ? `, ${extra} duplicated` : ''} (all ${received.length} clients counted, in ${workers.length} processes); target p99 < 100 ms, zero loss`,
  });
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'brook-bench-gateway-'));
  const children: ChildProcess[] = [];
  try {
    const hello = await helloWorld();
    children.push(hello.child);

    const { broker, gateway } = await startStack(dataDir);
    children.push(gateway.child, broker.child);
    await json(`${gateway.url}/topics`, 'POST', { name: 'bench-single', partitions: 3 });
    await json(`${gateway.url}/topics`, 'POST', { name: 'bench-batch', partitions: 3 });
    // Idle streams are measured on a fresh gateway: after the POST loads its heap has room to spare.
    const sse = process.env.BENCH_GATEWAY_SSE === '0' ? undefined : await openSseClients(gateway.url, rows);
    if (sse) children.push(...sse.workers.map((w) => w.child));
    // Warm-up with the measured request itself (connections, metadata cache, and the JIT on this body's path:
    // a string value warmed the string path, and the first measured second then ran at a third of the rest).
    const singleBody = JSON.stringify({ value: { id: 1, text: 'hello from autocannon' } });
    await load({ url: `${gateway.url}/topics/bench-single/messages`, connections: 100, duration: 3, method: 'POST', headers: { 'content-type': 'application/json' }, body: singleBody });
    if (sse) await sseFanout(gateway.url, sse, rows);

    // Hello-world and single POSTs in 5 alternating rounds, each ratio from two back-to-back runs: on a shared
    // host the machine's speed drifted by up to 2x within a minute (hello-world 30k then 15k req/s), which
    // made one baseline at the start and one gateway run later a measure of the drift.
    const baselines: number[] = [];
    const singles: autocannon.Result[] = [];
    const ratios: number[] = [];
    for (let round = 0; round < SINGLE_ROUNDS; round++) {
      const baseline = await load({ url: `${hello.url}/`, connections: 100, duration: ROUND_S });
      const single = await load({
        url: `${gateway.url}/topics/bench-single/messages`,
        connections: 100,
        duration: ROUND_S,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: singleBody,
      });
      baselines.push(baseline.requests.average);
      singles.push(single);
      ratios.push(single.requests.average / baseline.requests.average);
    }
    await stop(hello.child);
    const single = singles.slice().sort((a, b) => a.requests.average - b.requests.average)[Math.floor(SINGLE_ROUNDS / 2)] as autocannon.Result;
    rows.push({ name: 'fastify hello-world GET (baseline)', value: median(baselines), unit: 'req/s', note: `100 connections; median of ${SINGLE_ROUNDS} rounds (${baselines.map(Math.round).join(', ')})` });
    rows.push({
      name: 'gateway single-record POST, acks=all',
      value: single.requests.average,
      unit: 'req/s',
      note: `median ratio ${(median(ratios) * 100).toFixed(0)}% of hello-world (target ≥ 40%; rounds ${ratios.map((r) => `${(r * 100).toFixed(0)}%`).join(', ')}); p99 ${single.latency.p99} ms; non-2xx ${singles.reduce((n, r) => n + r.non2xx, 0)}, errors ${singles.reduce((n, r) => n + r.errors, 0)}`,
    });
    rows.push({ name: 'gateway single-record POST / hello-world', value: median(ratios) * 100, unit: '%', note: 'target ≥ 40; median of the rounds\' ratios' });

    const batchBody = JSON.stringify({ records: Array.from({ length: 100 }, (_, i) => ({ value: { id: i, text: 'batch record payload' } })) });
    const batch = await load({
      url: `${gateway.url}/topics/bench-batch/messages`,
      connections: 32,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: batchBody,
    });
    rows.push({
      name: 'gateway batch POST (100 records), acks=all',
      value: batch.requests.average * 100,
      unit: 'records/s',
      note: `${batch.requests.average.toFixed(0)} req/s; target ≥ 200k records/s; p99 ${batch.latency.p99} ms; non-2xx ${batch.non2xx}`,
    });
  } finally {
    for (const child of children) await stop(child).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}

