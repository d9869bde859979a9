/**
 * Sends a Produce request the gateway encoded itself (record-batch.ts) over the connection
 * kafkajs's Broker already holds for it: same socket, SASL/SSL, correlation and timeouts, and
 * kafkajs's own response decoders and protocol errors (with their `retriable` flags). As in
 * wire.ts, these are kafkajs 2.2.4 internals reached through a narrow, checked facade.
 */
import { createRequire } from 'node:module';
import { negotiatedVersions, sendRawRequest, type WireBroker } from './wire.ts';

const require = createRequire(import.meta.url);

const PRODUCE = 0;
/** v3 is the first with RecordBatch v2 and the oldest Apache Kafka 4 still serves; kafkajs decodes up to v7. */
const MIN_VERSION = 3;
const MAX_VERSION = 7;

export interface ProduceResponse {
  topics: Array<{ topicName: string; partitions: Array<{ partition: number; errorCode: number; baseOffset: string }> }>;
}

interface ResponseCodec {
  decode(raw: Buffer): Promise<unknown>;
  /** Throws kafkajs's protocol error of the first failed partition. */
  parse(decoded: unknown): Promise<ProduceResponse>;
}

/** What kafkajs's Connection.send takes: the request encodes to something with an Encoder's `buf`/`buffer`. */
interface ProtocolRequest {
  request: {
    apiKey: number;
    apiVersion: number;
    apiName: string;
    expectResponse: () => boolean;
    encode: () => Promise<{ buf: Buffer; buffer: Buffer }>;
  };
  response: ResponseCodec;
}

const codecs = new Map<number, ResponseCodec>();

function responseCodec(version: number): ResponseCodec {
  let codec = codecs.get(version);
  if (!codec) {
    codec = require(`kafkajs/src/protocol/requests/produce/v${version}/response.js`) as ResponseCodec;
    codecs.set(version, codec);
  }
  return codec;
}

/** The highest Produce version both sides speak in [3, 7]. */
export function produceVersion(broker: WireBroker): number {
  const range = negotiatedVersions(broker, PRODUCE);
  if (!range) throw new Error('kafkajs internals changed: Broker has no negotiated API versions');
  const version = Math.min(range.maxVersion, MAX_VERSION);
  if (version < MIN_VERSION || version < range.minVersion) {
    throw new Error(`The broker serves Produce v${range.minVersion}-v${range.maxVersion}; the gateway needs one of v${MIN_VERSION}-v${MAX_VERSION}`);
  }
  return version;
}

/**
 * Sends one Produce request whose body (after the request header) is `body`.
 * Resolves undefined with acks=0 (no response), else the decoded response; partition errors throw.
 */
export async function sendProduce(broker: WireBroker, body: Buffer, acks: number): Promise<ProduceResponse | undefined> {
  const apiVersion = produceVersion(broker);
  const encoded = { buf: body, buffer: body };
  const request: ProtocolRequest = {
    request: { apiKey: PRODUCE, apiVersion, apiName: 'Produce', expectResponse: () => acks !== 0, encode: async () => encoded },
    response: responseCodec(apiVersion),
  };
  const result = await sendRawRequest(broker, request);
  return result as ProduceResponse | undefined;
}
