/** One line of the benchmark table. Every benchmark module exports `run(): Promise<BenchRow[]>`. */
export interface BenchRow {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** e.g. the target, or the ratio to a ceiling */
  readonly note?: string;
}

export type BenchModule = { run(): Promise<BenchRow[]> };

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
