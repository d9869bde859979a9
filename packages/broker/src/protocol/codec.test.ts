import { describe, expect, it } from 'vitest';
import { decode, encode, encodeToBuffer } from './codec.ts';
import { schemas } from './generated/messages.ts';
import { DecodeError, Reader } from './reader.ts';
import { inRange, type FieldSpec, type MessageSpec } from './schema.ts';
import { Writer } from './writer.ts';

/** Small deterministic PRNG so failures reproduce. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Value = Record<string, unknown>;

function generateScalar(f: FieldSpec, version: number, rand: () => number, depth: number, element: boolean): unknown {
  if (!element && inRange(f.nullableVersions, version) && rand() < 0.2) return null;
  const int = (bits: number): number => Math.floor(rand() * 2 ** bits) - 2 ** (bits - 1);
  switch (f.type) {
    case 'bool': return rand() < 0.5;
    case 'int8': return int(8);
    case 'int16': return int(16);
    case 'uint16': return Math.floor(rand() * 65536);
    case 'int32': return int(32);
    case 'uint32': return Math.floor(rand() * 2 ** 32);
    case 'int64': return BigInt(int(32)) * BigInt(Math.floor(rand() * 2 ** 31)) - 5n;
    case 'float64': return rand() * 1000 - 500;
    case 'string': return ['', 'a', 'topic-1', 'ünïcödé ✓', 'x'.repeat(Math.floor(rand() * 200))][Math.floor(rand() * 5)];
    case 'uuid': return '0123abcd-4567-89ef-0123-456789abcdef';
    case 'bytes':
    case 'records': return Buffer.from(Array.from({ length: Math.floor(rand() * 20) }, (_, i) => i * 7));
    case 'struct': return generate(f.fields ?? [], version, rand, depth + 1);
  }
}

function generate(fields: readonly FieldSpec[], version: number, rand: () => number, depth: number): Value {
  const out: Value = {};
  for (const f of fields) {
    if (!inRange(f.versions, version)) continue;
    if (f.array) {
      if (inRange(f.nullableVersions, version) && rand() < 0.2) {
        out[f.name] = null;
        continue;
      }
      const n = depth > 3 ? 0 : Math.floor(rand() * 3);
      out[f.name] = Array.from({ length: n }, () => generateScalar(f, version, rand, depth, true));
    } else {
      out[f.name] = generateScalar(f, version, rand, depth, false);
    }
  }
  return out;
}

function versions(spec: MessageSpec): number[] {
  const out: number[] = [];
  for (let v = spec.validVersions[0]; v <= spec.validVersions[1]; v++) out.push(v);
  return out;
}

describe('codec round trip', () => {
  for (const spec of Object.values(schemas)) {
    it(`${spec.name}: every version decodes what it encodes`, () => {
      const rand = rng(spec.name.length * 7919);
      for (const version of versions(spec)) {
        for (let trial = 0; trial < 5; trial++) {
          const value = generate(spec.fields, version, rand, 0);
          const bytes = encodeToBuffer(spec, version, value);
          const reader = new Reader(bytes);
          const decoded = decode<Value>(spec, version, reader);
          expect(reader.remaining(), `${spec.name} v${version}`).toBe(0);
          expect(decoded, `${spec.name} v${version}`).toMatchObject(value);
          expect(encodeToBuffer(spec, version, decoded).equals(bytes), `${spec.name} v${version} re-encode`).toBe(true);
        }
      }
    });
  }
});

describe('codec details', () => {
  it('fills defaults for fields the version does not carry', () => {
    const bytes = encodeToBuffer(schemas.MetadataRequest, 1, { topics: null });
    const decoded = decode<Value>(schemas.MetadataRequest, 1, new Reader(bytes));
    expect(decoded).toEqual({ topics: null, allowAutoTopicCreation: true, includeClusterAuthorizedOperations: false, includeTopicAuthorizedOperations: false });
  });

  it('writes records given as chunks exactly like one buffer, without copying large chunks', () => {
    const big = Buffer.alloc(10_000, 1);
    const small = Buffer.from([1, 2, 3]);
    const partition = { partitionIndex: 0, errorCode: 0, highWatermark: 5n, records: [big, small] };
    const value = { responses: [{ topic: 't', partitions: [partition] }] };
    const w = new Writer();
    encode(schemas.FetchResponse, 4, value, w);
    const chunks = w.toChunks();
    expect(chunks).toContain(big);
    const joined = encodeToBuffer(schemas.FetchResponse, 4, { responses: [{ topic: 't', partitions: [{ ...partition, records: Buffer.concat([big, small]) }] }] });
    expect(Buffer.concat(chunks).equals(joined)).toBe(true);
  });

  it('decodes records and bytes as views of the frame', () => {
    const records = Buffer.from('0123456789');
    const bytes = encodeToBuffer(schemas.ProduceRequest, 3, { transactionalId: null, acks: -1, timeoutMs: 1000, topicData: [{ name: 't', partitionData: [{ index: 0, records }] }] });
    const decoded = decode<{ topicData: { partitionData: { records: Buffer }[] }[] }>(schemas.ProduceRequest, 3, new Reader(bytes));
    const got = decoded.topicData[0]?.partitionData[0]?.records;
    expect(got?.equals(records)).toBe(true);
    expect(got?.buffer).toBe(bytes.buffer);
  });

  it('skips unknown tagged fields', () => {
    // ApiVersionsRequest v3: client name, client version, then a tagged field 9 of 2 bytes nobody knows.
    const bytes = Buffer.from([4, 0x6b, 0x6a, 0x73, 2, 0x32, 1, 9, 2, 0xaa, 0xbb]);
    const reader = new Reader(bytes);
    expect(decode(schemas.ApiVersionsRequest, 3, reader)).toEqual({ clientSoftwareName: 'kjs', clientSoftwareVersion: '2' });
    expect(reader.remaining()).toBe(0);
  });

  it('reports the path to a truncated field', () => {
    const bytes = encodeToBuffer(schemas.MetadataResponse, 1, {
      brokers: [{ nodeId: 0, host: 'localhost', port: 9092, rack: null }],
      controllerId: 0,
      topics: [{ errorCode: 0, name: 'a', isInternal: false, partitions: [{ errorCode: 0, partitionIndex: 0, leaderId: 0, replicaNodes: [0], isrNodes: [0] }] }],
    });
    const err = catchError(() => decode(schemas.MetadataResponse, 1, new Reader(bytes.subarray(0, bytes.length - 2))));
    expect(err).toBeInstanceOf(DecodeError);
    expect(err.message).toMatch(/^topics\[0\]\.partitions\[0\]\.isrNodes/);
  });

  it('refuses a huge array count without allocating', () => {
    // MetadataRequest v1: topics count 2^31-1 with nothing after it.
    const bytes = Buffer.from([0x7f, 0xff, 0xff, 0xff]);
    const err = catchError(() => decode(schemas.MetadataRequest, 1, new Reader(bytes)));
    expect(err.message).toMatch(/^topics: array length 2147483647 exceeds/);
  });

  it('bounds array counts by the smallest encoding of one element', () => {
    // ten int32 elements need 40 bytes; 36 are left
    const reader = new Reader(Buffer.concat([Buffer.from([0, 0, 0, 10]), Buffer.alloc(36)]));
    expect(() => reader.arrayLength(false, 4)).toThrow(/array length 10 exceeds the 36 bytes left/);
    // OffsetFetchRequest v1: topics[1] { name "t", partitionIndexes: 5 x int32 } with only 3 int32s present
    const bytes = Buffer.from([0, 1, 0x67, 0, 0, 0, 1, 0, 1, 0x74, 0, 0, 0, 5, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3]);
    expect(() => decode(schemas.OffsetFetchRequest, 1, new Reader(bytes))).toThrow(/^topics\[0\]\.partitionIndexes: array length 5 exceeds the 12 bytes left/);
  });

  it('refuses negative lengths other than the null marker', () => {
    const bytes = Buffer.from([0, 0, 0, 1, 0xff, 0xfe]);
    const err = catchError(() => decode(schemas.MetadataRequest, 1, new Reader(bytes)));
    expect(err.message).toMatch(/negative string length -2/);
  });

  it('refuses null where the version does not allow it', () => {
    expect(() => decode(schemas.MetadataRequest, 0, new Reader(Buffer.from([0xff, 0xff, 0xff, 0xff])))).toThrow(/null for a non-nullable array/);
    expect(() => encodeToBuffer(schemas.MetadataRequest, 0, { topics: null })).toThrow(/topics: null for a non-nullable array/);
  });

  it('names the field when a value has the wrong type', () => {
    expect(() => encodeToBuffer(schemas.ListOffsetsResponse, 1, { topics: [{ name: 't', partitions: [{ partitionIndex: 0, errorCode: 0, timestamp: 1, offset: 0n }] }] })).toThrow(
      /topics\[0\]\.partitions\[0\]\.timestamp: expected a bigint/,
    );
  });
});

function catchError(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    if (err instanceof Error) return err;
  }
  throw new Error('expected an error');
}
