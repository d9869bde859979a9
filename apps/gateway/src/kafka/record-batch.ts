/**
 * Produce requests encoded by the gateway itself: one RecordBatch v2 (magic 2, uncompressed,
 * non-transactional, no idempotence) for one partition, written with its request body into
 * one preallocated Buffer. kafkajs's encoder builds a Buffer per record and copies each several
 * times, which dominated the gateway's CPU profile under batch POSTs. The bytes are plain Kafka
 * protocol (Produce v3–v8 share this request layout), so Apache Kafka reads them unchanged.
 */
import type { KafkaHeaders } from './codec.ts';
import { ATTRIBUTES_AT, BATCH_HEADER_BYTES, CRC_AT, MAGIC_AT } from './batch-layout.ts';

/**
 * A record as the gateway sends it. Keys and values are bytes, or text written as UTF-8 straight
 * into the batch (no Buffer per record for the common JSON and string values).
 */
export interface OutgoingRecord {
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers?: KafkaHeaders | undefined;
  /** Create time in ms; absent: the time of encoding. */
  timestamp?: number | undefined;
}

// CRC-32C (Castagnoli), slicing-by-16: the same algorithm as the broker's records/crc32c.ts.
// The gateway cannot import it: it ships without the broker and talks to any Kafka cluster.
const POLY = 0x82f63b78;
const T: Int32Array = (() => {
  const t = new Int32Array(16 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ POLY : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n] as number;
    for (let k = 1; k < 16; k++) {
      c = (t[c & 0xff] as number) ^ (c >>> 8);
      t[k * 256 + n] = c;
    }
  }
  return t;
})();

export function crc32c(buf: Uint8Array, start = 0, end = buf.length): number {
  let crc = -1;
  let i = start;
  const fast = end - ((end - i) & 15);
  while (i < fast) {
    const a = crc ^ ((buf[i] as number) | ((buf[i + 1] as number) << 8) | ((buf[i + 2] as number) << 16) | ((buf[i + 3] as number) << 24));
    crc =
      (T[3840 + (a & 0xff)] as number) ^
      (T[3584 + ((a >>> 8) & 0xff)] as number) ^
      (T[3328 + ((a >>> 16) & 0xff)] as number) ^
      (T[3072 + (a >>> 24)] as number) ^
      (T[2816 + (buf[i + 4] as number)] as number) ^
      (T[2560 + (buf[i + 5] as number)] as number) ^
      (T[2304 + (buf[i + 6] as number)] as number) ^
      (T[2048 + (buf[i + 7] as number)] as number) ^
      (T[1792 + (buf[i + 8] as number)] as number) ^
      (T[1536 + (buf[i + 9] as number)] as number) ^
      (T[1280 + (buf[i + 10] as number)] as number) ^
      (T[1024 + (buf[i + 11] as number)] as number) ^
      (T[768 + (buf[i + 12] as number)] as number) ^
      (T[512 + (buf[i + 13] as number)] as number) ^
      (T[256 + (buf[i + 14] as number)] as number) ^
      (T[buf[i + 15] as number] as number);
    i += 16;
  }
  while (i < end) crc = (T[(crc ^ (buf[i++] as number)) & 0xff] as number) ^ (crc >>> 8);
  return ~crc >>> 0;
}

const TWO_32 = 4294967296;

/** Zig-zag of a safe integer as an unsigned number (exact below 2^53, unlike 32-bit shifts). */
const zigzag = (v: number): number => (v >= 0 ? v * 2 : -v * 2 - 1);

function varintSize(v: number): number {
  let u = zigzag(v);
  let n = 1;
  while (u >= 128) {
    u = Math.floor(u / 128);
    n++;
  }
  return n;
}

function writeVarint(buf: Buffer, pos: number, v: number): number {
  let u = zigzag(v);
  while (u >= 128) {
    buf[pos++] = (u & 0x7f) | 0x80;
    u = Math.floor(u / 128);
  }
  buf[pos++] = u;
  return pos;
}

function writeInt64(buf: Buffer, pos: number, v: number): void {
  const high = Math.floor(v / TWO_32);
  buf.writeInt32BE(high, pos);
  buf.writeUInt32BE(v - high * TWO_32, pos + 4);
}

const byteLength = (b: Buffer | string): number => (typeof b === 'string' ? Buffer.byteLength(b, 'utf8') : b.length);

/** Size of a nullable bytes field whose content is `length` bytes (-1: null). */
const fieldSize = (length: number): number => (length < 0 ? 1 : varintSize(length) + length);

/** Writes a nullable bytes field whose byte length was measured by `layout`. */
function writeBytes(buf: Buffer, pos: number, b: Buffer | string | null, length: number): number {
  if (b === null) return writeVarint(buf, pos, -1);
  pos = writeVarint(buf, pos, length);
  if (typeof b === 'string') return pos + buf.write(b, pos, length, 'utf8');
  b.copy(buf, pos);
  return pos + length;
}

/** Header keys as UTF-8 and values in kafkajs's order: each key once, its duplicates in a row. */
function flatHeaders(headers: KafkaHeaders | undefined): Array<[Buffer, Buffer | null]> | undefined {
  if (!headers) return undefined;
  const out: Array<[Buffer, Buffer | null]> = [];
  for (const key in headers) {
    const name = Buffer.from(key, 'utf8');
    const value = headers[key];
    if (Array.isArray(value)) for (const v of value) out.push([name, v]);
    else out.push([name, value ?? null]);
  }
  return out;
}


/** Byte sizes of each record body (without its length prefix), key and value (-1: null), and of the whole batch. */
interface Layout {
  bodies: Int32Array;
  keys: Int32Array;
  values: Int32Array;
  headers: Array<Array<[Buffer, Buffer | null]> | undefined>;
  timestamps: Float64Array;
  firstTimestamp: number;
  maxTimestamp: number;
  size: number;
}

function layout(records: readonly OutgoingRecord[], now: number): Layout {
  const n = records.length;
  const bodies = new Int32Array(n);
  const keys = new Int32Array(n);
  const values = new Int32Array(n);
  const headers: Layout['headers'] = new Array(n);
  const timestamps = new Float64Array(n);
  let first = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const t = (records[i] as OutgoingRecord).timestamp ?? now;
    timestamps[i] = t;
    if (t < first) first = t;
    if (t > max) max = t;
  }
  let size = BATCH_HEADER_BYTES;
  for (let i = 0; i < n; i++) {
    const record = records[i] as OutgoingRecord;
    const flat = flatHeaders(record.headers);
    headers[i] = flat;
    // attributes, timestampDelta, offsetDelta, key, value, header count, headers
    const key = record.key === null ? -1 : byteLength(record.key);
    const value = record.value === null ? -1 : byteLength(record.value);
    keys[i] = key;
    values[i] = value;
    let body = 1 + varintSize((timestamps[i] as number) - first) + varintSize(i) + fieldSize(key) + fieldSize(value);
    body += varintSize(flat?.length ?? 0);
    if (flat) for (const [name, v] of flat) body += fieldSize(name.length) + fieldSize(v === null ? -1 : v.length);
    bodies[i] = body;
    size += varintSize(body) + body;
  }
  return { bodies, keys, values, headers, timestamps, firstTimestamp: first, maxTimestamp: max, size };
}

/** Writes the batch laid out by `layout` at `pos`; returns the position after it. */
function writeBatch(buf: Buffer, pos: number, records: readonly OutgoingRecord[], plan: Layout): number {
  const start = pos;
  writeInt64(buf, pos, 0); // baseOffset: the broker assigns offsets
  buf.writeInt32BE(plan.size - 12, pos + 8); // batchLength: after baseOffset and itself
  buf.writeInt32BE(-1, pos + 12); // partitionLeaderEpoch: unknown to producers
  buf.writeInt8(2, pos + MAGIC_AT);
  buf.writeInt16BE(0, pos + ATTRIBUTES_AT); // no compression, create time, not transactional
  buf.writeInt32BE(records.length - 1, pos + 23); // lastOffsetDelta
  writeInt64(buf, pos + 27, plan.firstTimestamp);
  writeInt64(buf, pos + 35, plan.maxTimestamp);
  writeInt64(buf, pos + 43, -1); // producerId: none
  buf.writeInt16BE(-1, pos + 51); // producerEpoch
  buf.writeInt32BE(-1, pos + 53); // baseSequence
  buf.writeInt32BE(records.length, pos + 57);
  pos += BATCH_HEADER_BYTES;
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as OutgoingRecord;
    pos = writeVarint(buf, pos, plan.bodies[i] as number);
    buf[pos++] = 0; // record attributes
    pos = writeVarint(buf, pos, (plan.timestamps[i] as number) - plan.firstTimestamp);
    pos = writeVarint(buf, pos, i);
    pos = writeBytes(buf, pos, record.key, plan.keys[i] as number);
    pos = writeBytes(buf, pos, record.value, plan.values[i] as number);
    const flat = plan.headers[i];
    pos = writeVarint(buf, pos, flat?.length ?? 0);
    if (flat) {
      for (const [name, value] of flat) {
        pos = writeBytes(buf, pos, name, name.length);
        pos = writeBytes(buf, pos, value, value === null ? -1 : value.length);
      }
    }
  }
  buf.writeUInt32BE(crc32c(buf, start + ATTRIBUTES_AT, pos), start + CRC_AT);
  return pos;
}

/** One RecordBatch v2 of `records` (offsets 0…n-1 relative to what the broker assigns). */
export function encodeRecordBatch(records: readonly OutgoingRecord[], now = Date.now()): Buffer {
  const plan = layout(records, now);
  const buf = Buffer.allocUnsafe(plan.size);
  const end = writeBatch(buf, 0, records, plan);
  if (end !== plan.size) throw new Error(`record batch: wrote ${end} bytes, planned ${plan.size}`);
  return buf;
}

export interface ProduceTarget {
  topic: string;
  partition: number;
  acks: number;
  timeoutMs: number;
}

/**
 * The body of a Produce request (v3–v8, after the request header) for one partition:
 * transactional_id null, acks, timeout, [topic [partition record_set]].
 */
export function encodeProduceBody(target: ProduceTarget, records: readonly OutgoingRecord[], now = Date.now()): Buffer {
  const plan = layout(records, now);
  const topicLength = Buffer.byteLength(target.topic, 'utf8');
  const fixed = 2 + 2 + 4 + 4 + 2 + topicLength + 4 + 4 + 4;
  const buf = Buffer.allocUnsafe(fixed + plan.size);
  let pos = buf.writeInt16BE(-1, 0); // transactional_id: null
  pos = buf.writeInt16BE(target.acks, pos);
  pos = buf.writeInt32BE(target.timeoutMs, pos);
  pos = buf.writeInt32BE(1, pos); // one topic
  pos = buf.writeInt16BE(topicLength, pos);
  pos += buf.write(target.topic, pos, 'utf8');
  pos = buf.writeInt32BE(1, pos); // one partition
  pos = buf.writeInt32BE(target.partition, pos);
  pos = buf.writeInt32BE(plan.size, pos);
  const end = writeBatch(buf, pos, records, plan);
  if (end !== buf.length) throw new Error(`produce request: wrote ${end} bytes, planned ${buf.length}`);
  return buf;
}

/** Text is counted at 3 bytes per UTF-16 unit, the most UTF-8 takes: cheaper than measuring it once more. */
const upperBytes = (b: Buffer | string | null): number => (b === null ? 0 : typeof b === 'string' ? b.length * 3 : b.length);

/** Bytes a record adds to a batch at most, for bounding request sizes without encoding. */
export function recordBytes(record: OutgoingRecord): number {
  let size = 40 + upperBytes(record.key) + upperBytes(record.value);
  const headers = record.headers;
  if (headers) {
    for (const key in headers) {
      const value = headers[key];
      if (Array.isArray(value)) for (const v of value) size += key.length * 3 + upperBytes(v) + 10;
      else size += key.length * 3 + upperBytes(value ?? null) + 10;
    }
  }
  return size;
}
