/** Kafka's RecordBatch v2 (magic 2) header, as the gateway writes it (record-batch.ts) and reads it (fetch-wire.ts). */

/** Byte offsets from the start of a batch. */
export const MAGIC_AT = 16;
export const CRC_AT = 17;
export const ATTRIBUTES_AT = 21;
/** Fixed bytes before the records (baseOffset … recordCount). */
export const BATCH_HEADER_BYTES = 61;
/** The smallest whole batch a decoder may expect after a batch's offset and length fields. */
export const RECORD_BATCH_OVERHEAD = 49;

/** Attribute bits. */
export const COMPRESSION_MASK = 0x07;
export const TIMESTAMP_TYPE_MASK = 0x08;
export const TRANSACTIONAL_MASK = 0x10;
export const CONTROL_MASK = 0x20;
