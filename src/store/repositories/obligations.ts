import type { Db } from '../database.js';
import { writeJson, type Engine } from '../dialect.js';
import type { ObligationRow } from '../schema.js';
import { visibleTo } from './incidents.js';

export async function listIncidentObligations(db: Db, incidentId: string): Promise<ObligationRow[]> {
  return db.selectFrom('obligations').selectAll().where('incident_id', '=', incidentId).orderBy('deadline').orderBy('id').execute();
}

export async function findObligation(db: Db, organisationId: string, id: string): Promise<ObligationRow | undefined> {
  return db.selectFrom('obligations').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

export async function insertObligation(db: Db, row: Omit<ObligationRow, 'clock'> & { clock: unknown }): Promise<void> {
  await db.insertInto('obligations').values({ ...row, clock: writeJson(row.clock) }).execute();
}

export type ObligationChanges = Partial<Omit<ObligationRow, 'id' | 'organisation_id' | 'incident_id' | 'version' | 'clock'>> & { clock?: unknown; updated_at: string; updated_by: string };

export async function updateObligation(db: Db, id: string, expectedVersion: number, changes: ObligationChanges): Promise<boolean> {
  const { clock, ...rest } = changes;
  const result = await db
    .updateTable('obligations')
    .set({ ...rest, ...(clock !== undefined ? { clock: writeJson(clock) } : {}), version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface ObligationListQuery {
  organisationId: string;
  visibleToUserId: string | null;
  statuses: string[];
  limit: number;
}

/** Obligations across the incidents the viewer sees, soonest deadline first, with their incident. */
export async function listObligations(db: Db, engine: Engine, q: ObligationListQuery) {
  return db
    .selectFrom('obligations')
    .innerJoin('incidents', 'incidents.id', 'obligations.incident_id')
    .selectAll('obligations')
    .select(['incidents.number as incident_number', 'incidents.title as incident_title', 'incidents.restricted as incident_restricted'])
    .where('obligations.organisation_id', '=', q.organisationId)
    .where((eb) => visibleTo(eb, q.visibleToUserId, engine))
    .where('obligations.status', 'in', q.statuses)
    .orderBy('obligations.deadline')
    .orderBy('obligations.id')
    .limit(q.limit)
    .execute();
}

/** Open obligations with a deadline, of open incidents: what the reminder job looks at. */
export async function listObligationsToRemind(db: Db, organisationId: string) {
  return db
    .selectFrom('obligations')
    .innerJoin('incidents', 'incidents.id', 'obligations.incident_id')
    .selectAll('obligations')
    .select(['incidents.number as incident_number', 'incidents.title as incident_title', 'incidents.restricted as incident_restricted'])
    .where('obligations.organisation_id', '=', organisationId)
    .where('obligations.status', 'in', ['pending', 'drafted', 'late'])
    .where('obligations.deadline', 'is not', null)
    .where('obligations.reminder_level', '<', 5)
    .where('incidents.phase', '!=', 'closed')
    .orderBy('obligations.deadline')
    .execute();
}

/** Administrators and incident managers of the organisation, for the last reminder. */
export async function managersToEscalateTo(db: Db, organisationId: string) {
  return db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .select(['users.id', 'users.name', 'users.email', 'memberships.role'])
    .where('memberships.organisation_id', '=', organisationId)
    .where('memberships.role', 'in', ['admin', 'incident_manager'])
    .where('users.disabled_at', 'is', null)
    .execute();
}
