/**
 * Produce rate from successive totals of messages (sampled by polling): the console has no
 * metrics store, so it derives a rate from the change in the sum of log end offsets.
 */
export interface TotalSample {
  at: number;
  total: number;
}

export const MAX_SAMPLES = 60;

/** Append a sample, keeping the last MAX_SAMPLES; a sample not later than the last is ignored. */
export function addSample(samples: readonly TotalSample[], sample: TotalSample): TotalSample[] {
  const last = samples[samples.length - 1];
  if (last && sample.at <= last.at) return [...samples];
  return [...samples, sample].slice(-MAX_SAMPLES);
}

/** Messages per second between consecutive samples. Deleted topics (a falling total) count as 0. */
export function ratesOf(samples: readonly TotalSample[]): { at: number; rate: number }[] {
  const out: { at: number; rate: number }[] = [];
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1];
    const b = samples[i];
    if (!a || !b) continue;
    const seconds = (b.at - a.at) / 1000;
    out.push({ at: b.at, rate: seconds > 0 ? Math.max(0, b.total - a.total) / seconds : 0 });
  }
  return out;
}
