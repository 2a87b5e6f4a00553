/**
 * The benchmark convention: one line per figure, `BENCH {"name","value","unit"}`, plus `peer` and
 * `ratio` when a well-known peer ran the same work in the same process. Figures are medians over
 * several runs because this machine is shared and noisy.
 */
export interface BenchFigure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly peer?: string;
  readonly ratio?: number;
  readonly runs?: number;
}

export function report(figure: BenchFigure): void {
  const rounded = {
    ...figure,
    value: round(figure.value),
    ...(figure.ratio === undefined ? {} : { ratio: round(figure.ratio) }),
  };
  process.stdout.write(`BENCH ${JSON.stringify(rounded)}\n`);
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Runs `work` (which performs `ops` operations) `runs` times after `warmup` runs; ops/s per run. */
export function opsPerSecond(work: () => void, ops: number, runs = 7, warmup = 2): number[] {
  for (let i = 0; i < warmup; i++) work();
  const results: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    work();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    results.push(ops / seconds);
  }
  return results;
}

function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  const magnitude = Math.abs(value);
  const digits = magnitude >= 1000 ? 0 : magnitude >= 10 ? 2 : 4;
  return Number(value.toFixed(digits));
}
