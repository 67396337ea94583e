import { BulwarkError, conflict, stale } from '../../domain/errors.js';
import { latestDisposalEvents, updateEvidenceItem } from '../../store/repositories/evidence-items.js';
import { readBool, readJson } from '../../store/dialect.js';
import { systemActor, type ServiceContext } from '../context.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction } from '../transaction.js';
import { toEvidenceRecord, type EvidenceRecord } from './evidence-record.js';
import { loadEvidenceForChange, loadVisibleEvidence } from './load-evidence.js';
import { recordCustodyEvent } from './record-custody-event.js';

/**
 * Places a legal hold: from now on nobody, administrators included, can have the item destroyed or
 * released until the hold is lifted. A disposal request waiting for approval is cancelled (a custody
 * event by the system says so).
 */
export async function placeLegalHold(ctx: ServiceContext, id: string, reason: string): Promise<EvidenceRecord> {
  authorize(ctx.actor, 'evidence.manage');
  return runInTransaction(ctx, async (uow) => {
    const visible = await loadVisibleEvidence(uow.db, uow.actor, id);
    const incident = await loadIncidentForChange(uow, visible.incident.id);
    const { item } = await loadEvidenceForChange(uow, id);
    if (item.status === 'destroyed') throw new BulwarkError('gone', `${item.number} was destroyed; there is nothing left to hold.`);
    if (readBool(item.legal_hold)) throw conflict(`${item.number} is already under legal hold (reason: ${item.legal_hold_reason || 'none given'}).`);

    const version = Number(item.version);
    const changes = { legal_hold: true, legal_hold_reason: reason, updated_at: uow.now, updated_by: uow.actor.userId };
    if (!(await updateEvidenceItem(uow.db, item.id, version, changes))) throw stale(version + 1);
    await recordCustodyEvent(uow, item, incident, { action: 'hold_placed', purpose: 'legal hold', details: { reason } });

    const pending = (await latestDisposalEvents(uow.db, [item.id])).get(item.id);
    if (pending?.action === 'disposal_requested') {
      const request = readJson<{ action?: string; reason?: string }>(pending.details);
      const system = { ...uow, actor: systemActor(uow.actor.organisationId) };
      await recordCustodyEvent(system, item, incident, { action: 'disposal_rejected', details: { note: 'legal hold placed', request_event_id: pending.id, action: request.action ?? 'destroy', requested_by: pending.actor_id } });
    }
    await recordTimelineEntry(uow, incident, { kind: 'evidence_hold', body: `Legal hold placed on evidence ${item.number}: ${reason}`, details: { evidence_id: item.id, held: true, reason, cancelled_disposal_request: pending?.action === 'disposal_requested' ? pending.id : null } });
    await uow.audit('evidence.hold_place', { type: 'evidence', id: item.id }, { incident_id: incident.id, number: item.number, reason });
    uow.emit({ type: 'evidence.updated', incident_id: incident.id, restricted: incident.restricted, entity_id: item.id, version: version + 1 });
    return toEvidenceRecord(uow.db, { ...item, ...changes, version: version + 1 });
  });
}
