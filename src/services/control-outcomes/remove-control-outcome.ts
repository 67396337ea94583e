import { notFound } from '../../domain/errors.js';
import { deleteControlOutcome, findControlOutcome } from '../../store/repositories/control-outcomes.js';
import { findControl } from '../../store/repositories/controls.js';
import type { ServiceContext } from '../context.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction } from '../transaction.js';

/** Removes a control outcome recorded in error; the timeline keeps what it said. */
export async function removeControlOutcome(ctx: ServiceContext, incidentId: string, outcomeId: string): Promise<void> {
  authorize(ctx.actor, 'review.write');
  return runInTransaction(ctx, async (uow) => {
    const incident = await loadIncidentForChange(uow, incidentId);
    const current = await findControlOutcome(uow.db, incident.id, outcomeId);
    if (!current) throw notFound(`Control outcome ${outcomeId} of incident ${incident.number}`);
    const ref = (await findControl(uow.db, uow.actor.organisationId, current.control_id))?.ref ?? current.control_id;
    await deleteControlOutcome(uow.db, current.id);
    await recordTimelineEntry(uow, incident, {
      kind: 'control_outcomes_changed',
      body: `Removed the outcome of control ${ref} (${current.outcome})`,
      details: { control_id: current.control_id, ref, removed: current.id, outcome: current.outcome },
    });
    await uow.audit('incident.control_outcome_removed', { type: 'incident', id: incident.id }, { outcome_id: current.id, control_id: current.control_id, ref, outcome: current.outcome, note: current.note });
    uow.emit({ type: 'incident.control_outcomes_changed', incident_id: incident.id, restricted: incident.restricted, entity_id: current.id });
  });
}
