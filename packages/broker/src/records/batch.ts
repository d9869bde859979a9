// A zero-copy view over the fixed 61-byte header of a Kafka v2 record batch (KIP-98 layout), and the in-place
// edits the log is allowed to make. Nothing here decodes records.
import { crc32c } from './crc32c.ts';

export const BATCH_HEADER_SIZE = 61;
/** Bytes before batchLength's count starts: baseOffset (8) + batchLength (4). */
export const LOG_OVERHEAD = 12;

export const Off = {
  baseOffset: 0,
  batchLength: 8,
  partitionLeaderEpoch: 12,
  magic: 16,
  crc: 17,
  attributes: 21,
  lastOffsetDelta: 23,
  baseTimestamp: 27,
  maxTimestamp: 35,
  producerId: 43,
  producerEpoch: 51,
  baseSequence: 53,
  recordCount: 57,
} as const;

export const Compression = { none: 0, gzip: 1, snappy: 2, lz4: 3, zstd: 4 } as const;
export type CompressionCodec = (typeof Compression)[keyof typeof Compression];

const ATTR_CODEC_MASK = 0x07;
const ATTR_LOG_APPEND_TIME = 0x08;
const ATTR_TRANSACTIONAL = 0x10;
const ATTR_CONTROL = 0x20;

/** Total size of the batch (or legacy message) starting at pos, from its length field. */
export function entrySize(buf: Buffer, pos = 0): number {
  return LOG_OVERHEAD + buf.readInt32BE(pos + Off.batchLength);
}

export const batchBaseOffset = (b: Buffer, pos = 0): bigint => b.readBigInt64BE(pos + Off.baseOffset);
export const batchMagic = (b: Buffer, pos = 0): number => b.readInt8(pos + Off.magic);
export const batchCrc = (b: Buffer, pos = 0): number => b.readUInt32BE(pos + Off.crc);
export const batchAttributes = (b: Buffer, pos = 0): number => b.readInt16BE(pos + Off.attributes);
export const batchCodec = (b: Buffer, pos = 0): number => batchAttributes(b, pos) & ATTR_CODEC_MASK;
export const batchIsLogAppendTime = (b: Buffer, pos = 0): boolean => (batchAttributes(b, pos) & ATTR_LOG_APPEND_TIME) !== 0;
export const batchIsTransactional = (b: Buffer, pos = 0): boolean => (batchAttributes(b, pos) & ATTR_TRANSACTIONAL) !== 0;
export const batchIsControl = (b: Buffer, pos = 0): boolean => (batchAttributes(b, pos) & ATTR_CONTROL) !== 0;
export const batchLastOffsetDelta = (b: Buffer, pos = 0): number => b.readInt32BE(pos + Off.lastOffsetDelta);
export const batchBaseTimestamp = (b: Buffer, pos = 0): bigint => b.readBigInt64BE(pos + Off.baseTimestamp);
export const batchMaxTimestamp = (b: Buffer, pos = 0): bigint => b.readBigInt64BE(pos + Off.maxTimestamp);
export const batchProducerId = (b: Buffer, pos = 0): bigint => b.readBigInt64BE(pos + Off.producerId);
export const batchProducerEpoch = (b: Buffer, pos = 0): number => b.readInt16BE(pos + Off.producerEpoch);
export const batchBaseSequence = (b: Buffer, pos = 0): number => b.readInt32BE(pos + Off.baseSequence);
export const batchRecordCount = (b: Buffer, pos = 0): number => b.readInt32BE(pos + Off.recordCount);
/** Offset of the batch's last record. */
export const batchLastOffset = (b: Buffer, pos = 0): bigint => batchBaseOffset(b, pos) + BigInt(batchLastOffsetDelta(b, pos));

/** CRC-32C of the batch at pos as stored: attributes to the end. */
export function computeBatchCrc(b: Buffer, pos = 0): number {
  return crc32c(b, pos + Off.attributes, pos + entrySize(b, pos));
}

/** Assigns the batch's offsets: baseOffset and partitionLeaderEpoch are outside the CRC, so no re-checksum. */
export function stampBatch(b: Buffer, baseOffset: bigint, leaderEpoch: number): void {
  b.writeBigInt64BE(baseOffset, Off.baseOffset);
  b.writeInt32BE(leaderEpoch, Off.partitionLeaderEpoch);
}

/** message.timestamp.type=LogAppendTime: the broker's time replaces maxTimestamp; both are CRC-covered, so re-checksum. */
export function setLogAppendTime(b: Buffer, timestampMs: bigint): void {
  b.writeInt16BE(batchAttributes(b) | ATTR_LOG_APPEND_TIME, Off.attributes);
  b.writeBigInt64BE(timestampMs, Off.maxTimestamp);
  b.writeUInt32BE(computeBatchCrc(b), Off.crc);
}

/** A plain object of the header fields, for tests and diagnostics (never on the hot path). */
export function readBatchHeader(b: Buffer, pos = 0) {
  return {
    baseOffset: batchBaseOffset(b, pos),
    batchLength: b.readInt32BE(pos + Off.batchLength),
    partitionLeaderEpoch: b.readInt32BE(pos + Off.partitionLeaderEpoch),
    magic: batchMagic(b, pos),
    crc: batchCrc(b, pos),
    attributes: batchAttributes(b, pos),
    codec: batchCodec(b, pos),
    timestampType: batchIsLogAppendTime(b, pos) ? ('LogAppendTime' as const) : ('CreateTime' as const),
    transactional: batchIsTransactional(b, pos),
    control: batchIsControl(b, pos),
    lastOffsetDelta: batchLastOffsetDelta(b, pos),
    baseTimestamp: batchBaseTimestamp(b, pos),
    maxTimestamp: batchMaxTimestamp(b, pos),
    producerId: batchProducerId(b, pos),
    producerEpoch: batchProducerEpoch(b, pos),
    baseSequence: batchBaseSequence(b, pos),
    recordCount: batchRecordCount(b, pos),
  };
}
