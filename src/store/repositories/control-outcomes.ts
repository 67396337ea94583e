import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../database.js';
import type { ControlOutcomeRow, Database } from '../schema.js';
import { visibleTo } from './incidents.js';

/** What each control did in an incident (issue #5), and the way back from a control to its incidents. */

export async function findControlOutcome(db: Db, incidentId: string, id: string): Promise<ControlOutcomeRow | undefined> {
  return db.selectFrom('control_outcomes').selectAll().where('incident_id', '=', incidentId).where('id', '=', id).executeTakeFirst();
}

export async function findOutcomeOfControl(db: Db, incidentId: string, controlId: string): Promise<ControlOutcomeRow | undefined> {
  return db.selectFrom('control_outcomes').selectAll().where('incident_id', '=', incidentId).where('control_id', '=', controlId).executeTakeFirst();
}

export async function insertControlOutcome(db: Db, row: ControlOutcomeRow): Promise<void> {
  await db.insertInto('control_outcomes').values(row).execute();
}

/** Writes the change when the row is still at the expected version; false otherwise. */
export async function updateControlOutcome(db: Db, id: string, expectedVersion: number, changes: Partial<Pick<ControlOutcomeRow, 'outcome' | 'note' | 'updated_at' | 'version'>>): Promise<boolean> {
  const result = await db.updateTable('control_outcomes').set(changes).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteControlOutcome(db: Db, id: string): Promise<void> {
  await db.deleteFrom('control_outcomes').where('id', '=', id).execute();
}

function outcomesWithControls(db: Db) {
  return db
    .selectFrom('control_outcomes')
    .innerJoin('controls', 'controls.id', 'control_outcomes.control_id')
    .leftJoin('users', 'users.id', 'control_outcomes.recorded_by')
    .selectAll('control_outcomes')
    .select(['controls.ref', 'controls.title', 'controls.implementation_status', 'controls.effectiveness', 'users.name as recorded_by_name']);
}

/** An incident's control outcomes in the order recorded, each with its control. */
export async function listIncidentControlOutcomes(db: Db, incidentId: string) {
  return outcomesWithControls(db).where('control_outcomes.incident_id', '=', incidentId).orderBy('control_outcomes.recorded_at').orderBy('control_outcomes.id').execute();
}

/** One outcome with its control, as the incident lists it. */
export async function findControlOutcomeView(db: Db, id: string) {
  return outcomesWithControls(db).where('control_outcomes.id', '=', id).executeTakeFirst();
}

/** Every incident outcome of a control, newest first, each with whether the viewer may see its incident. */
export async function outcomesOfControl(db: Db, controlId: string, visibleToUserId: string | null) {
  return db
    .selectFrom('control_outcomes')
    .innerJoin('incidents', 'incidents.id', 'control_outcomes.incident_id')
    .select([
      'control_outcomes.id',
      'control_outcomes.outcome',
      'control_outcomes.note',
      'control_outcomes.recorded_at',
      'incidents.id as incident_id',
      'incidents.number',
      'incidents.title',
      'incidents.category',
      'incidents.severity',
      'incidents.phase',
      'incidents.detected_at',
    ])
    .select((eb) => sql<unknown>`(${visibleTo(eb as unknown as ExpressionBuilder<Database, 'incidents'>, visibleToUserId)})`.as('visible'))
    .where('control_outcomes.control_id', '=', controlId)
    .orderBy('control_outcomes.recorded_at', 'desc')
    .orderBy('control_outcomes.id', 'desc')
    .execute();
}
