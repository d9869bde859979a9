import { mkdtemp, rm, readdir, stat, truncate, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FilePartitionLog, type PartitionEnv } from './partition-log.ts';
import { resolveTopicConfig } from './topic-config.ts';
import { KafkaError } from '../errors.ts';
import { buildBatch, decodeBatch } from '../records/record.ts';
import { readBatchHeader } from '../records/batch.ts';

let dir: string;
let clock = 1_000_000;
const events: Array<{ level: string; msg: string; obj: object }> = [];
const logger = {
  info: (obj: object, msg: string) => events.push({ level: 'info', msg, obj }),
  warn: (obj: object, msg: string) => events.push({ level: 'warn', msg, obj }),
  error: (obj: object, msg: string) => events.push({ level: 'error', msg, obj }),
};
const env: PartitionEnv = { fsync: true, now: () => clock, logger };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'brook-plog-'));
  clock = 1_000_000;
  events.length = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function batch(values: string[], opts: { ts?: bigint; pid?: bigint; epoch?: number; seq?: number } = {}): Buffer {
  return buildBatch(
    values.map((v, i) => ({ key: null, value: Buffer.from(v), timestamp: (opts.ts ?? 1000n) + BigInt(i) })),
    { producerId: opts.pid, producerEpoch: opts.epoch, baseSequence: opts.seq },
  );
}

const open1 = (configs: Record<string, string> = {}, e: PartitionEnv = env) => FilePartitionLog.open(join(dir, 't-0'), 't', 0, resolveTopicConfig(configs), e);

async function readAll(log: FilePartitionLog, from = log.logStartOffset()): Promise<string[]> {
  const out: string[] = [];
  let offset = from;
  while (offset < log.logEndOffset()) {
    const { chunks } = await log.read(offset, 1024);
    for (const c of chunks) {
      for (const r of decodeBatch(c)) {
        if (r.offset >= offset) out.push(`${r.offset}:${r.value?.toString()}`);
      }
      offset = readBatchHeader(c).baseOffset + BigInt(readBatchHeader(c).lastOffsetDelta) + 1n;
    }
  }
  return out;
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'none';
  } catch (err) {
    if (err instanceof KafkaError) return err.errorName;
    throw err;
  }
}

describe('partition log', () => {
  it('assigns offsets, reads whole batches from any offset, and survives reopen', async () => {
    let log = await open1();
    const r1 = await log.append([batch(['a', 'b', 'c'])], 'fsync');
    const r2 = await log.append([batch(['d']), batch(['e', 'f'])], 'os');
    expect(r1).toMatchObject({ baseOffset: 0n, lastOffset: 2n, duplicate: false, logAppendTimeMs: -1n });
    expect(r2).toMatchObject({ baseOffset: 3n, lastOffset: 5n });
    expect(log.logEndOffset()).toBe(6n);
    const mid = await log.read(1n, 1);
    expect(mid.chunks).toHaveLength(1); // the batch containing offset 1, even though it is bigger than 1 byte
    expect(readBatchHeader(mid.chunks[0]!).baseOffset).toBe(0n);
    expect(await readAll(log)).toEqual(['0:a', '1:b', '2:c', '3:d', '4:e', '5:f']);
    expect((await log.read(6n, 100)).chunks).toEqual([]);
    expect(await codeOf(log.read(7n, 100))).toBe('OFFSET_OUT_OF_RANGE');
    await log.close();
    log = await open1();
    expect(log.logEndOffset()).toBe(6n);
    expect(await readAll(log)).toEqual(['0:a', '1:b', '2:c', '3:d', '4:e', '5:f']);
    await log.append([batch(['g'])], 'os');
    expect(await readAll(log, 5n)).toEqual(['5:f', '6:g']);
    await log.close();
  });

  it('coalesces concurrent appends and keeps their order', async () => {
    const log = await open1();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => log.append([batch([`v${i}`])], i % 2 ? 'fsync' : 'os')));
    expect(results.map((r) => r.baseOffset)).toEqual(Array.from({ length: 50 }, (_, i) => BigInt(i)));
    expect((await readAll(log)).slice(-2)).toEqual(['48:v48', '49:v49']);
    await log.close();
  });

  it('rolls segments by size, indexes them, and finds offsets across segments after reopen', async () => {
    let log = await open1({ 'segment.bytes': '1000', 'index.interval.bytes': '200' });
    for (let i = 0; i < 100; i++) await log.append([batch([`value-${i}`.padEnd(40, '.')], { ts: 1000n + BigInt(i) * 10n })], 'os');
    expect(log.segmentCount()).toBeGreaterThan(5);
    const files = await readdir(join(dir, 't-0'));
    expect(files).toContain('00000000000000000000.log');
    expect(files.some((f) => /^\d{20}\.index$/.test(f) && f !== '00000000000000000000.index')).toBe(true);
    await log.close();
    log = await open1({ 'segment.bytes': '1000', 'index.interval.bytes': '200' });
    const all = await readAll(log);
    expect(all).toHaveLength(100);
    expect(all[57]).toMatch(/^57:value-57\./);
    expect(await readAll(log, 99n)).toHaveLength(1);
    expect(await log.offsetForTimestamp(1000n + 43n * 10n)).toEqual({ offset: 43n, timestampMs: 1430n });
    expect(await log.offsetForTimestamp(1000n + 43n * 10n - 5n)).toEqual({ offset: 43n, timestampMs: 1430n });
    expect(await log.offsetForTimestamp(0n)).toEqual({ offset: 0n, timestampMs: 1000n });
    expect(await log.offsetForTimestamp(99999n)).toBeUndefined();
    await log.close();
  });

  it('finds the exact record for a timestamp inside a batch, compressed or not', async () => {
    const log = await open1();
    await log.append([batch(['a', 'b', 'c', 'd', 'e'], { ts: 1000n })], 'os');
    const gz = buildBatch(['f', 'g', 'h'].map((v, i) => ({ key: null, value: Buffer.from(v), timestamp: 2000n + BigInt(i) })), { codec: 1, compress: (b) => gzipSync(b) });
    await log.append([gz], 'os');
    expect(await log.offsetForTimestamp(1002n)).toEqual({ offset: 2n, timestampMs: 1002n });
    expect(await log.offsetForTimestamp(1500n)).toEqual({ offset: 5n, timestampMs: 2000n });
    expect(await log.offsetForTimestamp(2002n)).toEqual({ offset: 7n, timestampMs: 2002n });
    await log.deleteRecordsBefore(3n);
    expect(await log.offsetForTimestamp(1000n)).toEqual({ offset: 3n, timestampMs: 1003n });
    await log.close();
  });

  it('fills a read across segment boundaries without leaving holes', async () => {
    const log = await open1({ 'segment.bytes': '300' });
    for (let i = 0; i < 12; i++) await log.append([batch([`v${i}`.padEnd(30, '.')])], 'os');
    expect(log.segmentCount()).toBeGreaterThan(3);
    const size = (await log.read(0n, 1)).bytes; // one batch
    for (const maxBytes of [size, size * 2 + 5, size * 3, size * 5 + 1, size * 12]) {
      const { chunks, bytes } = await log.read(0n, maxBytes);
      expect(bytes).toBeLessThanOrEqual(Math.max(maxBytes, size));
      expect(chunks.length).toBe(Math.min(12, Math.max(1, Math.floor(maxBytes / size))));
      expect(chunks.map((c) => readBatchHeader(c).baseOffset)).toEqual(chunks.map((_, i) => BigInt(i)));
    }
    await log.close();
  });

  it('rolls by segment.ms', async () => {
    const log = await open1({ 'segment.ms': '1000' });
    await log.append([batch(['a'])], 'os');
    clock += 2000;
    await log.append([batch(['b'])], 'os');
    expect(log.segmentCount()).toBe(2);
    await log.close();
  });

  it('stamps LogAppendTime with a valid CRC', async () => {
    const log = await open1({ 'message.timestamp.type': 'LogAppendTime' });
    const r = await log.append([batch(['a'])], 'os');
    expect(r.logAppendTimeMs).toBe(BigInt(clock));
    await log.close();
    const again = await open1({ 'message.timestamp.type': 'LogAppendTime' });
    const [chunk] = (await again.read(0n, 100)).chunks;
    expect(readBatchHeader(chunk!)).toMatchObject({ timestampType: 'LogAppendTime', maxTimestamp: BigInt(clock) });
    expect(again.logEndOffset()).toBe(1n); // recovery verified the re-checksummed batch
    await again.close();
  });

  it('rejects a batch over max.message.bytes', async () => {
    const log = await open1({ 'max.message.bytes': '100' });
    expect(await codeOf(log.append([batch(['x'.repeat(200)])], 'os'))).toBe('MESSAGE_TOO_LARGE');
    await log.close();
  });

  it('acknowledges idempotent duplicates without writing, and rejects gaps and stale epochs', async () => {
    let log = await open1();
    const pid = 7n;
    const first = await log.append([batch(['a', 'b'], { pid, epoch: 0, seq: 0 })], 'os');
    await log.append([batch(['c'], { pid, epoch: 0, seq: 2 })], 'os');
    const dup = await log.append([batch(['a', 'b'], { pid, epoch: 0, seq: 0 })], 'os');
    expect(dup).toMatchObject({ duplicate: true, baseOffset: first.baseOffset, lastOffset: first.lastOffset });
    expect(log.logEndOffset()).toBe(3n);
    expect(await codeOf(log.append([batch(['z'], { pid, epoch: 0, seq: 5 })], 'os'))).toBe('OUT_OF_ORDER_SEQUENCE_NUMBER');
    await log.close();
    // Rebuilt from the log on open.
    log = await open1();
    expect((await log.append([batch(['c'], { pid, epoch: 0, seq: 2 })], 'os')).duplicate).toBe(true);
    await log.append([batch(['d'], { pid, epoch: 1, seq: 0 })], 'os');
    expect(await codeOf(log.append([batch(['e'], { pid, epoch: 0, seq: 3 })], 'os'))).toBe('INVALID_PRODUCER_EPOCH');
    expect(await codeOf(log.append([batch(['e'], { pid, epoch: 2, seq: 1 })], 'os'))).toBe('OUT_OF_ORDER_SEQUENCE_NUMBER');
    expect(await readAll(log)).toEqual(['0:a', '1:b', '2:c', '3:d']);
    await log.close();
  });

  it('keeps producer state across rolls and restarts through the snapshot, even without a clean close', async () => {
    const cfg = { 'segment.bytes': '400' };
    const log = await open1(cfg);
    const pid = 42n;
    for (let i = 0; i < 12; i++) await log.append([batch([`v${i}`.padEnd(40, '.')], { pid, epoch: 3, seq: i })], 'os');
    expect(log.segmentCount()).toBeGreaterThan(2);
    // A second instance opens the files as a crash would leave them (no close, no final snapshot).
    const crashed = await open1(cfg);
    const dup = await crashed.append([batch(['v7'.padEnd(40, '.')], { pid, epoch: 3, seq: 7 })], 'os');
    expect(dup.duplicate).toBe(true);
    expect(dup.baseOffset).toBe(7n);
    expect(await codeOf(crashed.append([batch(['old'], { pid, epoch: 2, seq: 12 })], 'os'))).toBe('INVALID_PRODUCER_EPOCH');
    await crashed.close();
    await log.close();
  });

  it('ignores a producer snapshot whose position was torn away, and rebuilds state from the log', async () => {
    let log = await open1();
    const pid = 9n;
    for (let i = 0; i < 4; i++) await log.append([batch([`v${i}`], { pid, epoch: 0, seq: i })], 'os');
    await log.close(); // snapshot as of 4 batches
    const file = join(dir, 't-0', '00000000000000000000.log');
    await truncate(file, (await stat(file)).size - 5); // tear the 4th batch
    log = await open1();
    expect(log.logEndOffset()).toBe(3n);
    // The torn batch is not a duplicate any more: its retry is appended.
    const retry = await log.append([batch(['v3'], { pid, epoch: 0, seq: 3 })], 'os');
    expect(retry).toMatchObject({ duplicate: false, baseOffset: 3n });
    await log.close();
  });

  it('truncates a torn tail on open and keeps every whole batch', async () => {
    let log = await open1();
    for (let i = 0; i < 10; i++) await log.append([batch([`v${i}`, `w${i}`])], 'fsync');
    await log.close();
    const file = join(dir, 't-0', '00000000000000000000.log');
    const size = (await stat(file)).size;
    await truncate(file, size - 7);
    log = await open1();
    expect(log.logEndOffset()).toBe(18n);
    expect(events).toContainEqual(expect.objectContaining({ level: 'warn', msg: 'truncated a torn or corrupt log tail' }));
    expect((await stat(file)).size).toBeLessThan(size - 7);
    await log.append([batch(['after'])], 'os');
    expect((await readAll(log)).slice(-2)).toEqual(['17:w8', '18:after']);
    await log.close();
  });

  it('truncates at a corrupted batch (bad CRC) and at garbage appended after the last batch', async () => {
    let log = await open1();
    for (let i = 0; i < 5; i++) await log.append([batch([`v${i}`])], 'os');
    await log.close();
    const file = join(dir, 't-0', '00000000000000000000.log');
    const size = (await stat(file)).size;
    const fh = await open(file, 'r+');
    await fh.write(Buffer.from([0xff]), 0, 1, size - 2); // flip a byte in the last batch's value
    await fh.write(Buffer.alloc(100, 0), 0, 100, size); // zeroes past the end, as after a power loss
    await fh.close();
    log = await open1();
    expect(log.logEndOffset()).toBe(4n);
    expect(await readAll(log)).toEqual(['0:v0', '1:v1', '2:v2', '3:v3']);
    await log.close();
  });

  it('moves the log start with deleteRecordsBefore, persists it, and deletes whole segments', async () => {
    let log = await open1({ 'segment.bytes': '500' });
    for (let i = 0; i < 40; i++) await log.append([batch([`v${i}`.padEnd(30, '.')])], 'os');
    const segments = log.segmentCount();
    expect(await log.deleteRecordsBefore(25n)).toBe(25n);
    expect(log.logStartOffset()).toBe(25n);
    expect(log.segmentCount()).toBeLessThan(segments);
    expect(await codeOf(log.read(24n, 100))).toBe('OFFSET_OUT_OF_RANGE');
    expect((await readAll(log))[0]).toMatch(/^25:v25/);
    expect(await codeOf(log.deleteRecordsBefore(41n))).toBe('OFFSET_OUT_OF_RANGE');
    expect(await log.deleteRecordsBefore(3n)).toBe(25n);
    await log.close();
    log = await open1({ 'segment.bytes': '500' });
    expect(log.logStartOffset()).toBe(25n);
    expect(await log.offsetForTimestamp(0n)).toMatchObject({ offset: 25n });
    await log.close();
  });

  it('enforces retention.bytes and retention.ms, a bounded number of segments per pass, never the active one', async () => {
    const log = await open1({ 'segment.bytes': '300', 'retention.bytes': '600' });
    for (let i = 0; i < 40; i++) await log.append([batch([`v${i}`.padEnd(30, '.')], { ts: BigInt(clock) })], 'os');
    const before = log.segmentCount();
    expect(await log.enforceRetention()).toBe(4);
    while ((await log.enforceRetention()) > 0);
    expect(log.sizeBytes()).toBeLessThanOrEqual(600 + 300);
    expect(log.segmentCount()).toBeLessThan(before);
    expect(log.logStartOffset()).toBeGreaterThan(0n);
    await log.close();

    await rm(join(dir, 't-0'), { recursive: true });
    const timed = await open1({ 'segment.bytes': '300', 'retention.ms': '1000' });
    for (let i = 0; i < 20; i++) await timed.append([batch([`v${i}`.padEnd(30, '.')], { ts: BigInt(clock) })], 'os');
    expect(await timed.enforceRetention()).toBe(0);
    clock += 5000;
    while ((await timed.enforceRetention()) > 0);
    expect(timed.segmentCount()).toBe(1);
    expect(timed.logStartOffset()).toBeGreaterThan(0n);
    expect(timed.logEndOffset()).toBe(20n);
    await timed.close();
  });

  it('applies no time or size retention to a compact-only topic', async () => {
    const log = await open1({ 'segment.bytes': '300', 'retention.ms': '1000', 'retention.bytes': '300', 'cleanup.policy': 'compact' });
    for (let i = 0; i < 10; i++) await log.append([batch([`v${i}`.padEnd(30, '.')], { ts: BigInt(clock) })], 'os');
    const segments = log.segmentCount();
    clock += 5000;
    expect(await log.enforceRetention()).toBe(0);
    expect(log.segmentCount()).toBe(segments);
    log.setConfig(resolveTopicConfig({ 'segment.bytes': '300', 'retention.ms': '1000', 'cleanup.policy': 'compact,delete' }));
    expect(await log.enforceRetention()).toBeGreaterThan(0);
    await log.close();
  });

  it('ages segments without timestamps by their last write', async () => {
    const log = await open1({ 'segment.bytes': '300', 'retention.ms': '1000' });
    for (let i = 0; i < 10; i++) await log.append([batch([`v${i}`.padEnd(30, '.')], { ts: -1n })], 'os');
    expect(await log.enforceRetention()).toBe(0);
    clock += 5000;
    while ((await log.enforceRetention()) > 0);
    expect(log.segmentCount()).toBe(1);
    expect(events).toContainEqual(expect.objectContaining({ level: 'info', msg: 'deleted old log segments' }));
    await log.close();
  });

  it('wakes onAppend listeners', async () => {
    const log = await open1();
    let calls = 0;
    const off = log.onAppend(() => calls++);
    await log.append([batch(['a'])], 'os');
    off();
    await log.append([batch(['b'])], 'os');
    expect(calls).toBe(1);
    await log.close();
  });
});
