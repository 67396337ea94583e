/** Latency samples in milliseconds and what the report shows of them. */
export interface Summary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

export function summarise(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? Number.NaN };
}

export const ms = (value: number): string => (value < 10 ? value.toFixed(2) : value.toFixed(1));

/** Times `work` `iterations` times after `warmUp` untimed runs. */
export async function timeRepeatedly(iterations: number, warmUp: number, work: () => Promise<void>): Promise<Summary> {
  for (let i = 0; i < warmUp; i += 1) await work();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}
