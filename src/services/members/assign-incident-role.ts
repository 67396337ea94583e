import { can, INCIDENT_ROLE_LABELS, SINGLE_HOLDER_ROLES, type IncidentRole } from '../../domain/access.js';
import { conflict, forbidden, stale } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { updateIncident } from '../../store/repositories/incidents.js';
import { activeMembers, findMemberWithUser, insertMember, releaseMember } from '../../store/repositories/members.js';
import type { Actor, ServiceContext } from '../context.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction } from '../transaction.js';
import { toMemberRecord, type MemberRecord } from './member-record.js';
import { requireActiveUser } from './require-active-user.js';

export interface AssignRoleInput {
  user_id: string;
  role: IncidentRole;
}

/**
 * Incident managers and administrators assign anyone. Anyone who may edit incidents may take command of
 * an incident that has no commander (the responder at 3 a.m.), but not take it from someone else.
 */
function takesVacantCommand(actor: Actor, input: AssignRoleInput): boolean {
  if (can(actor.role, 'incident.manage_people')) return false;
  if (input.role === 'incident_commander' && input.user_id === actor.userId && can(actor.role, 'incident.update')) return true;
  authorize(actor, 'incident.manage_people');
  return false;
}

/**
 * Gives a person a role on an incident. For single-holder roles this is a hand-over: the previous
 * holder's tenure ends at the same instant. On a restricted incident the new member gains sight of it.
 * The first commander acknowledges the incident.
 */
export async function assignIncidentRole(ctx: ServiceContext, incidentId: string, input: AssignRoleInput): Promise<MemberRecord> {
  const selfCommand = takesVacantCommand(ctx.actor, input);
  return runInTransaction(ctx, async (uow) => {
    const incident = await loadIncidentForChange(uow, incidentId);
    const holders = (await activeMembers(uow.db, incident.id)).filter((m) => m.role === input.role);
    if (selfCommand && holders.length > 0) {
      throw forbidden('This incident already has a commander; only incident managers and administrators hand over command.');
    }
    const user = await requireActiveUser(uow, input.user_id, 'user_id');
    if (holders.some((m) => m.user_id === user.id)) throw conflict(`${user.name} already holds this role on ${incident.number}.`);

    const previous = SINGLE_HOLDER_ROLES.has(input.role) ? holders : [];
    for (const holder of previous) await releaseMember(uow.db, holder.id, uow.now, uow.actor.userId);
    const id = newId('incidentMember');
    await insertMember(uow.db, { id, organisation_id: incident.organisation_id, incident_id: incident.id, user_id: user.id, role: input.role, assigned_at: uow.now, assigned_by: uow.actor.userId, released_at: null, released_by: null });

    const acknowledges = input.role === 'incident_commander' && incident.acknowledged_at === null;
    if (acknowledges) {
      const columns = { acknowledged_at: uow.now, updated_at: uow.now, updated_by: uow.actor.userId };
      if (!(await updateIncident(uow.db, incident.id, incident.version, columns))) throw stale(incident.version + 1);
    }

    const label = INCIDENT_ROLE_LABELS[input.role];
    const handedOverFrom = previous.map((m) => ({ member_id: m.id, user_id: m.user_id }));
    const body = previous.length
      ? `${label} handed over from ${previous.map((m) => m.user_name).join(', ')} to ${user.name}`
      : `${user.name} assigned as ${label}`;
    await recordTimelineEntry(uow, incident, { kind: 'role_assigned', body, details: { member_id: id, user_id: user.id, role: input.role, handed_over_from: handedOverFrom, acknowledged: acknowledges } });
    await uow.audit('member.assign', { type: 'incident_member', id }, { incident_id: incident.id, user_id: user.id, role: input.role, handed_over_from: handedOverFrom, acknowledged: acknowledges });

    const scope = { incident_id: incident.id, restricted: incident.restricted };
    for (const holder of previous) uow.emit({ type: 'member.released', ...scope, entity_id: holder.id });
    uow.emit({ type: 'member.assigned', ...scope, entity_id: id });
    if (acknowledges) uow.emit({ type: 'incident.updated', ...scope, entity_id: incident.id, version: incident.version + 1 });
    return toMemberRecord((await findMemberWithUser(uow.db, id))!);
  });
}
