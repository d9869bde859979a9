import Type, { type Static } from 'typebox';
import { ProblemDetail } from './errors.ts';
import { KafkaRecord } from './messages.ts';
import type { SSE_EVENTS } from './sse-protocol.ts';

/**
 * Server-Sent Events of GET /topics/:name/stream. Each `record` event's `id` is a cursor
 * holding the next offset of every partition, so `Last-Event-ID` (or `?cursor=`) resumes
 * exactly. `: keepalive` comments arrive every 15 s. An `error` event is the last one.
 */
export { SSE_EVENTS, SSE_KEEPALIVE_MS, SSE_CONTENT_TYPE, type SseEventName } from './sse-protocol.ts';

export const SseRecordData = KafkaRecord;
export type SseRecordData = Static<typeof SseRecordData>;

export const SseErrorData = ProblemDetail;
export type SseErrorData = Static<typeof SseErrorData>;

export type SseEvent =
  | { event: typeof SSE_EVENTS.record; id: string; data: SseRecordData }
  | { event: typeof SSE_EVENTS.error; id?: string; data: SseErrorData };


export const SseEventSchemas = Type.Object({ record: SseRecordData, error: SseErrorData });
