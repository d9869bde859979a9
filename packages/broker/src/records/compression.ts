// The codecs of Kafka's record formats, off the hot path (the log stores compressed batches as they came).
// Needed to up-convert old compressed message sets and to down-convert v2 batches for Fetch v0–3.
// Snappy: Kafka's Java client (and sarama) write xerial-framed blocks; librdkafka and others may write raw
// snappy. LZ4: a frame; magic-0 producers computed the frame header checksum over the magic number too
// (KAFKA-3160), which we tolerate by not checking it. zstd never needs decoding here (Fetch v10+ only).
import { gunzipSync, gzipSync } from 'node:zlib';
import * as snappy from 'snappyjs';
import * as lz4 from 'lz4js';
import { KafkaError } from '../errors.ts';
import { Compression } from './batch.ts';

/** No client batch legitimately inflates past this; a bigger one is treated as a decompression bomb. */
export const MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024;

const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
const XERIAL_HEADER = 16;

function toBuffer(u: Uint8Array): Buffer {
  return Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}

export function snappyDecompress(data: Buffer): Buffer {
  if (data.length >= XERIAL_HEADER && data.subarray(0, 8).equals(XERIAL_MAGIC)) {
    const parts: Buffer[] = [];
    let total = 0;
    for (let pos = XERIAL_HEADER; pos < data.length; ) {
      const len = data.readInt32BE(pos);
      pos += 4;
      if (len < 0 || pos + len > data.length) throw new RangeError('truncated xerial snappy block');
      const part = toBuffer(snappy.uncompress(data.subarray(pos, pos + len), MAX_DECOMPRESSED_BYTES - total));
      total += part.length;
      parts.push(part);
      pos += len;
    }
    return Buffer.concat(parts);
  }
  return toBuffer(snappy.uncompress(data, MAX_DECOMPRESSED_BYTES));
}

/** Xerial-framed snappy, as Kafka's Java client writes it (every client reads this form). */
export function snappyCompress(data: Buffer): Buffer {
  const header = Buffer.alloc(XERIAL_HEADER);
  XERIAL_MAGIC.copy(header);
  header.writeInt32BE(1, 8);
  header.writeInt32BE(1, 12);
  const parts: Buffer[] = [header];
  const BLOCK = 32 * 1024;
  for (let pos = 0; pos < data.length; pos += BLOCK) {
    const block = toBuffer(snappy.compress(data.subarray(pos, pos + BLOCK)));
    const len = Buffer.alloc(4);
    len.writeInt32BE(block.length);
    parts.push(len, block);
  }
  return Buffer.concat(parts);
}

export function lz4Decompress(data: Buffer): Buffer {
  const bound = lz4.decompressBound(data);
  if (bound > MAX_DECOMPRESSED_BYTES) throw new RangeError(`lz4 frame inflates to ${bound} bytes`);
  return toBuffer(lz4.decompress(data, bound));
}

export function lz4Compress(data: Buffer): Buffer {
  return toBuffer(lz4.compress(data));
}

/** Decompresses a records section or a legacy wrapper value. Throws CORRUPT_MESSAGE on bad data. */
export function decompress(codec: number, data: Buffer): Buffer {
  try {
    switch (codec) {
      case Compression.none:
        return data;
      case Compression.gzip:
        return gunzipSync(data, { maxOutputLength: MAX_DECOMPRESSED_BYTES });
      case Compression.snappy:
        return snappyDecompress(data);
      case Compression.lz4:
        return lz4Decompress(data);
    }
  } catch (err) {
    throw new KafkaError('CORRUPT_MESSAGE', `cannot decompress (codec ${codec}): ${(err as Error).message}`);
  }
  throw new KafkaError('UNSUPPORTED_COMPRESSION_TYPE', `compression codec ${codec} cannot be decoded by this broker`);
}

export function compress(codec: number, data: Buffer): Buffer {
  switch (codec) {
    case Compression.none:
      return data;
    case Compression.gzip:
      return gzipSync(data);
    case Compression.snappy:
      return snappyCompress(data);
    case Compression.lz4:
      return lz4Compress(data);
  }
  throw new KafkaError('UNSUPPORTED_COMPRESSION_TYPE', `compression codec ${codec} is not supported here`);
}
