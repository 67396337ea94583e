import { readJson } from '../../store/dialect.js';
import { incidentsOfRisk, riskScoreHistory as queryScores } from '../../store/repositories/learning.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { restrictedVisibilityFor } from '../policies/incident-visibility.js';
import { loadRisk } from '../risks/load-risk.js';

export interface ScorePoint {
  at: string;
  action: string;
  inherent_level: string;
  residual_level: string;
  annual_loss_mean: number | null;
  /** The incident a change came from (closed loop), when it did. */
  incident_id: string | null;
}

export interface RiskScoreHistory {
  risk_id: string;
  number: string;
  points: ScorePoint[];
  /** The incidents linked to the risk that the viewer may see, at their detection time: markers on the chart. */
  incidents: Array<{ id: string; number: string; title: string; at: string }>;
}

/** A risk's score over time from its history, with the incidents it materialised in marked by date (risk.read). */
export async function riskScoreHistory(ctx: ServiceContext, idOrNumber: string): Promise<RiskScoreHistory> {
  authorize(ctx.actor, 'risk.read');
  const db = ctx.database.db;
  const risk = await loadRisk(db, ctx.actor.organisationId, idOrNumber);
  const rows = await queryScores(db, risk.id);
  const incidents = await incidentsOfRisk(db, risk.id, restrictedVisibilityFor(ctx.actor));
  const visible = new Set(incidents.map((i) => i.id));
  return {
    risk_id: risk.id,
    number: risk.number,
    points: rows.map((r) => {
      const source = r.source === null ? null : readJson<{ incident_id?: unknown } | null>(r.source);
      const incidentId = typeof source?.incident_id === 'string' && visible.has(source.incident_id) ? source.incident_id : null;
      return { at: r.at, action: r.action, inherent_level: r.inherent_level, residual_level: r.residual_level, annual_loss_mean: r.annual_loss_mean === null ? null : Number(r.annual_loss_mean), incident_id: incidentId };
    }),
    incidents: incidents.map((i) => ({ id: i.id, number: i.number, title: i.title, at: i.detected_at })),
  };
}
