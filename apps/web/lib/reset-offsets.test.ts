import { describe, expect, it } from 'vitest';
import { buildResetBody, parsePartitionList, type ResetForm } from './reset-offsets.ts';

const form: ResetForm = { topic: 'orders', partitions: '', strategy: 'earliest', timestamp: null, offset: '', shift: '' };

describe('reset offsets form', () => {
  it('parses partition lists with ranges', () => {
    expect(parsePartitionList('0, 2, 5-7, 2')).toEqual([0, 2, 5, 6, 7]);
    expect(parsePartitionList('')).toEqual([]);
    expect(parsePartitionList('3-1')).toBeNull();
    expect(parsePartitionList('a')).toBeNull();
  });

  it('builds a preview for every partition by default', () => {
    expect(buildResetBody(form, true)).toEqual({ ok: true, body: { topic: 'orders', strategy: 'earliest', dryRun: true } });
  });

  it('carries the parameter of each strategy', () => {
    expect(buildResetBody({ ...form, strategy: 'offset', offset: '42', partitions: '1' }, false)).toEqual({
      ok: true,
      body: { topic: 'orders', strategy: 'offset', offset: 42, partitions: [1], dryRun: false },
    });
    expect(buildResetBody({ ...form, strategy: 'shift', shift: '-10' }, true)).toMatchObject({ ok: true, body: { shift: -10 } });
    expect(buildResetBody({ ...form, strategy: 'timestamp', timestamp: 1_700_000_000_000 }, true)).toMatchObject({ ok: true, body: { timestamp: 1_700_000_000_000 } });
  });

  it('explains what is missing', () => {
    expect(buildResetBody({ ...form, topic: '' }, true)).toEqual({ ok: false, error: 'Choose a topic.' });
    expect(buildResetBody({ ...form, strategy: 'timestamp' }, true)).toMatchObject({ ok: false });
    expect(buildResetBody({ ...form, strategy: 'offset', offset: '-1' }, true)).toMatchObject({ ok: false });
    expect(buildResetBody({ ...form, strategy: 'shift', shift: '0' }, true)).toMatchObject({ ok: false });
    expect(buildResetBody({ ...form, partitions: 'x' }, true)).toMatchObject({ ok: false });
  });
});
