import type { Db } from '../database.js';
import type { Engine } from '../dialect.js';
import type { EvidenceBlobRow, EvidenceItemRow } from '../schema.js';

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
