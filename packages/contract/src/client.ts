import type { ClusterResponse, HealthResponse, ReadyResponse } from './cluster.ts';
import type { ErrorCode, KafkaErrorInfo, ProblemBody } from './errors.ts';
import type { GroupDetail, ListGroupsResponse, ResetOffsetsBody, ResetOffsetsResponse } from './groups.ts';
import type {
  ProduceBody,
  ProduceQuery,
  ProduceResponse,
  ReadMessagesQuery,
  ReadMessagesResponse,
  StreamQuery,
} from './messages.ts';
import { endpoints, type RouteName } from './endpoints.ts';
import { createSseParser } from './sse-parser.ts';
import type { SseErrorData, SseRecordData } from './sse.ts';
import type {
  AddPartitionsBody,
  AddPartitionsResponse,
  AlterTopicConfigsBody,
  CreateTopicBody,
  CreateTopicResponse,
  ListTopicsQuery,
  ListTopicsResponse,
  TopicConfigsResponse,
  TopicDetail,
} from './topics.ts';

/** A problem body answered by the gateway, or a failure that is not one (then GATEWAY_INTERNAL). */
export class BrookApiError extends Error {
  override readonly name = 'BrookApiError';
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly kafkaError: KafkaErrorInfo | undefined;

  constructor(status: number, problem: ProblemBody['error']) {
    super(problem.message);
    this.status = status;
    this.code = problem.code;
    this.details = problem.details;
    this.kafkaError = problem.kafkaError;
  }
}

export interface BrookClientOptions {
  /** e.g. http://127.0.0.1:8080 */
  baseUrl: string;
  fetch?: typeof globalThis.fetch;
  /** Sent as `Authorization: Bearer <apiKey>` when the gateway requires API keys. */
  apiKey?: string;
  headers?: Record<string, string>;
}

type QueryValue = string | number | boolean | undefined | null;

export interface StreamHandlers {
  onRecord: (record: SseRecordData, id: string) => void;
  onError?: (error: SseErrorData) => void;
  /** Called once the gateway's response headers arrived (the stream is live). */
  onOpen?: () => void;
}

export interface StreamOptions extends StreamQuery {
  /** Resume after this event id (a cursor); sent as Last-Event-ID. */
  lastEventId?: string;
  signal?: AbortSignal;
}

function isProblemBody(value: unknown): value is ProblemBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

export function buildPath(url: string, params: Record<string, string> = {}): string {
  return url.replace(/:([A-Za-z]+)/g, (_m, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`missing path parameter ${key}`);
    return encodeURIComponent(value);
  });
}

export function buildQuery(query: object | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query as Record<string, QueryValue>)) {
    if (value === undefined || value === null) continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The typed client of the gateway: one method per route of the contract. */
export function createBrookClient(options: BrookClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const baseHeaders: Record<string, string> = { ...options.headers };
  if (options.apiKey) baseHeaders.authorization = `Bearer ${options.apiKey}`;

  function urlOf(name: RouteName, params?: Record<string, string>, query?: object): string {
    return `${base}${buildPath(endpoints[name].url, params)}${buildQuery(query)}`;
  }

  async function failure(response: Response): Promise<BrookApiError> {
    const text = await response.text().catch(() => '');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (isProblemBody(parsed)) return new BrookApiError(response.status, parsed.error);
    return new BrookApiError(response.status, {
      code: 'GATEWAY_INTERNAL',
      message: `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`,
    });
  }

  interface Call {
    params?: Record<string, string>;
    query?: object;
    body?: unknown;
    rawBody?: { data: string | Uint8Array; contentType: string };
  }

  async function send(name: RouteName, call: Call = {}): Promise<Response> {
    const route = endpoints[name];
    const headers: Record<string, string> = { ...baseHeaders };
    let body: RequestInit['body'];
    if (call.rawBody) {
      headers['content-type'] = call.rawBody.contentType;
      body = call.rawBody.data as RequestInit['body'];
    } else if (call.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(call.body);
    }
    const response = await doFetch(urlOf(name, call.params, call.query), { method: route.method, headers, body });
    if (!response.ok) throw await failure(response);
    return response;
  }

  async function json<T>(name: RouteName, call?: Call): Promise<T> {
    const response = await send(name, call);
    return (await response.json()) as T;
  }

  async function empty(name: RouteName, call?: Call): Promise<void> {
    const response = await send(name, call);
    await response.arrayBuffer();
  }

  return {
    health: () => json<HealthResponse>('health'),
    ready: () => json<ReadyResponse>('ready'),
    metrics: async () => (await send('metrics')).text(),
    cluster: () => json<ClusterResponse>('cluster'),

    listTopics: (query: ListTopicsQuery = {}) => json<ListTopicsResponse>('listTopics', { query }),
    createTopic: (body: CreateTopicBody) => json<CreateTopicResponse>('createTopic', { body }),
    getTopic: (name: string) => json<TopicDetail>('getTopic', { params: { name } }),
    deleteTopic: (name: string) => empty('deleteTopic', { params: { name } }),
    getTopicConfigs: (name: string) => json<TopicConfigsResponse>('getTopicConfigs', { params: { name } }),
    alterTopicConfigs: (name: string, body: AlterTopicConfigsBody) =>
      json<TopicConfigsResponse>('alterTopicConfigs', { params: { name }, body }),
    addPartitions: (name: string, body: AddPartitionsBody) =>
      json<AddPartitionsResponse>('addPartitions', { params: { name }, body }),

    /** 200 and 207 both resolve: check `failed` or each result's `error`. */
    produce: (topic: string, body: ProduceBody, query: Pick<ProduceQuery, 'acks' | 'timeoutMs'> = {}) =>
      json<ProduceResponse>('produce', { params: { name: topic }, body, query }),
    /** A raw body as one record's value (text/plain for strings, octet-stream for bytes). */
    produceRaw: (topic: string, data: string | Uint8Array, query: ProduceQuery = {}) =>
      json<ProduceResponse>('produce', {
        params: { name: topic },
        query,
        rawBody: { data, contentType: typeof data === 'string' ? 'text/plain; charset=utf-8' : 'application/octet-stream' },
      }),
    readMessages: (topic: string, query: ReadMessagesQuery = {}) =>
      json<ReadMessagesResponse>('readMessages', { params: { name: topic }, query }),

    /** URL for a browser EventSource (which cannot send an API key header). */
    streamUrl: (topic: string, query: StreamQuery = {}) => urlOf('stream', { name: topic }, query),
    /** Read the SSE stream through fetch; resolves when the server closes or the signal aborts. */
    stream: async (topic: string, handlers: StreamHandlers, options: StreamOptions = {}): Promise<void> => {
      const { lastEventId, signal, ...query } = options;
      const headers: Record<string, string> = { ...baseHeaders, accept: 'text/event-stream' };
      if (lastEventId) headers['last-event-id'] = lastEventId;
      const response = await doFetch(urlOf('stream', { name: topic }, query), { headers, signal: signal ?? null });
      if (!response.ok) throw await failure(response);
      handlers.onOpen?.();
      if (response.status === 204 || !response.body) return;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      // The server ends the stream after an error event; an abort ends it from this side.
      // Either way the reader is cancelled, which settles a pending read at once.
      let ended = false;
      const stop = (): void => {
        if (ended) return;
        ended = true;
        void reader.cancel().catch(() => undefined);
      };
      signal?.addEventListener('abort', stop, { once: true });
      const feed = createSseParser((event) => {
        if (ended) return;
        if (event.event === 'record' && event.id !== undefined) {
          handlers.onRecord(JSON.parse(event.data) as SseRecordData, event.id);
        } else if (event.event === 'error') {
          handlers.onError?.(JSON.parse(event.data) as SseErrorData);
          stop();
        }
      });
      try {
        while (!ended) {
          const { done, value } = await reader.read();
          if (done) return;
          feed(value);
        }
      } catch (error) {
        if (ended || signal?.aborted) return;
        throw error;
      } finally {
        signal?.removeEventListener('abort', stop);
      }
    },

    listGroups: () => json<ListGroupsResponse>('listGroups'),
    getGroup: (id: string) => json<GroupDetail>('getGroup', { params: { id } }),
    deleteGroup: (id: string) => empty('deleteGroup', { params: { id } }),
    resetGroupOffsets: (id: string, body: ResetOffsetsBody) =>
      json<ResetOffsetsResponse>('resetGroupOffsets', { params: { id }, body }),
  };
}

export type BrookClient = ReturnType<typeof createBrookClient>;
