import { incidentTasks } from '../../store/repositories/tasks.js';
import type { ServiceContext } from '../context.js';
import { loadVisibleIncident } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { toTaskRecord, type TaskRecord } from './task-record.js';

/** Every task of one incident in list order (position). */
export async function listIncidentTasks(ctx: ServiceContext, incidentId: string): Promise<TaskRecord[]> {
  authorize(ctx.actor, 'incident.read');
  const incident = await loadVisibleIncident(ctx.database.db, ctx.actor, incidentId);
  const now = ctx.clock.now();
  return (await incidentTasks(ctx.database.db, incident.id)).map((row) => toTaskRecord(row, now));
}
