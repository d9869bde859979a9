import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openFileCount, setMaxOpenFiles } from './file-pool.ts';
import { openLogStore } from './log-store.ts';
import { buildBatch, decodeBatch } from '../records/record.ts';

let dir: string | undefined;
afterEach(async () => {
  setMaxOpenFiles(2048);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('segment file pool', () => {
  it('keeps at most the cap of idle descriptors open while many partitions are written and read', async () => {
    dir = await mkdtemp(join(tmpdir(), 'brook-pool-'));
    setMaxOpenFiles(3);
    const store = await openLogStore(dir, { fsync: true, retentionCheckIntervalMs: 0 });
    for (let t = 0; t < 10; t++) await store.createTopic(`t${t}`, 2);
    expect(openFileCount()).toBeLessThanOrEqual(3);
    for (let round = 0; round < 3; round++) {
      for (let t = 0; t < 10; t++) {
        for (let p = 0; p < 2; p++) {
          const batch = buildBatch([{ key: null, value: Buffer.from(`t${t}p${p}r${round}`), timestamp: 1n }]);
          await store.partition(`t${t}`, p)!.append([batch], 'fsync');
        }
      }
    }
    expect(openFileCount()).toBeLessThanOrEqual(3);
    for (let t = 0; t < 10; t++) {
      const { chunks } = await store.partition(`t${t}`, 1)!.read(0n, 1 << 20);
      expect(chunks.flatMap((c) => decodeBatch(c).map((r) => r.value?.toString()))).toEqual([`t${t}p1r0`, `t${t}p1r1`, `t${t}p1r2`]);
    }
    expect(openFileCount()).toBeLessThanOrEqual(3);
    await store.close();
    expect(openFileCount()).toBe(0);
  });
});
