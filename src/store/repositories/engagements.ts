import type { Db } from '../database.js';
import type { ThirdPartyEngagementRow } from '../schema.js';

/** Third-party engagements; each incident's list goes by the engagements_incident index. */

export async function insertEngagement(db: Db, row: ThirdPartyEngagementRow): Promise<void> {
  await db.insertInto('third_party_engagements').values(row).execute();
}

export async function findEngagement(db: Db, organisationId: string, id: string): Promise<ThirdPartyEngagementRow | undefined> {
  return db.selectFrom('third_party_engagements').selectAll().where('id', '=', id).where('organisation_id', '=', organisationId).executeTakeFirst();
}

/** Oldest call first: the order they were made in. */
export async function engagementsOfIncident(db: Db, incidentId: string): Promise<ThirdPartyEngagementRow[]> {
  return db.selectFrom('third_party_engagements').selectAll().where('incident_id', '=', incidentId).orderBy('engaged_at').orderBy('id').execute();
}

/** Applies changes at the expected version; false when someone else changed the row meanwhile. */
export async function updateEngagement(db: Db, id: string, expectedVersion: number, changes: Partial<ThirdPartyEngagementRow>): Promise<boolean> {
  const result = await db
    .updateTable('third_party_engagements')
    .set({ ...changes, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
