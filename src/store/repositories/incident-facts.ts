import type { Db } from '../database.js';
import { writeJson } from '../dialect.js';
import type { IncidentFactsRow } from '../schema.js';

export async function findIncidentFacts(db: Db, incidentId: string): Promise<IncidentFactsRow | undefined> {
  return db.selectFrom('incident_facts').selectAll().where('incident_id', '=', incidentId).executeTakeFirst();
}

export async function insertIncidentFacts(db: Db, row: Omit<IncidentFactsRow, 'facts'> & { facts: unknown }): Promise<void> {
  await db.insertInto('incident_facts').values({ ...row, facts: writeJson(row.facts) }).execute();
}

export async function updateIncidentFacts(db: Db, incidentId: string, expectedVersion: number, changes: { facts: unknown; updated_at: string; updated_by: string }): Promise<boolean> {
  const result = await db
    .updateTable('incident_facts')
    .set({ facts: writeJson(changes.facts), updated_at: changes.updated_at, updated_by: changes.updated_by, version: expectedVersion + 1 })
    .where('incident_id', '=', incidentId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Open incidents of the organisation that have facts: the ones a profile change recomputes. */
export async function openIncidentIdsWithFacts(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('incident_facts')
    .innerJoin('incidents', 'incidents.id', 'incident_facts.incident_id')
    .select('incidents.id')
    .where('incident_facts.organisation_id', '=', organisationId)
    .where('incidents.phase', '!=', 'closed')
    .orderBy('incidents.id')
    .execute();
  return rows.map((r) => r.id);
}
