import { describe, expect, it } from 'vitest';
import { describeConfigValue, validateConfig } from './config-validation.ts';

describe('topic config validation', () => {
  it('checks numeric configs and their minimum', () => {
    expect(validateConfig('retention.ms', '-1')).toBeNull();
    expect(validateConfig('retention.ms', '604800000')).toBeNull();
    expect(validateConfig('retention.ms', '7d')).toBe('A whole number.');
    expect(validateConfig('min.insync.replicas', '0')).toBe('At least 1.');
    expect(validateConfig('retention.bytes', '9223372036854775808')).toMatch(/Too large/);
  });

  it('checks enumerations, including comma lists', () => {
    expect(validateConfig('cleanup.policy', 'compact,delete')).toBeNull();
    expect(validateConfig('cleanup.policy', 'compact, purge')).toMatch(/One or more of delete, compact/);
    expect(validateConfig('compression.type', 'zstd')).toBeNull();
    expect(validateConfig('compression.type', 'brotli')).toMatch(/One of/);
  });

  it('checks booleans and ratios', () => {
    expect(validateConfig('unclean.leader.election.enable', 'yes')).toBe('true or false.');
    expect(validateConfig('min.cleanable.dirty.ratio', '0.5')).toBeNull();
    expect(validateConfig('min.cleanable.dirty.ratio', '1.5')).toBe('A number from 0 to 1.');
  });

  it('lets unknown configs through to the broker', () => {
    expect(validateConfig('some.plugin.setting', 'anything')).toBeNull();
  });

  it('reads durations and sizes', () => {
    expect(describeConfigValue('retention.ms', '604800000')).toBe('7 days');
    expect(describeConfigValue('retention.ms', '-1')).toBe('forever');
    expect(describeConfigValue('segment.bytes', '1073741824')).toBe('1 GiB');
    expect(describeConfigValue('retention.bytes', '-1')).toBe('unlimited');
    expect(describeConfigValue('cleanup.policy', 'delete')).toBeNull();
    expect(describeConfigValue('flush.messages', '9223372036854775807')).toBe('no limit');
  });
});
