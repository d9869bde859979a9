import Type, { type Static } from 'typebox';
import { DataEncoding, InputEncoding, Offset, PartitionId, TimestampMs } from './common.ts';
import { ProblemDetail } from './errors.ts';

// ---- produce ----------------------------------------------------------------

/** A header to write: `value` is UTF-8 text unless `encoding` is base64; null means no value. */
export const HeaderInput = Type.Object(
  {
    key: Type.String({ maxLength: 32_767 }),
    value: Type.Union([Type.String(), Type.Null()]),
    encoding: Type.Optional(Type.Enum(['string', 'base64'])),
  },
  { additionalProperties: false },
);
export type HeaderInput = Static<typeof HeaderInput>;

/** Headers as a map (`{"trace":"abc"}`) or a list (duplicates and binary values allowed). */
export const HeadersInput = Type.Union([
  Type.Record(Type.String(), Type.Union([Type.String(), Type.Null()])),
  Type.Array(HeaderInput, { maxItems: 1000 }),
]);
export type HeadersInput = Static<typeof HeadersInput>;

/**
 * One record to produce. Key and value: a string is written as its UTF-8 text, anything
 * else as its JSON text, unless `keyEncoding`/`valueEncoding` says otherwise (`json`
 * always writes JSON text, `base64` decodes a base64 string to raw bytes). A missing or
 * null value writes a tombstone; a missing key writes no key.
 */
export const ProduceRecord = Type.Object(
  {
    key: Type.Optional(Type.Unknown()),
    keyEncoding: Type.Optional(InputEncoding),
    value: Type.Optional(Type.Unknown()),
    valueEncoding: Type.Optional(InputEncoding),
    headers: Type.Optional(HeadersInput),
    partition: Type.Optional(PartitionId),
    timestamp: Type.Optional(TimestampMs),
  },
  { additionalProperties: false },
);
export type ProduceRecord = Static<typeof ProduceRecord>;

export const ProduceBatch = Type.Object(
  { records: Type.Array(ProduceRecord, { minItems: 1 }) },
  { additionalProperties: false },
);
export type ProduceBatch = Static<typeof ProduceBatch>;

/** JSON body of POST /topics/:name/messages. Raw text/binary bodies are also accepted. */
export const ProduceBody = Type.Union([ProduceBatch, ProduceRecord]);
export type ProduceBody = Static<typeof ProduceBody>;

export const ProduceQuery = Type.Object({
  key: Type.Optional(Type.String({ description: 'key for a raw body (UTF-8 text)' })),
  partition: Type.Optional(PartitionId),
  timestamp: Type.Optional(TimestampMs),
  acks: Type.Optional(Type.Enum(['all', '-1', '1', '0'], { default: 'all' })),
  timeoutMs: Type.Optional(Type.Integer({ minimum: 1, maximum: 120_000, default: 30_000 })),
});
export type ProduceQuery = Static<typeof ProduceQuery>;

/** Result for one record, in request order: partition and offset, or its own error. */
export const ProduceResult = Type.Object({
  partition: Type.Optional(Type.Integer()),
  offset: Type.Optional(Type.Integer({ description: 'absent with acks=0' })),
  error: Type.Optional(ProblemDetail),
});
export type ProduceResult = Static<typeof ProduceResult>;

export const ProduceResponse = Type.Object({
  topic: Type.String(),
  results: Type.Array(ProduceResult),
  succeeded: Type.Integer(),
  failed: Type.Integer(),
});
export type ProduceResponse = Static<typeof ProduceResponse>;

// ---- read ---------------------------------------------------------------------

export const MessageFilters = {
  key: Type.Optional(Type.String({ description: 'only records whose key (as text) equals this' })),
  valueContains: Type.Optional(Type.String({ maxLength: 1024, description: 'only records whose value text contains this' })),
  header: Type.Optional(
    Type.String({ maxLength: 1024, description: '`name` (header present) or `name=value` (header with that text value)' }),
  ),
};

export const ReadMessagesQuery = Type.Object({
  partition: Type.Optional(PartitionId),
  offset: Type.Optional(Offset),
  from: Type.Optional(
    Type.String({
      pattern: '^(earliest|latest|[0-9]{1,16})$',
      description: '`earliest`, `latest` (the newest `limit` records) or a timestamp in ms',
    }),
  ),
  cursor: Type.Optional(Type.String({ maxLength: 65_536, description: 'nextCursor or prevCursor of an earlier page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  maxBytes: Type.Optional(Type.Integer({ minimum: 1, maximum: 16_777_216, default: 1_048_576 })),
  timeoutMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 30_000, default: 0, description: 'wait for new records up to this long' })),
  ...MessageFilters,
});
export type ReadMessagesQuery = Static<typeof ReadMessagesQuery>;

export const RecordHeader = Type.Object({
  key: Type.String(),
  value: Type.Union([Type.String(), Type.Null()]),
  encoding: Type.Enum(['string', 'base64', 'null']),
});
export type RecordHeader = Static<typeof RecordHeader>;

/** A record as read: key and value decoded as JSON, else UTF-8 text, else base64. */
export const KafkaRecord = Type.Object({
  topic: Type.String(),
  partition: Type.Integer(),
  offset: Type.Integer(),
  timestamp: Type.Integer(),
  key: Type.Unknown(),
  keyEncoding: DataEncoding,
  value: Type.Unknown(),
  valueEncoding: DataEncoding,
  headers: Type.Array(RecordHeader),
  sizeBytes: Type.Integer({ description: 'bytes of key + value + headers' }),
});
export type KafkaRecord = Static<typeof KafkaRecord>;

export const PartitionPosition = Type.Object({
  partition: Type.Integer(),
  nextOffset: Type.Integer(),
  earliestOffset: Type.Integer(),
  latestOffset: Type.Integer(),
});
export type PartitionPosition = Static<typeof PartitionPosition>;

export const ReadMessagesResponse = Type.Object({
  topic: Type.String(),
  records: Type.Array(KafkaRecord),
  nextCursor: Type.String({ description: 'next offset per partition: pass as ?cursor= for the next page' }),
  prevCursor: Type.Union([Type.String(), Type.Null()], { description: 'null at the start of every partition' }),
  partitions: Type.Array(PartitionPosition),
});
export type ReadMessagesResponse = Static<typeof ReadMessagesResponse>;

export const StreamQuery = Type.Object({
  partition: Type.Optional(PartitionId),
  from: Type.Optional(Type.String({ pattern: '^(earliest|latest|[0-9]{1,16})$', default: 'latest' })),
  cursor: Type.Optional(Type.String({ maxLength: 65_536 })),
  group: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'consume as this consumer group and commit delivered offsets' })),
  ...MessageFilters,
});
export type StreamQuery = Static<typeof StreamQuery>;
