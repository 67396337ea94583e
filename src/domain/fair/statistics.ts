/** Statistics of simulated annual losses: mean, percentiles, probability of loss, loss exceedance curve. */

export interface LecPoint {
  loss: number;
  /** Probability that the annual loss is at least `loss`. */
  probability: number;
}

export interface SimulationResult {
  mean: number;
  p10: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  probability_of_loss: number;
  lec: LecPoint[];
  iterations: number;
  seed: number;
}

export const LEC_POINTS = 50;

/** The q-quantile of sorted values, interpolating between order statistics (Hyndman–Fan type 7, as spreadsheets do). */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Index of the first value ≥ x in sorted values. */
export function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Share of years whose loss is at least x. */
export const exceedance = (sorted: Float64Array, x: number): number => (sorted.length - lowerBound(sorted, x)) / sorted.length;

/** ~50 points, losses log-spaced from the smallest to the largest positive annual loss. */
export function lossExceedanceCurve(sorted: Float64Array, points = LEC_POINTS): LecPoint[] {
  const firstPositive = lowerBound(sorted, Number.MIN_VALUE);
  if (firstPositive >= sorted.length) return [];
  const lo = sorted[firstPositive]!;
  const hi = sorted[sorted.length - 1]!;
  if (hi <= lo) return [{ loss: lo, probability: exceedance(sorted, lo) }];
  const step = Math.log(hi / lo) / (points - 1);
  const curve: LecPoint[] = [];
  for (let i = 0; i < points; i++) {
    const loss = i === points - 1 ? hi : lo * Math.exp(step * i);
    curve.push({ loss: roundLoss(loss), probability: exceedance(sorted, loss) });
  }
  return curve;
}

/** Losses to 4 significant digits in the curve (it is drawn, not summed). */
const roundLoss = (x: number) => Number(x.toPrecision(4));

export function mean(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return values.length ? sum / values.length : 0;
}

/**
 * A sorted copy (the caller's per-year order is kept for portfolio sums). Losses are never negative
 * and most years of most risks have none, so only the positive values are sorted; the zeros lead.
 */
export function sortedCopy(values: Float64Array): Float64Array {
  const n = values.length;
  let positives = 0;
  for (let i = 0; i < n; i++) if (values[i]! > 0) positives++;
  const sorted = new Float64Array(n);
  const tail = sorted.subarray(n - positives);
  let j = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v > 0) tail[j++] = v;
    else if (v < 0 || Number.isNaN(v)) return Float64Array.from(values).sort(); // not losses: sort everything
  }
  tail.sort();
  return sorted;
}

export function summarise(losses: Float64Array, seed: number): SimulationResult {
  const sorted = sortedCopy(losses);
  const n = sorted.length;
  const firstPositive = lowerBound(sorted, Number.MIN_VALUE);
  return {
    mean: mean(losses),
    p10: quantileSorted(sorted, 0.1),
    p50: quantileSorted(sorted, 0.5),
    p90: quantileSorted(sorted, 0.9),
    p95: quantileSorted(sorted, 0.95),
    p99: quantileSorted(sorted, 0.99),
    probability_of_loss: n ? (n - firstPositive) / n : 0,
    lec: lossExceedanceCurve(sorted),
    iterations: n,
    seed,
  };
}

/**
 * Probability of a loss of at least `loss` read off a curve, interpolating log-linearly between its
 * points; above the largest simulated loss it is 0, below the smallest it is the first point's.
 */
export function exceedanceAt(lec: readonly LecPoint[], loss: number): number {
  if (lec.length === 0) return 0;
  const first = lec[0]!;
  const last = lec[lec.length - 1]!;
  if (loss <= first.loss) return first.probability;
  if (loss > last.loss) return 0;
  for (let i = 1; i < lec.length; i++) {
    const right = lec[i]!;
    if (loss <= right.loss) {
      const left = lec[i - 1]!;
      const t = Math.log(loss / left.loss) / Math.log(right.loss / left.loss);
      return left.probability + t * (right.probability - left.probability);
    }
  }
  return 0;
}

export interface TolerancePoint {
  loss: number;
  probability: number;
}

/** True when the loss exceedance curve lies above the tolerance curve at any of its points. */
export function exceedsTolerance(lec: readonly LecPoint[], tolerance: readonly TolerancePoint[]): boolean {
  return tolerance.some((t) => exceedanceAt(lec, t.loss) > t.probability);
}
