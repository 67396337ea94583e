import { notFound } from '../../domain/errors.js';
import { findIncidentFacts } from '../../store/repositories/incident-facts.js';
import type { ServiceContext } from '../context.js';
import { loadVisibleIncident } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { toFactsRecord, type IncidentFactsRecord } from './facts-record.js';

/** The incident's facts; 404 until they are first saved. */
export async function getIncidentFacts(ctx: ServiceContext, incidentId: string): Promise<IncidentFactsRecord> {
  authorize(ctx.actor, 'incident.read');
  const incident = await loadVisibleIncident(ctx.database.db, ctx.actor, incidentId);
  const row = await findIncidentFacts(ctx.database.db, incident.id);
  if (!row) throw notFound(`Facts of incident ${incident.number}`);
  return toFactsRecord(row);
}
