import { BrookApiError } from '@brook/contract/client';

export interface ReadableError {
  title: string;
  message: string;
  /** Worth offering a retry (the same request may succeed later). */
  retryable: boolean;
  code: string | null;
}

// The one place that turns the gateway's error codes into words (DESIGN.md, three error layers).
const TITLES: Record<string, { title: string; retryable: boolean }> = {
  GATEWAY_UNREACHABLE: { title: 'Gateway unreachable', retryable: true },
  GATEWAY_CLUSTER_UNAVAILABLE: { title: 'Kafka cluster unavailable', retryable: true },
  GATEWAY_TIMEOUT: { title: 'The cluster took too long to answer', retryable: true },
  GATEWAY_RATE_LIMITED: { title: 'Too many requests', retryable: true },
  GATEWAY_TOO_MANY_STREAMS: { title: 'Too many live streams open', retryable: true },
  GATEWAY_TOPIC_NOT_FOUND: { title: 'Topic not found', retryable: false },
  GATEWAY_PARTITION_NOT_FOUND: { title: 'Partition not found', retryable: false },
  GATEWAY_GROUP_NOT_FOUND: { title: 'Consumer group not found', retryable: false },
  GATEWAY_TOPIC_EXISTS: { title: 'A topic with this name already exists', retryable: false },
  GATEWAY_GROUP_NOT_EMPTY: { title: 'The group still has active members', retryable: false },
  GATEWAY_VALIDATION_FAILED: { title: 'The request was refused', retryable: false },
  GATEWAY_INVALID_REQUEST: { title: 'The request was refused', retryable: false },
  GATEWAY_INVALID_CURSOR: { title: 'This page link is no longer valid', retryable: false },
  GATEWAY_INVALID_OFFSET: { title: 'Offset out of range', retryable: false },
  GATEWAY_PAYLOAD_TOO_LARGE: { title: 'Too large', retryable: false },
  GATEWAY_BATCH_TOO_LARGE: { title: 'Too many records at once', retryable: false },
  GATEWAY_UNAUTHORIZED: { title: 'Sign-in required', retryable: false },
  GATEWAY_FORBIDDEN: { title: 'Not allowed', retryable: false },
  GATEWAY_KAFKA_ERROR: { title: 'Kafka refused the request', retryable: true },
  GATEWAY_INTERNAL: { title: 'Something went wrong in the gateway', retryable: true },
  GATEWAY_ROUTE_NOT_FOUND: { title: 'This gateway does not offer this yet', retryable: false },
  GATEWAY_MALFORMED_JSON: { title: 'The request was not valid JSON', retryable: false },
  GATEWAY_INVALID_BASE64: { title: 'Invalid base64', retryable: false },
  GATEWAY_UNSUPPORTED_MEDIA_TYPE: { title: 'Unsupported content type', retryable: false },
};

export function readableError(error: unknown): ReadableError {
  if (error instanceof BrookApiError) {
    const known = TITLES[error.code as string];
    const kafka = error.kafkaError ? ` (${error.kafkaError.name})` : '';
    return {
      title: known?.title ?? `Request failed (${error.status})`,
      message: `${error.message}${kafka && !error.message.includes(error.kafkaError?.name ?? '\0') ? kafka : ''}`,
      retryable: known?.retryable ?? error.status >= 500,
      code: error.code,
    };
  }
  if (error instanceof TypeError) {
    // fetch itself failed: the console server is down or the network dropped.
    return { title: 'Network error', message: 'The console could not be reached. Check your connection.', retryable: true, code: null };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { title: 'Something went wrong', message, retryable: true, code: null };
}

/** Client errors will not fix themselves: do not retry them automatically. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof BrookApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}
