import type { FairInputs } from './inputs.js';
import { simulateAnnualLosses } from './simulate.js';
import { summarise, type SimulationResult } from './statistics.js';

export interface ControlComparison {
  before: SimulationResult;
  after: SimulationResult;
  /** before.mean − after.mean: the expected annual loss the control avoids. */
  reduction_mean: number;
  /** before.p90 − after.p90. */
  reduction_p90: number;
  control_cost_per_year: number;
  /** (reduction_mean − cost) / cost; null when the control costs nothing. */
  return_on_control: number | null;
}

/** Simulates a risk as it is and with a proposed control, with the same seed (common random numbers). */
export function compareControl(before: FairInputs, after: FairInputs, controlCostPerYear: number, iterations: number, seed: number): ControlComparison {
  const b = summarise(simulateAnnualLosses(before, iterations, seed), seed);
  const a = summarise(simulateAnnualLosses(after, iterations, seed), seed);
  const reduction = b.mean - a.mean;
  return {
    before: b,
    after: a,
    reduction_mean: reduction,
    reduction_p90: b.p90 - a.p90,
    control_cost_per_year: controlCostPerYear,
    return_on_control: controlCostPerYear > 0 ? (reduction - controlCostPerYear) / controlCostPerYear : null,
  };
}
