import { BulwarkError, conflict, stale } from '../../domain/errors.js';
import { hashStoredEvidence } from '../../store/evidence-stored-files.js';
import { updateEvidenceItem } from '../../store/repositories/evidence-items.js';
import type { EvidenceItemRow } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction } from '../transaction.js';
import { loadEvidenceForChange, loadVisibleEvidence } from './load-evidence.js';
import { raiseIntegrityAlert } from './raise-integrity-alert.js';
import { recordCustodyEvent } from './record-custody-event.js';

export type VerificationStatus = 'match' | 'mismatch' | 'missing';

export interface VerificationResult {
  evidence_id: string;
  status: VerificationStatus;
  expected_sha256: string;
  actual_sha256: string | null;
  checked_at: string;
}

/** Why a check ran: someone asked for this item, or for all of the incident's; the schedule; a download that found the file gone. */
export type VerificationTrigger = 'request' | 'incident' | 'schedule' | 'download';

/** The evidence folder, or 503 when this server was started without one. */
export function storedEvidenceDir(ctx: ServiceContext): string {
  if (!ctx.evidence) throw new BulwarkError('unavailable', 'Evidence storage is not configured on this server (BULWARK_EVIDENCE_DIR).');
  return ctx.evidence.dir;
}

/** Re-reads one item's stored file and compares its SHA-256 with the recorded one (anyone who may read evidence may ask). */
export async function verifyEvidence(ctx: ServiceContext, id: string): Promise<VerificationResult> {
  authorize(ctx.actor, 'evidence.read');
  const { item } = await loadVisibleEvidence(ctx.database.db, ctx.actor, id);
  return checkStoredEvidence(ctx, item, 'request');
}

/** Hashes the file outside any transaction (a large image takes a while), then records the outcome. */
export async function checkStoredEvidence(ctx: ServiceContext, item: EvidenceItemRow, trigger: VerificationTrigger): Promise<VerificationResult> {
  if (!item.blob_sha256) throw conflict(`${item.number} is an item without a stored file (${item.kind}); there is nothing to verify.`);
  if (item.status === 'destroyed') throw new BulwarkError('gone', `${item.number} was destroyed; its stored file no longer exists to verify.`);
  const found = await hashStoredEvidence(storedEvidenceDir(ctx), item.blob_sha256);
  const status: VerificationStatus = !found ? 'missing' : found.sha256 === item.blob_sha256 ? 'match' : 'mismatch';
  return recordVerification(ctx, item.id, { status, expected_sha256: item.blob_sha256, actual_sha256: found?.sha256 ?? null, actual_size: found?.size ?? null }, trigger);
}

interface Outcome {
  status: VerificationStatus;
  expected_sha256: string;
  actual_sha256: string | null;
  actual_size: number | null;
}

/**
 * Writes what a check found, in one transaction: the item's last verification, a custody event
 * (`verified` or `integrity_failed`), the audit entry and a live event. A failure also goes on the
 * incident's timeline and raises an alert on the incident — except when the schedule finds the same
 * failure again, which only adds to the custody log (the alert is already there).
 */
export async function recordVerification(ctx: ServiceContext, id: string, outcome: Outcome, trigger: VerificationTrigger): Promise<VerificationResult> {
  return runInTransaction(ctx, async (uow) => {
    const visible = await loadVisibleEvidence(uow.db, uow.actor, id);
    const incident = await loadIncidentForChange(uow, visible.incident.id);
    const { item } = await loadEvidenceForChange(uow, id);
    const version = Number(item.version);
    const changes = { last_verified_at: uow.now, last_verification: outcome.status };
    if (!(await updateEvidenceItem(uow.db, item.id, version, changes))) throw stale(version + 1);

    const failed = outcome.status !== 'match';
    const details = { status: outcome.status, expected_sha256: outcome.expected_sha256, actual_sha256: outcome.actual_sha256, actual_size_bytes: outcome.actual_size, trigger };
    const event = await recordCustodyEvent(uow, item, incident, { action: failed ? 'integrity_failed' : 'verified', purpose: 'integrity check', details });
    await uow.audit(failed ? 'evidence.integrity_failed' : 'evidence.verify', { type: 'evidence', id: item.id }, { incident_id: incident.id, number: item.number, ...details });

    const repeated = failed && trigger === 'schedule' && item.last_verification === outcome.status;
    if (failed && !repeated) {
      const alertId = await raiseIntegrityAlert(uow, ctx.database, item, incident, { status: outcome.status as 'mismatch' | 'missing', expected_sha256: outcome.expected_sha256, actual_sha256: outcome.actual_sha256, custody_event_id: event.id });
      const body = outcome.status === 'missing' ? `Evidence ${item.number} failed its integrity check: the stored file is missing` : `Evidence ${item.number} failed its integrity check: the stored file no longer matches its recorded SHA-256`;
      await recordTimelineEntry(uow, incident, { kind: 'evidence_integrity_failed', body, details: { evidence_id: item.id, alert_id: alertId, ...details } });
    } else if (!failed && trigger === 'request') {
      await recordTimelineEntry(uow, incident, { kind: 'evidence_verified', body: `Evidence ${item.number} verified: the stored file matches its recorded SHA-256`, details: { evidence_id: item.id, ...details } });
    }
    uow.emit({ type: 'evidence.verified', incident_id: incident.id, restricted: incident.restricted, entity_id: item.id, version: version + 1 });
    return { evidence_id: item.id, status: outcome.status, expected_sha256: outcome.expected_sha256, actual_sha256: outcome.actual_sha256, checked_at: uow.now };
  });
}
