import { sql } from 'kysely';
import type { Db } from '../database.js';
import { engineOf } from '../dialect.js';
import type { AlertRuleRow } from '../schema.js';

export async function listAlertRules(db: Db, organisationId: string, kind?: string): Promise<AlertRuleRow[]> {
  let query = db.selectFrom('alert_rules').selectAll().where('organisation_id', '=', organisationId);
  if (kind) query = query.where('kind', '=', kind);
  return query.orderBy('created_at').orderBy('id').execute();
}

/** Enabled rules in the order they apply (oldest first); snooze rules past their `until` are left out. */
export async function activeAlertRules(db: Db, organisationId: string, now: string): Promise<AlertRuleRow[]> {
  return db
    .selectFrom('alert_rules')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('enabled', '=', true)
    .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', now)]))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findAlertRule(db: Db, organisationId: string, id: string, forUpdate = false): Promise<AlertRuleRow | undefined> {
  let query = db.selectFrom('alert_rules').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id);
  if (forUpdate && engineOf(db) === 'postgres') query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function insertAlertRule(db: Db, row: AlertRuleRow): Promise<void> {
  await db.insertInto('alert_rules').values(row).execute();
}

export async function updateAlertRule(db: Db, id: string, changes: Partial<Omit<AlertRuleRow, 'id' | 'organisation_id'>>): Promise<void> {
  await db.updateTable('alert_rules').set(changes).where('id', '=', id).execute();
}

export async function deleteAlertRule(db: Db, id: string): Promise<void> {
  await db.deleteFrom('alert_rules').where('id', '=', id).execute();
}

/** Counts what each rule matched in one batch (the counter is statistics, not a version change). */
export async function countRuleMatches(db: Db, matches: ReadonlyMap<string, number>): Promise<void> {
  for (const [id, count] of matches) {
    if (count > 0) await db.updateTable('alert_rules').set({ matched_count: sql<number>`matched_count + ${count}` }).where('id', '=', id).execute();
  }
}
