// One client connection: frames in, requests dispatched in arrival order, responses written strictly
// in request order (several clients treat a correlation-id mismatch as fatal) whatever order handlers
// finish in. Invariants:
// - at most maxInFlight requests, and at most maxFrameBytes of request bytes (one frame always passes),
//   are dispatched and unanswered; past that the socket is paused, so a client that pipelines without
//   reading cannot grow broker memory (backpressure);
// - reading also stops while the socket's write buffer is full, until 'drain';
// - nothing a client sends can throw out of here: bad frames close this connection with a log line.
import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import { ErrorCode, KafkaError, toErrorCode } from '../errors.ts';
import { decode, encode } from '../protocol/codec.ts';
import { compile, isFlexible } from '../protocol/compile.ts';
import { FrameError, FrameSplitter } from '../protocol/frame-splitter.ts';
import { ApiKey, schemas, type RequestHeader } from '../protocol/generated/messages.ts';
import { Reader } from '../protocol/reader.ts';
import { inRange } from '../protocol/schema.ts';
import { Writer } from '../protocol/writer.ts';
import type { BrokerServices, ConnectionInfo, HandlerResult, RawFrameHandler, RequestContext } from './context.ts';
import type { HandlerRegistry, RegisteredApi } from './registry.ts';

export interface ConnectionDeps {
  readonly registry: HandlerRegistry;
  readonly services: BrokerServices;
  readonly maxFrameBytes: number;
  readonly maxInFlight: number;
  /** Idle time after which a connection with nothing in flight is closed; 0 keeps it forever. */
  readonly maxIdleMs: number;
  /** Only ApiVersions and the SASL APIs are served until a handler calls authenticate(). */
  readonly requireAuthentication: boolean;
}

// Served before authentication (Kafka's SaslServerAuthenticator accepts exactly these).
const PRE_AUTH_APIS: ReadonlySet<number> = new Set([ApiKey.ApiVersions, ApiKey.SaslHandshake, ApiKey.SaslAuthenticate]);
// Largest frame an unauthenticated client may send (Kafka's sasl.server.max.receive.size): whoever has no
// credentials cannot make the broker buffer a 100 MiB request.
export const PRE_AUTH_MAX_FRAME_BYTES = 512 * 1024;

interface Slot {
  done: boolean;
  /** Size of the request frame, released from the in-flight byte budget once answered. */
  bytes: number;
  /** Size-prefixed response, or null for no response. */
  chunks: Buffer[] | null;
}

type AnyHandle = (request: unknown, ctx: RequestContext) => HandlerResult<object>;
type AnyErrorResponse = (request: unknown, errorCode: number, ctx: RequestContext) => object;

class Context implements RequestContext {
  private childLog: Logger | undefined;

  constructor(
    readonly apiKey: number,
    readonly apiVersion: number,
    readonly correlationId: number,
    readonly clientId: string | null,
    readonly connection: Connection,
    readonly broker: BrokerServices,
    private readonly apiName: string,
  ) {}

  get log(): Logger {
    this.childLog ??= this.connection.log.child({ correlationId: this.correlationId, api: this.apiName, apiVersion: this.apiVersion, clientId: this.clientId });
    return this.childLog;
  }
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

export class Connection implements ConnectionInfo {
  readonly state = new Map<string, unknown>();
  readonly remoteAddress: string;
  readonly log: Logger;
  closed = false;
  principal: string | null = null;
  private readonly splitter: FrameSplitter;
  private readonly queue: Slot[] = [];
  private readonly closeListeners = new Set<() => void>();
  private rawHandler: RawFrameHandler | null = null;
  private writeBlocked = false;
  private paused = false;
  private pumping = false;
  private flushWanted = false;
  private inFlightBytes = 0;
  /** Size of the frame being dispatched, charged to the slot run() creates for it. */
  private dispatchingBytes = 0;
  private endReason: string | null = null;

  constructor(
    private readonly socket: Socket,
    readonly id: number,
    private readonly deps: ConnectionDeps,
  ) {
    this.remoteAddress = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    this.log = deps.services.logger.child({ conn: id, remote: this.remoteAddress });
    this.splitter = new FrameSplitter(deps.requireAuthentication ? Math.min(PRE_AUTH_MAX_FRAME_BYTES, deps.maxFrameBytes) : deps.maxFrameBytes);
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.splitter.push(chunk);
      this.pump();
    });
    socket.on('drain', () => {
      this.writeBlocked = false;
      this.pump();
    });
    socket.on('error', (err) => this.log.debug({ err: err.message }, 'socket error'));
    if (deps.maxIdleMs > 0) {
      socket.setTimeout(deps.maxIdleMs);
      // A parked request (long poll, JoinGroup) keeps the connection: only truly idle ones are reaped.
      socket.on('timeout', () => {
        if (this.queue.length === 0 && this.splitter.bufferedBytes === 0) this.closeIdle();
      });
    }
    socket.on('close', () => this.onClosed());
    this.log.debug('connection opened');
  }

  onClose(listener: () => void): () => void {
    if (this.closed) {
      listener();
      return () => {};
    }
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  authenticate(principal: string): void {
    this.principal = principal;
    this.splitter.setMaxFrameBytes(this.deps.maxFrameBytes);
    this.log.info({ principal }, 'authenticated');
  }

  expectRawFrame(handler: RawFrameHandler): void {
    this.rawHandler = handler;
  }

  close(reason: string): void {
    this.endReason = reason;
    this.flush();
  }

  /** Closes now, dropping unanswered requests: for input the broker cannot make sense of. */
  destroy(reason: string, fields: Record<string, unknown> = {}): void {
    if (this.closed) return;
    this.log.warn({ ...fields, reason }, 'closing connection');
    this.closed = true;
    this.socket.destroy();
  }

  private closeIdle(): void {
    if (this.closed) return;
    this.log.info({ idleMs: this.deps.maxIdleMs }, 'closing idle connection');
    this.closed = true;
    this.socket.destroy();
  }

  /** Shutdown: no warning, the broker is going away. */
  destroyQuietly(): void {
    this.closed = true;
    this.socket.destroy();
  }

  private onClosed(): void {
    this.closed = true;
    this.queue.length = 0;
    for (const listener of this.closeListeners) {
      try {
        listener();
      } catch (err) {
        this.log.error({ err }, 'close listener failed');
      }
    }
    this.closeListeners.clear();
    this.log.debug('connection closed');
  }

  /**
   * Dispatches buffered frames while under the in-flight limit. Responses completed during the loop
   * (synchronous handlers) are written together after it, so a pipelined burst costs one writev,
   * not one write per response.
   */
  private pump(): void {
    if (this.closed || this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        while (!this.closed && this.endReason === null && !this.writeBlocked && this.hasRoom()) {
          let frame: Buffer | undefined;
          try {
            frame = this.splitter.next();
          } catch (err) {
            if (!(err instanceof FrameError)) throw err;
            this.destroy(err.message);
            return;
          }
          if (!frame) break;
          this.dispatchingBytes = frame.length;
          this.dispatch(frame);
        }
        if (!this.flushWanted || this.closed) break;
        this.flushWanted = false;
        this.writeOut();
      }
    } finally {
      this.pumping = false;
    }
    if (this.closed) return;
    const stop = this.writeBlocked || !this.hasRoom();
    if (stop && !this.paused) this.socket.pause();
    else if (!stop && this.paused) this.socket.resume();
    this.paused = stop;
  }

  private hasRoom(): boolean {
    const queued = this.queue.length;
    return queued === 0 || (queued < this.deps.maxInFlight && this.inFlightBytes < this.deps.maxFrameBytes);
  }

  private dispatch(frame: Buffer): void {
    if (this.rawHandler) {
      const handler = this.rawHandler;
      this.rawHandler = null;
      this.run(() => handler(frame), (token) => (token === null ? null : rawFrame(token)), (err) => {
        this.log.error({ err }, 'raw token exchange failed');
        this.destroy('raw token exchange failed');
        return null;
      });
      return;
    }
    if (frame.length < 8) return this.destroy('request shorter than a request header', { bytes: frame.length });
    const apiKey = frame.readInt16BE(0);
    const apiVersion = frame.readInt16BE(2);
    const correlationId = frame.readInt32BE(4);
    const api = this.deps.registry.get(apiKey);
    if (!api) return this.destroy(`API key ${apiKey}${API_NAMES.has(apiKey) ? ` (${API_NAMES.get(apiKey)})` : ''} is not served`, { apiKey, apiVersion, correlationId });
    const { handler } = api;
    if (this.deps.requireAuthentication && this.principal === null && !PRE_AUTH_APIS.has(apiKey)) {
      return this.destroy(`${handler.name} request before SASL authentication`, { apiKey, correlationId });
    }
    if (apiVersion < handler.minVersion || apiVersion > handler.maxVersion) return this.unsupportedVersion(api, apiVersion, correlationId);

    const reader = new Reader(frame);
    let header: RequestHeader;
    let request: unknown;
    try {
      header = decode<RequestHeader>(schemas.RequestHeader, isFlexible(api.request, apiVersion) ? 2 : 1, reader);
      request = decode(api.request, apiVersion, reader);
    } catch (err) {
      return this.destroy(`malformed ${handler.name} v${apiVersion} request: ${err instanceof Error ? err.message : String(err)}`, { correlationId });
    }
    const ctx = new Context(apiKey, apiVersion, correlationId, header.clientId ?? null, this, this.deps.services, handler.name);
    this.run(
      () => (handler.handle as AnyHandle)(request, ctx),
      (response) => (response === null ? null : this.encodeResponse(api, apiVersion, correlationId, response)),
      (err) => this.handlerFailed(api, ctx, request, err),
    );
  }

  /** Queues a slot, runs work, and fills the slot with its encoded result (or the failure's). */
  private run<T>(work: () => HandlerResult<T>, toChunks: (result: T | null) => Buffer[] | null, onError: (err: unknown) => Buffer[] | null): void {
    const slot: Slot = { done: false, chunks: null, bytes: this.dispatchingBytes };
    this.inFlightBytes += slot.bytes;
    this.queue.push(slot);
    const settle = (result: T | null): void => {
      try {
        slot.chunks = toChunks(result);
      } catch (err) {
        slot.chunks = onError(err);
      }
      slot.done = true;
      this.flush();
    };
    const fail = (err: unknown): void => {
      slot.chunks = onError(err);
      slot.done = true;
      this.flush();
    };
    let result: HandlerResult<T>;
    try {
      result = work();
    } catch (err) {
      return fail(err);
    }
    if (isPromise(result)) result.then(settle, fail);
    else settle(result);
  }

  private encodeResponse(api: RegisteredApi, version: number, correlationId: number, response: object): Buffer[] {
    const w = new Writer(256);
    w.int32(0);
    w.int32(correlationId);
    // ApiVersions responses always use header v0 so a client can parse them before it knows our versions.
    if (api.handler.apiKey !== ApiKey.ApiVersions && isFlexible(api.response, version)) w.uvarint(0);
    encode(api.response, version, response, w);
    return w.toFrame();
  }

  private handlerFailed(api: RegisteredApi, ctx: RequestContext, request: unknown, err: unknown): Buffer[] | null {
    const code = toErrorCode(err);
    if (err instanceof KafkaError) ctx.log.info({ error: err.errorName, msg: err.message }, 'request failed');
    else ctx.log.error({ err }, 'handler threw');
    try {
      const custom = api.handler.errorResponse as AnyErrorResponse | undefined;
      const response = custom ? custom(request, code, ctx) : topLevelErrorResponse(api, ctx.apiVersion, code);
      if (response) return this.encodeResponse(api, ctx.apiVersion, ctx.correlationId, response);
    } catch (encodeErr) {
      ctx.log.error({ err: encodeErr }, 'error response failed');
    }
    this.destroy(`${api.handler.name} failed and its response has no error field`, { correlationId: ctx.correlationId });
    return null;
  }

  private unsupportedVersion(api: RegisteredApi, version: number, correlationId: number): void {
    const { handler } = api;
    const fields = { api: handler.name, apiVersion: version, correlationId, supported: `${handler.minVersion}-${handler.maxVersion}` };
    if (handler.apiKey === ApiKey.ApiVersions) {
      // KIP-511: answer in the v0 layout, which every client can read, listing what we support.
      this.log.info(fields, 'ApiVersions version not supported: answering in v0');
      const body = { errorCode: ErrorCode.UNSUPPORTED_VERSION, apiKeys: this.deps.services.supportedApis() };
      this.run(() => body, () => this.encodeResponse(api, 0, correlationId, body), () => null);
      return;
    }
    const response = inRange(api.response.validVersions, version) ? topLevelErrorResponse(api, version, ErrorCode.UNSUPPORTED_VERSION) : undefined;
    if (!response) return this.destroy(`unsupported ${handler.name} version ${version}`, fields);
    this.log.info(fields, 'unsupported version');
    this.run(() => response, () => this.encodeResponse(api, version, correlationId, response), () => null);
  }

  /** A slot completed (or close was asked for): write what is ready, then read on. */
  private flush(): void {
    if (this.pumping) {
      this.flushWanted = true;
      return;
    }
    this.writeOut();
    this.pump();
  }

  /** Writes the completed responses at the head of the queue, in order. */
  private writeOut(): void {
    const queue = this.queue;
    if (queue.length > 0 && queue[0]?.done && !this.closed) {
      this.socket.cork();
      while (queue.length > 0 && queue[0]?.done) {
        const slot = queue.shift() as Slot;
        this.inFlightBytes -= slot.bytes;
        if (slot.chunks) for (const chunk of slot.chunks) if (!this.socket.write(chunk)) this.writeBlocked = true;
      }
      this.socket.uncork();
    }
    if (this.endReason !== null && queue.length === 0 && !this.closed) {
      this.log.info({ reason: this.endReason }, 'closing connection');
      this.closed = true;
      this.socket.end();
    }
  }
}

const API_NAMES = new Map<number, string>(Object.entries(ApiKey).map(([name, key]) => [key, name]));

function topLevelErrorResponse(api: RegisteredApi, version: number, errorCode: number): object | undefined {
  return compile(api.response, version).steps.some((s) => s.key === 'errorCode') ? { errorCode } : undefined;
}

function rawFrame(token: Buffer): Buffer[] {
  const size = Buffer.allocUnsafe(4);
  size.writeInt32BE(token.length);
  return [size, token];
}
