import { compareControl, type ControlComparison } from '../../domain/fair/compare.js';
import type { FairInputs } from '../../domain/fair/inputs.js';
import { addInto, maskedMean, simulatePortfolioRisk, type PortfolioRisk } from '../../domain/fair/portfolio.js';
import { simulate } from '../../domain/fair/simulate.js';
import { mean, type SimulationResult } from '../../domain/fair/statistics.js';

/**
 * The work a simulation worker thread does, as plain functions of plain messages (so the same code
 * runs in a worker and, for tests, on the calling thread).
 */

export type FairRequest =
  | { kind: 'simulate'; inputs: FairInputs; iterations: number; seed: number }
  | { kind: 'compare'; before: FairInputs; after: FairInputs; control_cost_per_year: number; iterations: number; seed: number }
  /** Phase 1 of a portfolio: simulate some of its risks, answer their sum per year and each one's mean. */
  | { kind: 'portfolio-chunk'; job: string; risks: PortfolioRisk[]; iterations: number; seed: number; keep: boolean }
  /** Phase 2: each risk's average loss in the portfolio's tail years. */
  | { kind: 'portfolio-tail'; job: string; risks: PortfolioRisk[]; iterations: number; seed: number; mask: Uint8Array }
  | { kind: 'release'; job: string };

export interface ChunkAnswer {
  totals: Float64Array;
  risks: { key: string; mean: number }[];
}

export type FairAnswer = SimulationResult | ControlComparison | ChunkAnswer | { key: string; tail_mean: number }[] | null;

/** Per-year losses of the risks of a running portfolio job, kept between its two phases. */
const kept = new Map<string, Float64Array[]>();

/** Handles one request; `progress(done)` is called after each portfolio risk. Returns the answer and what to transfer. */
export function handleFairRequest(request: FairRequest, progress: (done: number) => void): { answer: FairAnswer; transfer: ArrayBuffer[] } {
  switch (request.kind) {
    case 'simulate':
      return { answer: simulate(request.inputs, request.iterations, request.seed), transfer: [] };
    case 'compare':
      return { answer: compareControl(request.before, request.after, request.control_cost_per_year, request.iterations, request.seed), transfer: [] };
    case 'portfolio-chunk': {
      const totals = new Float64Array(request.iterations);
      const series: Float64Array[] = [];
      const risks = request.risks.map((risk, i) => {
        const losses = simulatePortfolioRisk(risk, request.iterations, request.seed);
        addInto(totals, losses);
        if (request.keep) series.push(losses);
        progress(i + 1);
        return { key: risk.key, mean: mean(losses) };
      });
      if (request.keep) kept.set(request.job, series);
      return { answer: { totals, risks }, transfer: [totals.buffer as ArrayBuffer] };
    }
    case 'portfolio-tail': {
      const series = kept.get(request.job);
      kept.delete(request.job);
      const answer = request.risks.map((risk, i) => {
        // without kept years (too many to hold) the risk is simulated again: same seed and stream, same years
        const losses = series?.[i] ?? simulatePortfolioRisk(risk, request.iterations, request.seed);
        return { key: risk.key, tail_mean: maskedMean(losses, request.mask) };
      });
      return { answer, transfer: [] };
    }
    case 'release':
      kept.delete(request.job);
      return { answer: null, transfer: [] };
  }
}
