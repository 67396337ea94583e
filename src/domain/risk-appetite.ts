import type { FieldProblem } from './errors.js';
import { levelRank, type RiskMatrix } from './risk-matrix.js';

/** A point of a loss exceedance or tolerance curve: the probability of losing more than `loss` in a year. */
export interface LossPoint {
  loss: number;
  probability: number;
}

/**
 * How much risk the organisation takes: no residual level above `max_level`, and for quantified
 * risks a loss tolerance curve (the yearly loss it accepts to exceed with at most that probability).
 */
export interface RiskAppetite {
  max_level: string;
  loss_tolerance: LossPoint[];
  currency: string;
}

export const DEFAULT_RISK_APPETITE: RiskAppetite = { max_level: 'moderate', loss_tolerance: [], currency: 'EUR' };

/** The problems of an appetite against the matrix it applies to (empty when sound). */
export function appetiteProblems(matrix: RiskMatrix, appetite: RiskAppetite): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (levelRank(matrix, appetite.max_level) < 0) {
    problems.push({ path: 'max_level', message: `"${appetite.max_level}" is not a level of the risk matrix (${matrix.levels.map((l) => l.id).join(', ')})` });
  }
  appetite.loss_tolerance.forEach((point, i) => {
    if (!(Number.isFinite(point.loss) && point.loss > 0)) problems.push({ path: `loss_tolerance.${i}.loss`, message: 'a loss above 0' });
    if (!(point.probability >= 0 && point.probability <= 1)) problems.push({ path: `loss_tolerance.${i}.probability`, message: 'a probability in [0, 1]' });
    const previous = appetite.loss_tolerance[i - 1];
    if (previous && point.loss <= previous.loss) problems.push({ path: `loss_tolerance.${i}.loss`, message: 'losses must increase from one point to the next' });
  });
  if (!/^[A-Z]{3}$/.test(appetite.currency)) problems.push({ path: 'currency', message: 'an ISO 4217 code such as EUR' });
  return problems;
}

/**
 * The probability that the yearly loss exceeds `loss`, read off a loss exceedance curve: interpolated
 * linearly in log(loss) between the curve's points, the curve's first probability below its first
 * loss (at most 1) and 0 beyond its last.
 */
export function exceedanceAt(lec: readonly LossPoint[], loss: number): number {
  const points = lec.filter((p) => p.loss > 0).sort((a, b) => a.loss - b.loss);
  if (points.length === 0) return 0;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  if (loss <= first.loss) return first.probability;
  if (loss > last.loss) return 0;
  for (let k = 1; k < points.length; k++) {
    const hi = points[k]!;
    if (loss > hi.loss) continue;
    const lo = points[k - 1]!;
    if (hi.loss === lo.loss) return hi.probability;
    const t = (Math.log(loss) - Math.log(lo.loss)) / (Math.log(hi.loss) - Math.log(lo.loss));
    return lo.probability + t * (hi.probability - lo.probability);
  }
  return 0;
}

/** A loss exceedance curve exceeds the tolerance when, at some tolerance loss, its exceedance probability is higher. */
export function exceedsTolerance(lec: readonly LossPoint[], tolerance: readonly LossPoint[]): boolean {
  return tolerance.some((point) => exceedanceAt(lec, point.loss) > point.probability + 1e-12);
}

/**
 * Over appetite: an open risk whose residual level ranks above the appetite's maximum, or whose loss
 * exceedance curve (when it was simulated) lies above the tolerance curve. Closed risks never are.
 */
export function isOverAppetite(
  matrix: RiskMatrix,
  appetite: RiskAppetite,
  risk: { status: string; residual_level: string; lec?: readonly LossPoint[] | null },
): boolean {
  if (risk.status === 'closed') return false;
  const max = levelRank(matrix, appetite.max_level);
  if (max >= 0 && levelRank(matrix, risk.residual_level) > max) return true;
  return Boolean(risk.lec?.length && appetite.loss_tolerance.length && exceedsTolerance(risk.lec, appetite.loss_tolerance));
}
