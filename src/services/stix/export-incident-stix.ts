import type { Tlp } from '../../domain/incident.js';
import { buildStixBundle } from '../../domain/stix-export.js';
import type { ServiceContext } from '../context.js';
import { loadVisibleIncident } from '../incidents/load-incident.js';
import { listIncidentObservables } from '../observables/list-incident-observables.js';
import { authorize } from '../policies/authorize.js';
import { findOrganisation } from '../../store/repositories/people.js';

/**
 * An incident's observables as a STIX 2.1 bundle (IOCs as indicators). Restricted incidents only for
 * their members: others get the same 404 as for reading the incident.
 */
export async function exportIncidentStix(ctx: ServiceContext, incidentId: string): Promise<{ bundle: Record<string, unknown>; number: string; omitted: number }> {
  authorize(ctx.actor, 'incident.read');
  const incident = await loadVisibleIncident(ctx.database.db, ctx.actor, incidentId);
  const sightings = await listIncidentObservables(ctx, incident.id);
  const organisation = await findOrganisation(ctx.database.db, ctx.actor.organisationId);
  const { bundle, omitted } = buildStixBundle({
    organisation: { id: ctx.actor.organisationId, name: organisation?.name ?? 'Bulwark' },
    incident: { id: incident.id, number: incident.number, title: incident.title, tlp: incident.tlp, created_at: incident.created_at },
    observables: sightings.map((s) => ({ type: s.observable.type, value: s.observable.value, ioc: s.ioc, tlp: s.tlp as Tlp, note: s.note, first_seen_at: s.first_seen_at, last_seen_at: s.last_seen_at })),
    now: ctx.clock.now(),
  });
  return { bundle, number: incident.number, omitted: omitted.length };
}
