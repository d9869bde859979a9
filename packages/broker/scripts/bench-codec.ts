// Micro-benchmark of the request path's codec work: decode a Produce request (header + body, records
// left as a view) and encode its response, as the connection does per request.
// Run: node --import tsx scripts/bench-codec.ts
import { decode, encode, encodeToBuffer } from '../src/protocol/codec.ts';
import { schemas } from '../src/protocol/generated/messages.ts';
import { Reader } from '../src/protocol/reader.ts';
import { Writer } from '../src/protocol/writer.ts';

const VERSION = 7;
const PARTITIONS = 4;
const BATCH_BYTES = 16 * 1024;
const RECORDS_PER_BATCH = 100;

const header = encodeToBuffer(schemas.RequestHeader, 1, { requestApiKey: 0, requestApiVersion: VERSION, correlationId: 1, clientId: 'bench' });
const body = encodeToBuffer(schemas.ProduceRequest, VERSION, {
  transactionalId: null,
  acks: -1,
  timeoutMs: 30000,
  topicData: [{ name: 'bench', partitionData: Array.from({ length: PARTITIONS }, (_, index) => ({ index, records: Buffer.alloc(BATCH_BYTES, index) })) }],
});
const frame = Buffer.concat([header, body]);
const response = {
  responses: [{ name: 'bench', partitionResponses: Array.from({ length: PARTITIONS }, (_, index) => ({ index, errorCode: 0, baseOffset: 123456n, logAppendTimeMs: -1n, logStartOffset: 0n })) }],
  throttleTimeMs: 0,
};

function run(iterations: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) {
    const reader = new Reader(frame);
    decode(schemas.RequestHeader, 1, reader);
    decode(schemas.ProduceRequest, VERSION, reader);
    const w = new Writer(256);
    w.int32(0);
    w.int32(1);
    encode(schemas.ProduceResponse, VERSION, response, w);
    w.toFrame();
  }
  return Number(process.hrtime.bigint() - start) / 1e9;
}

run(20_000);
const iterations = 200_000;
const seconds = run(iterations);
const perSecond = iterations / seconds;
console.log(
  `Produce v${VERSION} request decode + response encode, ${PARTITIONS} partitions x ${BATCH_BYTES} B batches: ` +
    `${Math.round(perSecond).toLocaleString('en')} requests/s, ${(1e6 / perSecond).toFixed(2)} µs/request, ` +
    `= ${Math.round((perSecond * PARTITIONS * RECORDS_PER_BATCH) / 1e6)}M records/s at ${RECORDS_PER_BATCH} records per batch (codec only)`,
);
