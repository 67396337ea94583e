import { acceptanceExpired } from '../../domain/risk.js';
import { readJson } from '../../store/dialect.js';
import { findRisksByIds, listHistoryScores, listOverdueRiskControls, listRisksWhere, listTopRisks } from '../../store/repositories/risks.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { toRiskRecord, type RiskRecord } from './risk-record.js';
import { riskMatrixOf } from './risk-settings.js';

export interface TrendPoint {
  /** The last day of the month (today for the current month), YYYY-MM-DD. */
  date: string;
  by_level: Record<string, number>;
  annual_loss_mean_total: number;
}

export interface RiskDashboard {
  top: RiskRecord[];
  over_appetite: RiskRecord[];
  overdue_reviews: RiskRecord[];
  overdue_treatments: Array<{ risk: RiskRecord; control_id: string; due_at: string }>;
  expired_acceptances: RiskRecord[];
  trend: TrendPoint[];
}

const LIST_LIMIT = 50;
const TREND_MONTHS = 12;

/** What needs attention in the register, and how the open risks' residual levels moved over the last 12 months. */
export async function riskDashboard(ctx: ServiceContext): Promise<RiskDashboard> {
  authorize(ctx.actor, 'risk.read');
  const db = ctx.database.db;
  const organisationId = ctx.actor.organisationId;
  const now = ctx.clock.now();
  const matrix = await riskMatrixOf(db, organisationId);
  const levelOrder = matrix.levels.map((l) => l.id);

  const top = (await listTopRisks(db, organisationId, levelOrder, 10)).map(toRiskRecord);
  const overAppetite = (await listRisksWhere(db, organisationId, { overAppetite: true }, LIST_LIMIT)).map(toRiskRecord);
  const overdueReviews = (await listRisksWhere(db, organisationId, { reviewDueBefore: now }, LIST_LIMIT)).map(toRiskRecord);
  const accepted = (await listRisksWhere(db, organisationId, { treatment: 'accept' }, 10_000)).map(toRiskRecord);
  const expired = accepted.filter((r) => acceptanceExpired(r.treatment, r.treatment_details, now)).slice(0, LIST_LIMIT);
  const overdueLinks = await listOverdueRiskControls(db, organisationId, now, LIST_LIMIT);
  const linkedRisks = new Map((await findRisksByIds(db, organisationId, [...new Set(overdueLinks.map((l) => l.risk_id))])).map((r) => [r.id, toRiskRecord(r)]));
  const overdueTreatments = overdueLinks.flatMap((l) => {
    const risk = linkedRisks.get(l.risk_id);
    return risk && l.due_at ? [{ risk, control_id: l.control_id, due_at: l.due_at }] : [];
  });

  return { top, over_appetite: overAppetite, overdue_reviews: overdueReviews, overdue_treatments: overdueTreatments, expired_acceptances: expired, trend: await residualTrend(ctx, levelOrder, now) };
}

/** Month ends of the last 12 months, oldest first; the current month ends today. */
function monthEnds(now: string): string[] {
  const today = new Date(now);
  const ends: string[] = [];
  for (let k = TREND_MONTHS - 1; k >= 1; k--) {
    ends.push(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - k + 1, 0, 23, 59, 59, 999)).toISOString());
  }
  ends.push(now);
  return ends;
}

/**
 * Replays the history's scores (each entry keeps the levels after its change): at each month end,
 * every open risk counts at the residual level of its latest entry, with its annual loss then.
 */
async function residualTrend(ctx: ServiceContext, levelOrder: string[], now: string): Promise<TrendPoint[]> {
  const entries = await listHistoryScores(ctx.database.db, ctx.actor.organisationId, now);
  const state = new Map<string, { level: string; loss: number | null; closed: boolean }>();
  const points: TrendPoint[] = [];
  let k = 0;
  for (const end of monthEnds(now)) {
    for (; k < entries.length && entries[k]!.at <= end; k++) {
      const e = entries[k]!;
      const status = readJson<Record<string, { after?: unknown }>>(e.changes)?.status?.after;
      const previous = state.get(e.risk_id);
      state.set(e.risk_id, { level: e.residual_level, loss: e.annual_loss_mean === null ? null : Number(e.annual_loss_mean), closed: typeof status === 'string' ? status === 'closed' : (previous?.closed ?? false) });
    }
    const byLevel: Record<string, number> = Object.fromEntries(levelOrder.map((l) => [l, 0]));
    let total = 0;
    for (const s of state.values()) {
      if (s.closed) continue;
      byLevel[s.level] = (byLevel[s.level] ?? 0) + 1;
      total += s.loss ?? 0;
    }
    points.push({ date: end.slice(0, 10), by_level: byLevel, annual_loss_mean_total: total });
  }
  return points;
}
