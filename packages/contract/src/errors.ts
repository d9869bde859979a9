import Type, { type Static } from 'typebox';

/**
 * The one HTTP problem body (DESIGN.md, "three error layers"). Every non-2xx JSON
 * answer of the gateway has this shape; the console maps `code` to a readable state.
 */
export const ERROR_CODES = [
  'GATEWAY_VALIDATION_FAILED',
  'GATEWAY_MALFORMED_JSON',
  'GATEWAY_INVALID_BASE64',
  'GATEWAY_INVALID_CURSOR',
  'GATEWAY_INVALID_OFFSET',
  'GATEWAY_UNSUPPORTED_MEDIA_TYPE',
  'GATEWAY_UNAUTHORIZED',
  'GATEWAY_FORBIDDEN',
  'GATEWAY_ROUTE_NOT_FOUND',
  'GATEWAY_TOPIC_NOT_FOUND',
  'GATEWAY_PARTITION_NOT_FOUND',
  'GATEWAY_GROUP_NOT_FOUND',
  'GATEWAY_TOPIC_EXISTS',
  'GATEWAY_GROUP_NOT_EMPTY',
  'GATEWAY_INVALID_REQUEST',
  'GATEWAY_PAYLOAD_TOO_LARGE',
  'GATEWAY_BATCH_TOO_LARGE',
  'GATEWAY_RATE_LIMITED',
  'GATEWAY_TOO_MANY_STREAMS',
  'GATEWAY_SLOW_CONSUMER',
  'GATEWAY_KAFKA_ERROR',
  'GATEWAY_CLUSTER_UNAVAILABLE',
  'GATEWAY_TIMEOUT',
  'GATEWAY_INTERNAL',
] as const;

export const ErrorCode = Type.Enum(ERROR_CODES);
export type ErrorCode = Static<typeof ErrorCode>;

/** The Kafka error behind a problem, when there is one (name as in Kafka's protocol). */
export const KafkaErrorInfo = Type.Object({
  code: Type.Integer({ description: 'Kafka protocol error code, e.g. 3' }),
  name: Type.String({ description: 'Kafka error name, e.g. UNKNOWN_TOPIC_OR_PARTITION' }),
  retriable: Type.Boolean(),
});
export type KafkaErrorInfo = Static<typeof KafkaErrorInfo>;

export const ProblemDetail = Type.Object({
  code: ErrorCode,
  message: Type.String(),
  details: Type.Optional(Type.Unknown()),
  kafkaError: Type.Optional(KafkaErrorInfo),
});
export type ProblemDetail = Static<typeof ProblemDetail>;

export const ProblemBody = Type.Object({ error: ProblemDetail }, { title: 'Problem' });
export type ProblemBody = Static<typeof ProblemBody>;

/** One failed field of a request, as listed in `details` of GATEWAY_VALIDATION_FAILED. */
export const ValidationIssue = Type.Object({
  path: Type.String({ description: 'JSON pointer into the request part, e.g. /body/records/0/partition' }),
  message: Type.String(),
});
export type ValidationIssue = Static<typeof ValidationIssue>;
