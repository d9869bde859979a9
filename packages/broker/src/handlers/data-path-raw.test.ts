// Produce/Fetch/ListOffsets at the byte level, at every version: legacy message sets in, down-converted message
// sets out, acks=0 silence, per-partition errors, and a long-poll woken by an append.
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors.ts';
import type { FetchResponse } from '../protocol/generated/messages.ts';
import { readBatchHeader } from '../records/batch.ts';
import { encodeLegacyMessage, flattenMessages, parseMessageSet } from '../records/legacy.ts';
import { buildBatch, decodeBatch } from '../records/record.ts';
import { startTestBroker, type TestBroker } from '../server/testing.ts';
import { TypedClient } from './typed-client.test-util.ts';

let broker: TestBroker;
let client: TypedClient;

beforeAll(async () => {
  broker = await startTestBroker({ autoCreateTopics: false });
  await broker.store.createTopic('t', 2);
  client = new TypedClient(broker.port);
  await client.raw.ready;
});

afterAll(async () => {
  client?.end();
  await broker?.destroy();
});

const v2 = (values: string[], ts = 1_700_000_000_000n) => buildBatch(values.map((v, i) => ({ key: Buffer.from(`k-${v}`), value: Buffer.from(v), timestamp: ts + BigInt(i) })));

function produce(version: number, records: Buffer, opts: { acks?: number; topic?: string; partition?: number } = {}) {
  return client.call('Produce', version, {
    transactionalId: null, acks: opts.acks ?? 1, timeoutMs: 5000,
    topicData: [{ name: opts.topic ?? 't', partitionData: [{ index: opts.partition ?? 0, records }] }],
  });
}

function fetch(version: number, offset: bigint, opts: { maxWaitMs?: number; minBytes?: number; partitionMaxBytes?: number; partition?: number; topic?: string } = {}) {
  return client.call('Fetch', version, {
    replicaId: -1, maxWaitMs: opts.maxWaitMs ?? 0, minBytes: opts.minBytes ?? 0, maxBytes: 1 << 20, isolationLevel: 0, sessionId: 0, sessionEpoch: -1,
    topics: [{ topic: opts.topic ?? 't', partitions: [{ partition: opts.partition ?? 0, fetchOffset: offset, partitionMaxBytes: opts.partitionMaxBytes ?? 1 << 20, currentLeaderEpoch: -1, logStartOffset: -1n }] }],
    forgottenTopicsData: [], rackId: '', clusterId: null,
  });
}

function partitionOf(res: FetchResponse) {
  const p = res.responses[0]?.partitions[0];
  if (!p) throw new Error('no partition in response');
  return p;
}

function recordsBuffer(records: unknown): Buffer {
  if (records === null) return Buffer.alloc(0);
  return Buffer.isBuffer(records) ? records : Buffer.concat(records as Buffer[]);
}

describe('Produce and Fetch at every version', () => {
  it('takes v2 batches on Produce v3-8 and legacy message sets on v0-2, all up-converted and readable', async () => {
    let expected = 0n;
    for (let version = 0; version <= 8; version++) {
      const records = version >= 3
        ? v2([`a${version}`, `b${version}`])
        : Buffer.concat([`a${version}`, `b${version}`].map((v, i) => encodeLegacyMessage(version === 2 ? 1 : 0, BigInt(i), Buffer.from(`k-${v}`), Buffer.from(v), 1_700_000_000_000n + BigInt(i))));
      const res = await produce(version, records);
      const p = res.responses[0]?.partitionResponses[0];
      expect(p, `Produce v${version}`).toMatchObject({ index: 0, errorCode: 0, baseOffset: expected });
      if (version >= 5) expect(p?.logStartOffset).toBe(0n);
      expected += 2n;
    }
    const fetched = partitionOf(await fetch(11, 0n));
    const batches = recordsBuffer(fetched.records);
    const values: string[] = [];
    for (let pos = 0; pos < batches.length; ) {
      const size = 12 + batches.readInt32BE(pos + 8);
      values.push(...decodeBatch(batches.subarray(pos, pos + size)).map((r) => r.value?.toString() ?? ''));
      pos += size;
    }
    expect(values).toEqual(Array.from({ length: 9 }, (_, v) => [`a${v}`, `b${v}`]).flat());
    expect(fetched).toMatchObject({ errorCode: 0, highWatermark: 18n, lastStableOffset: 18n, logStartOffset: 0n, abortedTransactions: [], preferredReadReplica: -1 });
  });

  it('down-converts to magic 0 for Fetch v0-1 and magic 1 for v2-3; v4+ gets the stored batches', async () => {
    for (let version = 0; version <= 11; version++) {
      const p = partitionOf(await fetch(version, 4n));
      expect(p.errorCode, `Fetch v${version}`).toBe(0);
      expect(p.highWatermark).toBe(18n);
      const bytes = recordsBuffer(p.records);
      if (version <= 3) {
        const msgs = flattenMessages(parseMessageSet(bytes));
        expect(msgs.every((m) => m.magic === (version <= 1 ? 0 : 1))).toBe(true);
        expect(msgs[0]).toMatchObject({ offset: 4n });
        expect(msgs.map((m) => m.value?.toString()).slice(0, 2)).toEqual(['a2', 'b2']);
        if (version >= 2) expect(msgs[0]!.timestamp).toBe(1_700_000_000_000n);
      } else {
        expect(bytes.readInt8(16)).toBe(2);
        expect(readBatchHeader(bytes).baseOffset).toBe(4n);
      }
    }
  });

  it('leaves out records before the fetch offset when down-converting', async () => {
    for (const version of [0, 2]) {
      const msgs = flattenMessages(parseMessageSet(recordsBuffer(partitionOf(await fetch(version, 5n)).records)));
      expect(msgs[0]).toMatchObject({ offset: 5n });
      expect(msgs[0]?.value?.toString()).toBe('b2');
    }
  });

  it('refuses client writes to internal topics', async () => {
    await broker.store.createTopic('__internal', 1, {}, { internal: true });
    const res = await produce(8, v2(['x']), { topic: '__internal' });
    expect(res.responses[0]?.partitionResponses[0]?.errorCode).toBe(ErrorCode.INVALID_TOPIC_EXCEPTION);
  });

  it('returns at least one whole batch even when it is bigger than partition_max_bytes', async () => {
    const p = partitionOf(await fetch(11, 0n, { partitionMaxBytes: 10 }));
    const bytes = recordsBuffer(p.records);
    expect(bytes.length).toBe(12 + bytes.readInt32BE(8));
  });

  it('lets only the first partition with data exceed the response max_bytes', async () => {
    await broker.store.createTopic('two', 2);
    for (const partition of [0, 1]) await produce(8, v2(['x'.repeat(300)]), { topic: 'two', partition });
    const res = await client.call('Fetch', 11, {
      replicaId: -1, maxWaitMs: 0, minBytes: 0, maxBytes: 10, isolationLevel: 0, sessionId: 0, sessionEpoch: -1,
      topics: [{ topic: 'two', partitions: [0, 1].map((partition) => ({ partition, fetchOffset: 0n, partitionMaxBytes: 1 << 20, currentLeaderEpoch: -1, logStartOffset: -1n })) }],
      forgottenTopicsData: [], rackId: '',
    });
    const [p0, p1] = res.responses[0]!.partitions;
    expect(recordsBuffer(p0!.records).length).toBeGreaterThan(300);
    expect(recordsBuffer(p1!.records).length).toBe(0);
    expect(p1!.highWatermark).toBe(1n);
  });

  it('answers OFFSET_OUT_OF_RANGE past the end and UNKNOWN_TOPIC_OR_PARTITION for unknown partitions', async () => {
    expect(partitionOf(await fetch(11, 1000n)).errorCode).toBe(ErrorCode.OFFSET_OUT_OF_RANGE);
    expect(partitionOf(await fetch(11, 0n, { partition: 9 })).errorCode).toBe(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    expect(partitionOf(await fetch(4, 0n, { topic: 'nope' })).errorCode).toBe(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    const res = await produce(8, v2(['x']), { topic: 'nope' });
    expect(res.responses[0]?.partitionResponses[0]).toMatchObject({ errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, baseOffset: -1n });
    const bad = await produce(8, v2(['x']), { partition: 2 });
    expect(bad.responses[0]?.partitionResponses[0]?.errorCode).toBe(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  });

  it('rejects bad acks, corrupt batches and oversized batches per partition, with messages on v8', async () => {
    expect((await produce(8, v2(['x']), { acks: 2 })).responses[0]?.partitionResponses[0]?.errorCode).toBe(ErrorCode.INVALID_REQUIRED_ACKS);
    const corrupt = v2(['corrupt me']);
    corrupt[corrupt.length - 2]! ^= 0xff;
    const res = (await produce(8, corrupt)).responses[0]?.partitionResponses[0];
    expect(res?.errorCode).toBe(ErrorCode.CORRUPT_MESSAGE);
    expect(res?.errorMessage).toMatch(/CRC/);
    await broker.store.createTopic('small', 1, { 'max.message.bytes': '100' });
    const big = (await produce(8, v2(['y'.repeat(500)]), { topic: 'small' })).responses[0]?.partitionResponses[0];
    expect(big?.errorCode).toBe(ErrorCode.MESSAGE_TOO_LARGE);
  });

  it('sends no response for acks=0 and still appends, in order with the requests around it', async () => {
    const before = broker.store.partition('t', 1)!.logEndOffset();
    client.send('Produce', 8, { transactionalId: null, acks: 0, timeoutMs: 1000, topicData: [{ name: 't', partitionData: [{ index: 1, records: v2(['silent']) }] }] });
    const after = await produce(8, v2(['loud']), { partition: 1 });
    // The next frame on the wire is the acks=1 response: the acks=0 request produced none.
    expect(after.responses[0]?.partitionResponses[0]).toMatchObject({ errorCode: 0, baseOffset: before + 1n });
  });

  it('stamps LogAppendTime topics and reports the time', async () => {
    await broker.store.createTopic('lat', 1, { 'message.timestamp.type': 'LogAppendTime' });
    const res = (await produce(8, v2(['t']), { topic: 'lat' })).responses[0]?.partitionResponses[0];
    expect(res?.logAppendTimeMs).toBeGreaterThan(0n);
    const bytes = recordsBuffer(partitionOf(await fetch(11, 0n, { topic: 'lat' })).records);
    expect(readBatchHeader(bytes)).toMatchObject({ timestampType: 'LogAppendTime', maxTimestamp: res?.logAppendTimeMs });
  });
});

describe('Fetch v12-13 (flexible; v13 names topics by id)', () => {
  it('serves v12 by name and v13 by topic id, echoing the id, and answers UNKNOWN_TOPIC_ID for an id that matches nothing', async () => {
    await broker.store.createTopic('flex', 1);
    await produce(8, v2(['flex-1', 'flex-2']), { topic: 'flex' });
    const byName = partitionOf(await fetch(12, 0n, { topic: 'flex' }));
    expect(byName.errorCode).toBe(0);
    expect(decodeBatch(recordsBuffer(byName.records)).map((r) => r.value?.toString())).toEqual(['flex-1', 'flex-2']);

    const id = broker.store.getTopic('flex')?.id ?? '';
    const byIdRequest = (topicId: string) =>
      client.call('Fetch', 13, {
        replicaId: -1, maxWaitMs: 0, minBytes: 0, maxBytes: 1 << 20, isolationLevel: 0, sessionId: 0, sessionEpoch: -1,
        topics: [{ topicId, partitions: [{ partition: 0, fetchOffset: 1n, partitionMaxBytes: 1 << 20, currentLeaderEpoch: -1, logStartOffset: -1n }] }],
        forgottenTopicsData: [], rackId: '', clusterId: null,
      });
    const res = await byIdRequest(id);
    expect(res.responses[0]?.topicId).toBe(id);
    const p = partitionOf(res);
    expect(p).toMatchObject({ errorCode: 0, highWatermark: 2n });
    expect(decodeBatch(recordsBuffer(p.records)).map((r) => r.value?.toString())).toContain('flex-2');

    const unknown = await byIdRequest('00000000-0000-4000-8000-00000000beef');
    expect(partitionOf(unknown).errorCode).toBe(ErrorCode.UNKNOWN_TOPIC_ID);
  });
});

describe('Fetch long-poll', () => {
  it('parks until an append arrives (max_wait far beyond the test timeout), then returns the new batch', async () => {
    await broker.store.createTopic('lp', 1);
    const other = new TypedClient(broker.port);
    await other.raw.ready;
    const parked = other.call('Fetch', 11, {
      replicaId: -1, maxWaitMs: 600_000, minBytes: 1, maxBytes: 1 << 20, isolationLevel: 0, sessionId: 0, sessionEpoch: -1,
      topics: [{ topic: 'lp', partitions: [{ partition: 0, fetchOffset: 0n, partitionMaxBytes: 1 << 20, currentLeaderEpoch: -1, logStartOffset: -1n }] }],
      forgottenTopicsData: [], rackId: '',
    });
    let settled = false;
    void parked.then(() => (settled = true));
    await produce(8, v2(['not yet']), { topic: 't' }); // an append elsewhere does not wake it
    expect(settled).toBe(false);
    await produce(8, v2(['wake']), { topic: 'lp' });
    const p = partitionOf(await parked);
    expect(decodeBatch(recordsBuffer(p.records)).map((r) => r.value?.toString())).toEqual(['wake']);
    other.end();
  });

  it('returns at max_wait_ms with nothing when nothing arrives', async () => {
    const p = partitionOf(await fetch(11, broker.store.partition('t', 0)!.logEndOffset(), { maxWaitMs: 50, minBytes: 1 }));
    expect(p.errorCode).toBe(0);
    expect(recordsBuffer(p.records).length).toBe(0);
  });
});

describe('ListOffsets', () => {
  it('answers latest/earliest/timestamp in v1-5 and the old offsets list in v0', async () => {
    await broker.store.createTopic('lo', 1);
    for (let i = 0; i < 5; i++) await produce(8, v2([`v${i}`], 5000n + BigInt(i) * 100n), { topic: 'lo' });
    const list = (version: number, timestamp: bigint) =>
      client.call('ListOffsets', version, { replicaId: -1, isolationLevel: 0, topics: [{ name: 'lo', partitions: [{ partitionIndex: 0, timestamp, maxNumOffsets: 10, currentLeaderEpoch: -1 }] }] });
    for (let version = 1; version <= 5; version++) {
      expect((await list(version, -1n)).topics[0]?.partitions[0]).toMatchObject({ errorCode: 0, offset: 5n });
      expect((await list(version, -2n)).topics[0]?.partitions[0]).toMatchObject({ errorCode: 0, offset: 0n });
      expect((await list(version, 5250n)).topics[0]?.partitions[0]).toMatchObject({ errorCode: 0, offset: 3n, timestamp: 5300n });
      expect((await list(version, 99_999n)).topics[0]?.partitions[0]).toMatchObject({ errorCode: 0, offset: -1n });
    }
    expect((await list(0, -1n)).topics[0]?.partitions[0]).toMatchObject({ errorCode: 0, oldStyleOffsets: [5n, 0n] });
    expect((await list(0, -2n)).topics[0]?.partitions[0]).toMatchObject({ errorCode: 0, oldStyleOffsets: [0n] });
  });
});

describe('InitProducerId and DeleteRecords', () => {
  it('hands out increasing producer ids and refuses transactional ids', async () => {
    const a = await client.call('InitProducerId', 1, { transactionalId: null, transactionTimeoutMs: 1000 });
    const b = await client.call('InitProducerId', 0, { transactionalId: null, transactionTimeoutMs: 1000 });
    expect(a).toMatchObject({ errorCode: 0, producerEpoch: 0 });
    expect(b.producerId).toBeGreaterThan(a.producerId);
    expect((await client.call('InitProducerId', 1, { transactionalId: 'tx', transactionTimeoutMs: 1000 })).errorCode).not.toBe(0);
  });

  it('moves the low watermark, -1 meaning the high watermark', async () => {
    await broker.store.createTopic('dr', 1);
    for (let i = 0; i < 3; i++) await produce(8, v2([`v${i}`]), { topic: 'dr' });
    const del = (offset: bigint) => client.call('DeleteRecords', 1, { timeoutMs: 1000, topics: [{ name: 'dr', partitions: [{ partitionIndex: 0, offset }] }] });
    expect((await del(1n)).topics[0]?.partitions[0]).toMatchObject({ errorCode: 0, lowWatermark: 1n });
    expect((await del(-1n)).topics[0]?.partitions[0]).toMatchObject({ errorCode: 0, lowWatermark: 3n });
    expect((await del(10n)).topics[0]?.partitions[0]?.errorCode).toBe(ErrorCode.OFFSET_OUT_OF_RANGE);
    expect(partitionOf(await fetch(11, 0n, { topic: 'dr' })).errorCode).toBe(ErrorCode.OFFSET_OUT_OF_RANGE);
  });
});

describe('restart over a torn segment', () => {
  it('serves every whole batch after the last bytes of the active segment were lost, and appends after them', async () => {
    const b = await startTestBroker({ fsync: true });
    const dataDir = b.dataDir;
    await b.store.createTopic('torn', 1);
    const c = new TypedClient(b.port);
    await c.raw.ready;
    for (let i = 0; i < 5; i++) {
      await c.call('Produce', 8, { transactionalId: null, acks: -1, timeoutMs: 1000, topicData: [{ name: 'torn', partitionData: [{ index: 0, records: v2([`r${i}`]) }] }] });
    }
    c.end();
    await b.close();
    const file = join(dataDir, 'torn-0', '00000000000000000000.log');
    const { size } = await stat(file);
    const fh = await open(file, 'r+');
    await fh.truncate(size - 3);
    await fh.close();

    const again = await startTestBroker({ dataDir, fsync: true });
    const c2 = new TypedClient(again.port);
    await c2.raw.ready;
    const res = await c2.call('Produce', 8, { transactionalId: null, acks: -1, timeoutMs: 1000, topicData: [{ name: 'torn', partitionData: [{ index: 0, records: v2(['after']) }] }] });
    expect(res.responses[0]?.partitionResponses[0]).toMatchObject({ errorCode: 0, baseOffset: 4n });
    const fetched = await c2.call('Fetch', 11, {
      replicaId: -1, maxWaitMs: 0, minBytes: 0, maxBytes: 1 << 20, isolationLevel: 0, sessionId: 0, sessionEpoch: -1,
      topics: [{ topic: 'torn', partitions: [{ partition: 0, fetchOffset: 0n, partitionMaxBytes: 1 << 20, currentLeaderEpoch: -1, logStartOffset: -1n }] }],
      forgottenTopicsData: [], rackId: '',
    });
    const bytes = recordsBuffer(partitionOf(fetched).records);
    const values: string[] = [];
    for (let pos = 0; pos < bytes.length; pos += 12 + bytes.readInt32BE(pos + 8)) {
      values.push(...decodeBatch(bytes.subarray(pos, pos + 12 + bytes.readInt32BE(pos + 8))).map((r) => r.value?.toString() ?? ''));
    }
    expect(values).toEqual(['r0', 'r1', 'r2', 'r3', 'after']);
    c2.end();
    await again.destroy();
  });
});
