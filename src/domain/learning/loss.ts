import { exceedanceAt, type LecPoint } from '../fair/statistics.js';

/** FAIR's six forms of loss, as a review records what an incident cost. */
export const LOSS_FORMS = ['productivity', 'response', 'replacement', 'fines_and_judgements', 'competitive_advantage', 'reputation'] as const;
export type LossForm = (typeof LOSS_FORMS)[number];
export type RealisedLoss = Partial<Record<LossForm, number | null>>;

/** The realised loss in total, or null when no form has an amount. */
export function realisedTotal(loss: RealisedLoss | null | undefined): number | null {
  if (!loss) return null;
  const amounts = LOSS_FORMS.map((f) => loss[f]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return amounts.length ? amounts.reduce((a, b) => a + b, 0) : null;
}

/**
 * Where a realised loss landed in an estimated annual-loss distribution: its percentile, read off the
 * loss exceedance curve as 1 − P(loss ≥ realised).
 */
export function lossPercentile(lec: readonly LecPoint[], realised: number): number {
  return Math.min(1, Math.max(0, 1 - exceedanceAt(lec, realised)));
}
