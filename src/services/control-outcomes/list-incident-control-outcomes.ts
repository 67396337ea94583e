import { listIncidentControlOutcomes as outcomes } from '../../store/repositories/control-outcomes.js';
import type { ServiceContext } from '../context.js';
import { loadVisibleIncident } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { toControlOutcomeRecord, type ControlOutcomeRecord } from './control-outcome-record.js';

/** What each control did in the incident, in the order recorded (restricted incidents: members only). */
export async function listIncidentControlOutcomes(ctx: ServiceContext, incidentId: string): Promise<{ items: ControlOutcomeRecord[] }> {
  authorize(ctx.actor, 'incident.read');
  const incident = await loadVisibleIncident(ctx.database.db, ctx.actor, incidentId);
  return { items: (await outcomes(ctx.database.db, incident.id)).map(toControlOutcomeRecord) };
}
