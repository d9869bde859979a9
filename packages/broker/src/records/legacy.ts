// Old message sets (magic 0 and 1) from old producers (sarama defaults, kafka-go 0.2, Produce v0–2), up-converted
// to one uncompressed v2 batch on append, as Kafka does. Compressed wrapper messages carry an inner message set
// in their value. CRC-32 (IEEE) covers magic to the end of each message.
import { crc32 } from 'node:zlib';
import { KafkaError } from '../errors.ts';
import { buildBatch, type SimpleRecord } from './record.ts';
import { decompress } from './compression.ts';

const NO_TIMESTAMP = -1n;
const ATTR_CODEC_MASK = 0x07;
const ATTR_LOG_APPEND_TIME = 0x08;
// Bounds a hostile nesting or record explosion: a produce request cannot turn into more than this many records.
const MAX_RECORDS = 1_000_000;

export interface LegacyMessage {
  readonly offset: bigint;
  readonly magic: number;
  readonly attributes: number;
  readonly timestamp: bigint;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
}

function corrupt(msg: string): KafkaError {
  return new KafkaError('CORRUPT_MESSAGE', msg);
}

/** Parses a magic 0/1 message set; a partial trailing message (allowed in fetch responses) is ignored only when allowPartial. */
export function parseMessageSet(buf: Buffer, allowPartial = false): LegacyMessage[] {
  const out: LegacyMessage[] = [];
  let pos = 0;
  while (pos < buf.length) {
    if (buf.length - pos < 12 + 14) {
      if (allowPartial) break;
      throw corrupt(`truncated message at byte ${pos}`);
    }
    const offset = buf.readBigInt64BE(pos);
    const size = buf.readInt32BE(pos + 8);
    const start = pos + 12;
    const end = start + size;
    if (size < 14 || end > buf.length) {
      if (allowPartial && size >= 14) break;
      throw corrupt(`message at byte ${pos} claims ${size} bytes`);
    }
    const crc = buf.readUInt32BE(start);
    if (crc32(buf.subarray(start + 4, end)) !== crc) throw corrupt(`message at byte ${pos} fails its CRC`);
    const magic = buf.readInt8(start + 4);
    const attributes = buf.readInt8(start + 5);
    let p = start + 6;
    let timestamp = NO_TIMESTAMP;
    if (magic === 1) {
      if (p + 8 > end) throw corrupt('truncated timestamp');
      timestamp = buf.readBigInt64BE(p);
      p += 8;
    } else if (magic !== 0) throw corrupt(`message at byte ${pos} has magic ${magic}`);
    const read = (): Buffer | null => {
      if (p + 4 > end) throw corrupt('truncated key or value length');
      const len = buf.readInt32BE(p);
      p += 4;
      if (len < 0) return null;
      if (p + len > end) throw corrupt('key or value past the message end');
      const b = buf.subarray(p, p + len);
      p += len;
      return b;
    };
    const key = read();
    const value = read();
    out.push({ offset, magic, attributes, timestamp, key, value });
    pos = end;
  }
  return out;
}

/** Flattens compressed wrappers into their inner messages, in order. */
export function flattenMessages(messages: readonly LegacyMessage[], depth = 0): LegacyMessage[] {
  const out: LegacyMessage[] = [];
  for (const m of messages) {
    const codec = m.attributes & ATTR_CODEC_MASK;
    if (codec === 0) {
      out.push(m);
    } else {
      if (depth > 0) throw corrupt('nested compressed message');
      if (!m.value) throw corrupt('compressed wrapper message without a value');
      const inner = parseMessageSet(decompress(codec, m.value), true);
      const logAppend = m.magic === 1 && (m.attributes & ATTR_LOG_APPEND_TIME) !== 0;
      for (const i of flattenMessages(inner, depth + 1)) out.push(logAppend ? { ...i, timestamp: m.timestamp } : i);
    }
    if (out.length > MAX_RECORDS) throw new KafkaError('RECORD_LIST_TOO_LARGE', `more than ${MAX_RECORDS} records`);
  }
  return out;
}

export function convertLegacyMessageSet(records: Buffer): Buffer {
  const messages = flattenMessages(parseMessageSet(records));
  if (messages.length === 0) throw corrupt('empty message set');
  const simple: SimpleRecord[] = messages.map((m) => ({ key: m.key, value: m.value, timestamp: m.magic === 0 ? NO_TIMESTAMP : m.timestamp }));
  return buildBatch(simple);
}

/** Encodes one magic 0/1 message (uncompressed) at the given offset. */
export function encodeLegacyMessage(magic: 0 | 1, offset: bigint, key: Buffer | null, value: Buffer | null, timestamp: bigint, attributes = 0): Buffer {
  const size = 4 + 1 + 1 + (magic === 1 ? 8 : 0) + 4 + (key?.length ?? 0) + 4 + (value?.length ?? 0);
  const buf = Buffer.allocUnsafe(12 + size);
  buf.writeBigInt64BE(offset, 0);
  buf.writeInt32BE(size, 8);
  let p = 16;
  buf.writeInt8(magic, p++);
  buf.writeInt8(attributes, p++);
  if (magic === 1) {
    buf.writeBigInt64BE(timestamp, p);
    p += 8;
  }
  for (const field of [key, value]) {
    if (field) {
      buf.writeInt32BE(field.length, p);
      p += 4;
      p += field.copy(buf, p);
    } else {
      buf.writeInt32BE(-1, p);
      p += 4;
    }
  }
  buf.writeUInt32BE(crc32(buf.subarray(16)), 12);
  return buf;
}
