import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../database.js';
import type { Database, IncidentRiskRow } from '../schema.js';
import { visibleTo } from './incidents.js';

/** The risks an incident materialised (issue #5), and the way back from a risk to its incidents. */

export async function findIncidentRisk(db: Db, incidentId: string, riskId: string): Promise<IncidentRiskRow | undefined> {
  return db.selectFrom('incident_risks').selectAll().where('incident_id', '=', incidentId).where('risk_id', '=', riskId).executeTakeFirst();
}

export async function insertIncidentRisk(db: Db, row: IncidentRiskRow): Promise<void> {
  await db.insertInto('incident_risks').values(row).execute();
}

export async function deleteIncidentRisk(db: Db, incidentId: string, riskId: string): Promise<void> {
  await db.deleteFrom('incident_risks').where('incident_id', '=', incidentId).where('risk_id', '=', riskId).execute();
}

/** An incident's linked risks in the order they were linked, with what the incident page shows of each. */
export async function listIncidentRisks(db: Db, incidentId: string) {
  return db
    .selectFrom('incident_risks')
    .innerJoin('risks', 'risks.id', 'incident_risks.risk_id')
    .leftJoin('users', 'users.id', 'incident_risks.linked_by')
    .select([
      'incident_risks.risk_id',
      'incident_risks.note',
      'incident_risks.linked_at',
      'incident_risks.linked_by',
      'users.name as linked_by_name',
      'risks.number',
      'risks.title',
      'risks.category',
      'risks.status',
      'risks.inherent_level',
      'risks.residual_level',
      'risks.owner_id',
      'risks.playbooks',
    ])
    .where('incident_risks.incident_id', '=', incidentId)
    .orderBy('incident_risks.linked_at')
    .orderBy('risks.number')
    .execute();
}

/** The ATT&CK techniques tagged on the incident or on any of its timeline entries. */
export async function incidentTechniqueIds(db: Db, incidentId: string): Promise<string[]> {
  const rows = await db.selectFrom('incident_techniques').select('technique_id').distinct().where('incident_id', '=', incidentId).execute();
  return rows.map((r) => r.technique_id);
}

/** Hostname observables sighted on the incident. */
export async function incidentHostnames(db: Db, incidentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('sightings')
    .innerJoin('observables', 'observables.id', 'sightings.observable_id')
    .select('observables.value')
    .where('sightings.subject_type', '=', 'incident')
    .where('sightings.subject_id', '=', incidentId)
    .where('observables.type', '=', 'hostname')
    .execute();
  return rows.map((r) => r.value);
}

/** The organisation's risks that are not closed, by number: the candidates for suggestions. */
export async function openRisksForSuggestion(db: Db, organisationId: string) {
  return db
    .selectFrom('risks')
    .select(['id', 'number', 'title', 'category', 'status', 'inherent_level', 'residual_level', 'owner_id', 'techniques', 'playbooks'])
    .where('organisation_id', '=', organisationId)
    .where('status', '!=', 'closed')
    .orderBy('number')
    .execute();
}

/** Every risk's assets in use (retired assets are left out), for matching names. */
export async function riskAssetNames(db: Db, organisationId: string): Promise<Array<{ risk_id: string; id: string; name: string }>> {
  return db
    .selectFrom('risk_assets')
    .innerJoin('assets', 'assets.id', 'risk_assets.asset_id')
    .select(['risk_assets.risk_id', 'assets.id', 'assets.name'])
    .where('risk_assets.organisation_id', '=', organisationId)
    .where('assets.retired_at', 'is', null)
    .orderBy('assets.name')
    .execute();
}

/**
 * Every incident a risk materialised in, newest first, each with whether the viewer may see it
 * (restricted incidents: members only; `visibleToUserId` null sees everything).
 */
export async function incidentsOfRisk(db: Db, riskId: string, visibleToUserId: string | null) {
  return db
    .selectFrom('incident_risks')
    .innerJoin('incidents', 'incidents.id', 'incident_risks.incident_id')
    .select([
      'incident_risks.note',
      'incident_risks.linked_at',
      'incidents.id',
      'incidents.number',
      'incidents.title',
      'incidents.category',
      'incidents.severity',
      'incidents.phase',
      'incidents.occurred_at',
      'incidents.detected_at',
      'incidents.closed_at',
    ])
    .select((eb) => sql<unknown>`(${visibleTo(eb as unknown as ExpressionBuilder<Database, 'incidents'>, visibleToUserId)})`.as('visible'))
    .where('incident_risks.risk_id', '=', riskId)
    .orderBy('incidents.detected_at', 'desc')
    .orderBy('incidents.id', 'desc')
    .execute();
}
