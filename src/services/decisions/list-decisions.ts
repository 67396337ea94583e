import { listDecisions as listStoredDecisions } from '../../store/repositories/decisions.js';
import type { ServiceContext } from '../context.js';
import { loadVisibleIncident } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { toDecisionRecord, type DecisionRecordView } from './decision-record.js';

/** Every decision signed on the incident, superseded ones included, in the order they were signed. */
export async function listDecisions(ctx: ServiceContext, incidentId: string): Promise<DecisionRecordView[]> {
  authorize(ctx.actor, 'incident.read');
  const incident = await loadVisibleIncident(ctx.database.db, ctx.actor, incidentId);
  return (await listStoredDecisions(ctx.database.db, incident.id)).map(toDecisionRecord);
}
