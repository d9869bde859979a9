import { mkdtemp, rm, readdir, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FilePartitionLog, type PartitionEnv } from './partition-log.ts';
import { resolveTopicConfig } from './topic-config.ts';
import { buildBatch, decodeBatch } from '../records/record.ts';
import { compress, decompress } from '../records/compression.ts';

let dir: string;
let clock = 1_000_000;
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const env: PartitionEnv = { fsync: true, now: () => clock, logger: silent };
const config = { 'cleanup.policy': 'compact', 'segment.bytes': '600', 'min.cleanable.dirty.ratio': '0.1', 'delete.retention.ms': '10000' };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'brook-clean-'));
  clock = 1_000_000;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open1 = () => FilePartitionLog.open(join(dir, 'c-0'), 'c', 0, resolveTopicConfig(config), env);
const rec = (key: string, value: string | null) => ({ key: Buffer.from(key), value: value === null ? null : Buffer.from(value), timestamp: BigInt(clock) });

async function readAll(log: FilePartitionLog): Promise<string[]> {
  const out: string[] = [];
  let offset = log.logStartOffset();
  while (offset < log.logEndOffset()) {
    const { chunks } = await log.read(offset, 4096);
    if (chunks.length === 0) break;
    for (const c of chunks) {
      for (const r of decodeBatch(c, decompress)) {
        if (r.offset >= offset) out.push(`${r.offset}:${r.key?.toString()}=${r.value?.toString() ?? 'null'}`);
      }
      offset = c.readBigInt64BE(0) + BigInt(c.readInt32BE(23)) + 1n;
    }
  }
  return out;
}

describe('log cleaner (cleanup.policy=compact)', () => {
  it('keeps the latest record per key in sealed segments, with offsets unchanged, and survives reopen', async () => {
    let log = await open1();
    for (let round = 0; round < 6; round++) {
      for (const k of ['a', 'b', 'c']) await log.append([buildBatch([rec(k, `${k}${round}`)])], 'os');
    }
    // A compressed batch with two keys, one of them overwritten later.
    await log.append([buildBatch([rec('d', 'd0'), rec('e', 'e0')], { codec: 1, compress: (b) => compress(1, b) })], 'os');
    await log.append([buildBatch([rec('d', 'd1')])], 'os');
    for (let i = 0; i < 8; i++) await log.append([buildBatch([rec('z', `z${i}`)])], 'os');
    const before = await readAll(log);
    expect(before).toHaveLength(29);
    expect(log.segmentCount()).toBeGreaterThan(3);
    expect(await log.compact()).toBeGreaterThan(0);
    const after = await readAll(log);
    expect(after.length).toBeLessThan(before.length);
    // Every key's latest value survives at its original offset; no older value of a key survives in sealed segments.
    const latest = new Map<string, string>();
    for (const r of before) latest.set(r.split(':')[1]!.split('=')[0]!, r);
    for (const r of latest.values()) expect(after).toContain(r);
    expect(after).toContain('19:e=e0');
    expect(after).not.toContain('18:d=d0');
    expect(after.filter((r) => r.includes(':a='))).toEqual([latest.get('a')]);
    await log.close();
    log = await open1();
    expect(await readAll(log)).toEqual(after);
    expect(await log.compact()).toBe(0); // nothing dirty any more
    await log.close();
  });

  it('drops tombstones only after delete.retention.ms', async () => {
    const log = await open1();
    await log.append([buildBatch([rec('gone', 'v')])], 'os');
    await log.append([buildBatch([rec('gone', null)])], 'os');
    for (let i = 0; i < 12; i++) await log.append([buildBatch([rec(`k${i}`, 'x'.repeat(40))])], 'os');
    await log.compact();
    expect((await readAll(log)).filter((r) => r.includes('gone'))).toEqual(['1:gone=null']);
    clock += 60_000;
    // Make the sealed segments dirty again so the cleaner runs.
    for (let i = 0; i < 12; i++) await log.append([buildBatch([rec(`k${i}`, 'y'.repeat(40))])], 'os');
    await log.compact();
    expect((await readAll(log)).filter((r) => r.includes('gone'))).toEqual([]);
    await log.close();
  });

  it('rebuilds missing index files and removes an interrupted cleaning on open', async () => {
    let log = await open1();
    for (let i = 0; i < 20; i++) await log.append([buildBatch([rec(`k${i % 4}`, `v${i}`)])], 'os');
    const all = await readAll(log);
    await log.close();
    const files = await readdir(join(dir, 'c-0'));
    const firstIndex = files.find((f) => f.endsWith('.index'))!;
    await unlink(join(dir, 'c-0', firstIndex));
    await writeFile(join(dir, 'c-0', '00000000000000000000.log.cleaned'), 'half-written');
    log = await open1();
    expect(await readAll(log)).toEqual(all);
    expect((await readdir(join(dir, 'c-0'))).some((f) => f.endsWith('.cleaned'))).toBe(false);
    expect(await readdir(join(dir, 'c-0'))).toContain(firstIndex);
    await log.close();
  });
});
