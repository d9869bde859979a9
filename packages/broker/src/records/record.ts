// Building and decoding the records inside a v2 batch. Off the hot path: produce never decodes records; this
// serves legacy up-conversion, down-conversion for old fetch versions, and tests.
import { BATCH_HEADER_SIZE, Off, batchCodec, batchRecordCount, computeBatchCrc } from './batch.ts';
import { VarReader, varlongSize, writeVarint, writeVarlong, zigzag32Size } from './varint.ts';

export interface RecordHeader {
  readonly key: string;
  readonly value: Buffer | null;
}

export interface SimpleRecord {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly timestamp: bigint;
  readonly headers?: readonly RecordHeader[];
}

export interface DecodedRecord extends SimpleRecord {
  readonly offset: bigint;
  readonly headers: readonly RecordHeader[];
}

export interface BatchOptions {
  readonly baseOffset?: bigint;
  readonly codec?: number;
  /** Compresses the records section (needed when codec is not 0). */
  readonly compress?: (raw: Buffer) => Buffer;
  readonly logAppendTime?: boolean;
  readonly producerId?: bigint;
  readonly producerEpoch?: number;
  readonly baseSequence?: number;
  /** Offset deltas default to 0..n-1; legacy conversion keeps the original gaps. */
  readonly offsetDeltas?: readonly number[];
}

function encodeRecords(records: readonly SimpleRecord[], baseTimestamp: bigint, offsetDeltas?: readonly number[]): Buffer {
  const parts: Buffer[] = [];
  records.forEach((r, i) => {
    const key = r.key;
    const value = r.value;
    const headers = r.headers ?? [];
    const hKeys = headers.map((h) => Buffer.from(h.key, 'utf8'));
    const tsDelta = r.timestamp - baseTimestamp;
    const offsetDelta = offsetDeltas?.[i] ?? i;
    let body = 1 + varlongSize(tsDelta) + zigzag32Size(offsetDelta);
    body += key ? zigzag32Size(key.length) + key.length : 1;
    body += value ? zigzag32Size(value.length) + value.length : 1;
    body += zigzag32Size(headers.length);
    headers.forEach((h, j) => {
      body += zigzag32Size(hKeys[j]!.length) + hKeys[j]!.length + (h.value ? zigzag32Size(h.value.length) + h.value.length : 1);
    });
    const buf = Buffer.allocUnsafe(zigzag32Size(body) + body);
    let p = writeVarint(buf, 0, body);
    buf[p++] = 0;
    p = writeVarlong(buf, p, tsDelta);
    p = writeVarint(buf, p, offsetDelta);
    for (const field of [key, value]) {
      if (field) {
        p = writeVarint(buf, p, field.length);
        p += field.copy(buf, p);
      } else p = writeVarint(buf, p, -1);
    }
    p = writeVarint(buf, p, headers.length);
    headers.forEach((h, j) => {
      p = writeVarint(buf, p, hKeys[j]!.length);
      p += hKeys[j]!.copy(buf, p);
      if (h.value) {
        p = writeVarint(buf, p, h.value.length);
        p += h.value.copy(buf, p);
      } else p = writeVarint(buf, p, -1);
    });
    parts.push(buf);
  });
  return Buffer.concat(parts);
}

/** Builds a complete, checksummed v2 batch. */
export function buildBatch(records: readonly SimpleRecord[], opts: BatchOptions = {}): Buffer {
  if (records.length === 0) throw new RangeError('a batch needs at least one record');
  let baseTs = records[0]!.timestamp;
  let maxTs = baseTs;
  for (const r of records) {
    if (r.timestamp < baseTs) baseTs = r.timestamp;
    if (r.timestamp > maxTs) maxTs = r.timestamp;
  }
  const raw = encodeRecords(records, baseTs, opts.offsetDeltas);
  const codec = opts.codec ?? 0;
  const payload = codec === 0 ? raw : (opts.compress ?? ((b: Buffer) => b))(raw);
  const buf = Buffer.alloc(BATCH_HEADER_SIZE + payload.length);
  buf.writeBigInt64BE(opts.baseOffset ?? 0n, Off.baseOffset);
  buf.writeInt32BE(buf.length - 12, Off.batchLength);
  buf.writeInt32BE(-1, Off.partitionLeaderEpoch);
  buf.writeInt8(2, Off.magic);
  buf.writeInt16BE(codec | (opts.logAppendTime ? 0x08 : 0), Off.attributes);
  const lastDelta = opts.offsetDeltas ? opts.offsetDeltas[opts.offsetDeltas.length - 1]! : records.length - 1;
  buf.writeInt32BE(lastDelta, Off.lastOffsetDelta);
  buf.writeBigInt64BE(baseTs, Off.baseTimestamp);
  buf.writeBigInt64BE(maxTs, Off.maxTimestamp);
  buf.writeBigInt64BE(opts.producerId ?? -1n, Off.producerId);
  buf.writeInt16BE(opts.producerEpoch ?? -1, Off.producerEpoch);
  buf.writeInt32BE(opts.baseSequence ?? -1, Off.baseSequence);
  buf.writeInt32BE(records.length, Off.recordCount);
  payload.copy(buf, BATCH_HEADER_SIZE);
  buf.writeUInt32BE(computeBatchCrc(buf), Off.crc);
  return buf;
}

/**
 * Decodes the records of a v2 batch. `decompress` turns the records section of a compressed batch into raw
 * record bytes. LogAppendTime batches report maxTimestamp for every record, as Kafka's clients do.
 */
export function decodeBatch(batch: Buffer, decompress?: (codec: number, data: Buffer) => Buffer): DecodedRecord[] {
  const codec = batchCodec(batch);
  let body = batch.subarray(BATCH_HEADER_SIZE);
  if (codec !== 0) {
    if (!decompress) throw new Error(`batch is compressed (codec ${codec})`);
    body = decompress(codec, body);
  }
  const baseOffset = batch.readBigInt64BE(Off.baseOffset);
  const baseTs = batch.readBigInt64BE(Off.baseTimestamp);
  const logAppend = (batch.readInt16BE(Off.attributes) & 0x08) !== 0;
  const maxTs = batch.readBigInt64BE(Off.maxTimestamp);
  const n = batchRecordCount(batch);
  const r = new VarReader(body);
  const out: DecodedRecord[] = [];
  for (let i = 0; i < n; i++) {
    const len = r.varint();
    const end = r.pos + len;
    r.pos++; // attributes
    const tsDelta = r.varlong();
    const offsetDelta = r.varint();
    const key = r.bytes(r.varint());
    const value = r.bytes(r.varint());
    const headerCount = r.varint();
    const headers: RecordHeader[] = [];
    for (let h = 0; h < headerCount; h++) {
      const hk = r.bytes(r.varint());
      headers.push({ key: hk ? hk.toString('utf8') : '', value: r.bytes(r.varint()) });
    }
    r.pos = end;
    out.push({ offset: baseOffset + BigInt(offsetDelta), timestamp: logAppend ? maxTs : baseTs + tsDelta, key, value, headers });
  }
  return out;
}
