import { listIncidentRisks as linkedRisks } from '../../store/repositories/incident-risks.js';
import type { ServiceContext } from '../context.js';
import { loadVisibleIncident } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { toIncidentRisk, type IncidentRisk } from './incident-risk-record.js';

/** The risks an incident materialised, in the order they were linked (restricted incidents: members only). */
export async function listIncidentRisks(ctx: ServiceContext, incidentId: string): Promise<{ items: IncidentRisk[] }> {
  authorize(ctx.actor, 'incident.read');
  const incident = await loadVisibleIncident(ctx.database.db, ctx.actor, incidentId);
  const rows = await linkedRisks(ctx.database.db, incident.id);
  return { items: rows.map((row) => toIncidentRisk(incident.id, row)) };
}
