import { randomInt } from 'node:crypto';
import { invalid, conflict } from '../../domain/errors.js';
import { DEFAULT_ITERATIONS, fairInputProblems, type FairInputs } from '../../domain/fair/inputs.js';
import { readJson } from '../../store/dialect.js';
import type { SimulationRow } from '../../store/schema.js';

/** A kept simulation: a risk's run, or a portfolio (running, then finished or failed). */
export interface SimulationRecord {
  id: string;
  kind: 'risk' | 'portfolio';
  risk_id: string | null;
  status: 'running' | 'finished' | 'failed';
  /** 0 … 1. */
  progress: number;
  iterations: number;
  seed: number;
  inputs: unknown;
  result: unknown;
  error: string | null;
  created_at: string;
  created_by: string;
  finished_at: string | null;
}

export function toSimulationRecord(row: SimulationRow): SimulationRecord {
  return {
    id: row.id,
    kind: row.kind as SimulationRecord['kind'],
    risk_id: row.risk_id,
    status: row.status as SimulationRecord['status'],
    progress: Number(row.progress),
    iterations: Number(row.iterations),
    seed: Number(row.seed),
    inputs: readJson<unknown>(row.inputs),
    result: row.result === null ? null : readJson<unknown>(row.result),
    error: row.error,
    created_at: row.created_at,
    created_by: row.created_by,
    finished_at: row.finished_at,
  };
}

/** A seed for a run that did not name one (it is returned, so the run can be repeated). */
export const randomSeed = (): number => randomInt(0, 2 ** 32);

export const runSettings = (given: { iterations?: number | undefined; seed?: number | undefined }, saved?: { iterations?: number | undefined; seed?: number | undefined }) => ({
  iterations: given.iterations ?? saved?.iterations ?? DEFAULT_ITERATIONS,
  seed: given.seed ?? saved?.seed ?? randomSeed(),
});

/** Inputs from the caller: 400 naming each bad field (the API's schema says the same earlier). */
export function checkedInputs<T extends FairInputs>(inputs: T, path = ''): T {
  const problems = fairInputProblems(inputs);
  if (problems.length) throw invalid(`The FAIR inputs are not valid: ${problems.map((p) => `${path}${p.path}: ${p.message}`).join('; ')}.`, problems.map((p) => ({ path: `${path}${p.path}`, message: p.message })));
  return inputs;
}

/** A risk's saved inputs: 409 when it has none or they no longer hold. */
export function savedInputs(risk: { number: string; fair_inputs: unknown }): FairInputs & { iterations?: number; seed?: number } {
  const raw = typeof risk.fair_inputs === 'string' ? readJson<unknown>(risk.fair_inputs) : risk.fair_inputs;
  if (raw === null || raw === undefined || typeof raw !== 'object') {
    throw conflict(`Risk ${risk.number} has no FAIR inputs yet. Add them to the risk (fair_inputs) before simulating it.`);
  }
  const inputs = raw as FairInputs & { iterations?: number; seed?: number };
  const problems = fairInputProblems(inputs);
  if (problems.length) throw conflict(`Risk ${risk.number} has FAIR inputs that do not hold: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}. Correct them on the risk.`);
  return inputs;
}
