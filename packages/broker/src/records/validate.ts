// Produce-side validation of a partition's `records` bytes: split into v2 batch slices (zero-copy), checking
// sizes, magic, CRC-32C and the record count against the offset span. Records are never decoded here; old
// message sets (magic 0/1) are handed to the legacy converter, the only path that decodes on produce.
import { KafkaError } from '../errors.ts';
import { BATCH_HEADER_SIZE, LOG_OVERHEAD, Off, batchCodec, batchIsControl } from './batch.ts';
import { crc32c } from './crc32c.ts';
import { convertLegacyMessageSet } from './legacy.ts';

// The smallest v2 record (empty key and value, no headers) is 7 bytes.
const MIN_RECORD_SIZE = 7;

export interface ValidatedRecords {
  readonly batches: Buffer[];
  /** The magic the producer sent: 0 or 1 when the batches were up-converted. */
  readonly sourceMagic: number;
}

export function validateRecords(records: Buffer): ValidatedRecords {
  if (records.length < LOG_OVERHEAD + 5) throw new KafkaError('CORRUPT_MESSAGE', `records of ${records.length} bytes hold no batch`);
  const magic = records.readInt8(Off.magic);
  if (magic === 0 || magic === 1) return { batches: [convertLegacyMessageSet(records)], sourceMagic: magic };
  if (magic !== 2) throw new KafkaError('CORRUPT_MESSAGE', `unknown magic ${magic}`);
  const batches: Buffer[] = [];
  let pos = 0;
  while (pos < records.length) {
    if (records.length - pos < BATCH_HEADER_SIZE) throw new KafkaError('CORRUPT_MESSAGE', `truncated batch header at byte ${pos}`);
    const size = LOG_OVERHEAD + records.readInt32BE(pos + Off.batchLength);
    if (size < BATCH_HEADER_SIZE || pos + size > records.length) {
      throw new KafkaError('CORRUPT_MESSAGE', `batch at byte ${pos} claims ${size} bytes, ${records.length - pos} present`);
    }
    const batch = records.subarray(pos, pos + size);
    checkBatch(batch, pos);
    batches.push(batch);
    pos += size;
  }
  return { batches, sourceMagic: 2 };
}

function checkBatch(batch: Buffer, at: number): void {
  const m = batch.readInt8(Off.magic);
  if (m !== 2) throw new KafkaError('CORRUPT_MESSAGE', `batch at byte ${at} has magic ${m}; batches of one request must share magic 2`);
  if (crc32c(batch, Off.attributes) !== batch.readUInt32BE(Off.crc)) throw new KafkaError('CORRUPT_MESSAGE', `batch at byte ${at} fails its CRC-32C`);
  const count = batch.readInt32BE(Off.recordCount);
  const lastDelta = batch.readInt32BE(Off.lastOffsetDelta);
  if (count <= 0 || lastDelta !== count - 1) {
    throw new KafkaError('INVALID_RECORD', `batch at byte ${at}: ${count} records but last offset delta ${lastDelta}`);
  }
  if (batchCodec(batch) === 0 && count * MIN_RECORD_SIZE > batch.length - BATCH_HEADER_SIZE) {
    throw new KafkaError('CORRUPT_MESSAGE', `batch at byte ${at}: ${count} records cannot fit in ${batch.length - BATCH_HEADER_SIZE} bytes`);
  }
  if (batchCodec(batch) > 4) throw new KafkaError('UNSUPPORTED_COMPRESSION_TYPE', `unknown compression codec ${batchCodec(batch)}`);
  if (batchIsControl(batch)) throw new KafkaError('INVALID_RECORD', 'producers may not write control batches');
}
