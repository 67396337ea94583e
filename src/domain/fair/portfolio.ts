import type { FairInputs } from './inputs.js';
import { hashString } from './random.js';
import { simulateAnnualLosses } from './simulate.js';
import { mean, quantileSorted, sortedCopy, summarise, type SimulationResult } from './statistics.js';

/**
 * A portfolio: every risk simulated for the same years and the years summed — the portfolio's
 * percentiles come from the summed years, never from adding the risks' percentiles (which would
 * assume every risk has its bad year at once).
 */

export interface PortfolioRisk {
  /** The risk id; it also picks the risk's random stream, so a result does not depend on order or worker count. */
  key: string;
  inputs: FairInputs;
}

export interface RiskContribution {
  key: string;
  mean: number;
  /** mean / the portfolio mean. */
  share_of_mean: number;
  /** The risk's average loss in the portfolio's worst 5 % of years (total ≥ portfolio p95). */
  tail_mean: number;
  /** tail_mean / the portfolio's average loss in those years; the shares add up to 1. */
  share_of_tail: number;
}

export interface PortfolioResult {
  total: SimulationResult;
  risks: RiskContribution[];
}

export const TAIL_QUANTILE = 0.95;
/** A portfolio is summed in this many slices (each on a worker thread, at most); fixed so the result does not depend on the CPU count. */
export const PORTFOLIO_SLICES = 8;

/**
 * The risks in slices: sorted by key, then dealt round-robin. Floating-point sums depend on their
 * order, so everyone sums slice by slice in this order and gets the same bits.
 */
export function portfolioSlices<T extends { key: string }>(risks: readonly T[]): T[][] {
  const sorted = [...risks].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const n = Math.min(PORTFOLIO_SLICES, sorted.length);
  return Array.from({ length: n }, (_, s) => sorted.filter((_, i) => i % n === s));
}

/** The stream of a risk in a portfolio run. */
export const streamOf = (key: string): number => hashString(key);

export function simulatePortfolioRisk(risk: PortfolioRisk, iterations: number, seed: number): Float64Array {
  return simulateAnnualLosses(risk.inputs, iterations, seed, streamOf(risk.key));
}

export function addInto(totals: Float64Array, losses: Float64Array): void {
  for (let i = 0; i < totals.length; i++) totals[i]! += losses[i]!;
}

/** The years in the tail: total at or above the portfolio's p95. */
export function tailMask(totals: Float64Array, quantile = TAIL_QUANTILE): Uint8Array {
  const threshold = quantileSorted(sortedCopy(totals), quantile);
  const mask = new Uint8Array(totals.length);
  for (let i = 0; i < totals.length; i++) mask[i] = totals[i]! >= threshold ? 1 : 0;
  return mask;
}

/** Average of a series over the masked years. */
export function maskedMean(values: Float64Array, mask: Uint8Array): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    if (mask[i]) {
      sum += values[i]!;
      count++;
    }
  }
  return count ? sum / count : 0;
}

/** Builds the result from the summed years and each risk's mean and tail mean. */
export function portfolioResult(totals: Float64Array, seed: number, perRisk: { key: string; mean: number; tail_mean: number }[], mask: Uint8Array): PortfolioResult {
  const total = summarise(totals, seed);
  const tailTotal = maskedMean(totals, mask);
  return {
    total,
    risks: perRisk
      .map((r) => ({
        key: r.key,
        mean: r.mean,
        share_of_mean: total.mean > 0 ? r.mean / total.mean : 0,
        tail_mean: r.tail_mean,
        share_of_tail: tailTotal > 0 ? r.tail_mean / tailTotal : 0,
      }))
      .sort((a, b) => b.mean - a.mean || a.key.localeCompare(b.key)),
  };
}

/** The whole portfolio on the calling thread (the reference the worker pool must agree with). */
export function simulatePortfolio(risks: readonly PortfolioRisk[], iterations: number, seed: number): PortfolioResult {
  const totals = new Float64Array(iterations);
  const series = new Map<string, Float64Array>();
  for (const slice of portfolioSlices(risks)) {
    const partial = new Float64Array(iterations);
    for (const risk of slice) {
      const losses = simulatePortfolioRisk(risk, iterations, seed);
      addInto(partial, losses);
      series.set(risk.key, losses);
    }
    addInto(totals, partial);
  }
  const mask = tailMask(totals);
  const perRisk = risks.map((risk) => ({ key: risk.key, mean: mean(series.get(risk.key)!), tail_mean: maskedMean(series.get(risk.key)!, mask) }));
  return portfolioResult(totals, seed, perRisk, mask);
}
