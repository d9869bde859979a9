// What a handler sees: the request context (ids, version, connection, logger) and the broker services.
// Handlers receive decoded, typed requests and return typed responses; they never touch sockets or bytes.
import type { Logger } from 'pino';
import type { BrokerConfig } from '../config.ts';
import type { GroupCoordinator } from '../coordinator/coordinator.ts';
import type { LogStore } from '../log/types.ts';
import type { ApiMessages, ApiName } from '../protocol/generated/messages.ts';

/** Long-lived services shared by every connection. */
export interface BrokerServices {
  readonly config: BrokerConfig;
  readonly store: LogStore;
  /** The consumer-group coordinator (groups, committed offsets); used by the group handlers. */
  readonly coordinator: GroupCoordinator;
  /** Stable across restarts (persisted in the data dir). */
  readonly clusterId: string;
  /** The advertised endpoint of this broker, resolved after listen (port 0 becomes the bound port). */
  readonly advertised: { readonly host: string; readonly port: number };
  /** Every API and version range served, for ApiVersions. */
  readonly supportedApis: () => readonly { apiKey: number; minVersion: number; maxVersion: number }[];
  readonly logger: Logger;
}

/** A raw (unframed-by-Kafka) token exchange: the SASL bytes that follow SaslHandshake v0. */
export type RawFrameHandler = (frame: Buffer) => Promise<Buffer | null> | Buffer | null;

export interface ConnectionInfo {
  readonly id: number;
  readonly remoteAddress: string;
  readonly closed: boolean;
  /** Called once when the connection closes (long polls use it to stop waiting). Returns an unsubscribe function. */
  onClose(listener: () => void): () => void;
  /** Per-connection state owned by handlers (e.g. SASL progress, authenticated principal). */
  readonly state: Map<string, unknown>;
  /**
   * Treat the next frame on this connection as a raw token, not a Kafka request: it goes to handler and
   * the returned bytes are written back size-prefixed (null writes nothing). Used by SASL after SaslHandshake v0.
   */
  expectRawFrame(handler: RawFrameHandler): void;
  /** The SASL principal once authenticated, else null. */
  readonly principal: string | null;
  /**
   * Marks the connection authenticated (SaslAuthenticate, or the raw exchange after SaslHandshake v0).
   * When the broker requires authentication, requests other than ApiVersions, SaslHandshake and
   * SaslAuthenticate close the connection until this is called, as Kafka does.
   */
  authenticate(principal: string): void;
  /** Closes the connection after the responses already queued (e.g. failed authentication). */
  close(reason: string): void;
}

export interface RequestContext {
  readonly apiKey: number;
  readonly apiVersion: number;
  readonly correlationId: number;
  readonly clientId: string | null;
  readonly connection: ConnectionInfo;
  readonly broker: BrokerServices;
  /** Child logger carrying connection id, correlation id and API; created on first use. */
  readonly log: Logger;
}

export type HandlerResult<R> = R | null | Promise<R | null>;

/**
 * One Kafka API. handle() is called in request order per connection, synchronously on arrival;
 * responses are written in request order whatever order handlers finish in. Anything order-sensitive
 * (e.g. a log append) must therefore be started before the handler's first await.
 * Returning null sends no response (Produce with acks=0).
 */
export interface Handler<N extends ApiName = ApiName> {
  readonly apiKey: number;
  readonly name: N;
  readonly minVersion: number;
  readonly maxVersion: number;
  handle(request: ApiMessages[N]['request'], ctx: RequestContext): HandlerResult<ApiMessages[N]['response']>;
  /**
   * The response to send when handle() throws (errorCode is the thrown KafkaError's code, else
   * UNKNOWN_SERVER_ERROR). Without it the server uses the top-level errorCode when the response has one,
   * and otherwise closes the connection.
   */
  errorResponse?(request: ApiMessages[N]['request'], errorCode: number, ctx: RequestContext): ApiMessages[N]['response'];
}

/** Any handler, for the registry list. */
export type AnyHandler = { [N in ApiName]: Handler<N> }[ApiName];
