import type { AcknowledgementChannel } from '../../domain/escalation.js';
import { conflict } from '../../domain/errors.js';
import { markEscalationAcknowledged } from '../../store/repositories/escalations.js';
import type { EscalationRow } from '../../store/schema.js';
import type { IncidentRecord } from '../incidents/incident-record.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import type { UnitOfWork } from '../transaction.js';

const HOW: Record<AcknowledgementChannel, string> = { app: 'in Bulwark', link: 'by the e-mailed link', phone: 'by phone' };

/**
 * Records an acknowledgement once, with its timeline entry, audit entry and event. A second one is
 * refused with 409 and names when the first came, so nobody thinks their click was lost.
 */
export async function recordAcknowledgement(
  uow: UnitOfWork,
  incident: Pick<IncidentRecord, 'id' | 'organisation_id' | 'restricted' | 'number'>,
  escalation: EscalationRow,
  ack: { by: string | null; via: AcknowledgementChannel; note?: string | undefined; recorded_by_name?: string | undefined },
): Promise<void> {
  if (escalation.acknowledged_at) throw alreadyAcknowledged(escalation);
  if (!(await markEscalationAcknowledged(uow.db, escalation.id, { at: uow.now, by: ack.by, via: ack.via }))) throw alreadyAcknowledged(escalation);
  const onBehalf = ack.via === 'phone' && ack.recorded_by_name ? ` (recorded by ${ack.recorded_by_name})` : '';
  const note = ack.note ? `: ${ack.note}` : '';
  await recordTimelineEntry(uow, incident, {
    kind: 'escalation_acknowledged',
    body: `${escalation.contact_name} acknowledged the call ${HOW[ack.via]}${onBehalf}${note}`,
    details: { escalation_id: escalation.id, contact_id: escalation.contact_id, via: ack.via, note: ack.note ?? null, notified_at: escalation.notified_at },
  });
  await uow.audit('escalation.acknowledge', { type: 'escalation', id: escalation.id }, { incident_id: incident.id, contact_id: escalation.contact_id, via: ack.via, note: ack.note ?? null, acknowledged_by: ack.by });
  uow.emit({ type: 'escalation.acknowledged', incident_id: incident.id, restricted: incident.restricted, entity_id: escalation.id });
}

function alreadyAcknowledged(escalation: EscalationRow) {
  return conflict(`${escalation.contact_name} already acknowledged this call${escalation.acknowledged_at ? ` at ${escalation.acknowledged_at}` : ''}.`, { acknowledged_at: escalation.acknowledged_at });
}
