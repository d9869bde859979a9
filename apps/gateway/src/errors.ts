import type { ErrorCode, KafkaErrorInfo, ProblemDetail } from '@brook/contract';

/** The gateway's one error type: a status and a problem body, thrown anywhere, answered by one handler. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly kafkaError: KafkaErrorInfo | undefined;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: ErrorCode,
    message: string,
    extra: { details?: unknown; kafkaError?: KafkaErrorInfo; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, { cause: extra.cause });
    this.status = status;
    this.code = code;
    this.details = extra.details;
    this.kafkaError = extra.kafkaError;
    this.headers = extra.headers ?? {};
  }

  toProblem(): ProblemDetail {
    const problem: ProblemDetail = { code: this.code, message: this.message };
    if (this.details !== undefined) problem.details = this.details;
    if (this.kafkaError) problem.kafkaError = this.kafkaError;
    return problem;
  }
}

export const notFound = (code: ErrorCode, message: string): HttpError => new HttpError(404, code, message);
export const badRequest = (code: ErrorCode, message: string, details?: unknown): HttpError =>
  new HttpError(400, code, message, { details });

interface KafkaLikeError {
  name?: string;
  type?: string;
  code?: number | string;
  retriable?: boolean;
  message?: string;
  cause?: unknown;
  originalError?: unknown;
  errors?: unknown[];
}

// Kafka error name → HTTP status and our code. Anything not listed is a 502 with the Kafka error attached.
const KAFKA_TO_HTTP: Record<string, [number, ErrorCode]> = {
  UNKNOWN_TOPIC_OR_PARTITION: [404, 'GATEWAY_TOPIC_NOT_FOUND'],
  UNKNOWN_TOPIC_ID: [404, 'GATEWAY_TOPIC_NOT_FOUND'],
  TOPIC_ALREADY_EXISTS: [409, 'GATEWAY_TOPIC_EXISTS'],
  GROUP_ID_NOT_FOUND: [404, 'GATEWAY_GROUP_NOT_FOUND'],
  NON_EMPTY_GROUP: [409, 'GATEWAY_GROUP_NOT_EMPTY'],
  UNKNOWN_MEMBER_ID: [409, 'GATEWAY_GROUP_NOT_EMPTY'],
  INVALID_TOPIC_EXCEPTION: [400, 'GATEWAY_INVALID_REQUEST'],
  INVALID_PARTITIONS: [400, 'GATEWAY_INVALID_REQUEST'],
  INVALID_REPLICATION_FACTOR: [400, 'GATEWAY_INVALID_REQUEST'],
  INVALID_REPLICA_ASSIGNMENT: [400, 'GATEWAY_INVALID_REQUEST'],
  INVALID_CONFIG: [400, 'GATEWAY_INVALID_REQUEST'],
  INVALID_REQUEST: [400, 'GATEWAY_INVALID_REQUEST'],
  POLICY_VIOLATION: [400, 'GATEWAY_INVALID_REQUEST'],
  INVALID_TIMESTAMP: [400, 'GATEWAY_INVALID_REQUEST'],
  INVALID_RECORD: [400, 'GATEWAY_INVALID_REQUEST'],
  CORRUPT_MESSAGE: [400, 'GATEWAY_INVALID_REQUEST'],
  MESSAGE_TOO_LARGE: [413, 'GATEWAY_PAYLOAD_TOO_LARGE'],
  RECORD_LIST_TOO_LARGE: [413, 'GATEWAY_PAYLOAD_TOO_LARGE'],
  OFFSET_OUT_OF_RANGE: [400, 'GATEWAY_INVALID_OFFSET'],
  TOPIC_AUTHORIZATION_FAILED: [403, 'GATEWAY_FORBIDDEN'],
  GROUP_AUTHORIZATION_FAILED: [403, 'GATEWAY_FORBIDDEN'],
  CLUSTER_AUTHORIZATION_FAILED: [403, 'GATEWAY_FORBIDDEN'],
  REQUEST_TIMED_OUT: [504, 'GATEWAY_TIMEOUT'],
  NOT_ENOUGH_REPLICAS: [503, 'GATEWAY_CLUSTER_UNAVAILABLE'],
  NOT_ENOUGH_REPLICAS_AFTER_APPEND: [503, 'GATEWAY_CLUSTER_UNAVAILABLE'],
  LEADER_NOT_AVAILABLE: [503, 'GATEWAY_CLUSTER_UNAVAILABLE'],
  NOT_LEADER_FOR_PARTITION: [503, 'GATEWAY_CLUSTER_UNAVAILABLE'],
  COORDINATOR_NOT_AVAILABLE: [503, 'GATEWAY_CLUSTER_UNAVAILABLE'],
};

const UNAVAILABLE_NAMES = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSBrokerNotFound',
  'KafkaJSNoBrokerAvailableError',
  'KafkaJSMetadataNotLoaded',
  'KafkaJSGroupCoordinatorNotFound',
  'KafkaJSSASLAuthenticationError',
]);
const TIMEOUT_NAMES = new Set(['KafkaJSRequestTimeoutError', 'KafkaJSTimeout', 'KafkaJSLockTimeout']);

function asKafkaError(error: unknown): KafkaLikeError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const name = (error as KafkaLikeError).name;
  return typeof name === 'string' && name.startsWith('KafkaJS') ? (error as KafkaLikeError) : undefined;
}

/** Kafka's error, digging through kafkajs's retry and aggregate wrappers. */
function innermost(error: KafkaLikeError): KafkaLikeError {
  let current = error;
  for (let depth = 0; depth < 5; depth++) {
    const next = asKafkaError(current.cause) ?? asKafkaError(current.originalError) ?? asKafkaError(current.errors?.[0]);
    if (!next || next === current) break;
    current = next;
  }
  return current;
}

/** Turn a kafkajs error into an HttpError; returns undefined for anything that is not from kafkajs. */
export function fromKafkaError(error: unknown, context = ''): HttpError | undefined {
  const outer = asKafkaError(error);
  if (!outer) return undefined;
  const inner = innermost(outer);
  const prefix = context ? `${context}: ` : '';
  const message = `${prefix}${inner.message ?? outer.message ?? 'Kafka error'}`;
  if (typeof inner.type === 'string' && typeof inner.code === 'number') {
    const kafkaError: KafkaErrorInfo = { code: inner.code, name: inner.type, retriable: inner.retriable === true };
    const [status, code] = KAFKA_TO_HTTP[inner.type] ?? [502, 'GATEWAY_KAFKA_ERROR'];
    return new HttpError(status, code, message, { kafkaError, cause: error });
  }
  const name = inner.name ?? '';
  if (TIMEOUT_NAMES.has(name)) return new HttpError(504, 'GATEWAY_TIMEOUT', message, { cause: error });
  if (UNAVAILABLE_NAMES.has(name) || /ECONNREFUSED|ENOTFOUND|Connection/i.test(message)) {
    return new HttpError(503, 'GATEWAY_CLUSTER_UNAVAILABLE', `${prefix}cluster unreachable: ${inner.message ?? ''}`, { cause: error });
  }
  return new HttpError(502, 'GATEWAY_KAFKA_ERROR', message, { cause: error });
}

/** Kafka error code (number) → its protocol name, for per-record produce errors. */
export function kafkaErrorInfo(error: unknown): KafkaErrorInfo | undefined {
  const outer = asKafkaError(error);
  if (!outer) return undefined;
  const inner = innermost(outer);
  if (typeof inner.type !== 'string' || typeof inner.code !== 'number') return undefined;
  return { code: inner.code, name: inner.type, retriable: inner.retriable === true };
}
