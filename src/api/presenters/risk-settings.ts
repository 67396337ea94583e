import type { RiskAppetite } from '../../domain/risk-appetite.js';
import type { RiskMatrix } from '../../domain/risk-matrix.js';

/** Exactly the four documented keys, in order. */
export function presentRiskMatrix(m: RiskMatrix) {
  return {
    likelihood_levels: m.likelihood_levels.map((l) => ({ id: l.id, name: l.name, description: l.description, annual_rate: { min: l.annual_rate.min, max: l.annual_rate.max } })),
    impact_levels: m.impact_levels.map((l) => ({ id: l.id, name: l.name, description: l.description })),
    levels: m.levels.map((l) => ({ id: l.id, name: l.name, color: l.color })),
    table: m.table.map((row) => [...row]),
  };
}

export function presentRiskAppetite(a: RiskAppetite) {
  return { max_level: a.max_level, loss_tolerance: a.loss_tolerance.map((p) => ({ loss: p.loss, probability: p.probability })), currency: a.currency };
}
