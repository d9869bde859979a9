// Records: CRC vectors, batches made by another implementation (kafkajs's encoders), legacy message sets in
// every codec (including magic-0 LZ4 with the broken header checksum), and round trips through down-conversion.
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import * as lz4 from 'lz4js';
import * as snappy from 'snappyjs';
import { describe, expect, it } from 'vitest';
import { KafkaError } from '../errors.ts';
import { crc32c } from './crc32c.ts';
import { Compression, readBatchHeader, stampBatch } from './batch.ts';
import { buildBatch, decodeBatch } from './record.ts';
import { compress, decompress, snappyCompress } from './compression.ts';
import { validateRecords } from './validate.ts';
import { encodeLegacyMessage, flattenMessages, parseMessageSet } from './legacy.ts';
import { downConvert } from './down-convert.ts';

const require = createRequire(import.meta.url);
interface KjsEncoder {
  buffer: Buffer;
}
const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0/index.js') as {
  RecordBatch: (a: Record<string, unknown>) => Promise<KjsEncoder>;
};
const KjsRecord = require('kafkajs/src/protocol/recordBatch/record/v0/index.js') as (a: Record<string, unknown>) => KjsEncoder;
const KjsMessageSet = require('kafkajs/src/protocol/messageSet/index.js') as (a: Record<string, unknown>) => KjsEncoder;
const kjsCrc32C = require('kafkajs/src/protocol/recordBatch/crc32C/index.js') as (b: Buffer) => number;

async function kafkajsBatch(values: string[], compression = 0): Promise<Buffer> {
  const records = values.map((v, i) => KjsRecord({ offsetDelta: i, timestampDelta: i, key: Buffer.from(`k${i}`), value: Buffer.from(v), headers: { h: 'x' } }));
  const enc = await RecordBatch({ compression, firstTimestamp: 1_700_000_000_000, maxTimestamp: 1_700_000_000_000 + values.length - 1, lastOffsetDelta: values.length - 1, records, producerId: -1 });
  return enc.buffer;
}

function kafkaError(fn: () => unknown): string {
  try {
    fn();
    return 'none';
  } catch (err) {
    if (err instanceof KafkaError) return err.errorName;
    throw err;
  }
}

describe('crc32c', () => {
  it('matches the RFC 3720 / iSCSI vectors', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
    expect(crc32c(Buffer.alloc(32, 0))).toBe(0x8a9136aa);
    expect(crc32c(Buffer.alloc(32, 0xff))).toBe(0x62a8ab43);
    expect(crc32c(Buffer.from(Array.from({ length: 32 }, (_, i) => i)))).toBe(0x46dd794e);
    expect(crc32c(Buffer.from(Array.from({ length: 32 }, (_, i) => 31 - i)))).toBe(0x113fdb5c);
  });

  it('agrees with kafkajs on every length and alignment, and continues across splits', () => {
    const data = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 131 + 7) & 0xff));
    for (const len of [0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 999]) {
      for (const start of [0, 1, 3]) {
        const slice = data.subarray(start, start + len);
        expect(crc32c(data, start, start + slice.length)).toBe(kjsCrc32C(slice) >>> 0);
      }
    }
    expect(crc32c(data, 500, 1000, crc32c(data, 0, 500))).toBe(crc32c(data));
  });
});

describe('v2 batches', () => {
  it('reads the header of a kafkajs batch and validates it', async () => {
    const raw = await kafkajsBatch(['one', 'two', 'three']);
    const { batches, sourceMagic } = validateRecords(raw);
    expect(sourceMagic).toBe(2);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.buffer).toBe(raw.buffer); // a slice, not a copy
    expect(readBatchHeader(batches[0]!)).toMatchObject({
      magic: 2, codec: 0, recordCount: 3, lastOffsetDelta: 2, producerId: -1n, baseTimestamp: 1_700_000_000_000n,
      maxTimestamp: 1_700_000_000_002n, timestampType: 'CreateTime', transactional: false, control: false,
    });
    const recs = decodeBatch(batches[0]!);
    expect(recs.map((r) => [r.offset, r.key?.toString(), r.value?.toString(), r.timestamp])).toEqual([
      [0n, 'k0', 'one', 1_700_000_000_000n],
      [1n, 'k1', 'two', 1_700_000_000_001n],
      [2n, 'k2', 'three', 1_700_000_000_002n],
    ]);
    expect(recs[0]!.headers).toEqual([{ key: 'h', value: Buffer.from('x') }]);
  });

  it('splits several batches, and stamping offsets keeps the CRC valid', async () => {
    const two = Buffer.concat([await kafkajsBatch(['a']), await kafkajsBatch(['b', 'c'], 1)]);
    const { batches } = validateRecords(two);
    expect(batches.map((b) => readBatchHeader(b).codec)).toEqual([0, Compression.gzip]);
    stampBatch(batches[1]!, 12345n, 7);
    expect(validateRecords(batches[1]!).batches).toHaveLength(1);
    expect(decodeBatch(batches[1]!, decompress).map((r) => r.offset)).toEqual([12345n, 12346n]);
  });

  it('rejects a flipped bit, a truncation, a bad count and an unknown magic', async () => {
    const good = await kafkajsBatch(['payload']);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 3]! ^= 0x01;
    expect(kafkaError(() => validateRecords(flipped))).toBe('CORRUPT_MESSAGE');
    expect(kafkaError(() => validateRecords(good.subarray(0, good.length - 1)))).toBe('CORRUPT_MESSAGE');
    expect(kafkaError(() => validateRecords(Buffer.concat([good, good.subarray(0, 30)])))).toBe('CORRUPT_MESSAGE');
    const badMagic = Buffer.from(good);
    badMagic[16] = 3;
    expect(kafkaError(() => validateRecords(badMagic))).toBe('CORRUPT_MESSAGE');
    const badCount = buildBatch([{ key: null, value: Buffer.from('x'), timestamp: 0n }], { offsetDeltas: [4] });
    expect(kafkaError(() => validateRecords(badCount))).toBe('INVALID_RECORD');
    expect(kafkaError(() => validateRecords(Buffer.alloc(0)))).toBe('CORRUPT_MESSAGE');
  });
});

describe('codecs', () => {
  const text = Buffer.from('the quick brown fox jumps over the lazy dog '.repeat(2000));
  it('round-trip gzip, snappy (xerial and raw) and lz4', () => {
    for (const codec of [Compression.gzip, Compression.snappy, Compression.lz4]) {
      const c = compress(codec, text);
      expect(c.length).toBeLessThan(text.length / 4);
      expect(decompress(codec, c).equals(text)).toBe(true);
    }
    expect(snappyCompress(text).subarray(0, 8).toString('latin1')).toBe('\x82SNAPPY\x00');
    expect(decompress(Compression.snappy, Buffer.from(snappy.compress(text))).equals(text)).toBe(true);
  });

  it('refuses garbage with CORRUPT_MESSAGE and zstd with UNSUPPORTED_COMPRESSION_TYPE', () => {
    expect(kafkaError(() => decompress(Compression.gzip, Buffer.from('nope')))).toBe('CORRUPT_MESSAGE');
    expect(kafkaError(() => decompress(Compression.zstd, Buffer.from('nope')))).toBe('UNSUPPORTED_COMPRESSION_TYPE');
  });
});

// Magic-0 LZ4 (Kafka < 0.10, KAFKA-3160): the header checksum byte was computed over the magic number too.
function brokenLz4(data: Buffer): Buffer {
  const frame = Buffer.from(lz4.compress(data));
  frame[6] = (frame[6]! + 0x5a) & 0xff;
  return frame;
}

function wrapper(magic: 0 | 1, codec: number, inner: Buffer, compressor: (b: Buffer) => Buffer): Buffer {
  return encodeLegacyMessage(magic, 2n, null, compressor(inner), 1_600_000_000_000n, codec);
}

describe('legacy message sets (magic 0 and 1) up-converted to v2', () => {
  it('converts uncompressed message sets written by kafkajs', () => {
    for (const messageVersion of [0, 1]) {
      const entries = [
        { key: Buffer.from('k1'), value: Buffer.from('v1'), timestamp: 1_600_000_000_001 },
        { key: null, value: Buffer.from('v2'), timestamp: 1_600_000_000_002 },
      ];
      const set = KjsMessageSet({ messageVersion, compression: 0, entries }).buffer;
      const { batches, sourceMagic } = validateRecords(set);
      expect(sourceMagic).toBe(messageVersion);
      const recs = decodeBatch(batches[0]!);
      expect(recs.map((r) => [r.key?.toString() ?? null, r.value?.toString()])).toEqual([['k1', 'v1'], [null, 'v2']]);
      expect(recs[1]!.timestamp).toBe(messageVersion === 1 ? 1_600_000_000_002n : -1n);
    }
  });

  it('converts compressed wrappers in every legacy codec', () => {
    const innerFor = (magic: 0 | 1) =>
      Buffer.concat([0, 1, 2].map((i) => encodeLegacyMessage(magic, BigInt(i), Buffer.from(`k${i}`), Buffer.from(`value-${i}`), 1_600_000_000_000n + BigInt(i))));
    const variants: Array<[string, number, (b: Buffer) => Buffer]> = [
      ['gzip', Compression.gzip, (b) => gzipSync(b)],
      ['snappy xerial', Compression.snappy, snappyCompress],
      ['snappy raw', Compression.snappy, (b) => Buffer.from(snappy.compress(b))],
      ['lz4', Compression.lz4, (b) => Buffer.from(lz4.compress(b))],
      ['lz4 with the magic-0 header checksum', Compression.lz4, brokenLz4],
    ];
    for (const magic of [0, 1] as const) {
      for (const [name, codec, fn] of variants) {
        const set = wrapper(magic, codec, innerFor(magic), fn);
        const recs = decodeBatch(validateRecords(set).batches[0]!);
        expect(recs.map((r) => r.value?.toString()), `${name} magic ${magic}`).toEqual(['value-0', 'value-1', 'value-2']);
        expect(recs[2]!.timestamp).toBe(magic === 1 ? 1_600_000_000_002n : -1n);
      }
    }
  });

  it('rejects a legacy message with a bad CRC', () => {
    const msg = encodeLegacyMessage(1, 0n, null, Buffer.from('hello'), 1n);
    msg[msg.length - 1]! ^= 0xff;
    expect(kafkaError(() => validateRecords(msg))).toBe('CORRUPT_MESSAGE');
  });
});

describe('down-conversion for Fetch v0–3', () => {
  const records = [0, 1, 2, 3].map((i) => ({ key: i % 2 ? Buffer.from(`key${i}`) : null, value: Buffer.from(`value-${i}`), timestamp: 1_700_000_000_000n + BigInt(i), headers: [{ key: 'dropped', value: Buffer.from('x') }] }));

  it('turns v2 batches in every codec into magic 0 and magic 1 messages with their offsets', async () => {
    for (const codec of [Compression.none, Compression.gzip, Compression.snappy, Compression.lz4]) {
      const a = buildBatch(records.slice(0, 2), { codec, compress: (b) => compress(codec, b) });
      const b = buildBatch(records.slice(2), { codec, compress: (x) => compress(codec, x) });
      stampBatch(a, 10n, 0);
      stampBatch(b, 12n, 0);
      for (const magic of [0, 1] as const) {
        const set = downConvert([a, b], magic);
        const msgs = flattenMessages(parseMessageSet(set));
        expect(msgs.map((m) => [m.offset, m.magic, m.key?.toString() ?? null, m.value?.toString()])).toEqual(
          records.map((r, i) => [10n + BigInt(i), magic, r.key?.toString() ?? null, r.value.toString()]),
        );
        expect(msgs.map((m) => m.timestamp)).toEqual(magic === 1 ? records.map((r) => r.timestamp) : records.map(() => -1n));
        // And the legacy bytes convert back up to the same records.
        expect(decodeBatch(validateRecords(set).batches[0]!).map((r) => r.value?.toString())).toEqual(records.map((r) => r.value.toString()));
      }
    }
  });

  it('refuses zstd batches', () => {
    const z = buildBatch(records, { codec: Compression.zstd, compress: (b) => b });
    expect(kafkaError(() => downConvert([z], 1))).toBe('UNSUPPORTED_COMPRESSION_TYPE');
  });
});
