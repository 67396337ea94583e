import type { Db } from '../../store/database.js';
import { findApprovedPlan, findDraftPlan, findPlanVersion } from '../../store/repositories/response-plans.js';
import type { ResponsePlanRow } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { planStatus, toPlanVersionRecords, type PlanStatusRecord, type PlanVersionRecord } from './plan-record.js';

export interface ResponsePlanOverview {
  /** The approved version everyone works by; null until the first approval. */
  in_force: PlanVersionRecord | null;
  /** The next version being prepared; null when nobody is editing. */
  draft: PlanVersionRecord | null;
  status: PlanStatusRecord;
}

/** The version just before a row, for "what changed". */
export const previousVersion = (db: Db, organisationId: string) => (row: ResponsePlanRow) =>
  Number(row.plan_version) > 1 ? findPlanVersion(db, organisationId, Number(row.plan_version) - 1) : undefined;

/** The plan in force, the draft and the export / review warnings. Everyone reads the plan. */
export async function getResponsePlan(ctx: ServiceContext): Promise<ResponsePlanOverview> {
  authorize(ctx.actor, 'plan.read');
  const db = ctx.database.db;
  const organisationId = ctx.actor.organisationId;
  const [approved, draft] = await Promise.all([findApprovedPlan(db, organisationId), findDraftPlan(db, organisationId)]);
  const [inForce, next] = await toPlanVersionRecords(db, [approved, draft].filter((r): r is ResponsePlanRow => r !== undefined), previousVersion(db, organisationId)).then((records) => [
    approved ? records[0]! : null,
    draft ? records[approved ? 1 : 0]! : null,
  ]);
  return { in_force: inForce ?? null, draft: next ?? null, status: await planStatus(db, organisationId, approved, ctx.clock.now()) };
}
