import type { Readable } from 'node:stream';
import { BulwarkError, invalid } from '../../domain/errors.js';
import { fileNameProblems } from '../../domain/evidence.js';
import { deleteEvidenceFile, storeEvidenceFile, type StoredEvidenceFile } from '../../store/evidence-files.js';
import { evidenceBlobInUse, findEvidenceBlob, insertEvidenceBlob, restoreEvidenceBlob } from '../../store/repositories/evidence-items.js';
import type { EvidenceSettings, ServiceContext } from '../context.js';
import { loadIncidentForChange, loadVisibleIncident } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { actorDisplayName, createEvidenceItem } from './evidence-create.js';
import { checkEvidenceMetadata, withEvidenceDefaults, type EvidenceMetadataInput } from './evidence-metadata.js';
import { toEvidenceRecord, type EvidenceRecord } from './evidence-record.js';

export interface EvidenceUpload {
  fileName: string;
  mediaType?: string | undefined;
  /** The file's bytes, read once, straight to storage. */
  stream: Readable;
  /** How many bytes are coming, when known (Content-Length, the file's size): large files are hashed on worker threads. */
  expectedBytes?: number | undefined;
  /** Called once the bytes are stored and before anything is recorded; throw to refuse the upload (e.g. parts after the file). */
  afterFile?: () => Promise<void>;
}

/**
 * Adds a file as evidence: checks everything that can be checked before the bytes arrive, streams
 * them to content-addressed storage while hashing, then records the item in one transaction. Nothing
 * is kept when anything fails: the partial upload is deleted, and a newly stored file that no item
 * ended up using is removed again.
 */
export async function addEvidenceFile(ctx: ServiceContext, incidentId: string, input: EvidenceMetadataInput, upload: EvidenceUpload): Promise<EvidenceRecord> {
  authorize(ctx.actor, 'evidence.write');
  const settings = evidenceSettings(ctx);
  const nameProblems = fileNameProblems(upload.fileName);
  if (nameProblems.length) throw invalid(`The file name ${nameProblems.join('; ')}. Rename the file and send it again.`, nameProblems.map((message) => ({ path: 'file.filename', message })));
  const now = ctx.clock.now();
  const db = ctx.database.db;
  const incident = await loadVisibleIncident(db, ctx.actor, incidentId);
  const metadata = await checkEvidenceMetadata(db, ctx.actor.organisationId, now, withEvidenceDefaults(input, { kind: 'other', title: upload.fileName, collected_by: await actorDisplayName(db, ctx.actor), now }));

  const stored = await storeEvidenceFile(settings.dir, upload.stream, settings.maxBytes, { expectedBytes: upload.expectedBytes });
  try {
    await upload.afterFile?.();
    const row = await runInTransaction(ctx, async (uow) => {
      const locked = await loadIncidentForChange(uow, incident.id);
      const blob = await findEvidenceBlob(uow.db, stored.sha256);
      if (!blob) await insertEvidenceBlob(uow.db, { sha256: stored.sha256, sha1: stored.sha1, md5: stored.md5, size_bytes: stored.sizeBytes, stored_at: uow.now, removed_at: null });
      else if (blob.removed_at) await restoreEvidenceBlob(uow.db, stored.sha256, uow.now);
      const item = await createEvidenceItem(uow, locked, metadata, { sha256: stored.sha256, file_name: upload.fileName, media_type: upload.mediaType || 'application/octet-stream', size_bytes: stored.sizeBytes });
      return item;
    });
    return await toEvidenceRecord(db, row);
  } catch (error) {
    await discardUnused(ctx, settings, stored);
    throw error;
  }
}

export function evidenceSettings(ctx: ServiceContext): EvidenceSettings {
  if (!ctx.evidence) throw new BulwarkError('unavailable', 'Evidence storage is not configured on this server (BULWARK_EVIDENCE_DIR).');
  return ctx.evidence;
}

/** A file this upload stored is removed when no item points at it (another upload of the same content may). */
async function discardUnused(ctx: ServiceContext, settings: EvidenceSettings, stored: StoredEvidenceFile): Promise<void> {
  if (!stored.created) return;
  if (await evidenceBlobInUse(ctx.database.db, stored.sha256)) return;
  await deleteEvidenceFile(settings.dir, stored.sha256);
}
