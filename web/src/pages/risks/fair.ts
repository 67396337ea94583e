import type { FairFactor, FairInputs, LecPoint, TolerancePoint } from './types.js';

/** FAIR inputs as a form edits them, and the loss curves as the chart draws them. */

export type FactorKind = 'number' | 'range' | 'interval';
export interface FactorDraft {
  kind: FactorKind;
  value: string;
  min: string;
  most_likely: string;
  max: string;
  low: string;
  high: string;
}

export const FACTORS = [
  { key: 'threat_event_frequency', label: 'Threat event frequency', unit: 'events a year', required: true },
  { key: 'vulnerability', label: 'Vulnerability', unit: 'probability 0–1; or give capability and resistance below', required: false },
  { key: 'threat_capability', label: 'Threat capability', unit: 'percentile 0–100, instead of vulnerability', required: false },
  { key: 'resistance_strength', label: 'Resistance strength', unit: 'percentile 0–100, instead of vulnerability', required: false },
  { key: 'primary_loss', label: 'Primary loss magnitude', unit: 'per event', required: true },
  { key: 'secondary_loss_probability', label: 'Secondary loss probability', unit: 'probability 0–1', required: false },
  { key: 'secondary_loss', label: 'Secondary loss magnitude', unit: 'per event', required: false },
] as const;
export type FactorKey = (typeof FACTORS)[number]['key'];

export interface FairDraft {
  iterations: string;
  seed: string;
  factors: Record<FactorKey, FactorDraft>;
}

const emptyFactor = (): FactorDraft => ({ kind: 'number', value: '', min: '', most_likely: '', max: '', low: '', high: '' });

export function factorDraft(factor: FairFactor | undefined): FactorDraft {
  const draft = emptyFactor();
  if (factor === undefined || factor === null) return draft;
  if (typeof factor === 'number') return { ...draft, value: String(factor) };
  if ('low' in factor) return { ...draft, kind: 'interval', low: String(factor.low), high: String(factor.high) };
  return { ...draft, kind: 'range', min: String(factor.min), most_likely: String(factor.most_likely), max: String(factor.max) };
}

export function fairDraft(inputs: FairInputs | null | undefined): FairDraft {
  const factors = {} as Record<FactorKey, FactorDraft>;
  for (const { key } of FACTORS) factors[key] = factorDraft(inputs?.[key]);
  return { iterations: String(inputs?.iterations ?? 10000), seed: inputs?.seed === undefined ? '' : String(inputs.seed), factors };
}

const num = (text: string): number | null => {
  if (text.trim() === '') return null;
  const n = Number(text.replace(/[\s,_]/g, ''));
  return Number.isFinite(n) ? n : null;
};

export function isBlank(draft: FactorDraft): boolean {
  const fields = draft.kind === 'number' ? [draft.value] : draft.kind === 'range' ? [draft.min, draft.most_likely, draft.max] : [draft.low, draft.high];
  return fields.every((f) => f.trim() === '');
}

/** A factor for the API, or the reason it cannot be one. */
export function factorValue(draft: FactorDraft): { value: FairFactor } | { error: string } {
  if (draft.kind === 'number') {
    const value = num(draft.value);
    return value === null ? { error: 'enter a number' } : value < 0 ? { error: 'must not be negative' } : { value };
  }
  if (draft.kind === 'range') {
    const [min, mode, max] = [num(draft.min), num(draft.most_likely), num(draft.max)];
    if (min === null || mode === null || max === null) return { error: 'enter min, most likely and max' };
    if (min > max) return { error: 'min is above max' };
    if (mode < min || mode > max) return { error: 'most likely must lie between min and max' };
    return { value: { min, most_likely: mode, max } };
  }
  const [low, high] = [num(draft.low), num(draft.high)];
  if (low === null || high === null) return { error: 'enter the low and high ends of the 90 % interval' };
  if (low <= 0 || high <= low) return { error: 'the interval needs 0 < low < high' };
  return { value: { low, high } };
}

/** The draft as FAIR inputs, or the problems by factor key. */
export function fairInputs(draft: FairDraft): { inputs: FairInputs } | { errors: Partial<Record<FactorKey | 'iterations' | 'seed', string>> } {
  const errors: Partial<Record<FactorKey | 'iterations' | 'seed', string>> = {};
  const inputs: Record<string, unknown> = {};
  for (const { key, required } of FACTORS) {
    const factor = draft.factors[key];
    if (!required && isBlank(factor)) continue;
    const answer = factorValue(factor);
    if ('error' in answer) errors[key] = answer.error;
    else inputs[key] = answer.value;
  }
  const hasVulnerability = 'vulnerability' in inputs || errors.vulnerability;
  const hasPair = ('threat_capability' in inputs || errors.threat_capability) && ('resistance_strength' in inputs || errors.resistance_strength);
  if (!hasVulnerability && !hasPair) errors.vulnerability = 'give the vulnerability, or both threat capability and resistance strength';
  const iterations = num(draft.iterations);
  if (iterations === null || !Number.isInteger(iterations) || iterations < 1) errors.iterations = 'a whole number of simulated years';
  else inputs.iterations = iterations;
  if (draft.seed.trim() !== '') {
    const seed = num(draft.seed);
    if (seed === null || !Number.isInteger(seed) || seed < 0) errors.seed = 'a whole number, or empty for a random seed';
    else inputs.seed = seed;
  }
  return Object.keys(errors).length ? { errors } : { inputs: inputs as unknown as FairInputs };
}

/** P(annual loss ≥ x) read off a loss exceedance curve (points in any order; a step function). */
export function exceedanceAt(lec: LecPoint[], loss: number): number {
  const sorted = [...lec].sort((a, b) => a.loss - b.loss);
  for (const point of sorted) if (point.loss >= loss) return point.probability;
  return 0;
}

/** The tolerance points the curve lies above (a quantified risk over appetite). */
export function pointsAboveTolerance(lec: LecPoint[], tolerance: TolerancePoint[]): TolerancePoint[] {
  if (lec.length === 0) return [];
  return tolerance.filter((t) => exceedanceAt(lec, t.loss) > t.probability);
}

export interface CurveRow {
  loss: number;
  exceedance?: number;
  tolerance?: number;
}

/**
 * One data set for a chart with a log-scale loss axis: the curve and the tolerance, merged and sorted
 * by loss. Losses ≤ 0 cannot sit on a log axis and are left out; probabilities are in percent.
 */
export function curveRows(lec: LecPoint[], tolerance: TolerancePoint[] = []): CurveRow[] {
  const rows = new Map<number, CurveRow>();
  const at = (loss: number) => {
    let row = rows.get(loss);
    if (!row) rows.set(loss, (row = { loss }));
    return row;
  };
  for (const p of lec) if (p.loss > 0) at(p.loss).exceedance = round(p.probability * 100);
  for (const t of tolerance) if (t.loss > 0) at(t.loss).tolerance = round(t.probability * 100);
  return [...rows.values()].sort((a, b) => a.loss - b.loss);
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** "€1.2M", "$350k", "€900" — compact money for axes and tables. */
export function formatMoney(value: number | null | undefined, currency = 'EUR'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(value);
  } catch {
    return `${new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 }).format(value)} ${currency}`;
  }
}

export function formatPercent(probability: number | null | undefined): string {
  if (probability === null || probability === undefined || !Number.isFinite(probability)) return '—';
  const pct = probability * 100;
  return `${pct >= 10 || pct === 0 ? pct.toFixed(0) : pct.toFixed(1)} %`;
}
