import type { Db } from '../database.js';
import { writeJson } from '../dialect.js';
import type { RiskRow } from '../schema.js';

/** What a reminder names about a risk. */
export type ReminderRisk = Pick<RiskRow, 'id' | 'number' | 'title' | 'status' | 'owner_id' | 'next_review_at' | 'treatment' | 'treatment_details' | 'inherent_level' | 'residual_level' | 'annual_loss_mean' | 'version'>;

const RISK_COLUMNS = ['id', 'number', 'title', 'status', 'owner_id', 'next_review_at', 'treatment', 'treatment_details', 'inherent_level', 'residual_level', 'annual_loss_mean', 'version'] as const;

/** Accepted risks; the caller picks those whose acceptance ran out (the date sits in JSON). */
export async function listAcceptedRisks(db: Db, organisationId: string): Promise<ReminderRisk[]> {
  return db.selectFrom('risks').select(RISK_COLUMNS).where('organisation_id', '=', organisationId).where('status', '=', 'accepted').orderBy('number').execute();
}

/** Open risks whose review date has passed. */
export async function listOverdueReviews(db: Db, organisationId: string, now: string): Promise<ReminderRisk[]> {
  return db
    .selectFrom('risks')
    .select(RISK_COLUMNS)
    .where('organisation_id', '=', organisationId)
    .where('status', '!=', 'closed')
    .where('next_review_at', '<=', now)
    .orderBy('next_review_at')
    .orderBy('number')
    .execute();
}

/** Mitigations (controls a risk relies on, not done) past their due date, on open risks. */
export async function listOverdueMitigations(db: Db, organisationId: string, now: string) {
  return db
    .selectFrom('risk_controls as rc')
    .innerJoin('risks as r', 'r.id', 'rc.risk_id')
    .innerJoin('controls as c', 'c.id', 'rc.control_id')
    .select(['rc.risk_id', 'rc.control_id', 'rc.owner_id', 'rc.due_at', 'rc.status', 'r.number', 'r.title as risk_title', 'r.owner_id as risk_owner_id', 'c.ref', 'c.title as control_title'])
    .where('rc.organisation_id', '=', organisationId)
    .where('rc.status', '!=', 'done')
    .where('rc.due_at', 'is not', null)
    .where('rc.due_at', '<=', now)
    .where('r.status', '!=', 'closed')
    .orderBy('rc.due_at')
    .execute();
}

/**
 * Locks one setting row for the rest of the transaction (creating it empty when absent), so two
 * nodes running the same job one after the other see each other's write.
 */
export async function lockSetting(db: Db, input: { organisation_id: string; key: string; at: string }): Promise<void> {
  await db
    .insertInto('settings')
    .values({ organisation_id: input.organisation_id, key: input.key, value: writeJson({}), updated_at: input.at, updated_by: null })
    .onConflict((oc) => oc.columns(['organisation_id', 'key']).doUpdateSet((eb) => ({ updated_at: eb.ref('settings.updated_at') })))
    .execute();
}
