import { notFound } from '../../domain/errors.js';
import { deleteIncidentRisk, findIncidentRisk } from '../../store/repositories/incident-risks.js';
import { findRisk } from '../../store/repositories/risks.js';
import type { ServiceContext } from '../context.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction } from '../transaction.js';

/** The incident did not materialise the risk after all; the timeline keeps a record of the link and its removal. */
export async function unlinkIncidentRisk(ctx: ServiceContext, incidentId: string, riskIdOrNumber: string): Promise<void> {
  authorize(ctx.actor, 'review.write');
  return runInTransaction(ctx, async (uow) => {
    const incident = await loadIncidentForChange(uow, incidentId);
    const risk = await findRisk(uow.db, uow.actor.organisationId, riskIdOrNumber);
    const link = risk ? await findIncidentRisk(uow.db, incident.id, risk.id) : undefined;
    if (!risk || !link) throw notFound(`Risk ${riskIdOrNumber} on incident ${incident.number}`);
    await deleteIncidentRisk(uow.db, incident.id, risk.id);
    await recordTimelineEntry(uow, incident, { kind: 'risks_changed', body: `Unlinked risk ${risk.number} ${risk.title}`, details: { unlinked: risk.id, number: risk.number, title: risk.title } });
    await uow.audit('incident.risk_unlinked', { type: 'incident', id: incident.id }, { risk_id: risk.id, number: risk.number });
    uow.emit({ type: 'incident.risks_changed', incident_id: incident.id, restricted: incident.restricted, entity_id: incident.id });
  });
}
