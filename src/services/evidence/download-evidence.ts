import type { Readable } from 'node:stream';
import { BulwarkError, conflict, invalid } from '../../domain/errors.js';
import { encryptedZipStream } from '../../store/evidence-archive.js';
import { openStoredEvidence } from '../../store/evidence-stored-files.js';
import type { EvidenceItemRow } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { loadEvidenceForChange, loadVisibleEvidence } from './load-evidence.js';
import { recordCustodyEvent } from './record-custody-event.js';
import { recordVerification, storedEvidenceDir } from './verify-evidence.js';

export interface DownloadRequest {
  /** Shown in the browser rather than saved (never for malware samples). */
  inline: boolean;
  client_ip: string;
  user_agent: string;
}

export interface EvidenceDownload {
  evidence_id: string;
  number: string;
  /** The name the file is saved under: the item's file name, or `<name>.zip` for a malware sample. */
  file_name: string;
  media_type: string;
  /** The recorded SHA-256 of the evidence itself (for a malware sample, of the sample inside the archive). */
  sha256: string;
  /** Bytes sent; null when not known in advance (an archive being written as it is sent). */
  size_bytes: number | null;
  /** Password-protected ZIP of a malware sample. */
  archived: boolean;
  inline: boolean;
  content: Readable;
}

export const MALWARE_KIND = 'malware_sample';

/**
 * Opens an item's stored file for download and records the access in its chain of custody first, in its
 * own transaction: once the bytes start flowing the record already exists. Malware samples only leave as
 * a password-protected ZIP. A stored file that is gone is an integrity failure (recorded as one), not a
 * server error.
 */
export async function downloadEvidence(ctx: ServiceContext, id: string, request: DownloadRequest): Promise<EvidenceDownload> {
  authorize(ctx.actor, 'evidence.read');
  const { item } = await loadVisibleEvidence(ctx.database.db, ctx.actor, id);
  refuseUnavailable(item, request);
  const sha256 = item.blob_sha256!;
  const opened = await openStoredEvidence(storedEvidenceDir(ctx), sha256);
  if (!opened) {
    await recordVerification(ctx, item.id, { status: 'missing', expected_sha256: sha256, actual_sha256: null, actual_size: null }, 'download');
    throw conflict(`The stored file of ${item.number} is missing — run verify on the item. The failure has been recorded in its chain of custody and raised as an alert on the incident.`, { evidence_id: item.id });
  }
  const archived = item.kind === MALWARE_KIND;
  const baseName = item.file_name ?? `${item.number}.bin`;
  try {
    await runInTransaction(ctx, async (uow) => {
      const { item: locked, incident } = await loadEvidenceForChange(uow, id);
      refuseUnavailable(locked, request);
      const details = { client_ip: request.client_ip, user_agent: request.user_agent, disposition: request.inline ? 'inline' : 'attachment', ...(archived ? { archive: 'zip (ZipCrypto, password-protected)' } : {}), sha256 };
      await recordCustodyEvent(uow, locked, incident, { action: request.inline ? 'accessed' : 'downloaded', details });
      await uow.audit(request.inline ? 'evidence.access' : 'evidence.download', { type: 'evidence', id: locked.id }, { incident_id: incident.id, number: locked.number, ...details });
    });
  } catch (error) {
    opened.stream.destroy();
    throw error;
  }
  const common = { evidence_id: item.id, number: item.number, sha256, inline: request.inline, archived };
  if (archived) {
    const content = encryptedZipStream({ name: baseName, lastModified: new Date(item.collected_at), content: opened.stream }, ctx.evidence!.malwareArchivePassword);
    return { ...common, file_name: `${baseName}.zip`, media_type: 'application/zip', size_bytes: null, content };
  }
  return { ...common, file_name: baseName, media_type: item.media_type || 'application/octet-stream', size_bytes: opened.size, content: opened.stream };
}

function refuseUnavailable(item: EvidenceItemRow, request: DownloadRequest): void {
  if (item.status === 'destroyed') throw new BulwarkError('gone', `${item.number} was destroyed; its file no longer exists. Its record and chain of custody remain.`);
  if (!item.blob_sha256) throw conflict(`${item.number} is an item without a stored file (${item.kind}); there is nothing to download.`);
  if (request.inline && item.kind === MALWARE_KIND) {
    throw invalid(`${item.number} is a malware sample: it is only downloaded as a password-protected archive, never opened in the browser.`, [{ path: 'querystring.disposition', message: 'inline is not allowed for malware samples' }]);
  }
}
