import { listRiskAssets, listRiskControls, latestSimulationResults } from '../../store/repositories/risks.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { loadRisk } from './load-risk.js';
import type { RiskRecord } from './risk-record.js';

export interface RiskDetail {
  risk: RiskRecord;
  assets: Array<{ id: string; name: string; kind: string }>;
  controls: Array<{ control_id: string; ref: string; title: string; implementation_status: string; effectiveness: number | null; status: string; owner_id: string | null; due_at: string | null; note: string }>;
  latest_simulation: { id: string; created_at: string; finished_at: string | null; iterations: number; seed: number; result: unknown } | null;
}

/** One risk with its assets, the controls it relies on and its latest simulation; by id or number. */
export async function getRisk(ctx: ServiceContext, idOrNumber: string): Promise<RiskDetail> {
  authorize(ctx.actor, 'risk.read');
  const db = ctx.database.db;
  const risk = await loadRisk(db, ctx.actor.organisationId, idOrNumber);
  const assets = (await listRiskAssets(db, [risk.id])).map(({ id, name, kind }) => ({ id, name, kind }));
  const controls = (await listRiskControls(db, [risk.id])).map(({ risk_id: _risk, effectiveness, ...c }) => ({ ...c, effectiveness: effectiveness === null ? null : Number(effectiveness) }));
  const latest = (await latestSimulationResults(db, ctx.actor.organisationId, [risk.id])).get(risk.id) ?? null;
  return { risk, assets, controls, latest_simulation: latest };
}
