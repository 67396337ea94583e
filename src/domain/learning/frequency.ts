import type { Factor } from '../fair/inputs.js';
import type { LikelihoodLevel, RiskMatrix } from '../risk-matrix.js';
import { DAY_MS, type Instant } from '../time.js';
import { gammaQuantile } from './gamma.js';

/**
 * How often a risk materialises, learnt from incidents: the owner's estimate of events a year is a
 * gamma prior on the Poisson rate (shape α = rate × years, rate β = years: the estimate is worth
 * `years` of observation); k events seen over t years give the posterior Gamma(α + k, β + t).
 */

/** A year, for turning elapsed time into observation years. */
export const YEAR_MS = 365.25 * DAY_MS;
/** The shortest observation window counted: a month, so one incident the day after an update does not read as hundreds a year. */
export const MIN_OBSERVATION_YEARS = 1 / 12;
/** Probability mass in the credible interval shown to the owner. */
export const CREDIBLE_MASS = 0.9;

/** The events a year a likelihood band stands for: geometric mean of [min, max); the open top band min × 3; a band from 0, max / 3. */
export function bandRate(level: LikelihoodLevel): number {
  const { min, max } = level.annual_rate;
  if (max === null) return min * 3;
  if (min <= 0) return max / 3;
  return Math.sqrt(min * max);
}

/** The likelihood level whose band [min, max) holds the rate; below every band the lowest, above every band the highest. */
export function likelihoodForRate(matrix: RiskMatrix, rate: number): LikelihoodLevel {
  const levels = matrix.likelihood_levels;
  const found = levels.find((l) => rate >= l.annual_rate.min && (l.annual_rate.max === null || rate < l.annual_rate.max));
  if (found) return found;
  const lowest = levels.reduce((a, b) => (b.annual_rate.min < a.annual_rate.min ? b : a));
  return rate < lowest.annual_rate.min ? lowest : levels.reduce((a, b) => (b.annual_rate.min > a.annual_rate.min ? b : a));
}

export interface RatePrior {
  /** Events a year. */
  rate: number;
  /** How many years of observation the estimate is worth. */
  years: number;
  /** Where the rate came from: the owner's stated annual rate, or the band of the likelihood level. */
  from: 'annual_rate' | 'likelihood_band';
}

/** The prior: the stated annual rate, else the band rate of the likelihood level (unknown level: null). */
export function ratePrior(matrix: RiskMatrix, likelihood: string, annualRate: number | null, years: number): RatePrior | null {
  if (annualRate !== null && Number.isFinite(annualRate) && annualRate >= 0) return { rate: annualRate, years, from: 'annual_rate' };
  const level = matrix.likelihood_levels.find((l) => l.id === likelihood);
  return level ? { rate: bandRate(level), years, from: 'likelihood_band' } : null;
}

/** Observation years between two instants, at least a month. */
export function observationYears(since: Instant, until: Instant): number {
  return Math.max(MIN_OBSERVATION_YEARS, (Date.parse(until) - Date.parse(since)) / YEAR_MS);
}

export interface GammaRate {
  shape: number;
  rate: number;
  mean: number;
  /** The 5 % and 95 % quantiles (null when the shape is 0: a stated rate of zero). */
  low: number | null;
  high: number | null;
}

function summarise(shape: number, rate: number): GammaRate {
  const tail = (1 - CREDIBLE_MASS) / 2;
  const positive = shape > 0;
  return { shape, rate, mean: shape / rate, low: positive ? gammaQuantile(shape, rate, tail) : null, high: positive ? gammaQuantile(shape, rate, 1 - tail) : null };
}

export interface FrequencyUpdate {
  prior: GammaRate;
  posterior: GammaRate;
  events: number;
  years: number;
}

/** The conjugate update: prior Gamma(rate × years, years), k events over t years → Gamma(α + k, β + t). */
export function updateRate(prior: { rate: number; years: number }, events: number, years: number): FrequencyUpdate {
  if (!(prior.years > 0)) throw new RangeError(`the prior's years must be positive (got ${prior.years})`);
  const alpha = prior.rate * prior.years;
  const beta = prior.years;
  return { prior: summarise(alpha, beta), posterior: summarise(alpha + events, beta + years), events, years };
}

/**
 * A FAIR threat event frequency moved by the same factor as the annual rate (posterior mean / prior
 * mean): a number is scaled, a range has each point scaled, a 90 % interval both ends.
 */
export function scaleFrequency(factor: Factor, ratio: number): Factor {
  const r = (v: number) => round(v * ratio);
  if (typeof factor === 'number') return r(factor);
  if ('most_likely' in factor) return { ...factor, min: r(factor.min), most_likely: r(factor.most_likely), max: r(factor.max) };
  return { low: r(factor.low), high: r(factor.high) };
}

/** Four significant digits: enough for an estimate, short enough to read. */
export function round(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  return Number(value.toPrecision(4));
}
