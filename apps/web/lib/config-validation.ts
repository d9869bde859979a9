/**
 * Client-side checks for the topic configs people edit most, so a typo is caught before the
 * request. The broker stays the authority: anything not listed here is sent as typed.
 */

type Rule = { kind: 'long'; min: number } | { kind: 'enum'; values: readonly string[]; list?: boolean } | { kind: 'boolean' } | { kind: 'ratio' };

const LONG_MINUS_ONE = { kind: 'long', min: -1 } as const;
const LONG_ZERO = { kind: 'long', min: 0 } as const;
const LONG_ONE = { kind: 'long', min: 1 } as const;

const RULES: Record<string, Rule> = {
  'retention.ms': LONG_MINUS_ONE,
  'retention.bytes': LONG_MINUS_ONE,
  'segment.ms': LONG_ONE,
  'segment.bytes': { kind: 'long', min: 14 },
  'segment.index.bytes': { kind: 'long', min: 4 },
  'segment.jitter.ms': LONG_ZERO,
  'delete.retention.ms': LONG_ZERO,
  'file.delete.delay.ms': LONG_ZERO,
  'flush.messages': LONG_ONE,
  'flush.ms': LONG_ZERO,
  'index.interval.bytes': LONG_ZERO,
  'max.compaction.lag.ms': LONG_ONE,
  'min.compaction.lag.ms': LONG_ZERO,
  'max.message.bytes': LONG_ZERO,
  'message.timestamp.difference.max.ms': LONG_ZERO,
  'min.insync.replicas': LONG_ONE,
  'local.retention.ms': { kind: 'long', min: -2 },
  'local.retention.bytes': { kind: 'long', min: -2 },
  'min.cleanable.dirty.ratio': { kind: 'ratio' },
  'cleanup.policy': { kind: 'enum', values: ['delete', 'compact'], list: true },
  'compression.type': { kind: 'enum', values: ['uncompressed', 'zstd', 'lz4', 'snappy', 'gzip', 'producer'] },
  'message.timestamp.type': { kind: 'enum', values: ['CreateTime', 'LogAppendTime'] },
  'unclean.leader.election.enable': { kind: 'boolean' },
  'preallocate': { kind: 'boolean' },
  'message.downconversion.enable': { kind: 'boolean' },
};

const LONG_MAX = 9_223_372_036_854_775_807n;

/** Why `value` is not acceptable for `name`, or null. */
export function validateConfig(name: string, value: string): string | null {
  const rule = RULES[name];
  const text = value.trim();
  if (!rule) return null;
  switch (rule.kind) {
    case 'long': {
      if (!/^-?\d+$/.test(text)) return 'A whole number.';
      const n = BigInt(text);
      if (n < BigInt(rule.min)) return `At least ${rule.min}.`;
      if (n > LONG_MAX) return 'Too large for a 64-bit number.';
      return null;
    }
    case 'ratio': {
      const n = Number(text);
      return text !== '' && Number.isFinite(n) && n >= 0 && n <= 1 ? null : 'A number from 0 to 1.';
    }
    case 'boolean':
      return text === 'true' || text === 'false' ? null : 'true or false.';
    case 'enum': {
      const parts = rule.list ? text.split(',').map((p) => p.trim()) : [text];
      const bad = parts.filter((p) => !rule.values.includes(p));
      return bad.length === 0 && parts.length > 0 ? null : `One${rule.list ? ' or more' : ''} of ${rule.values.join(', ')}.`;
    }
  }
}

/** A human reading of common values: "604800000" → "7 days". */
export function describeConfigValue(name: string, value: string | null): string | null {
  if (value === null || !/^-?\d+$/.test(value)) return null;
  // Kafka's way of saying "never" or "unbounded" is Long.MAX_VALUE.
  if (value === LONG_MAX.toString()) return 'no limit';
  const n = Number(value);
  if (name.endsWith('.ms')) {
    if (n === -1) return 'forever';
    if (n < 0) return null;
    const units: [number, string][] = [[86_400_000, 'day'], [3_600_000, 'hour'], [60_000, 'minute'], [1000, 'second']];
    for (const [size, unit] of units) {
      if (n >= size && n % size === 0) return `${n / size} ${unit}${n / size === 1 ? '' : 's'}`;
    }
    return null;
  }
  if (name.endsWith('.bytes')) {
    if (n === -1) return 'unlimited';
    if (n < 1024) return null;
    const units: [number, string][] = [[1024 ** 3, 'GiB'], [1024 ** 2, 'MiB'], [1024, 'KiB']];
    for (const [size, unit] of units) if (n >= size) return `${Number((n / size).toFixed(2))} ${unit}`;
  }
  return null;
}
