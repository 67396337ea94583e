import type { Db } from '../database.js';
import type { CustodyEventRow } from '../schema.js';

/** Whether an item other than `exceptId` that is not destroyed (in any organisation) still uses this stored content. */
export async function otherLiveItemUsesBlob(db: Db, sha256: string, exceptId: string): Promise<boolean> {
  const row = await db
    .selectFrom('evidence_items')
    .select('id')
    .where('blob_sha256', '=', sha256)
    .where('id', '!=', exceptId)
    .where('status', '!=', 'destroyed')
    .limit(1)
    .executeTakeFirst();
  return Boolean(row);
}

export async function markEvidenceBlobRemoved(db: Db, sha256: string, at: string): Promise<void> {
  await db.updateTable('evidence_blobs').set({ removed_at: at }).where('sha256', '=', sha256).execute();
}

/** Whether the blob row still says its file is removed (nobody uploaded the same content since). */
export async function evidenceBlobStillRemoved(db: Db, sha256: string): Promise<boolean> {
  const row = await db.selectFrom('evidence_blobs').select('removed_at').where('sha256', '=', sha256).executeTakeFirst();
  return Boolean(row?.removed_at);
}

/** The item's latest custody event of this action, if any. */
export async function latestCustodyEventOf(db: Db, evidenceId: string, action: string): Promise<CustodyEventRow | undefined> {
  return db.selectFrom('custody_events').selectAll().where('evidence_id', '=', evidenceId).where('action', '=', action).orderBy('seq', 'desc').limit(1).executeTakeFirst();
}
