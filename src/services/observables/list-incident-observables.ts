import { sightingsOfSubject } from '../../store/repositories/observables.js';
import type { ServiceContext } from '../context.js';
import { loadVisibleIncident } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { toSightingRecord, type SightingRecord } from './observable-record.js';
import { sightingViewerFor } from './sighting-viewer.js';

/** An incident's observables by type and value, each with where else (visible to the caller) it was seen. */
export async function listIncidentObservables(ctx: ServiceContext, incidentId: string): Promise<SightingRecord[]> {
  authorize(ctx.actor, 'observable.read');
  const incident = await loadVisibleIncident(ctx.database.db, ctx.actor, incidentId);
  const rows = await sightingsOfSubject(ctx.database.db, 'incident', incident.id, sightingViewerFor(ctx.actor));
  return rows.map(toSightingRecord);
}
