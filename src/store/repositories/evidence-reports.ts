import type { Db } from '../database.js';
import type { CustodyEventRow, EvidenceItemRow } from '../schema.js';

/**
 * What the evidence manifest and custody report read, straight from the tables (the reports only
 * read). Items go by the evidence_items_incident index, events by the custody_events_item_seq key.
 */

export type ManifestItemRow = EvidenceItemRow & { sha1: string | null; md5: string | null; blob_size_bytes: number | null; blob_removed_at: string | null };

/** Every item of the incident, whatever its status, oldest first, with the hashes of its stored file. */
export async function evidenceItemsOfIncident(db: Db, organisationId: string, incidentId: string): Promise<ManifestItemRow[]> {
  const rows = await db
    .selectFrom('evidence_items')
    .leftJoin('evidence_blobs', 'evidence_blobs.sha256', 'evidence_items.blob_sha256')
    .selectAll('evidence_items')
    .select(['evidence_blobs.sha1', 'evidence_blobs.md5', 'evidence_blobs.size_bytes as blob_size_bytes', 'evidence_blobs.removed_at as blob_removed_at'])
    .where('evidence_items.organisation_id', '=', organisationId)
    .where('evidence_items.incident_id', '=', incidentId)
    .orderBy('evidence_items.created_at')
    .orderBy('evidence_items.id')
    .execute();
  // PostgreSQL answers bigint columns as strings.
  return rows.map((r) => ({ ...r, size_bytes: r.size_bytes === null ? null : Number(r.size_bytes), blob_size_bytes: r.blob_size_bytes === null ? null : Number(r.blob_size_bytes) }));
}

/** The custody events of the incident's items, per item oldest first. */
export async function custodyEventsOfIncident(db: Db, organisationId: string, incidentId: string): Promise<CustodyEventRow[]> {
  return db
    .selectFrom('custody_events')
    .innerJoin('evidence_items', 'evidence_items.id', 'custody_events.evidence_id')
    .selectAll('custody_events')
    .where('evidence_items.organisation_id', '=', organisationId)
    .where('evidence_items.incident_id', '=', incidentId)
    .orderBy('evidence_items.created_at')
    .orderBy('custody_events.evidence_id')
    .orderBy('custody_events.seq')
    .execute();
}

export async function peopleNames(db: Db, ids: readonly string[]): Promise<Array<{ id: string; name: string; email: string }>> {
  if (!ids.length) return [];
  return db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', [...ids]).execute();
}
