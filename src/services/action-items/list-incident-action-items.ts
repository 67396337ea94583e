import { incidentActionItems } from '../../store/repositories/action-items.js';
import type { ServiceContext } from '../context.js';
import { loadVisibleIncident } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { toActionItemRecord, type ActionItemRecord } from './action-item-record.js';

/** Every action item of one incident, soonest due first. */
export async function listIncidentActionItems(ctx: ServiceContext, incidentId: string): Promise<ActionItemRecord[]> {
  authorize(ctx.actor, 'incident.read');
  const incident = await loadVisibleIncident(ctx.database.db, ctx.actor, incidentId);
  const now = ctx.clock.now();
  return (await incidentActionItems(ctx.database.db, incident.id)).map((row) => toActionItemRecord(row, now));
}
