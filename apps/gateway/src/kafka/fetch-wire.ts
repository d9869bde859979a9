/**
 * Fetch v11 with a response decoder that decodes only the records a page can use. Brokers
 * answer with whole record batches, and producers such as librdkafka write batches of 10,000
 * records: kafkajs decodes every one of them (5,500 records for the newest 50 of a kcat-filled
 * partition, ~20 ms). Here records before the requested offset are stepped over by their length
 * prefix, and decoding stops after `maxRecords`. Kept records go through kafkajs's own record
 * decoder, so they are exactly what `broker.fetch` returns; compressed and legacy (magic 0/1)
 * batches are decoded whole by kafkajs as before. Request encoding, the socket, SASL/SSL,
 * timeouts and protocol errors stay kafkajs's (2.2.4 internals, as in wire.ts).
 */
import { createRequire } from 'node:module';
import { COMPRESSION_MASK, CONTROL_MASK, MAGIC_AT, RECORD_BATCH_OVERHEAD, TIMESTAMP_TYPE_MASK, TRANSACTIONAL_MASK } from './batch-layout.ts';
import { negotiatedVersions, sendRawRequest, type WireBroker, type WireFetchPartition, type WireFetchRequest, type WireMessage } from './wire.ts';

const require = createRequire(import.meta.url);

const FETCH = 1;
const VERSION = 11;
const LOG_APPEND_TIME = 1;
const CREATE_TIME = 0;

interface KafkaDecoder {
  offset: number;
  buffer: Buffer;
  readInt8(): number;
  readInt16(): number;
  readInt32(): number;
  readInt64(): { toString(): string };
  readString(): string;
  readBytes(length: number): Buffer;
  readVarInt(): number;
  readVarLong(): { toNumber(): number };
  canReadBytes(length: number): boolean;
  readArray<T>(reader: (decoder: KafkaDecoder) => T): T[];
  slice(size: number): KafkaDecoder;
  forward(size: number): void;
}

interface Internals {
  Decoder: new (buffer: Buffer) => KafkaDecoder;
  decodeRecord: (decoder: KafkaDecoder, context: object) => WireMessage;
  decodeBatch: (decoder: KafkaDecoder) => Promise<{ records: WireMessage[] }>;
  decodeMessageSet: (decoder: KafkaDecoder, size: number) => Promise<WireMessage[]>;
  fetchProtocol: (options: { version: number }) => (request: object) => {
    request: object;
    response: { parse(decoded: unknown): Promise<unknown> };
    requestTimeout?: number;
  };
}

let internals: Internals | undefined;

function kafkajs(): Internals {
  internals ??= {
    Decoder: require('kafkajs/src/protocol/decoder.js') as Internals['Decoder'],
    decodeRecord: require('kafkajs/src/protocol/recordBatch/record/v0/decoder.js') as Internals['decodeRecord'],
    decodeBatch: require('kafkajs/src/protocol/recordBatch/v0/decoder.js') as Internals['decodeBatch'],
    decodeMessageSet: require('kafkajs/src/protocol/messageSet/decoder.js') as Internals['decodeMessageSet'],
    fetchProtocol: (require('kafkajs/src/protocol/requests/fetch/index.js') as { protocol: Internals['fetchProtocol'] }).protocol,
  };
  return internals;
}

/** One partition of a selective fetch: `lastOffset` is the last offset the answer covered (−1: none). */
export interface SelectedPartition extends WireFetchPartition {
  lastOffset: number;
}

export interface Selection {
  /** Per topic and partition: the first offset wanted. */
  from(topic: string, partition: number): number;
  /** Stop decoding a partition after this many records at or after `from` (control records aside). */
  maxRecords?: number | undefined;
}

/**
 * The records of one partition's record set from `from` on, at most `maxRecords` of them.
 * `lastOffset` is the last offset examined (or skipped over), for the caller's next position.
 */
export async function decodeRecordSet(records: Buffer, from: number, maxRecords = Infinity): Promise<{ messages: WireMessage[]; lastOffset: number }> {
  const { Decoder, decodeRecord, decodeBatch, decodeMessageSet } = kafkajs();
  const messages: WireMessage[] = [];
  let lastOffset = -1;
  if (records.length <= MAGIC_AT) return { messages, lastOffset };
  const decoder = new Decoder(records);
  if (records.readInt8(MAGIC_AT) !== 2) {
    const legacy = await decodeMessageSet(decoder, records.length);
    for (const m of legacy) {
      lastOffset = Number(m.offset);
      if (lastOffset >= from && messages.length < maxRecords) messages.push(m);
    }
    return { messages, lastOffset };
  }
  let kept = 0;
  while (decoder.canReadBytes(RECORD_BATCH_OVERHEAD) && kept < maxRecords) {
    const batchStart = decoder.offset;
    const firstOffset = Number(decoder.readInt64().toString());
    const length = decoder.readInt32();
    // A batch cut short by maxBytes ends the answer.
    if (!decoder.canReadBytes(length)) break;
    const batch = decoder.slice(length);
    decoder.forward(length);
    const partitionLeaderEpoch = batch.readInt32();
    const magicByte = batch.readInt8();
    batch.readInt32(); // crc, not checked (as kafkajs)
    const attributes = batch.readInt16();
    const lastOffsetDelta = batch.readInt32();
    const batchLast = firstOffset + lastOffsetDelta;
    if (batchLast < from || (attributes & CONTROL_MASK) !== 0) {
      lastOffset = Math.max(lastOffset, batchLast);
      continue;
    }
    if ((attributes & COMPRESSION_MASK) !== 0) {
      // Compressed: kafkajs decompresses and decodes the whole batch.
      const whole = await decodeBatch(new Decoder(records.subarray(batchStart, batchStart + 12 + length)));
      for (const m of whole.records) {
        const offset = Number(m.offset);
        if (offset < from || kept >= maxRecords) continue;
        messages.push(m);
        kept++;
        lastOffset = offset;
      }
      if (kept < maxRecords) lastOffset = Math.max(lastOffset, batchLast);
      continue;
    }
    const firstTimestamp = batch.readInt64().toString();
    const maxTimestamp = batch.readInt64().toString();
    const producerId = batch.readInt64().toString();
    const producerEpoch = batch.readInt16();
    const firstSequence = batch.readInt32();
    const count = batch.readInt32();
    const context = {
      firstOffset: String(firstOffset),
      firstTimestamp,
      partitionLeaderEpoch,
      inTransaction: (attributes & TRANSACTIONAL_MASK) !== 0,
      isControlBatch: false,
      lastOffsetDelta,
      producerId,
      producerEpoch,
      firstSequence,
      maxTimestamp,
      timestampType: (attributes & TIMESTAMP_TYPE_MASK) !== 0 ? LOG_APPEND_TIME : CREATE_TIME,
      magicByte,
    };
    for (let i = 0; i < count && kept < maxRecords; i++) {
      const size = batch.readVarInt();
      const start = batch.offset;
      // attributes, then timestampDelta: skip both to read the record's offset delta.
      batch.forward(1);
      batch.readVarLong();
      const offset = firstOffset + batch.readVarInt();
      batch.offset = start + size;
      lastOffset = offset;
      if (offset < from) continue;
      messages.push(decodeRecord(new Decoder(batch.buffer.subarray(start, start + size)), context));
      kept++;
    }
    if (kept < maxRecords) lastOffset = Math.max(lastOffset, batchLast);
  }
  return { messages, lastOffset };
}

/** True when this broker connection negotiated Fetch v11, the version decoded here. */
export function speaksFetchV11(broker: WireBroker): boolean {
  const range = negotiatedVersions(broker, FETCH);
  return range !== undefined && range.minVersion <= VERSION && range.maxVersion >= VERSION;
}

/** Fetch v11 (check speaksFetchV11 first), decoding only the selected records. */
export async function fetchSelected(broker: WireBroker, request: WireFetchRequest, selection: Selection): Promise<Array<{ topicName: string; partitions: SelectedPartition[] }>> {
  const { Decoder, fetchProtocol } = kafkajs();
  const protocol = fetchProtocol({ version: VERSION })({ ...request, rackId: '' });
  const decode = async (raw: Buffer) => {
    const decoder = new Decoder(raw);
    decoder.readInt32(); // throttle time
    const errorCode = decoder.readInt16();
    decoder.readInt32(); // session id
    const topicCount = decoder.readInt32();
    const responses: Array<{ topicName: string; partitions: SelectedPartition[] }> = [];
    for (let t = 0; t < topicCount; t++) {
      const topicName = decoder.readString();
      const partitionCount = decoder.readInt32();
      const partitions: SelectedPartition[] = [];
      for (let p = 0; p < partitionCount; p++) {
        const partition = decoder.readInt32();
        const partitionError = decoder.readInt16();
        const highWatermark = decoder.readInt64().toString();
        const lastStableOffset = decoder.readInt64().toString();
        const logStartOffset = decoder.readInt64().toString();
        decoder.readArray((d) => [d.readInt64(), d.readInt64()]); // aborted transactions
        decoder.readInt32(); // preferred read replica
        const size = decoder.readInt32();
        const records = size > 0 && decoder.canReadBytes(size) ? decoder.readBytes(size) : Buffer.alloc(0);
        const { messages, lastOffset } = await decodeRecordSet(records, selection.from(topicName, partition), selection.maxRecords);
        partitions.push({ partition, errorCode: partitionError, highWatermark, lastStableOffset, logStartOffset, messages, lastOffset });
      }
      responses.push({ topicName, partitions });
    }
    return { throttleTime: 0, errorCode, responses };
  };
  const result = (await sendRawRequest(broker, { ...protocol, response: { decode, parse: protocol.response.parse } })) as {
    responses: Array<{ topicName: string; partitions: SelectedPartition[] }>;
  };
  return result.responses;
}
