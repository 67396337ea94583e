import { can } from '../../domain/access.js';
import { forbidden, invalid, notFound } from '../../domain/errors.js';
import { findEscalation } from '../../store/repositories/escalations.js';
import type { ServiceContext } from '../context.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { presentRows } from './list-escalations.js';
import type { EscalationRecord } from './escalation-record.js';
import { recordAcknowledgement } from './record-acknowledgement.js';

/**
 * The person called acknowledges in the app; or someone who manages the incident's people records
 * that they acknowledged by phone, with a note (who answered, what was agreed).
 */
export async function acknowledgeEscalation(ctx: ServiceContext, incidentId: string, escalationId: string, input: { note?: string | undefined }): Promise<EscalationRecord> {
  authorize(ctx.actor, 'incident.read');
  return runInTransaction(ctx, async (uow) => {
    const incident = await loadIncidentForChange(uow, incidentId);
    const escalation = await findEscalation(uow.db, incident.id, escalationId);
    if (!escalation) throw notFound(`Escalation ${escalationId}`);
    const self = escalation.user_id !== null && escalation.user_id === uow.actor.userId;
    const note = input.note?.trim() || undefined;
    if (!self) {
      if (!can(uow.actor.role, 'incident.manage_people')) throw forbidden('Only the person called, or an incident manager recording their answer, acknowledges a call.');
      if (!note) throw invalid('Say how they acknowledged (for example "called back at 03:12, on the bridge").', [{ path: 'note', message: 'required when acknowledging on someone’s behalf' }]);
    }
    await recordAcknowledgement(uow, incident, escalation, self ? { by: uow.actor.userId, via: 'app', note } : { by: uow.actor.userId, via: 'phone', note, recorded_by_name: uow.actor.name });
    const [record] = await presentRows(uow.db, incident.organisation_id, [(await findEscalation(uow.db, incident.id, escalation.id))!], uow.now);
    return record!;
  });
}
