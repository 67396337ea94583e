import { conflict, stale } from '../../domain/errors.js';
import { readBool } from '../../store/dialect.js';
import { updateEvidenceItem } from '../../store/repositories/evidence-items.js';
import type { ServiceContext } from '../context.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction } from '../transaction.js';
import { toEvidenceRecord, type EvidenceRecord } from './evidence-record.js';
import { loadEvidenceForChange, loadVisibleEvidence } from './load-evidence.js';
import { recordCustodyEvent } from './record-custody-event.js';

/** Lifts the item's legal hold, saying why; the hold's reason stays in the custody log. */
export async function liftLegalHold(ctx: ServiceContext, id: string, reason: string): Promise<EvidenceRecord> {
  authorize(ctx.actor, 'evidence.manage');
  return runInTransaction(ctx, async (uow) => {
    const visible = await loadVisibleEvidence(uow.db, uow.actor, id);
    const incident = await loadIncidentForChange(uow, visible.incident.id);
    const { item } = await loadEvidenceForChange(uow, id);
    if (!readBool(item.legal_hold)) throw conflict(`${item.number} is not under legal hold.`);

    const version = Number(item.version);
    const changes = { legal_hold: false, legal_hold_reason: '', updated_at: uow.now, updated_by: uow.actor.userId };
    if (!(await updateEvidenceItem(uow.db, item.id, version, changes))) throw stale(version + 1);
    const details = { reason, hold_reason: item.legal_hold_reason };
    await recordCustodyEvent(uow, item, incident, { action: 'hold_lifted', purpose: 'legal hold', details });
    await recordTimelineEntry(uow, incident, { kind: 'evidence_hold', body: `Legal hold lifted from evidence ${item.number}: ${reason}`, details: { evidence_id: item.id, held: false, ...details } });
    await uow.audit('evidence.hold_lift', { type: 'evidence', id: item.id }, { incident_id: incident.id, number: item.number, ...details });
    uow.emit({ type: 'evidence.updated', incident_id: incident.id, restricted: incident.restricted, entity_id: item.id, version: version + 1 });
    return toEvidenceRecord(uow.db, { ...item, ...changes, version: version + 1 });
  });
}
