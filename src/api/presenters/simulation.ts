import type { SimulationRecord } from '../../services/simulations/simulation-record.js';

export function presentSimulation(simulation: SimulationRecord) {
  return {
    id: simulation.id,
    kind: simulation.kind,
    risk_id: simulation.risk_id,
    status: simulation.status,
    progress: simulation.progress,
    iterations: simulation.iterations,
    seed: simulation.seed,
    inputs: simulation.inputs,
    result: simulation.result as never,
    error: simulation.error,
    created_at: simulation.created_at,
    created_by: simulation.created_by,
    finished_at: simulation.finished_at,
  };
}
