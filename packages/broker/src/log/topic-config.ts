// Topic-level configs: Kafka's names, the built-in defaults, and the one place they are validated.
// The log reads only a handful of them; the rest are accepted (clients and tools set them) and stored.
import { KafkaError } from '../errors.ts';

type Kind = 'long' | 'int' | 'string' | 'boolean' | 'list';

interface ConfigDef {
  readonly kind: Kind;
  readonly default: string;
  readonly min?: number;
  readonly choices?: readonly string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Every topic config we accept, with Kafka's defaults. Unknown names are rejected with INVALID_CONFIG like Kafka does. */
export const TOPIC_CONFIG_DEFS: Readonly<Record<string, ConfigDef>> = {
  'cleanup.policy': { kind: 'list', default: 'delete', choices: ['delete', 'compact'] },
  'compression.type': { kind: 'string', default: 'producer', choices: ['uncompressed', 'zstd', 'lz4', 'snappy', 'gzip', 'producer'] },
  'delete.retention.ms': { kind: 'long', default: String(DAY_MS), min: 0 },
  'file.delete.delay.ms': { kind: 'long', default: '60000', min: 0 },
  'flush.messages': { kind: 'long', default: '9223372036854775807', min: 1 },
  'flush.ms': { kind: 'long', default: '9223372036854775807', min: 0 },
  'index.interval.bytes': { kind: 'int', default: '4096', min: 0 },
  'max.compaction.lag.ms': { kind: 'long', default: '9223372036854775807', min: 1 },
  'max.message.bytes': { kind: 'int', default: '1048588', min: 0 },
  'message.downconversion.enable': { kind: 'boolean', default: 'true' },
  'message.format.version': { kind: 'string', default: '3.0-IV1' },
  'message.timestamp.after.max.ms': { kind: 'long', default: '9223372036854775807', min: 0 },
  'message.timestamp.before.max.ms': { kind: 'long', default: '9223372036854775807', min: 0 },
  'message.timestamp.difference.max.ms': { kind: 'long', default: '9223372036854775807', min: 0 },
  'message.timestamp.type': { kind: 'string', default: 'CreateTime', choices: ['CreateTime', 'LogAppendTime'] },
  'min.cleanable.dirty.ratio': { kind: 'string', default: '0.5' },
  'min.compaction.lag.ms': { kind: 'long', default: '0', min: 0 },
  'min.insync.replicas': { kind: 'int', default: '1', min: 1 },
  preallocate: { kind: 'boolean', default: 'false' },
  'retention.bytes': { kind: 'long', default: '-1' },
  'retention.ms': { kind: 'long', default: String(7 * DAY_MS), min: -1 },
  'segment.bytes': { kind: 'int', default: String(1024 * 1024 * 1024), min: 14 },
  'segment.index.bytes': { kind: 'int', default: String(10 * 1024 * 1024), min: 4 },
  'segment.jitter.ms': { kind: 'long', default: '0', min: 0 },
  'segment.ms': { kind: 'long', default: String(7 * DAY_MS), min: 1 },
  'unclean.leader.election.enable': { kind: 'boolean', default: 'false' },
};

/** The values the log itself acts on, parsed once per topic (and again on every config change). */
export interface ResolvedTopicConfig {
  readonly segmentBytes: number;
  readonly segmentMs: number;
  readonly retentionMs: number;
  readonly retentionBytes: number;
  readonly indexIntervalBytes: number;
  readonly maxMessageBytes: number;
  readonly logAppendTime: boolean;
  /** cleanup.policy includes delete: retention.ms and retention.bytes apply (a compact-only topic keeps its data). */
  readonly deleteRetention: boolean;
  /** cleanup.policy includes compact: the cleaner keeps only the latest record per key in sealed segments. */
  readonly compact: boolean;
  readonly deleteRetentionMs: number;
  readonly minCleanableDirtyRatio: number;
}

export function isTopicConfig(name: string): boolean {
  return Object.hasOwn(TOPIC_CONFIG_DEFS, name);
}

/** Throws INVALID_CONFIG for an unknown name or a value of the wrong shape. */
export function validateTopicConfig(name: string, value: string): void {
  const def = TOPIC_CONFIG_DEFS[name];
  if (def === undefined) throw new KafkaError('INVALID_CONFIG', `Unknown topic config name: ${name}`);
  const bad = (why: string): KafkaError => new KafkaError('INVALID_CONFIG', `Invalid value ${value} for configuration ${name}: ${why}`);
  switch (def.kind) {
    case 'long':
    case 'int': {
      if (!/^-?\d+$/.test(value.trim())) throw bad('not a number');
      const n = BigInt(value.trim());
      const max = def.kind === 'int' ? 2n ** 31n - 1n : 2n ** 63n - 1n;
      if (n > max || n < -max - 1n) throw bad('out of range');
      if (def.min !== undefined && n < BigInt(def.min)) throw bad(`value must be at least ${def.min}`);
      return;
    }
    case 'boolean':
      if (value !== 'true' && value !== 'false') throw bad('expected true or false');
      return;
    case 'list':
      for (const part of value.split(',')) {
        if (def.choices && !def.choices.includes(part.trim())) throw bad(`expected one of ${def.choices.join(', ')}`);
      }
      return;
    case 'string':
      if (def.choices && !def.choices.includes(value)) throw bad(`expected one of ${def.choices.join(', ')}`);
      return;
  }
}

export function validateTopicConfigs(configs: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(configs)) validateTopicConfig(name, value);
}

/** The effective value of every topic config: override, else broker default, else Kafka's default. */
export function effectiveTopicConfigs(
  overrides: Readonly<Record<string, string>>,
  brokerDefaults: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, def] of Object.entries(TOPIC_CONFIG_DEFS)) out[name] = overrides[name] ?? brokerDefaults[name] ?? def.default;
  return out;
}

// Longs past 2^53 only ever mean "never" here (Long.MAX_VALUE defaults), so clamping to MAX_SAFE_INTEGER keeps that meaning.
function num(value: string | undefined): number {
  const n = Number(value);
  return Number.isFinite(n) ? Math.min(n, Number.MAX_SAFE_INTEGER) : 0;
}

function policies(value: string | undefined): string[] {
  return (value ?? 'delete').split(',').map((p) => p.trim());
}

export function resolveTopicConfig(
  overrides: Readonly<Record<string, string>>,
  brokerDefaults: Readonly<Record<string, string>> = {},
): ResolvedTopicConfig {
  const all = effectiveTopicConfigs(overrides, brokerDefaults);
  return {
    segmentBytes: num(all['segment.bytes']),
    segmentMs: num(all['segment.ms']),
    retentionMs: num(all['retention.ms']),
    retentionBytes: num(all['retention.bytes']),
    indexIntervalBytes: num(all['index.interval.bytes']),
    maxMessageBytes: num(all['max.message.bytes']),
    logAppendTime: all['message.timestamp.type'] === 'LogAppendTime',
    deleteRetention: policies(all['cleanup.policy']).includes('delete'),
    compact: policies(all['cleanup.policy']).includes('compact'),
    deleteRetentionMs: num(all['delete.retention.ms']),
    minCleanableDirtyRatio: Math.min(1, Math.max(0, Number(all['min.cleanable.dirty.ratio']) || 0.5)),
  };
}

const LEGAL_TOPIC_CHARS = /^[a-zA-Z0-9._-]+$/;
export const MAX_TOPIC_NAME_LENGTH = 249;

/** Kafka's Topic.validate: throws INVALID_TOPIC_EXCEPTION. */
export function validateTopicName(name: string): void {
  if (name.length === 0) throw new KafkaError('INVALID_TOPIC_EXCEPTION', 'Topic name is empty');
  if (name === '.' || name === '..') throw new KafkaError('INVALID_TOPIC_EXCEPTION', `Topic name cannot be "${name}"`);
  if (name.length > MAX_TOPIC_NAME_LENGTH) {
    throw new KafkaError('INVALID_TOPIC_EXCEPTION', `Topic name is longer than ${MAX_TOPIC_NAME_LENGTH} characters`);
  }
  if (!LEGAL_TOPIC_CHARS.test(name)) {
    throw new KafkaError('INVALID_TOPIC_EXCEPTION', `Topic name "${name}" contains characters other than ASCII alphanumerics, '.', '_' and '-'`);
  }
}
