import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FilePartitionLog, type PartitionEnv } from './partition-log.ts';
import { SYNC_WRITE_MAX_BYTES } from './segment.ts';
import { DEFAULT_TAIL_CACHE_LIMITS, setTailCacheLimits, tailCacheSize } from './tail-cache.ts';
import { resolveTopicConfig } from './topic-config.ts';
import { buildBatch } from '../records/record.ts';
import type { ReadResult } from './types.ts';

let dir: string;
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const env: PartitionEnv = { fsync: false, now: () => 1_000_000, logger: silent };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'brook-tail-'));
});
afterEach(async () => {
  setTailCacheLimits(DEFAULT_TAIL_CACHE_LIMITS);
  await rm(dir, { recursive: true, force: true });
});

const open = (name: string, configs: Record<string, string> = {}) => FilePartitionLog.open(join(dir, `${name}-0`), name, 0, resolveTopicConfig(configs), env);

/** A batch of `count` records of `size` bytes each. */
function batch(count: number, size: number): Buffer {
  return buildBatch(Array.from({ length: count }, (_, i) => ({ key: null, value: Buffer.alloc(size, 97 + (i % 26)), timestamp: 1000n + BigInt(i) })));
}

function bytesOf(r: ReadResult): { bytes: number; data: string } {
  return { bytes: r.bytes, data: Buffer.concat(r.chunks).toString('hex') };
}

describe('tail cache', () => {
  it('answers every read exactly as the files do (offsets inside batches, limits, the first batch always, rolls)', async () => {
    const configs = { 'segment.bytes': '20000', 'index.interval.bytes': '500' };
    const live = await open('eq', configs);
    // Small and large batches (one over the sync-write size); the segments roll every few of them.
    const sizes: Array<[number, number]> = [[1, 10], [5, 100], [3, 2000], [1, SYNC_WRITE_MAX_BYTES + 10], [10, 50], [2, 7000], [1, 1], [4, 300]];
    for (let round = 0; round < 3; round++) for (const [count, size] of sizes) await live.append([batch(count, size)], 'os');
    setTailCacheLimits({ ...DEFAULT_TAIL_CACHE_LIMITS, partitionBytes: 30_000 });
    await live.append([batch(2, 40_000)], 'os'); // over the partition cap: held again only from the next batch on
    for (const [count, size] of sizes) await live.append([batch(count, size)], 'os');
    expect(tailCacheSize().bytes).toBeGreaterThan(0);
    const keys: Array<[bigint, number]> = [];
    for (let offset = 0n; offset < live.logEndOffset(); offset++) for (const max of [1, 150, 5000, 70_000]) keys.push([offset, max]);
    const fromLive: Array<{ bytes: number; data: string }> = [];
    for (const [offset, max] of keys) fromLive.push(bytesOf(await live.read(offset, max)));
    await live.close();

    // The same files, read by a log whose cache is empty.
    const cold = await open('eq', configs);
    const fromFiles: Array<{ bytes: number; data: string }> = [];
    for (const [offset, max] of keys) fromFiles.push(bytesOf(await cold.read(offset, max)));
    await cold.close();
    expect(fromLive).toEqual(fromFiles);
  });

  it('serves the newest batches from memory, as written, without a file read', async () => {
    const log = await open('mem');
    const first = batch(3, 100);
    const second = batch(2, 100);
    await log.append([first], 'os');
    await log.append([second], 'os');
    const read = await log.read(3n, 1 << 20);
    // The very buffer that was appended: no file was read for it.
    expect(read.chunks).toHaveLength(1);
    expect(read.chunks[0]).toBe(second);
    expect((await log.read(1n, 1 << 20)).chunks).toEqual([first, second]);
    await log.close();
    expect(tailCacheSize().bytes).toBe(0);
  });

  it('copies a small batch out of the larger buffer it is a view of, so that buffer is not kept alive', async () => {
    const log = await open('view');
    const b = batch(1, 10);
    const request = Buffer.alloc(64 * 1024);
    b.copy(request, 1000);
    const view = request.subarray(1000, 1000 + b.length);
    await log.append([view], 'os');
    const [held] = (await log.read(0n, 1 << 20)).chunks;
    expect(held?.equals(view)).toBe(true);
    expect(held?.buffer).not.toBe(request.buffer);
    await log.close();
  });

  it('keeps its memory under the process-wide cap, the partitions appended to least recently giving theirs up first', async () => {
    setTailCacheLimits({ ...DEFAULT_TAIL_CACHE_LIMITS, partitionBytes: 10_000, totalBytes: 25_000 });
    const logs = await Promise.all(['a', 'b', 'c'].map((name) => open(name)));
    for (const log of logs) for (let i = 0; i < 4; i++) await log.append([batch(1, 2000)], 'os');
    expect(tailCacheSize().bytes).toBeLessThanOrEqual(25_000);
    // 'a' was appended to first, so it gave up its cache; its reads still come (from the file) intact.
    const fromA = await logs[0]!.read(0n, 1 << 20);
    expect(fromA.chunks.map((c) => c.length)).toEqual([batch(1, 2000).length, batch(1, 2000).length, batch(1, 2000).length, batch(1, 2000).length]);
    expect((await logs[2]!.read(3n, 1 << 20)).chunks).toHaveLength(1);
    for (const log of logs) await log.close();
    expect(tailCacheSize().bytes).toBe(0);
  });

  it('caps the number of batches held, per partition and in all, however small they are', async () => {
    setTailCacheLimits({ ...DEFAULT_TAIL_CACHE_LIMITS, partitionBatches: 3, totalBatches: 5 });
    const [a, b] = await Promise.all([open('a'), open('b')]);
    for (let i = 0; i < 10; i++) await a!.append([batch(1, 5)], 'os');
    expect(tailCacheSize().batches).toBe(3);
    for (let i = 0; i < 3; i++) await b!.append([batch(1, 5)], 'os');
    // 'a' gave up its three so that 'b' could hold its three.
    expect(tailCacheSize().batches).toBe(3);
    const all = await a!.read(0n, 1 << 20);
    expect(all.chunks).toHaveLength(10);
    expect((await b!.read(2n, 1 << 20)).chunks).toHaveLength(1);
    await a!.close();
    await b!.close();
    expect(tailCacheSize()).toEqual({ bytes: 0, batches: 0 });
  });
});
