import Type, { type Static } from 'typebox';
import { TOPIC_NAME_PATTERN } from './topic-name.ts';

export { TOPIC_NAME_PATTERN, isValidTopicName } from './topic-name.ts';
export const TopicName = Type.String({
  pattern: TOPIC_NAME_PATTERN,
  minLength: 1,
  maxLength: 249,
  description: 'Kafka topic name: letters, digits, ".", "_" and "-", at most 249 characters',
});
export type TopicName = Static<typeof TopicName>;

export const GroupId = Type.String({ minLength: 1, maxLength: 1024 });

// JSON integers: offsets and timestamps stay below 2^53 in practice, and the wire is JSON.
export const Offset = Type.Integer({ minimum: 0, description: 'Kafka offset (the next offset to read when posted back)' });
export const PartitionId = Type.Integer({ minimum: 0, maximum: 1_000_000 });
export const TimestampMs = Type.Integer({ minimum: 0, description: 'milliseconds since the Unix epoch' });

export const TopicParams = Type.Object({ name: TopicName });
export type TopicParams = Static<typeof TopicParams>;

export const GroupParams = Type.Object({ id: GroupId });
export type GroupParams = Static<typeof GroupParams>;

/**
 * How a key, value or header travelled: JSON (parsed), a UTF-8 string, base64 of raw
 * bytes, or null when absent (a tombstone value, a record without key).
 */
export const DataEncoding = Type.Enum(['json', 'string', 'base64', 'null']);
export type DataEncoding = Static<typeof DataEncoding>;

/** What a client asks the gateway to do with a key or value it posts. */
export const InputEncoding = Type.Enum(['json', 'string', 'base64']);
export type InputEncoding = Static<typeof InputEncoding>;
