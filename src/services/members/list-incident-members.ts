import { activeMembers, memberHistory } from '../../store/repositories/members.js';
import type { ServiceContext } from '../context.js';
import { loadVisibleIncident } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { toMemberRecord, type MemberRecord } from './member-record.js';

/** Who holds which role now, or with history every tenure (hand-overs included) in the order assigned. */
export async function listIncidentMembers(ctx: ServiceContext, incidentId: string, options: { history: boolean }): Promise<MemberRecord[]> {
  authorize(ctx.actor, 'incident.read');
  const incident = await loadVisibleIncident(ctx.database.db, ctx.actor, incidentId);
  const rows = options.history ? await memberHistory(ctx.database.db, incident.id) : await activeMembers(ctx.database.db, incident.id);
  return rows.map(toMemberRecord);
}
