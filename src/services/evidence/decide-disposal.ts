import { conflict, forbidden, stale } from '../../domain/errors.js';
import { readJson } from '../../store/dialect.js';
import { evidenceBlobStillRemoved, markEvidenceBlobRemoved, otherLiveItemUsesBlob } from '../../store/repositories/evidence-disposal.js';
import { latestDisposalEvents, updateEvidenceItem } from '../../store/repositories/evidence-items.js';
import { removeStoredEvidence } from '../../store/evidence-stored-files.js';
import type { ServiceContext } from '../context.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction } from '../transaction.js';
import { toEvidenceRecord, type EvidenceRecord } from './evidence-record.js';
import { loadEvidenceForChange, loadVisibleEvidence } from './load-evidence.js';
import { recordCustodyEvent } from './record-custody-event.js';
import { refuseDisposalWhileKept, type DisposalAction } from './request-disposal.js';
import { storedEvidenceDir } from './verify-evidence.js';
import { userNamesById } from '../../store/repositories/people.js';

export type DisposalDecision = 'approve' | 'reject';

/**
 * Approves or rejects the pending disposal request, by a second person (the requester cannot decide
 * their own request). Approving a destruction marks the item destroyed and, when no other item that
 * still exists holds the same content, removes the stored file (after the change commits, so a failed
 * transaction never loses a file); approving a release marks it released. Both are custody events naming
 * requester and approver.
 */
export async function decideDisposal(ctx: ServiceContext, id: string, decision: DisposalDecision, note: string): Promise<EvidenceRecord> {
  authorize(ctx.actor, 'evidence.manage');
  let removeFile: string | null = null;
  const record = await runInTransaction(ctx, async (uow) => {
    const visible = await loadVisibleEvidence(uow.db, uow.actor, id);
    const incident = await loadIncidentForChange(uow, visible.incident.id);
    const { item } = await loadEvidenceForChange(uow, id);
    const pending = (await latestDisposalEvents(uow.db, [item.id])).get(item.id);
    if (pending?.action !== 'disposal_requested') throw conflict(`${item.number} has no disposal request waiting for a decision.`);
    const request = readJson<{ action?: DisposalAction; reason?: string }>(pending.details);
    const action: DisposalAction = request.action === 'release' ? 'release' : 'destroy';
    if (pending.actor_id === uow.actor.userId) {
      throw forbidden(`Disposal needs a second person: you requested this ${action === 'destroy' ? 'destruction' : 'release'}, so another incident manager or administrator must ${decision} it.`);
    }
    const names = await userNamesById(uow.db, [pending.actor_id, uow.actor.userId]);
    const requestedBy = { id: pending.actor_id, name: names.get(pending.actor_id) ?? pending.actor_id };
    const decidedBy = { id: uow.actor.userId, name: names.get(uow.actor.userId) ?? uow.actor.name ?? uow.actor.userId };
    const about = { request_event_id: pending.id, action, reason: request.reason ?? '', requested_by: requestedBy, requested_at: pending.recorded_at, note };
    const version = Number(item.version);

    if (decision === 'reject') {
      const changes = { updated_at: uow.now, updated_by: uow.actor.userId };
      if (!(await updateEvidenceItem(uow.db, item.id, version, changes))) throw stale(version + 1);
      await recordCustodyEvent(uow, item, incident, { action: 'disposal_rejected', details: about });
      await recordTimelineEntry(uow, incident, { kind: 'evidence_custody', body: `Request to ${action} evidence ${item.number} rejected${note ? `: ${note}` : ''}`, details: { evidence_id: item.id, custody_action: 'disposal_rejected', ...about } });
      await uow.audit('evidence.disposal_reject', { type: 'evidence', id: item.id }, { incident_id: incident.id, number: item.number, ...about });
      uow.emit({ type: 'evidence.updated', incident_id: incident.id, restricted: incident.restricted, entity_id: item.id, version: version + 1 });
      return toEvidenceRecord(uow.db, { ...item, ...changes, version: version + 1 });
    }

    await refuseDisposalWhileKept(uow, item, action);
    if (item.status !== 'active') throw conflict(`${item.number} is already ${item.status}.`);
    const status = action === 'destroy' ? 'destroyed' : 'released';
    const changes = { status, updated_at: uow.now, updated_by: uow.actor.userId };
    if (!(await updateEvidenceItem(uow.db, item.id, version, changes))) throw stale(version + 1);
    let fileRemoved = false;
    if (action === 'destroy' && item.blob_sha256 && !(await otherLiveItemUsesBlob(uow.db, item.blob_sha256, item.id))) {
      await markEvidenceBlobRemoved(uow.db, item.blob_sha256, uow.now);
      removeFile = item.blob_sha256;
      fileRemoved = true;
    }
    const details = { ...about, approved_by: decidedBy, ...(action === 'destroy' ? { stored_file_removed: fileRemoved } : {}) };
    await recordCustodyEvent(uow, item, incident, { action: status, from_user_id: item.holder_id, purpose: action === 'destroy' ? 'destruction' : 'release', details });
    const body = `Evidence ${item.number} ${status}, requested by ${requestedBy.name} and approved by ${details.approved_by.name}: ${about.reason}`;
    await recordTimelineEntry(uow, incident, { kind: 'evidence_disposed', body, details: { evidence_id: item.id, status, ...details } });
    await uow.audit(action === 'destroy' ? 'evidence.destroy' : 'evidence.release', { type: 'evidence', id: item.id }, { incident_id: incident.id, number: item.number, ...details });
    uow.emit({ type: 'evidence.updated', incident_id: incident.id, restricted: incident.restricted, entity_id: item.id, version: version + 1 });
    return toEvidenceRecord(uow.db, { ...item, ...changes, version: version + 1 });
  });
  // Re-checked after the commit: the same content uploaded again in between has brought the file back into use.
  if (removeFile && (await evidenceBlobStillRemoved(ctx.database.db, removeFile))) await removeStoredEvidence(storedEvidenceDir(ctx), removeFile);
  return record;
}
