import { deleteSighting } from '../../store/repositories/observables.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction } from '../transaction.js';
import { loadIncidentSightingForChange } from './load-incident-sighting.js';

/**
 * Takes an observable off an incident (added by mistake). The organisation-wide observable stays,
 * with its other sightings; the timeline and audit log keep what was removed.
 */
export async function removeIncidentObservable(ctx: ServiceContext, incidentId: string, sightingId: string): Promise<void> {
  authorize(ctx.actor, 'observable.write');
  await runInTransaction(ctx, async (uow) => {
    const { incident, sighting } = await loadIncidentSightingForChange(uow, incidentId, sightingId);
    await deleteSighting(uow.db, sighting, uow.now);
    const facts = { sighting_id: sighting.id, observable_id: sighting.observable_id, type: sighting.observable_type, value: sighting.observable_value };
    await recordTimelineEntry(uow, incident, { kind: 'observable_removed', body: `Observable removed: ${sighting.observable_type} ${sighting.observable_value}`, details: facts });
    await uow.audit('observable.remove_from_incident', { type: 'sighting', id: sighting.id }, { incident_id: incident.id, ...facts });
    uow.emit({ type: 'observable.updated', incident_id: incident.id, restricted: incident.restricted, entity_id: sighting.observable_id });
  });
}
