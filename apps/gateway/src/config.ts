/**
 * Gateway configuration: parsed and validated once, from the environment, into a frozen
 * object. Everything else receives this object and never reads process.env.
 */

export const ROLES = ['read', 'produce', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type SaslMechanism = 'plain' | 'scram-sha-256' | 'scram-sha-512';

export interface GatewayConfig {
  readonly host: string;
  readonly port: number;
  readonly logLevel: string;
  readonly kafka: {
    readonly brokers: readonly string[];
    readonly clientId: string;
    readonly ssl: boolean;
    readonly sasl: { readonly mechanism: SaslMechanism; readonly username: string; readonly password: string } | null;
    readonly connectionTimeoutMs: number;
    readonly requestTimeoutMs: number;
  };
  readonly corsOrigins: readonly string[];
  /** API key → role; empty means no authentication. */
  readonly apiKeys: ReadonlyMap<string, Role>;
  readonly limits: {
    readonly bodyBytes: number;
    readonly batchRecords: number;
    /** Requests per second per client (API key or IP); 0 turns rate limiting off. */
    readonly rateLimitPerSecond: number;
    readonly sseClients: number;
    /** Bytes queued for one slow SSE client before its stream is closed with an error. */
    readonly sseBufferBytes: number;
    readonly sseKeepaliveMs: number;
    readonly produceLingerMs: number;
    /** Produce requests in flight per partition; what arrives meanwhile is batched. */
    readonly produceInFlight: number;
  };
  readonly lag: { readonly sampleIntervalMs: number; readonly historySize: number };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function int(env: Env, key: string, fallback: number, min: number, max: number): number {
  const raw = env[key]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${key} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function bool(env: Env, key: string, fallback: boolean): boolean {
  const raw = env[key]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${key} must be true or false, got "${raw}"`);
}

function list(env: Env, key: string, fallback: string[]): string[] {
  const raw = env[key];
  if (raw === undefined || raw.trim() === '') return fallback;
  return raw.split(',').map((s) => s.trim()).filter(Boolean);
}

function parseBrokers(env: Env): string[] {
  const brokers = list(env, 'KAFKA_BROKERS', ['127.0.0.1:9092']);
  for (const broker of brokers) {
    if (!/^[^\s:]+:\d{1,5}$/.test(broker)) throw new ConfigError(`KAFKA_BROKERS entries must be host:port, got "${broker}"`);
  }
  return brokers;
}

function parseSasl(env: Env): GatewayConfig['kafka']['sasl'] {
  const mechanism = env.KAFKA_SASL_MECHANISM?.trim().toLowerCase();
  if (!mechanism) return null;
  if (mechanism !== 'plain' && mechanism !== 'scram-sha-256' && mechanism !== 'scram-sha-512') {
    throw new ConfigError(`KAFKA_SASL_MECHANISM must be plain, scram-sha-256 or scram-sha-512, got "${mechanism}"`);
  }
  const username = env.KAFKA_SASL_USERNAME ?? '';
  const password = env.KAFKA_SASL_PASSWORD ?? '';
  if (!username) throw new ConfigError('KAFKA_SASL_USERNAME is required with KAFKA_SASL_MECHANISM');
  return Object.freeze({ mechanism, username, password });
}

/** GATEWAY_API_KEYS="key1:admin,key2:read,key3:produce" (a key without role is read-only). */
function parseApiKeys(env: Env): Map<string, Role> {
  const keys = new Map<string, Role>();
  for (const entry of list(env, 'GATEWAY_API_KEYS', [])) {
    const at = entry.lastIndexOf(':');
    const key = at === -1 ? entry : entry.slice(0, at);
    const role = at === -1 ? 'read' : entry.slice(at + 1);
    if (!(ROLES as readonly string[]).includes(role)) {
      throw new ConfigError(`GATEWAY_API_KEYS: role must be one of ${ROLES.join(', ')}, got "${role}"`);
    }
    if (key.length < 8) throw new ConfigError('GATEWAY_API_KEYS: keys must be at least 8 characters');
    keys.set(key, role as Role);
  }
  return keys;
}

export function loadConfig(env: Env = process.env): GatewayConfig {
  return Object.freeze({
    host: env.GATEWAY_HOST?.trim() || '127.0.0.1',
    port: int(env, 'GATEWAY_PORT', 8080, 0, 65535),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    kafka: Object.freeze({
      brokers: Object.freeze(parseBrokers(env)),
      clientId: env.KAFKA_CLIENT_ID?.trim() || 'brook-gateway',
      ssl: bool(env, 'KAFKA_SSL', false),
      sasl: parseSasl(env),
      connectionTimeoutMs: int(env, 'KAFKA_CONNECTION_TIMEOUT_MS', 3000, 100, 120_000),
      requestTimeoutMs: int(env, 'KAFKA_REQUEST_TIMEOUT_MS', 30_000, 100, 300_000),
    }),
    corsOrigins: Object.freeze(list(env, 'CORS_ORIGIN', ['http://127.0.0.1:3000', 'http://localhost:3000'])),
    apiKeys: parseApiKeys(env),
    limits: Object.freeze({
      bodyBytes: int(env, 'GATEWAY_BODY_LIMIT_BYTES', 8 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
      batchRecords: int(env, 'GATEWAY_BATCH_LIMIT', 10_000, 1, 1_000_000),
      rateLimitPerSecond: int(env, 'GATEWAY_RATE_LIMIT', 0, 0, 10_000_000),
      sseClients: int(env, 'GATEWAY_SSE_MAX_CLIENTS', 5000, 1, 1_000_000),
      sseBufferBytes: int(env, 'GATEWAY_SSE_BUFFER_BYTES', 1024 * 1024, 1024, 1024 * 1024 * 1024),
      sseKeepaliveMs: int(env, 'GATEWAY_SSE_KEEPALIVE_MS', 15_000, 10, 3_600_000),
      produceLingerMs: int(env, 'GATEWAY_PRODUCE_LINGER_MS', 0, 0, 1000),
      produceInFlight: int(env, 'GATEWAY_PRODUCE_IN_FLIGHT', 1, 1, 64),
    }),
    lag: Object.freeze({
      sampleIntervalMs: int(env, 'GATEWAY_LAG_SAMPLE_MS', 10_000, 100, 3_600_000),
      historySize: int(env, 'GATEWAY_LAG_HISTORY', 360, 1, 100_000),
    }),
  });
}
