import Type, { type Static } from 'typebox';
import { ProblemDetail } from './errors.ts';
import { KafkaRecord } from './messages.ts';

/**
 * Server-Sent Events of GET /topics/:name/stream. Each `record` event's `id` is a cursor
 * holding the next offset of every partition, so `Last-Event-ID` (or `?cursor=`) resumes
 * exactly. `: keepalive` comments arrive every 15 s. An `error` event is the last one.
 */
export const SSE_EVENTS = { record: 'record', error: 'error' } as const;
export type SseEventName = (typeof SSE_EVENTS)[keyof typeof SSE_EVENTS];

export const SseRecordData = KafkaRecord;
export type SseRecordData = Static<typeof SseRecordData>;

export const SseErrorData = ProblemDetail;
export type SseErrorData = Static<typeof SseErrorData>;

export type SseEvent =
  | { event: typeof SSE_EVENTS.record; id: string; data: SseRecordData }
  | { event: typeof SSE_EVENTS.error; id?: string; data: SseErrorData };

export const SSE_KEEPALIVE_MS = 15_000;
export const SSE_CONTENT_TYPE = 'text/event-stream';

export const SseEventSchemas = Type.Object({ record: SseRecordData, error: SseErrorData });
