import type { Db } from '../database.js';
import type { PlanExportRow, ResponsePlanRow } from '../schema.js';

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

/** The draft being prepared, if any (there is at most one). */
export async function findDraftPlan(db: Db, organisationId: string): Promise<ResponsePlanRow | undefined> {
  return db.selectFrom('response_plans').selectAll().where('organisation_id', '=', organisationId).where('status', '=', 'draft').executeTakeFirst();
}

export async function findPlanVersion(db: Db, organisationId: string, planVersion: number): Promise<ResponsePlanRow | undefined> {
  return db.selectFrom('response_plans').selectAll().where('organisation_id', '=', organisationId).where('plan_version', '=', planVersion).executeTakeFirst();
}

/** Every version, newest first (a plan has tens of versions over its life, not thousands). */
export async function listPlanVersions(db: Db, organisationId: string): Promise<ResponsePlanRow[]> {
  return db.selectFrom('response_plans').selectAll().where('organisation_id', '=', organisationId).orderBy('plan_version', 'desc').execute();
}

export async function latestPlanVersionNumber(db: Db, organisationId: string): Promise<number> {
  const row = await db.selectFrom('response_plans').select((eb) => eb.fn.max('plan_version').as('latest')).where('organisation_id', '=', organisationId).executeTakeFirst();
  return Number(row?.latest ?? 0);
}

export async function insertPlanVersion(db: Db, row: ResponsePlanRow): Promise<void> {
  await db.insertInto('response_plans').values(row).execute();
}

/** Updates the row when it is still at `version`; false when someone changed it since. */
export async function updatePlanVersion(db: Db, id: string, version: number, changes: Partial<Omit<ResponsePlanRow, 'id' | 'organisation_id' | 'version'>>): Promise<boolean> {
  const result = await db.updateTable('response_plans').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertPlanExport(db: Db, row: PlanExportRow): Promise<void> {
  await db.insertInto('plan_exports').values(row).execute();
}

export async function findLastPlanExport(db: Db, organisationId: string): Promise<PlanExportRow | undefined> {
  return db.selectFrom('plan_exports').selectAll().where('organisation_id', '=', organisationId).orderBy('exported_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
}

/** Display names of the people who drafted, approved and exported plans. */