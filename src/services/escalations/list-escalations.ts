import type { PlanContent } from '../../domain/plan.js';
import { readJson } from '../../store/dialect.js';
import { findPlanVersion, listEscalationsOfIncident } from '../../store/repositories/escalations.js';
import type { EscalationRow } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { loadVisibleIncident } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import type { UnitOfWork } from '../transaction.js';
import { toEscalationRecord, type EscalationRecord } from './escalation-record.js';

/** Everyone the matrix called for an incident, oldest first, with their mobile number from the plan version that called them. */
export async function listEscalations(ctx: ServiceContext, incidentId: string): Promise<EscalationRecord[]> {
  authorize(ctx.actor, 'incident.read');
  const incident = await loadVisibleIncident(ctx.database.db, ctx.actor, incidentId);
  const rows = await listEscalationsOfIncident(ctx.database.db, incident.id);
  return presentRows(ctx.database.db, incident.organisation_id, rows, ctx.clock.now());
}

export async function presentRows(db: UnitOfWork['db'], organisationId: string, rows: EscalationRow[], now: string): Promise<EscalationRecord[]> {
  const plans = new Map<string, PlanContent | null>();
  for (const planId of new Set(rows.map((r) => r.plan_id).filter((id): id is string => id !== null))) {
    const plan = await findPlanVersion(db, organisationId, planId);
    plans.set(planId, plan ? readJson<PlanContent>(plan.content) : null);
  }
  return rows.map((row) => toEscalationRecord(row, row.plan_id ? (plans.get(row.plan_id) ?? null) : null, now));
}
