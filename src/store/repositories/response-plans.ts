import type { Db } from '../database.js';
import type { ResponsePlanRow } from '../schema.js';

/** The approved version in force, if any. */
export async function findApprovedPlan(db: Db, organisationId: string): Promise<ResponsePlanRow | undefined> {
  return db
    .selectFrom('response_plans')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'approved')
    .orderBy('plan_version', 'desc')
    .executeTakeFirst();
}
