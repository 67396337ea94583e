import { listPhaseChanges } from '../../store/repositories/incidents.js';
import { activeMembers } from '../../store/repositories/members.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { toMemberRecord } from '../members/member-record.js';
import type { IncidentRecord } from './incident-record.js';
import { loadVisibleIncident } from './load-incident.js';

export async function getIncident(ctx: ServiceContext, idOrNumber: string): Promise<IncidentRecord> {
  authorize(ctx.actor, 'incident.read');
  return loadVisibleIncident(ctx.database.db, ctx.actor, idOrNumber);
}

/** The incident with who holds which role now and its phase history: what the incident page shows. */
export async function getIncidentOverview(ctx: ServiceContext, idOrNumber: string) {
  const incident = await getIncident(ctx, idOrNumber);
  const [members, phaseChanges] = await Promise.all([activeMembers(ctx.database.db, incident.id), listPhaseChanges(ctx.database.db, incident.id)]);
  return { incident, members: members.map(toMemberRecord), phaseChanges };
}
