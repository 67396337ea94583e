import { can } from '../../domain/access.js';
import type { ThirdParty } from '../../domain/plan.js';
import { engagementsOfIncident } from '../../store/repositories/engagements.js';
import type { ServiceContext } from '../context.js';
import { loadVisibleIncident } from '../incidents/load-incident.js';
import { planInForce } from '../plan/plan-in-force.js';
import { authorize } from '../policies/authorize.js';
import { toEngagementRecord, type EngagementRecord } from './engagement-record.js';

export interface IncidentEngagements {
  items: EngagementRecord[];
  /** The plan in force and its third parties, offered as quick "Engage" choices; null before a plan is approved (or without plan.read). */
  plan: { id: string; plan_version: number; third_parties: ThirdParty[] } | null;
}

/** An incident's engagements in the order they were made, with the plan's third parties beside them. */
export async function listEngagements(ctx: ServiceContext, incidentIdOrNumber: string): Promise<IncidentEngagements> {
  authorize(ctx.actor, 'incident.read');
  const db = ctx.database.db;
  const incident = await loadVisibleIncident(db, ctx.actor, incidentIdOrNumber);
  const [rows, plan] = await Promise.all([engagementsOfIncident(db, incident.id), can(ctx.actor.role, 'plan.read') ? planInForce(db, ctx.actor.organisationId) : null]);
  return {
    items: rows.map(toEngagementRecord),
    plan: plan ? { id: plan.id, plan_version: plan.plan_version, third_parties: plan.content.third_parties ?? [] } : null,
  };
}
