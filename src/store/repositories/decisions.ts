import type { Db } from '../database.js';
import type { DecisionRow } from '../schema.js';

export async function insertDecision(db: Db, row: DecisionRow): Promise<void> {
  await db.insertInto('decisions').values(row).execute();
}

/** Every decision of the incident, signed order (the first signed first). */
export async function listDecisions(db: Db, incidentId: string) {
  return db
    .selectFrom('decisions')
    .leftJoin('users', 'users.id', 'decisions.signed_by')
    .selectAll('decisions')
    .select(['users.name as signer_name', 'users.email as signer_email'])
    .where('decisions.incident_id', '=', incidentId)
    .orderBy('decisions.signed_at')
    .orderBy('decisions.id')
    .execute();
}

export async function currentDecisions(db: Db, incidentId: string): Promise<DecisionRow[]> {
  return db.selectFrom('decisions').selectAll().where('incident_id', '=', incidentId).where('superseded_by', 'is', null).orderBy('signed_at').execute();
}

export async function supersedeDecisions(db: Db, incidentId: string, kind: string, byId: string): Promise<string[]> {
  const rows = await db.selectFrom('decisions').select('id').where('incident_id', '=', incidentId).where('kind', '=', kind).where('superseded_by', 'is', null).execute();
  if (rows.length) await db.updateTable('decisions').set({ superseded_by: byId }).where('id', 'in', rows.map((r) => r.id)).execute();
  return rows.map((r) => r.id);
}
