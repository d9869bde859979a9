// Group coordinator settings from the environment, named after Kafka's broker settings. Parsed once at
// startup into a frozen object; a bad value stops the broker with a clear message.
import type { GroupCoordinatorOptions } from './coordinator.ts';

type Env = Readonly<Record<string, string | undefined>>;

export class CoordinatorConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CoordinatorConfigError';
  }
}

function int(env: Env, name: string, min: number, max: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new CoordinatorConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  return n;
}

/**
 * GROUP_INITIAL_REBALANCE_DELAY_MS (group.initial.rebalance.delay.ms, default 3000),
 * GROUP_MIN_SESSION_TIMEOUT_MS (6000), GROUP_MAX_SESSION_TIMEOUT_MS (1800000), GROUP_MAX_SIZE (10000),
 * OFFSETS_RETENTION_MINUTES (10080 = 7 days), OFFSETS_RETENTION_CHECK_INTERVAL_MS (600000),
 * OFFSETS_TOPIC_NUM_PARTITIONS (50), OFFSET_METADATA_MAX_BYTES (4096).
 */
export function loadCoordinatorOptions(env: Env = process.env): GroupCoordinatorOptions {
  const options: Record<string, number | undefined> = {
    initialRebalanceDelayMs: int(env, 'GROUP_INITIAL_REBALANCE_DELAY_MS', 0, 300_000),
    minSessionTimeoutMs: int(env, 'GROUP_MIN_SESSION_TIMEOUT_MS', 1, 3_600_000),
    maxSessionTimeoutMs: int(env, 'GROUP_MAX_SESSION_TIMEOUT_MS', 1, 3_600_000),
    maxGroupSize: int(env, 'GROUP_MAX_SIZE', 1, 1_000_000),
    offsetsRetentionMs: mapDefined(int(env, 'OFFSETS_RETENTION_MINUTES', 1, 2 ** 31 - 1), (m) => m * 60_000),
    offsetsRetentionCheckIntervalMs: int(env, 'OFFSETS_RETENTION_CHECK_INTERVAL_MS', 1, 2 ** 31 - 1),
    offsetsTopicPartitions: int(env, 'OFFSETS_TOPIC_NUM_PARTITIONS', 1, 1000),
    maxMetadataBytes: int(env, 'OFFSET_METADATA_MAX_BYTES', 0, 1_048_576),
  };
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  return Object.freeze(defined);
}

function mapDefined(v: number | undefined, f: (n: number) => number): number | undefined {
  return v === undefined ? undefined : f(v);
}
