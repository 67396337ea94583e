/**
 * FAIR (Open Group O-RA) inputs: each factor is a calibrated estimate — an exact number, a
 * three-point range (modified PERT) or a 90 % confidence interval (lognormal).
 */

/** min / most likely / max, drawn from a modified PERT distribution; gamma (default 4) weights the most likely value. */
export interface PertRange {
  min: number;
  most_likely: number;
  max: number;
  gamma?: number;
}

/** A 90 % interval: 5 % of draws fall below `low` and 5 % above `high` (lognormal). */
export interface LognormalRange {
  low: number;
  high: number;
}

export type Factor = number | PertRange | LognormalRange;

/** What a factor measures, which decides its allowed values. */
export type FactorKind = 'frequency' | 'probability' | 'loss' | 'capability';

export interface FairInputs {
  /** Threat events per year. */
  threat_event_frequency: Factor;
  /** Probability in [0, 1] that a threat event becomes a loss event; or give threat_capability and resistance_strength. */
  vulnerability?: Factor;
  /** Percentile of the threat community's capability (0–100); with resistance_strength, vulnerability = P(capability > resistance). */
  threat_capability?: Factor;
  /** Percentile of the threat community the controls resist (0–100). */
  resistance_strength?: Factor;
  /** Loss per loss event (productivity, response, replacement). */
  primary_loss: Factor;
  /** Probability in [0, 1] that a loss event also causes secondary loss (fines, reputation, secondary response). */
  secondary_loss_probability?: Factor;
  /** Secondary loss per loss event that has one. */
  secondary_loss?: Factor;
}

/** A run: the inputs plus how many years to simulate and the seed that makes it reproducible. */
export interface SimulationSpec extends FairInputs {
  iterations: number;
  seed: number;
}

export const DEFAULT_GAMMA = 4;
export const DEFAULT_ITERATIONS = 10_000;
/** Limits of one request (documented in the OpenAPI description). */
export const MAX_ITERATIONS = 1_000_000;
export const MAX_PORTFOLIO_ITERATIONS = 100_000;
export const MAX_SEED = 2 ** 32 - 1;

export const FACTOR_KINDS: Record<keyof FairInputs, FactorKind> = {
  threat_event_frequency: 'frequency',
  vulnerability: 'probability',
  threat_capability: 'capability',
  resistance_strength: 'capability',
  primary_loss: 'loss',
  secondary_loss_probability: 'probability',
  secondary_loss: 'loss',
};

export const isPert = (f: Factor): f is PertRange => typeof f === 'object' && 'most_likely' in f;
export const isLognormal = (f: Factor): f is LognormalRange => typeof f === 'object' && 'low' in f;

export interface InputProblem {
  /** Dotted path inside the inputs, e.g. `primary_loss.most_likely`. */
  path: string;
  message: string;
}

const KIND_WORDS: Record<FactorKind, string> = {
  frequency: 'a frequency per year must not be negative',
  probability: 'a probability must lie in [0, 1]',
  loss: 'a loss must not be negative',
  capability: 'a capability or strength is a percentile in [0, 100]',
};

function outOfBounds(kind: FactorKind, v: number): boolean {
  if (!Number.isFinite(v)) return true;
  if (v < 0) return true;
  if (kind === 'probability') return v > 1;
  if (kind === 'capability') return v > 100;
  return false;
}

/** What is wrong with one factor (empty when it is fine). */
export function factorProblems(factor: Factor, kind: FactorKind, path: string): InputProblem[] {
  const problems: InputProblem[] = [];
  const bound = (v: number, at: string) => {
    if (outOfBounds(kind, v)) problems.push({ path: at, message: `${KIND_WORDS[kind]} (got ${v})` });
  };
  if (typeof factor === 'number') {
    bound(factor, path);
  } else if (isPert(factor)) {
    const { min, most_likely, max, gamma } = factor;
    bound(min, `${path}.min`);
    bound(most_likely, `${path}.most_likely`);
    bound(max, `${path}.max`);
    if (min > max) problems.push({ path: `${path}.min`, message: `min (${min}) is greater than max (${max})` });
    else if (most_likely < min || most_likely > max)
      problems.push({ path: `${path}.most_likely`, message: `most_likely (${most_likely}) lies outside [min, max] = [${min}, ${max}]` });
    if (gamma !== undefined && (!Number.isFinite(gamma) || gamma < 0 || gamma > 100))
      problems.push({ path: `${path}.gamma`, message: `gamma must lie in [0, 100] (got ${gamma}); 4 is the classic PERT` });
  } else if (isLognormal(factor)) {
    const { low, high } = factor;
    if (kind === 'probability' || kind === 'capability')
      problems.push({ path, message: `a lognormal interval is unbounded, so it cannot express ${kind === 'probability' ? 'a probability' : 'a percentile'}; use {min, most_likely, max}` });
    if (!(low > 0)) problems.push({ path: `${path}.low`, message: `low must be greater than 0 for a lognormal (got ${low})` });
    if (!(low < high)) problems.push({ path: `${path}.high`, message: `high (${high}) must be greater than low (${low})` });
    if (!Number.isFinite(high)) problems.push({ path: `${path}.high`, message: 'high must be a finite number' });
  }
  return problems;
}

/** Every problem in a set of inputs, each naming its field. */
export function fairInputProblems(inputs: FairInputs): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const [key, kind] of Object.entries(FACTOR_KINDS) as [keyof FairInputs, FactorKind][]) {
    const factor = inputs[key];
    if (factor !== undefined) problems.push(...factorProblems(factor, kind, key));
  }
  return [...problems, ...crossFieldProblems(inputs)];
}

/** Rules between factors: vulnerability or capability vs resistance; a secondary probability needs a magnitude. */
export function crossFieldProblems(inputs: FairInputs): InputProblem[] {
  const problems: InputProblem[] = [];
  const hasCapability = inputs.threat_capability !== undefined || inputs.resistance_strength !== undefined;
  if (inputs.vulnerability === undefined && !(inputs.threat_capability !== undefined && inputs.resistance_strength !== undefined))
    problems.push({ path: 'vulnerability', message: 'give vulnerability, or both threat_capability and resistance_strength' });
  if (inputs.vulnerability !== undefined && hasCapability)
    problems.push({ path: 'vulnerability', message: 'give either vulnerability or threat_capability with resistance_strength, not both' });
  if (inputs.secondary_loss_probability !== undefined && inputs.secondary_loss === undefined)
    problems.push({ path: 'secondary_loss', message: 'secondary_loss is required when secondary_loss_probability is given' });
  return problems;
}
