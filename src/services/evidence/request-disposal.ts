import { conflict, stale } from '../../domain/errors.js';
import { readBool } from '../../store/dialect.js';
import { latestCustodyEventOf } from '../../store/repositories/evidence-disposal.js';
import { latestDisposalEvents, updateEvidenceItem } from '../../store/repositories/evidence-items.js';
import type { EvidenceItemRow } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction, type UnitOfWork } from '../transaction.js';
import { toEvidenceRecord, type EvidenceRecord } from './evidence-record.js';
import { loadEvidenceForChange, loadVisibleEvidence } from './load-evidence.js';
import { recordCustodyEvent } from './record-custody-event.js';

export type DisposalAction = 'destroy' | 'release';

/**
 * Refuses disposal of an item that must be kept: under legal hold (for anyone, administrators included)
 * or before its retention date. Checked when the request is made and again when it is approved.
 */
export async function refuseDisposalWhileKept(uow: UnitOfWork, item: EvidenceItemRow, action: DisposalAction): Promise<void> {
  const verb = action === 'destroy' ? 'destroyed' : 'released';
  if (readBool(item.legal_hold)) {
    const placed = await latestCustodyEventOf(uow.db, item.id, 'hold_placed');
    throw conflict(`${item.number} cannot be ${verb}: it is under legal hold since ${placed?.recorded_at ?? 'an unknown time'}, reason: ${item.legal_hold_reason || 'none given'}. The hold must be lifted first.`, { legal_hold: true, legal_hold_since: placed?.recorded_at ?? null, legal_hold_reason: item.legal_hold_reason });
  }
  if (item.retain_until && item.retain_until > uow.now) {
    throw conflict(`${item.number} cannot be ${verb} before ${item.retain_until}: it must be retained until then.`, { retain_until: item.retain_until });
  }
}

/**
 * Asks for an item to be destroyed or released (returned to its owner). Nothing happens to it until a
 * second person with the right to manage evidence approves (decide-disposal); the request lives in the
 * custody log and shows on the record as `disposal_request`.
 */
export async function requestDisposal(ctx: ServiceContext, id: string, action: DisposalAction, reason: string): Promise<EvidenceRecord> {
  authorize(ctx.actor, 'evidence.manage');
  return runInTransaction(ctx, async (uow) => {
    const visible = await loadVisibleEvidence(uow.db, uow.actor, id);
    const incident = await loadIncidentForChange(uow, visible.incident.id);
    const { item } = await loadEvidenceForChange(uow, id);
    if (item.status !== 'active') throw conflict(`${item.number} is already ${item.status}.`);
    await refuseDisposalWhileKept(uow, item, action);
    const pending = (await latestDisposalEvents(uow.db, [item.id])).get(item.id);
    if (pending?.action === 'disposal_requested') throw conflict(`${item.number} already has a disposal request waiting for approval (made ${pending.recorded_at}). Approve or reject it first.`, { request_event_id: pending.id });

    const version = Number(item.version);
    const changes = { updated_at: uow.now, updated_by: uow.actor.userId };
    if (!(await updateEvidenceItem(uow.db, item.id, version, changes))) throw stale(version + 1);
    const event = await recordCustodyEvent(uow, item, incident, { action: 'disposal_requested', purpose: action === 'destroy' ? 'destruction' : 'release', details: { action, reason } });
    await recordTimelineEntry(uow, incident, {
      kind: 'evidence_custody',
      body: `${action === 'destroy' ? 'Destruction' : 'Release'} of evidence ${item.number} requested, waiting for a second person's approval: ${reason}`,
      details: { evidence_id: item.id, custody_event_id: event.id, action: 'disposal_requested', disposal: action, reason },
    });
    await uow.audit('evidence.disposal_request', { type: 'evidence', id: item.id }, { incident_id: incident.id, number: item.number, action, reason });
    uow.emit({ type: 'evidence.updated', incident_id: incident.id, restricted: incident.restricted, entity_id: item.id, version: version + 1 });
    return toEvidenceRecord(uow.db, { ...item, ...changes, version: version + 1 });
  });
}
