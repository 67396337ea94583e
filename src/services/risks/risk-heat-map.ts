import { countRisksByCell } from '../../store/repositories/risks.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { riskMatrixOf } from './risk-settings.js';

export interface HeatMap {
  basis: 'inherent' | 'residual';
  likelihood_levels: Array<{ id: string; name: string }>;
  impact_levels: Array<{ id: string; name: string }>;
  /** cells[i][j]: the level and the number of open risks at likelihood_levels[i], impact_levels[j]. */
  cells: Array<Array<{ level: string; count: number }>>;
}

/** Open risks counted per matrix cell, inherent or residual. */
export async function riskHeatMap(ctx: ServiceContext, basis: 'inherent' | 'residual'): Promise<HeatMap> {
  authorize(ctx.actor, 'risk.read');
  const matrix = await riskMatrixOf(ctx.database.db, ctx.actor.organisationId);
  const counts = new Map<string, number>();
  for (const c of await countRisksByCell(ctx.database.db, ctx.actor.organisationId, basis)) counts.set(`${c.likelihood}\u0000${c.impact}`, c.n);
  return {
    basis,
    likelihood_levels: matrix.likelihood_levels.map(({ id, name }) => ({ id, name })),
    impact_levels: matrix.impact_levels.map(({ id, name }) => ({ id, name })),
    cells: matrix.likelihood_levels.map((l, i) => matrix.impact_levels.map((m, j) => ({ level: matrix.table[i]![j]!, count: counts.get(`${l.id}\u0000${m.id}`) ?? 0 }))),
  };
}
