// Crash test: the real broker (main.ts) runs in a child process with fsync on; kafkajs producers (plain and
// idempotent) send acks=all batches while the test SIGKILLs the broker mid-stream. Restarted on the same data
// dir, every acknowledged record must be there at the offset it was acknowledged with, in order, readable
// by another client (kcat), with no offset twice.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';

const mainTs = join(import.meta.dirname, '..', 'main.ts');
const run = promisify(execFile);
let dataDir: string | undefined;
let child: ChildProcess | undefined;

afterAll(async () => {
  child?.kill('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function startBroker(dir: string): Promise<{ child: ChildProcess; address: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', mainTs, '--port', '0', '--data-dir', dir], {
    env: { ...process.env, LOG_LEVEL: 'warn', BROKER_FSYNC: 'true' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const address = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (\S+):(\d+)/.exec(out);
      if (m) resolve(`${m[1]}:${m[2]}`);
    });
    proc.once('exit', (code) => reject(new Error(`broker exited (${code}) before listening`)));
  });
  return { child: proc, address };
}

interface Acked {
  readonly topic: string;
  readonly baseOffset: bigint;
  readonly values: readonly string[];
}

describe('crash safety', () => {
  it('keeps every acks=all record across SIGKILL and restart', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'brook-crash-'));
    const first = await startBroker(dataDir);
    child = first.child;
    const kafka = new Kafka({ clientId: 'crash', brokers: [first.address], logLevel: logLevel.NOTHING, retry: { retries: 0 } });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'plain', numPartitions: 1 }, { topic: 'idem', numPartitions: 1 }] });
    await admin.disconnect();

    const acked: Acked[] = [];
    let stop = false;
    const killAt = 150;
    const killed = new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (stop || acked.length >= killAt) {
          clearInterval(check);
          if (!stop) first.child.kill('SIGKILL');
          stop = true;
          resolve();
        }
      }, 1);
    });
    const producerLoop = async (producer: Producer, topic: string, tag: string): Promise<void> => {
      try {
        await producer.connect();
      } catch {
        return;
      }
      for (let i = 0; !stop; i++) {
        const values = Array.from({ length: 20 }, (_, j) => `${tag}-${i}-${j}`);
        try {
          const [res] = await producer.send({ topic, acks: -1, messages: values.map((value) => ({ value })) });
          if (res && res.errorCode === 0) acked.push({ topic, baseOffset: BigInt(res.baseOffset ?? '-1'), values });
        } catch {
          break; // the broker is gone
        }
      }
      await producer.disconnect().catch(() => undefined);
    };
    const producers = Promise.all([
      producerLoop(kafka.producer(), 'plain', 'a'),
      producerLoop(kafka.producer(), 'plain', 'b'),
      producerLoop(kafka.producer({ idempotent: true, maxInFlightRequests: 1, retry: { retries: 1, initialRetryTime: 50 } }), 'idem', 'c'),
    ]);
    // Producers that all stopped early (an unexpected error) must fail the test below, not hang it.
    await Promise.race([killed, producers]);
    if (!stop) {
      stop = true;
      first.child.kill('SIGKILL');
    }
    await producers;
    await new Promise<void>((resolve) => (first.child.exitCode !== null || first.child.signalCode !== null ? resolve() : first.child.once('exit', () => resolve())));
    expect(acked.length).toBeGreaterThanOrEqual(killAt);

    const second = await startBroker(dataDir);
    child = second.child;
    for (const topic of ['plain', 'idem']) {
      const { stdout } = await run('kcat', ['-C', '-b', second.address, '-t', topic, '-p', '0', '-o', 'beginning', '-e', '-q', '-f', '%o %s\n'], { maxBuffer: 64 * 1024 * 1024 });
      const rows = stdout.split('\n').filter(Boolean).map((l) => {
        const [offset = '', value = ''] = l.split(' ');
        return { offset: BigInt(offset), value };
      });
      // Offsets are dense and strictly increasing: none lost in the middle, none twice.
      rows.forEach((r, i) => expect(r.offset).toBe(BigInt(i)));
      const byOffset = new Map(rows.map((r) => [r.offset, r.value]));
      for (const a of acked.filter((x) => x.topic === topic)) {
        a.values.forEach((v, j) => expect(byOffset.get(a.baseOffset + BigInt(j)), `${topic} offset ${a.baseOffset + BigInt(j)}`).toBe(v));
      }
      if (topic === 'idem') expect(new Set(rows.map((r) => r.value)).size).toBe(rows.length);
    }
    second.child.kill('SIGTERM');
    await new Promise<void>((resolve) => second.child.once('exit', () => resolve()));
    child = undefined;
  }, 120_000);
});
