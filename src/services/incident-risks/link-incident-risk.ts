import { conflict, invalid } from '../../domain/errors.js';
import { findIncidentRisk, insertIncidentRisk } from '../../store/repositories/incident-risks.js';
import { findRisk } from '../../store/repositories/risks.js';
import type { ServiceContext } from '../context.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { toRiskRecord } from '../risks/risk-record.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction } from '../transaction.js';
import { toIncidentRisk, type IncidentRisk } from './incident-risk-record.js';

/** Records that the incident materialised a register risk (by id or number); 409 when it is linked already. */
export async function linkIncidentRisk(ctx: ServiceContext, incidentId: string, input: { risk_id: string; note?: string | undefined }): Promise<IncidentRisk> {
  authorize(ctx.actor, 'review.write');
  return runInTransaction(ctx, async (uow) => {
    const incident = await loadIncidentForChange(uow, incidentId);
    const row = await findRisk(uow.db, uow.actor.organisationId, input.risk_id);
    if (!row) throw invalid(`${input.risk_id} is not a risk of this organisation.`, [{ path: 'body.risk_id', message: 'unknown risk' }]);
    const risk = toRiskRecord(row);
    if (await findIncidentRisk(uow.db, incident.id, risk.id)) throw conflict(`${incident.number} is already linked to ${risk.number}.`);
    const note = input.note?.trim() ?? '';
    const link = { organisation_id: incident.organisation_id, incident_id: incident.id, risk_id: risk.id, note, linked_at: uow.now, linked_by: uow.actor.userId };
    await insertIncidentRisk(uow.db, link);
    await recordTimelineEntry(uow, incident, {
      kind: 'risks_changed',
      body: `Linked risk ${risk.number} ${risk.title}${note ? `: ${note}` : ''}`,
      details: { linked: risk.id, number: risk.number, title: risk.title, note },
    });
    await uow.audit('incident.risk_linked', { type: 'incident', id: incident.id }, { risk_id: risk.id, number: risk.number, note });
    uow.emit({ type: 'incident.risks_changed', incident_id: incident.id, restricted: incident.restricted, entity_id: incident.id });
    return toIncidentRisk(incident.id, { ...risk, risk_id: risk.id, note, linked_at: uow.now, linked_by: uow.actor.userId, linked_by_name: uow.actor.name ?? null });
  });
}
