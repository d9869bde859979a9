import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { crc32c, encodeProduceBody, encodeRecordBatch, recordBytes, type OutgoingRecord } from './record-batch.ts';

// kafkajs's own decoder and encoder are the reference: they are what reads and writes batches for every kafkajs client.
const require = createRequire(import.meta.url);
const Decoder = require('kafkajs/src/protocol/decoder.js') as new (buffer: Buffer) => { readInt32(): number };
const decodeBatch = require('kafkajs/src/protocol/recordBatch/v0/decoder.js') as (decoder: unknown) => Promise<KafkajsBatch>;
const kafkajsCrc = require('kafkajs/src/protocol/recordBatch/crc32C/index.js') as (buffer: Buffer) => number;
const produceV3 = require('kafkajs/src/protocol/requests/produce/v3/request.js') as (options: object) => { encode(): Promise<{ buffer: Buffer }> };

interface KafkajsBatch {
  firstOffset: string;
  firstTimestamp: string;
  maxTimestamp: string;
  lastOffsetDelta: number;
  producerId: string;
  inTransaction: boolean;
  records: Array<{ key: Buffer | null; value: Buffer | null; timestamp: string; offset: string; headers: Record<string, Buffer | null | Array<Buffer | null>> }>;
}

const decode = (batch: Buffer): Promise<KafkajsBatch> => decodeBatch(new Decoder(batch));

const NOW = 1_700_000_000_000;

const records: OutgoingRecord[] = [
  { key: Buffer.from('user-1'), value: Buffer.from('{"amount":42}') },
  { key: null, value: null },
  { key: Buffer.alloc(0), value: Buffer.alloc(0), timestamp: NOW - 5000 },
  {
    key: Buffer.from('k'),
    value: Buffer.from([0, 1, 255]),
    headers: { trace: [Buffer.from('abc'), Buffer.from('def')], bin: Buffer.from([0, 1, 255]), none: null, 'clé ✓': Buffer.from('ü') },
    timestamp: NOW + 3_000_000_000, // a delta beyond 2^31 ms
  },
  { key: null, value: Buffer.alloc(70_000, 7) }, // length varints of three bytes
  { key: 'clé ✓', value: '{"text":"日本 ü"}' }, // text, written as UTF-8
  { key: '', value: 'x'.repeat(300) },
  ...Array.from({ length: 200 }, (_, i): OutgoingRecord => ({ key: Buffer.from(`key-${i}`), value: Buffer.from(`value-${i}`) })),
];

describe('record batch encoder', () => {
  it('computes CRC-32C like kafkajs and the standard check value', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
    for (const size of [0, 1, 15, 16, 17, 100, 4099]) {
      const bytes = Buffer.from(Array.from({ length: size }, (_, i) => (i * 31 + size) & 0xff));
      expect(crc32c(bytes), `size ${size}`).toBe(kafkajsCrc(bytes));
    }
  });

  it('writes a batch that kafkajs decodes to the same records, timestamps, headers and offsets', async () => {
    const batch = encodeRecordBatch(records, NOW);
    const decoded = await decode(batch);
    expect(decoded.records).toHaveLength(records.length);
    expect(decoded.lastOffsetDelta).toBe(records.length - 1);
    expect(decoded.producerId).toBe('-1');
    expect(decoded.inTransaction).toBe(false);
    expect(decoded.firstTimestamp).toBe(String(NOW - 5000));
    expect(decoded.maxTimestamp).toBe(String(NOW + 3_000_000_000));
    decoded.records.forEach((got, i) => {
      const want = records[i] as OutgoingRecord;
      expect(got.offset).toBe(String(i));
      expect(got.timestamp).toBe(String(want.timestamp ?? NOW));
      const bytes = (b: Buffer | string | null): Buffer | null => (typeof b === 'string' ? Buffer.from(b, 'utf8') : b);
      expect(got.key).toEqual(bytes(want.key));
      expect(got.value).toEqual(bytes(want.value));
      expect(got.headers).toEqual(want.headers ?? {});
    });
  });

  it('checksums from the attributes to the end, as brokers verify', () => {
    const batch = encodeRecordBatch(records, NOW);
    expect(batch.readUInt32BE(17)).toBe(kafkajsCrc(batch.subarray(21)));
    expect(batch.readInt32BE(8)).toBe(batch.length - 12);
    expect(batch.readInt8(16)).toBe(2);
    expect(batch.readInt16BE(21)).toBe(0);
  });

  it('writes the records section byte for byte as kafkajs does', async () => {
    // kafkajs cannot encode null header values (Kafka allows them; the decoding test covers them).
    const stamped = records.map((r, i) => ({
      ...r,
      headers: r.headers && Object.fromEntries(Object.entries(r.headers).filter(([, v]) => v !== null)),
      timestamp: r.timestamp ?? NOW + i,
    }));
    const ours = encodeProduceBody({ topic: 'tôpic', partition: 2, acks: -1, timeoutMs: 30_000 }, stamped, NOW);
    const theirs = (
      await produceV3({
        acks: -1,
        timeout: 30_000,
        topicData: [{ topic: 'tôpic', partitions: [{ partition: 2, messages: stamped.map((r) => ({ ...r, timestamp: String(r.timestamp) })) }] }],
      }).encode()
    ).buffer;
    // Same request fields, topic, partition and sizes; in the batch header kafkajs writes 0 where Java's producer
    // (and this encoder) write -1 for "none" (partition leader epoch, producer epoch, base sequence), hence another CRC.
    expect(ours.length).toBe(theirs.length);
    const batchAt = ours.length - encodeRecordBatch(stamped, NOW).length;
    expect(ours.subarray(0, batchAt)).toEqual(theirs.subarray(0, batchAt));
    expect(ours.subarray(batchAt + 21)).toEqual(theirs.subarray(batchAt + 21).fill(0xff, 30, 32).fill(0xff, 32, 36));
    expect(ours.readInt32BE(batchAt + 12)).toBe(-1);
  });

  it('estimates at least the bytes a record takes', () => {
    for (const record of records) expect(recordBytes(record)).toBeGreaterThanOrEqual(encodeRecordBatch([record], NOW).length - 61);
  });
});
