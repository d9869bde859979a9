// Crash test for committed offsets: the real broker (main.ts) runs in a child process with fsync on; a client
// commits an increasing offset (OffsetCommit v2, generation -1) one request at a time, and the broker is
// SIGKILLed mid-stream. Restarted on the same data dir, the committed offset must be the last acknowledged
// one, or the one that was in flight when the process died, never anything older.
import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';
import { decode, encodeToBuffer } from '../protocol/codec.ts';
import { schemas, type OffsetCommitResponse } from '../protocol/generated/messages.ts';
import { Reader } from '../protocol/reader.ts';
import { makeTempDir, RawClient } from '../server/testing.ts';

const mainTs = join(import.meta.dirname, '..', 'main.ts');
let dataDir: string | undefined;
let child: ChildProcess | undefined;

afterAll(async () => {
  child?.kill('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function startBroker(dir: string): Promise<{ child: ChildProcess; port: number }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', mainTs, '--port', '0', '--data-dir', dir], {
    env: { ...process.env, LOG_LEVEL: 'warn', BROKER_FSYNC: 'true', OFFSETS_TOPIC_NUM_PARTITIONS: '3' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    proc.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on \S+:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    proc.once('exit', (code) => reject(new Error(`broker exited (${code}) before listening`)));
  });
  return { child: proc, port };
}

function commitRequest(offset: bigint): Buffer {
  return encodeToBuffer(schemas.OffsetCommitRequest, 2, {
    groupId: 'crash-group',
    generationIdOrMemberEpoch: -1,
    memberId: '',
    retentionTimeMs: -1n,
    topics: [{ name: 'events', partitions: [{ partitionIndex: 0, committedOffset: offset, committedMetadata: `at ${offset}` }] }],
  });
}

describe('committed offsets across SIGKILL', () => {
  it('keeps the last acknowledged commit', async () => {
    dataDir = await makeTempDir('brook-commit-crash-');
    const first = await startBroker(dataDir);
    child = first.child;
    const admin0 = new Kafka({ clientId: 'crash', brokers: [`127.0.0.1:${first.port}`], logLevel: logLevel.NOTHING }).admin();
    await admin0.connect();
    await admin0.createTopics({ topics: [{ topic: 'events', numPartitions: 1 }] });
    await admin0.disconnect();

    const client = new RawClient(first.port);
    await client.ready;
    let lastAcked = -1n;
    for (let offset = 1n; ; offset++) {
      client.request(8, 2, Number(offset), commitRequest(offset));
      if (offset === 120n) first.child.kill('SIGKILL');
      const frame = await client.next();
      if (!frame) break;
      const response = decode<OffsetCommitResponse>(schemas.OffsetCommitResponse, 2, new Reader(frame, 4));
      expect(response.topics[0]?.partitions[0]?.errorCode).toBe(0);
      lastAcked = offset;
    }
    client.end();
    await new Promise<void>((resolve) => (first.child.exitCode !== null || first.child.signalCode !== null ? resolve() : first.child.once('exit', () => resolve())));
    expect(lastAcked).toBeGreaterThanOrEqual(119n);

    const second = await startBroker(dataDir);
    child = second.child;
    const admin = new Kafka({ clientId: 'crash', brokers: [`127.0.0.1:${second.port}`], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const [fetched] = await admin.fetchOffsets({ groupId: 'crash-group', topics: ['events'] });
    await admin.disconnect();
    const committed = BigInt(fetched?.partitions[0]?.offset ?? '-1');
    expect(committed === lastAcked || committed === lastAcked + 1n).toBe(true);
    expect(fetched?.partitions[0]?.metadata).toBe(`at ${committed}`);
  }, 60_000);
});
