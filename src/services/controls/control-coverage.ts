import { levelRank } from '../../domain/risk-matrix.js';
import { reliedOnControls, riskCoverageRows, type ReliedOnControlRow } from '../../store/repositories/controls.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { riskMatrixOf } from '../risks/risk-settings.js';

export interface CoveredRisk {
  id: string;
  number: string;
  title: string;
  residual_level: string;
  controls: Array<{ id: string; ref: string; title: string; effectiveness: number | null }>;
}

export interface ControlCoverage {
  risks: CoveredRisk[];
  controls: ReliedOnControlRow[];
  uncovered_risks: number;
}

/**
 * Which risks rely on which controls: every risk that is not closed (highest residual level first)
 * with its controls, the controls relied on (most relied on first), and how many risks rely on none.
 */
export async function controlCoverage(ctx: ServiceContext): Promise<ControlCoverage> {
  authorize(ctx.actor, 'risk.read');
  const db = ctx.database.db;
  const organisationId = ctx.actor.organisationId;
  const [matrix, rows, controls] = await Promise.all([riskMatrixOf(db, organisationId), riskCoverageRows(db, organisationId), reliedOnControls(db, organisationId)]);
  const risks = new Map<string, CoveredRisk>();
  for (const row of rows) {
    let risk = risks.get(row.risk_id);
    if (!risk) {
      risk = { id: row.risk_id, number: row.number, title: row.title, residual_level: row.residual_level, controls: [] };
      risks.set(row.risk_id, risk);
    }
    if (row.control_id) risk.controls.push({ id: row.control_id, ref: row.ref!, title: row.control_title!, effectiveness: row.effectiveness === null ? null : Number(row.effectiveness) });
  }
  const list = [...risks.values()].sort((a, b) => levelRank(matrix, b.residual_level) - levelRank(matrix, a.residual_level) || a.number.localeCompare(b.number));
  return { risks: list, controls, uncovered_risks: list.filter((r) => r.controls.length === 0).length };
}
