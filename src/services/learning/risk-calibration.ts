import { readJson } from '../../store/dialect.js';
import { acceptedLossCalibrations } from '../../store/repositories/learning.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { restrictedVisibilityFor } from '../policies/incident-visibility.js';

export interface CalibrationPoint {
  incident_id: string;
  incident_number: string;
  proposal_id: string;
  realised_loss: number | null;
  /** The estimate when the review was completed. */
  estimated_mean: number | null;
  estimated_p90: number | null;
  /** Where the realised loss landed in the estimated annual-loss distribution, 0–1 (null without a simulation). */
  percentile: number | null;
  at: string | null;
}

export interface RiskCalibration {
  risk_id: string;
  number: string;
  title: string;
  annual_loss_mean: number | null;
  annual_loss_p90: number | null;
  points: CalibrationPoint[];
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * Realised against estimated loss per risk (risk.read): every accepted loss calibration of an
 * incident the viewer may see — the realised loss, the estimate then, the percentile it landed at.
 */
export async function riskCalibration(ctx: ServiceContext): Promise<{ items: RiskCalibration[] }> {
  authorize(ctx.actor, 'risk.read');
  const rows = await acceptedLossCalibrations(ctx.database.db, ctx.actor.organisationId, restrictedVisibilityFor(ctx.actor));
  const byRisk = new Map<string, RiskCalibration>();
  for (const r of rows) {
    const before = readJson<Record<string, unknown>>(r.before);
    const after = readJson<Record<string, unknown>>(r.after);
    let entry = byRisk.get(r.risk_id);
    if (!entry) {
      entry = { risk_id: r.risk_id, number: r.risk_number, title: r.risk_title, annual_loss_mean: r.annual_loss_mean === null ? null : Number(r.annual_loss_mean), annual_loss_p90: r.annual_loss_p90 === null ? null : Number(r.annual_loss_p90), points: [] };
      byRisk.set(r.risk_id, entry);
    }
    entry.points.push({ incident_id: r.incident_id, incident_number: r.incident_number, proposal_id: r.id, realised_loss: num(after.realised_loss), estimated_mean: num(before.annual_loss_mean), estimated_p90: num(before.annual_loss_p90), percentile: num(after.percentile), at: r.decided_at });
  }
  return { items: [...byRisk.values()] };
}
