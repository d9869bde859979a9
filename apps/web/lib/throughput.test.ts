import { describe, expect, it } from 'vitest';
import { addSample, MAX_SAMPLES, ratesOf } from './throughput.ts';

describe('produce rate from totals', () => {
  it('derives messages per second between samples', () => {
    expect(ratesOf([{ at: 0, total: 100 }, { at: 2000, total: 300 }, { at: 4000, total: 300 }])).toEqual([
      { at: 2000, rate: 100 },
      { at: 4000, rate: 0 },
    ]);
  });

  it('never reports a negative rate when topics are deleted', () => {
    expect(ratesOf([{ at: 0, total: 500 }, { at: 1000, total: 10 }])).toEqual([{ at: 1000, rate: 0 }]);
  });

  it('keeps a bounded, time-ordered history', () => {
    let samples = [{ at: 0, total: 0 }];
    for (let i = 1; i <= 100; i++) samples = addSample(samples, { at: i * 1000, total: i });
    expect(samples).toHaveLength(MAX_SAMPLES);
    expect(addSample(samples, { at: 5, total: 1 })).toEqual(samples);
  });
});
