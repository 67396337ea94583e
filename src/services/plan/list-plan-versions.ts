import { listPlanVersions } from '../../store/repositories/response-plans.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { toPlanVersionRecords, type PlanVersionRecord } from './plan-record.js';

/** Every version of the plan, newest first, each with what changed from the one before and who approved it. */
export async function listResponsePlanVersions(ctx: ServiceContext): Promise<PlanVersionRecord[]> {
  authorize(ctx.actor, 'plan.read');
  const rows = await listPlanVersions(ctx.database.db, ctx.actor.organisationId);
  const byNumber = new Map(rows.map((r) => [Number(r.plan_version), r]));
  return toPlanVersionRecords(ctx.database.db, rows, (row) => byNumber.get(Number(row.plan_version) - 1));
}
