// Broker configuration: parsed and validated once, at the edge, from env and CLI flags into a frozen object.
// Flags (--port, --host, --data-dir) override env; env overrides the defaults.
import { hostname } from 'node:os';
import { DEFAULT_MAX_FRAME_BYTES } from './protocol/frame-splitter.ts';

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
