import type { Db } from '../database.js';
import type { IncidentMemberRow } from '../schema.js';

export async function insertMember(db: Db, row: IncidentMemberRow): Promise<void> {
  await db.insertInto('incident_members').values(row).execute();
}

export async function activeMembers(db: Db, incidentId: string) {
  return db
    .selectFrom('incident_members')
    .innerJoin('users', 'users.id', 'incident_members.user_id')
    .selectAll('incident_members')
    .select(['users.name as user_name', 'users.email as user_email'])
    .where('incident_members.incident_id', '=', incidentId)
    .where('incident_members.released_at', 'is', null)
    .orderBy('incident_members.assigned_at')
    .execute();
}

/** Every tenure, current and past: the record of who held which role when. */
export async function memberHistory(db: Db, incidentId: string) {
  return db
    .selectFrom('incident_members')
    .innerJoin('users', 'users.id', 'incident_members.user_id')
    .selectAll('incident_members')
    .select(['users.name as user_name', 'users.email as user_email'])
    .where('incident_members.incident_id', '=', incidentId)
    .orderBy('incident_members.assigned_at')
    .orderBy('incident_members.id')
    .execute();
}

export async function findMemberWithUser(db: Db, id: string) {
  return db
    .selectFrom('incident_members')
    .innerJoin('users', 'users.id', 'incident_members.user_id')
    .selectAll('incident_members')
    .select(['users.name as user_name', 'users.email as user_email'])
    .where('incident_members.id', '=', id)
    .executeTakeFirst();
}

export async function activeHolders(db: Db, incidentId: string, role: string): Promise<IncidentMemberRow[]> {
  return db
    .selectFrom('incident_members')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .where('role', '=', role)
    .where('released_at', 'is', null)
    .execute();
}

export async function findMember(db: Db, incidentId: string, id: string): Promise<IncidentMemberRow | undefined> {
  return db.selectFrom('incident_members').selectAll().where('incident_id', '=', incidentId).where('id', '=', id).executeTakeFirst();
}

export async function releaseMember(db: Db, id: string, at: string, by: string): Promise<void> {
  await db.updateTable('incident_members').set({ released_at: at, released_by: by }).where('id', '=', id).where('released_at', 'is', null).execute();
}

export async function isActiveMember(db: Db, incidentId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('incident_members')
    .select('id')
    .where('incident_id', '=', incidentId)
    .where('user_id', '=', userId)
    .where('released_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Active members' user ids for many incidents at once (SSE filtering, list views). */
export async function memberIdsOf(db: Db, incidentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('incident_members')
    .select('user_id')
    .where('incident_id', '=', incidentId)
    .where('released_at', 'is', null)
    .execute();
  return [...new Set(rows.map((r) => r.user_id))];
}
