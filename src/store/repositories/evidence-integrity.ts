import { sql } from 'kysely';
import type { Db } from '../database.js';
import type { EvidenceItemRow } from '../schema.js';

/** The incident's items that have a stored file and still exist (not destroyed), oldest first. */
export async function listIncidentEvidenceWithFiles(db: Db, incidentId: string): Promise<EvidenceItemRow[]> {
  return db
    .selectFrom('evidence_items')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .where('blob_sha256', 'is not', null)
    .where('status', '!=', 'destroyed')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/**
 * Active items with a file whose last check is older than `checkedBefore` (or that were never checked),
 * the longest unchecked first.
 */
export async function listEvidenceDueForVerification(db: Db, organisationId: string, checkedBefore: string, limit: number): Promise<EvidenceItemRow[]> {
  return db
    .selectFrom('evidence_items')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'active')
    .where('blob_sha256', 'is not', null)
    .where((eb) => eb.or([eb('last_verified_at', 'is', null), eb('last_verified_at', '<', checkedBefore)]))
    .orderBy(sql`coalesce(last_verified_at, created_at)`)
    .orderBy('id')
    .limit(limit)
    .execute();
}
