// Each app built the way its Dockerfile builds it, outside a container (no Docker engine runs here):
// `turbo prune <pkg> --docker`, `npm ci` from out/json, out/full copied over it, the broker and the
// gateway bundled and their dev dependencies pruned, the console built standalone (BROOK_STANDALONE=1) with its
// static files and its server (dist/server.mjs) beside it; then each is started as its Dockerfile's CMD starts it and must serve.
// Slow by nature (three npm installs from the registry and one console build): about 4 minutes, the
// console's install and build most of it, so each step runs once.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import kafkajs from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../bench/processes.ts';

const root = path.dirname(import.meta.dirname);
const run = promisify(execFile);
const MINUTE = 60_000;

/** The environment of a child: none of this test runner's npm or Node settings leak into it. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|NODE_ENV$|NODE_OPTIONS$|VITEST|TEST$|KAFKA_|GATEWAY_|BROKER_)/i.test(key)) env[key] = value;
  }
  return { ...env, NEXT_TELEMETRY_DISABLED: '1', ...extra };
}

async function sh(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<void> {
  await run(command, args, { cwd, env: cleanEnv(env), maxBuffer: 64 * 1024 * 1024, timeout: 10 * MINUTE });
}

/** The Dockerfile's first two stages: prune, install from out/json, copy out/full over it. */
async function pruneAndInstall(pkg: string, dir: string): Promise<string> {
  await sh(path.join(root, 'node_modules', '.bin', 'turbo'), ['prune', pkg, '--docker', '--out-dir', path.join(dir, 'out')], root);
  const app = path.join(dir, 'app');
  cpSync(path.join(dir, 'out', 'json'), app, { recursive: true });
  await sh('npm', ['ci', '--no-audit', '--no-fund'], app);
  cpSync(path.join(dir, 'out', 'full'), app, { recursive: true });
  return app;
}

const children: ChildProcess[] = [];

/** Starts a process as a Dockerfile CMD would, and waits until `ready` says it serves. */
async function start(args: string[], cwd: string, env: Record<string, string>, ready: () => Promise<boolean>): Promise<void> {
  const child = spawn(process.execPath, args, { cwd, env: cleanEnv({ NODE_ENV: 'production', ...env }), stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 2 * MINUTE;
  while (!(await ready().catch(() => false))) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`${args.join(' ')} did not serve within 2 minutes:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const listening = (port: number) => () =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

const answers = (url: string) => async () => (await fetch(url)).ok;

describe('production builds, as the Dockerfiles make them', () => {
  let work: string;
  let brokerPort: number;
  let gatewayUrl: string;

  beforeAll(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'brook-production-'));
  });

  afterAll(async () => {
    await Promise.all(
      children.map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }),
    );
    rmSync(work, { recursive: true, force: true });
  });

  it('broker (docker/broker.Dockerfile): bundled, production dependencies only, serves Kafka clients', { timeout: 5 * MINUTE }, async () => {
    const app = await pruneAndInstall('@brook/broker', path.join(work, 'broker'));
    await sh('npm', ['run', 'build', '--workspace', '@brook/broker'], app);
    await sh('npm', ['prune', '--omit=dev', '--no-audit', '--no-fund'], app);
    // Production only: the broker's and the root's devDependencies are absent.
    expect(existsSync(path.join(app, 'node_modules', 'pino'))).toBe(true);
    expect(existsSync(path.join(app, 'node_modules', '@platformatic', 'kafka'))).toBe(false);
    expect(existsSync(path.join(app, 'node_modules', 'vitest'))).toBe(false);

    brokerPort = await freePort();
    const dataDir = path.join(work, 'broker-data');
    await start(['dist/main.mjs'], path.join(app, 'packages', 'broker'), { BROKER_HOST: '127.0.0.1', BROKER_PORT: String(brokerPort), DATA_DIR: dataDir }, listening(brokerPort));

    const kafka = new kafkajs.Kafka({ clientId: 'production-build-test', brokers: [`127.0.0.1:${brokerPort}`], logLevel: kafkajs.logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    try {
      await producer.send({ topic: 'built', messages: [{ value: 'from the production broker' }] });
    } finally {
      await producer.disconnect();
    }
    const admin = kafka.admin();
    await admin.connect();
    try {
      expect((await admin.fetchTopicOffsets('built')).map((o) => o.high)).toEqual(['1']);
    } finally {
      await admin.disconnect();
    }
  });

  it('gateway (docker/gateway.Dockerfile): bundled, production dependencies only, healthy and ready on that broker', { timeout: 5 * MINUTE }, async () => {
    const app = await pruneAndInstall('@brook/gateway', path.join(work, 'gateway'));
    await sh('npm', ['run', 'build', '--workspace', '@brook/gateway'], app);
    await sh('npm', ['prune', '--omit=dev', '--no-audit', '--no-fund'], app);
    expect(existsSync(path.join(app, 'node_modules', 'fastify'))).toBe(true);
    for (const dev of ['tsx', 'esbuild', 'vitest']) expect(existsSync(path.join(app, 'node_modules', dev)), dev).toBe(false);

    const port = await freePort();
    gatewayUrl = `http://127.0.0.1:${port}`;
    await start(['dist/main.mjs'], path.join(app, 'apps', 'gateway'), { GATEWAY_HOST: '127.0.0.1', GATEWAY_PORT: String(port), KAFKA_BROKERS: `127.0.0.1:${brokerPort}` }, answers(`${gatewayUrl}/health`));

    expect(await (await fetch(`${gatewayUrl}/health`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${gatewayUrl}/ready`)).json()).toEqual({ status: 'ready', brokers: 1 });
    const topic = (await (await fetch(`${gatewayUrl}/topics/built`)).json()) as { partitions: { latestOffset: number }[] };
    expect(topic.partitions.map((p) => p.latestOffset)).toEqual([1]);
  });

  it('console (docker/web.Dockerfile): standalone build; dist/server.mjs serves pages, precompressed static files, and proxies /api to the gateway', { timeout: 10 * MINUTE }, async () => {
    const app = await pruneAndInstall('@brook/web', path.join(work, 'web'));
    await sh(path.join(app, 'node_modules', '.bin', 'turbo'), ['run', 'build', '--filter=@brook/web', '--output-logs=errors-only'], app, { BROOK_STANDALONE: '1' });
    // The runtime stage: the standalone tree, with the static files and the console's server next to it.
    const image = path.join(work, 'web-image');
    cpSync(path.join(app, 'apps', 'web', '.next', 'standalone'), image, { recursive: true });
    cpSync(path.join(app, 'apps', 'web', '.next', 'static'), path.join(image, 'apps', 'web', '.next', 'static'), { recursive: true });
    cpSync(path.join(app, 'apps', 'web', 'dist'), path.join(image, 'apps', 'web', 'dist'), { recursive: true });
    expect(existsSync(path.join(image, 'node_modules', 'vitest'))).toBe(false);

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    await start(['apps/web/dist/server.mjs'], image, { HOSTNAME: '127.0.0.1', PORT: String(port), GATEWAY_URL: gatewayUrl }, answers(url));

    const html = await (await fetch(`${url}/brokers`)).text();
    expect(html).toContain('Brokers');
    const script = html.match(/\/_next\/static\/[^"]+\.js/)?.[0];
    expect(script).toBeDefined();
    const plain = await fetch(`${url}${script}`, { headers: { 'accept-encoding': 'identity' } });
    const brotli = await fetch(`${url}${script}`, { headers: { 'accept-encoding': 'br' } });
    expect([plain.status, brotli.status]).toEqual([200, 200]);
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(await brotli.text()).toBe(await plain.text());
    const cluster = (await (await fetch(`${url}/api/cluster`)).json()) as { brokers: { port: number }[] };
    expect(cluster.brokers.map((b) => b.port)).toEqual([brokerPort]);
  });
});
