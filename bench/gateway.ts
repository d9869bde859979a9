// Gateway throughput: single-record POSTs/s with 100 connections next to a bare Fastify hello-world
// measured in the same run, batch POSTs of 100 records, and SSE fan-out (many clients on one topic:
// delivery latency, loss, memory per idle client). Broker, gateway and hello-world run as child
// processes on free loopback ports; the load generator runs here.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, Agent } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import type { BenchRow } from './types.ts';
import { BROKER_ENTRY } from './broker-produce.ts';

const root = path.join(import.meta.dirname, '..');
const DURATION_S = 8;

interface Child {
  readonly url: string;
  readonly child: ChildProcess;
}

/** Starts a process and resolves with the first match of `pattern` in its stdout. */
function startChild(args: string[], env: Record<string, string>, pattern: RegExp): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = pattern.exec(out);
      if (match) resolve({ child, match });
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code} before it was ready`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  debug(`stopping ${child.pid}`);
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

async function startStack(dataDir: string): Promise<{ broker: Child; gateway: Child }> {
  const tsx = ['--import', 'tsx'];
  const b = await startChild([BROKER_ENTRY, '--port', '0', '--data-dir', dataDir], { LOG_LEVEL: 'warn' }, /listening on (\S+):(\d+)/);
  const brokerAddress = `${b.match[1]}:${b.match[2]}`;
  const g = await startChild(
    [...tsx, 'apps/gateway/src/main.ts'],
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

interface SseClient {
  received: number;
  latencies: number[];
  close(): void;
}

/** A minimal SSE reader: counts record events; when `measure`, records now − the value's send time. */
function openSse(url: string, agent: Agent, measure: boolean): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const client: SseClient = { received: 0, latencies: [], close: () => req.destroy() };
    const req = httpRequest(url, { agent }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
      res.setEncoding('utf8');
      let pending = '';
      res.on('data', (chunk: string) => {
        pending += chunk;
        let end = pending.lastIndexOf('\n\n');
        if (end === -1) return;
        const complete = pending.slice(0, end);
        pending = pending.slice(end + 2);
        let at = complete.indexOf('event: record');
        while (at !== -1) {
          client.received++;
          if (measure) {
            const sent = /"value":\{"t":(\d+)/.exec(complete.slice(at, at + 4096));
            if (sent) client.latencies.push(Date.now() - Number(sent[1]));
          }
          at = complete.indexOf('event: record', at + 1);
        }
        end = 0;
      });
      resolve(client);
    });
    req.on('error', reject);
    req.end();
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function sseFanout(gatewayUrl: string, rows: BenchRow[]): Promise<void> {
  const clients = Number(process.env.BENCH_SSE_CLIENTS ?? 1000);
  const ratePerSecond = 1000;
  const seconds = 5;
  await json(`${gatewayUrl}/topics`, 'POST', { name: 'bench-sse', partitions: 3 });
  const agent = new Agent({ keepAlive: true, maxSockets: clients + 10 });
  const rssBefore = await gatewayRss(gatewayUrl);
  const streams: SseClient[] = [];
  for (let i = 0; i < clients; i++) streams.push(await openSse(`${gatewayUrl}/topics/bench-sse/stream`, agent, i % 50 === 0));
  debug(`sse: ${clients} streams open`);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const rssIdle = await gatewayRss(gatewayUrl);
  rows.push({ name: 'gateway SSE memory per idle client', value: (rssIdle - rssBefore) / clients / 1024, unit: 'KiB', note: `${clients} open streams, gateway RSS delta` });

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
  while (Date.now() < deadline && streams.some((s) => s.received < expected)) await new Promise((resolve) => setTimeout(resolve, 100));
  debug(`sse: waited, received min ${Math.min(...streams.map((x) => x.received))}`);
  const lost = streams.reduce((sum, s) => sum + Math.max(0, expected - s.received), 0);
  const latencies = streams.flatMap((s) => s.latencies);
  for (const s of streams) s.close();
  agent.destroy();
  rows.push({
    name: `gateway SSE p99 delivery, ${clients} clients × ${ratePerSecond} rec/s`,
    value: percentile(latencies, 99),
    unit: 'ms',
    note: `p50 ${percentile(latencies, 50)} ms; ${lost} of ${expected * clients} events missing; target p99 < 100 ms, zero loss`,
  });
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'brook-bench-gateway-'));
  const children: ChildProcess[] = [];
  try {
    const hello = await helloWorld();
    children.push(hello.child);
    const baseline = await load({ url: `${hello.url}/`, connections: 100 });
    await stop(hello.child);
    rows.push({ name: 'fastify hello-world GET (baseline)', value: baseline.requests.average, unit: 'req/s', note: '100 connections, same machine, same run' });

    const { broker, gateway } = await startStack(dataDir);
    children.push(gateway.child, broker.child);
    await json(`${gateway.url}/topics`, 'POST', { name: 'bench-single', partitions: 3 });
    await json(`${gateway.url}/topics`, 'POST', { name: 'bench-batch', partitions: 3 });
    // Warm-up: connections, metadata cache, JIT.
    await load({ url: `${gateway.url}/topics/bench-single/messages`, connections: 100, duration: 2, method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"value":"warm"}' });

    const single = await load({
      url: `${gateway.url}/topics/bench-single/messages`,
      connections: 100,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ value: { id: 1, text: 'hello from autocannon' } }),
    });
    const ratio = single.requests.average / baseline.requests.average;
    rows.push({
      name: 'gateway single-record POST, acks=all',
      value: single.requests.average,
      unit: 'req/s',
      note: `${(ratio * 100).toFixed(0)}% of hello-world (target ≥ 40%); p99 ${single.latency.p99} ms; non-2xx ${single.non2xx}, errors ${single.errors}`,
    });

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

    if (process.env.BENCH_GATEWAY_SSE !== '0') await sseFanout(gateway.url, rows);
  } finally {
    for (const child of children) await stop(child).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}
