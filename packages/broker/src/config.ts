// Broker configuration: parsed and validated once, at the edge, from env and CLI flags into a frozen object.
// Flags (--port, --host, --data-dir) override env; env overrides the defaults.
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { SASL_MECHANISMS, type SaslMechanism, type UserStore } from './auth/credentials.ts';
import { loadUsers } from './auth/users-config.ts';
import { DEFAULT_MAX_FRAME_BYTES } from './protocol/frame-splitter.ts';

/** SASL is on exactly when users are configured. */
export interface SaslConfig {
  readonly users: UserStore;
  /** Offered in SaslHandshake, in this order. */
  readonly mechanisms: readonly SaslMechanism[];
}

/** A TLS listener; with ca set, clients must present a certificate signed by it. */
export interface TlsConfig {
  readonly cert: Buffer;
  readonly key: Buffer;
  readonly ca: Buffer | null;
}

export interface BrokerConfig {
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** Host clients are told to connect to (Metadata); defaults to host, or the machine name when binding all interfaces. */
  readonly advertisedHost: string;
  /** Port clients are told to connect to; null means the port actually bound. */
  readonly advertisedPort: number | null;
  readonly dataDir: string;
  readonly nodeId: number;
  readonly defaultPartitions: number;
  readonly autoCreateTopics: boolean;
  /** false trades durability for speed (development): acks=all no longer waits for fsync. */
  readonly fsync: boolean;
  /** Largest request frame accepted (Kafka's socket.request.max.bytes). */
  readonly maxFrameBytes: number;
  /** Requests read ahead on one connection before the broker stops reading from it. */
  readonly maxInFlightPerConnection: number;
  /** A connection with nothing in flight and no traffic for this long is closed (Kafka's connections.max.idle.ms); 0 disables. */
  readonly connectionsMaxIdleMs: number;
  /** Broker-wide topic config defaults by Kafka name (log.* settings), e.g. 'retention.ms'. */
  readonly topicDefaults: Readonly<Record<string, string>>;
  readonly logLevel: string;
  /** null: no authentication (every connection may send every request). */
  readonly sasl: SaslConfig | null;
  /** null: plain TCP. */
  readonly tls: TlsConfig | null;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function int(name: string, raw: string | undefined, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  return n;
}

function bool(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (/^(true|1|yes|on)$/i.test(raw)) return true;
  if (/^(false|0|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function parseFlags(argv: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const m = /^--(port|host|data-dir)(?:=(.*))?$/.exec(arg);
    if (!m) throw new ConfigError(`unknown argument "${arg}" (expected --port, --host or --data-dir)`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new ConfigError(`${arg} needs a value`);
    flags.set(m[1] as string, value);
  }
  return flags;
}

// Env names for broker-wide topic defaults, after Kafka's log.* broker settings.
const TOPIC_DEFAULT_ENV: Readonly<Record<string, string>> = {
  LOG_SEGMENT_BYTES: 'segment.bytes',
  LOG_SEGMENT_MS: 'segment.ms',
  LOG_RETENTION_MS: 'retention.ms',
  LOG_RETENTION_BYTES: 'retention.bytes',
  MESSAGE_MAX_BYTES: 'max.message.bytes',
};

function saslMechanisms(raw: string | undefined): readonly SaslMechanism[] {
  if (raw === undefined || raw.trim() === '') return SASL_MECHANISMS;
  const names = raw.split(',').map((m) => m.trim().toUpperCase()).filter((m) => m !== '');
  for (const name of names) {
    if (!(SASL_MECHANISMS as readonly string[]).includes(name)) throw new ConfigError(`BROKER_SASL_MECHANISMS: unknown mechanism "${name}" (expected ${SASL_MECHANISMS.join(', ')})`);
  }
  return Object.freeze([...new Set(names)] as SaslMechanism[]);
}

function loadSasl(env: Env): SaslConfig | null {
  let users: UserStore | undefined;
  try {
    users = loadUsers(env);
  } catch (err) {
    // Bad entries arrive as 'SASL users: …'; an unreadable file as a bare fs error.
    const message = err instanceof Error ? err.message : String(err);
    throw new ConfigError(message.startsWith('SASL users') ? message : `BROKER_SASL_USERS_FILE: ${message}`);
  }
  const mechanisms = saslMechanisms(env.BROKER_SASL_MECHANISMS);
  if (!users) return null;
  if (users.size === 0) throw new ConfigError('SASL users: the list is empty, so nobody could connect (unset BROKER_SASL_USERS / BROKER_SASL_USERS_FILE to turn authentication off)');
  return Object.freeze({ users, mechanisms });
}

function readPem(name: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new ConfigError(`${name}: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}

function loadTls(env: Env): TlsConfig | null {
  const { BROKER_TLS_CERT: cert, BROKER_TLS_KEY: key, BROKER_TLS_CA: ca } = env;
  if (!cert && !key) {
    if (ca) throw new ConfigError('BROKER_TLS_CA needs BROKER_TLS_CERT and BROKER_TLS_KEY');
    return null;
  }
  if (!cert || !key) throw new ConfigError('TLS needs both BROKER_TLS_CERT and BROKER_TLS_KEY (PEM file paths)');
  return Object.freeze({ cert: readPem('BROKER_TLS_CERT', cert), key: readPem('BROKER_TLS_KEY', key), ca: ca ? readPem('BROKER_TLS_CA', ca) : null });
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/i;

/**
 * The warning to print when anyone who can reach the host may read and write every topic: a
 * non-loopback bind without SASL. null when the broker is only reachable locally or requires credentials.
 */
export function exposureWarning(config: Pick<BrokerConfig, 'host' | 'port' | 'sasl'>): string | null {
  if (config.sasl !== null || LOOPBACK.test(config.host)) return null;
  return [
    '',
    '  ************************************************************************',
    `  WARNING: listening on ${config.host}:${config.port} WITHOUT AUTHENTICATION.`,
    '  Anyone who can reach this address can read, write and delete every topic.',
    '  Set BROKER_SASL_USERS (or BROKER_SASL_USERS_FILE) to require SASL',
    '  credentials, and BROKER_TLS_CERT/BROKER_TLS_KEY to encrypt the traffic,',
    '  or bind 127.0.0.1 (BROKER_HOST / --host) to keep the broker local.',
    '  ************************************************************************',
    '',
  ].join('\n');
}

export function loadConfig(env: Env = process.env, argv: readonly string[] = process.argv.slice(2)): BrokerConfig {
  const flags = parseFlags(argv);
  const host = flags.get('host') ?? env.BROKER_HOST ?? '127.0.0.1';
  const port = int('port', flags.get('port') ?? env.BROKER_PORT, 9092, 0, 65535);
  const wildcard = host === '0.0.0.0' || host === '::';
  const topicDefaults: Record<string, string> = {};
  for (const [envName, configName] of Object.entries(TOPIC_DEFAULT_ENV)) {
    const raw = env[envName];
    if (raw !== undefined && raw !== '') topicDefaults[configName] = String(int(envName, raw, 0, -1));
  }
  const advertisedPortRaw = env.BROKER_ADVERTISED_PORT;
  return Object.freeze({
    host,
    port,
    advertisedHost: env.BROKER_ADVERTISED_HOST || (wildcard ? hostname() : host),
    advertisedPort: advertisedPortRaw ? int('BROKER_ADVERTISED_PORT', advertisedPortRaw, 0, 1, 65535) : port === 0 ? null : port,
    dataDir: flags.get('data-dir') ?? env.DATA_DIR ?? './data',
    nodeId: int('BROKER_NODE_ID', env.BROKER_NODE_ID, 0, 0, 2 ** 31 - 1),
    defaultPartitions: int('BROKER_DEFAULT_PARTITIONS', env.BROKER_DEFAULT_PARTITIONS, 1, 1, 10_000),
    autoCreateTopics: bool('BROKER_AUTO_CREATE_TOPICS', env.BROKER_AUTO_CREATE_TOPICS, true),
    fsync: bool('BROKER_FSYNC', env.BROKER_FSYNC, true),
    maxFrameBytes: int('BROKER_MAX_FRAME_BYTES', env.BROKER_MAX_FRAME_BYTES, DEFAULT_MAX_FRAME_BYTES, 1024, 2 ** 31 - 1),
    maxInFlightPerConnection: int('BROKER_MAX_IN_FLIGHT', env.BROKER_MAX_IN_FLIGHT, 32, 1, 1024),
    connectionsMaxIdleMs: int('BROKER_CONNECTIONS_MAX_IDLE_MS', env.BROKER_CONNECTIONS_MAX_IDLE_MS, 600_000, 0),
    topicDefaults: Object.freeze(topicDefaults),
    logLevel: env.LOG_LEVEL ?? 'info',
    sasl: loadSasl(env),
    tls: loadTls(env),
  });
}

/** A config for tests and embedding: defaults with overrides, no env or argv. */
export function defineConfig(overrides: Partial<BrokerConfig> = {}): BrokerConfig {
  const base = loadConfig({}, []);
  const port = overrides.port ?? base.port;
  return Object.freeze({
    ...base,
    advertisedHost: overrides.host ?? base.advertisedHost,
    ...overrides,
    advertisedPort: overrides.advertisedPort !== undefined ? overrides.advertisedPort : port === 0 ? null : port,
  });
}
