import type { CursorPosition } from '../../domain/pagination.js';
import type { Db } from '../database.js';
import type { Engine } from '../dialect.js';
import type { CustodyEventRow, EvidenceBlobRow, EvidenceItemRow } from '../schema.js';

export async function findEvidenceItem(db: Db, organisationId: string, id: string): Promise<EvidenceItemRow | undefined> {
  return db.selectFrom('evidence_items').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

/** The item's row, locked for the rest of the transaction on PostgreSQL (SQLite serialises writers anyway). */
export async function lockEvidenceItem(db: Db, engine: Engine, organisationId: string, id: string): Promise<EvidenceItemRow | undefined> {
  let query = db.selectFrom('evidence_items').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id);
  if (engine === 'postgres') query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function insertEvidenceItem(db: Db, row: EvidenceItemRow): Promise<void> {
  await db.insertInto('evidence_items').values(row).execute();
}

/** Writes the changed columns and bumps the version; false when the version did not match. */
export async function updateEvidenceItem(db: Db, id: string, expectedVersion: number, changes: Partial<EvidenceItemRow>): Promise<boolean> {
  const result = await db.updateTable('evidence_items').set({ ...changes, version: expectedVersion + 1 }).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findEvidenceBlob(db: Db, sha256: string): Promise<EvidenceBlobRow | undefined> {
  return db.selectFrom('evidence_blobs').selectAll().where('sha256', '=', sha256).executeTakeFirst();
}

/** One incident's items, newest first, a page past `after` (keyset on created_at, id); one more than `limit` to tell whether more follow. */
export async function listIncidentEvidence(db: Db, incidentId: string, after: CursorPosition | undefined, limit: number): Promise<EvidenceItemRow[]> {
  let query = db.selectFrom('evidence_items').selectAll().where('incident_id', '=', incidentId);
  if (after) {
    const at = String(after.value);
    query = query.where((eb) => eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', after.id)])]));
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
}

/** Two uploads of the same content may race here; the first row stays. */
export async function insertEvidenceBlob(db: Db, row: EvidenceBlobRow): Promise<void> {
  await db.insertInto('evidence_blobs').values(row).onConflict((oc) => oc.column('sha256').doNothing()).execute();
}

/** A removed blob uploaded again is stored again: the row comes back to life with the new time. */
export async function restoreEvidenceBlob(db: Db, sha256: string, storedAt: string): Promise<void> {
  await db.updateTable('evidence_blobs').set({ removed_at: null, stored_at: storedAt }).where('sha256', '=', sha256).execute();
}

/** Whether any item (in any organisation) points at this content — a stored file is only removed when none does. */
export async function evidenceBlobInUse(db: Db, sha256: string): Promise<boolean> {
  const row = await db.selectFrom('evidence_items').select('id').where('blob_sha256', '=', sha256).limit(1).executeTakeFirst();
  return Boolean(row);
}

export async function incidentNumbers(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('incidents').select(['id', 'number']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.number]));
}

/** Custody actions that open or close a disposal request; the latest one per item says whether one is pending. */
const DISPOSAL_ACTIONS = ['disposal_requested', 'disposal_rejected', 'released', 'destroyed'];

/** Each item's latest disposal-related custody event (requested, rejected, released, destroyed). */
export async function latestDisposalEvents(db: Db, evidenceIds: readonly string[]): Promise<Map<string, CustodyEventRow>> {
  if (evidenceIds.length === 0) return new Map();
  const rows = await db.selectFrom('custody_events').selectAll().where('evidence_id', 'in', [...new Set(evidenceIds)]).where('action', 'in', DISPOSAL_ACTIONS).orderBy('seq').execute();
  return new Map(rows.map((r) => [r.evidence_id, r]));
}

/** Ids among `ids` that are observables of the organisation. */
export async function existingObservableIds(db: Db, organisationId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('observables').select('id').where('organisation_id', '=', organisationId).where('id', 'in', [...new Set(ids)]).execute();
  return new Set(rows.map((r) => r.id));
}

export async function assetExists(db: Db, organisationId: string, id: string): Promise<boolean> {
  const row = await db.selectFrom('assets').select('id').where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
  return Boolean(row);
}

export async function findEvidenceBlobs(db: Db, sha256s: readonly string[]): Promise<EvidenceBlobRow[]> {
  if (sha256s.length === 0) return [];
  return db.selectFrom('evidence_blobs').selectAll().where('sha256', 'in', [...sha256s]).execute();
}
