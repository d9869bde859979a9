// The SSE event names and timings of GET /topics/:name/stream, apart from their schemas (sse.ts)
// so that a browser bundle can use them without TypeBox.
export const SSE_EVENTS = { record: 'record', error: 'error' } as const;
export type SseEventName = (typeof SSE_EVENTS)[keyof typeof SSE_EVENTS];

export const SSE_KEEPALIVE_MS = 15_000;
export const SSE_CONTENT_TYPE = 'text/event-stream';
