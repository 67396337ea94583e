import type { PlanContent } from '../../domain/plan.js';
import type { Db } from '../../store/database.js';
import { readJson } from '../../store/dialect.js';
import { findApprovedPlan } from '../../store/repositories/response-plans.js';

export interface PlanInForce {
  id: string;
  plan_version: number;
  content: PlanContent;
}

/** The approved response plan the organisation works by, or null before one is approved. No permission check: callers have their own. */
export async function planInForce(db: Db, organisationId: string): Promise<PlanInForce | null> {
  const row = await findApprovedPlan(db, organisationId);
  return row ? { id: row.id, plan_version: row.plan_version, content: readJson<PlanContent>(row.content) } : null;
}
