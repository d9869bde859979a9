// What authentication costs on the data path: kcat (librdkafka) produce and consume throughput, 100 B
// records, against two brokers started by this module as child processes — one open, one requiring
// SASL/SCRAM-SHA-256 — measured alternately, three rounds each, medians reported with the ratio.
// SCRAM costs one handshake per connection (PBKDF2 is done once, when the broker loads its users); after
// that requests flow exactly as without SASL, so the ratio should sit near 1.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, type BenchRow } from './types.ts';
import { startBroker as startBundledBroker, stopBroker, type Broker } from './broker-produce.ts';

const RECORDS = 500_000;
const SIZE = 100;
const ROUNDS = 3;
const MiB = 1024 * 1024;
const USER = 'bench';
const PASSWORD = 'bench-secret';

interface SaslBroker extends Broker {
  /** kcat -X options that connect to it. */
  readonly clientArgs: readonly string[];
}

async function startBroker(sasl: boolean): Promise<SaslBroker> {
  const broker = await startBundledBroker({ BROKER_SASL_USERS: sasl ? `${USER}:${PASSWORD}` : undefined, BROKER_SASL_USERS_FILE: undefined });
  const clientArgs = ['-b', broker.address, ...(sasl ? ['-X', 'security.protocol=SASL_PLAINTEXT', '-X', 'sasl.mechanisms=SCRAM-SHA-256', '-X', `sasl.username=${USER}`, '-X', `sasl.password=${PASSWORD}`] : [])];
  return { ...broker, clientArgs };
}

function kcat(args: readonly string[], onStdout?: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('kcat', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stdout.on('data', (c: Buffer) => onStdout?.(c));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`kcat exited ${code}: ${err.slice(0, 300)}`))));
  });
}

async function timed(work: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** One produce and one consume of RECORDS records on a fresh topic; records per second. */
async function measure(broker: SaslBroker, input: string, round: number): Promise<{ produce: number; consume: number }> {
  const topic = `sasl-bench-${round}`;
  const produceSeconds = await timed(() => kcat([...broker.clientArgs, '-P', '-t', topic, '-p', '0', '-X', 'acks=1', '-X', 'linger.ms=5', '-X', 'batch.num.messages=10000', '-l', input]));
  let lines = 0;
  const consumeSeconds = await timed(() =>
    kcat([...broker.clientArgs, '-C', '-t', topic, '-p', '0', '-o', 'beginning', '-e', '-q', '-f', '\n'], (c) => {
      for (const b of c) if (b === 10) lines++;
    }),
  );
  if (lines !== RECORDS) throw new Error(`consumed ${lines} of ${RECORDS} records`);
  return { produce: RECORDS / produceSeconds, consume: RECORDS / consumeSeconds };
}

export async function run(): Promise<BenchRow[]> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'brook-bench-sasl-in-'));
  const input = path.join(tmp, 'records');
  writeFileSync(input, `${'s'.repeat(SIZE - 1)}\n`.repeat(RECORDS));
  const [open, secured] = await Promise.all([startBroker(false), startBroker(true)]);
  const results = { off: { produce: [] as number[], consume: [] as number[] }, on: { produce: [] as number[], consume: [] as number[] } };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate so that a noisy neighbour slows both sides alike.
      for (const [key, broker] of [['off', open], ['on', secured]] as const) {
        const r = await measure(broker, input, round);
        results[key].produce.push(r.produce);
        results[key].consume.push(r.consume);
      }
    }
  } finally {
    await Promise.all([stopBroker(open), stopBroker(secured)]);
    rmSync(tmp, { recursive: true, force: true });
  }
  const rows: BenchRow[] = [];
  for (const op of ['produce', 'consume'] as const) {
    const off = median(results.off[op]);
    const on = median(results.on[op]);
    const mib = (rate: number) => `${((rate * SIZE) / MiB).toFixed(1)} MiB/s`;
    rows.push({ name: `broker ${op} kcat ${SIZE} B, SASL off`, value: off, unit: 'records/s', note: `${mib(off)}, median of ${ROUNDS} × ${RECORDS.toLocaleString('en-US')}` });
    rows.push({ name: `broker ${op} kcat ${SIZE} B, SASL/SCRAM-SHA-256 on`, value: on, unit: 'records/s', note: `${mib(on)}, median of ${ROUNDS} × ${RECORDS.toLocaleString('en-US')}` });
    rows.push({ name: `broker ${op} SASL on / off`, value: on / off, unit: 'ratio', note: 'same topic size, runs alternated' });
  }
  return rows;
}
