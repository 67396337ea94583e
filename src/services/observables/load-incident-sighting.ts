import { notFound } from '../../domain/errors.js';
import { findSighting } from '../../store/repositories/observables.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import type { UnitOfWork } from '../transaction.js';

/** An observable on an incident, under the incident's row lock; 404 when it is not on that incident or the incident is hidden. */
export async function loadIncidentSightingForChange(uow: UnitOfWork, incidentId: string, sightingId: string) {
  const incident = await loadIncidentForChange(uow, incidentId);
  const sighting = await findSighting(uow.db, uow.actor.organisationId, sightingId);
  if (!sighting || sighting.subject_type !== 'incident' || sighting.subject_id !== incident.id) throw notFound(`Observable ${sightingId} on incident ${incidentId}`);
  return { incident, sighting };
}
