import { INCIDENT_ROLE_LABELS, type IncidentRole } from '../../domain/access.js';
import { conflict, notFound } from '../../domain/errors.js';
import { findMemberWithUser, releaseMember } from '../../store/repositories/members.js';
import type { ServiceContext } from '../context.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction } from '../transaction.js';
import { toMemberRecord, type MemberRecord } from './member-record.js';

/**
 * Ends a person's tenure in a role; the record stays as history. Releasing the last member of a
 * restricted incident is allowed: administrators still see it.
 */
export async function releaseIncidentRole(ctx: ServiceContext, incidentId: string, memberId: string): Promise<MemberRecord> {
  authorize(ctx.actor, 'incident.manage_people');
  return runInTransaction(ctx, async (uow) => {
    const incident = await loadIncidentForChange(uow, incidentId);
    const member = await findMemberWithUser(uow.db, memberId);
    if (!member || member.incident_id !== incident.id) throw notFound(`Member ${memberId} of ${incident.number}`);
    if (member.released_at !== null) throw conflict(`${member.user_name} was already released from this role at ${member.released_at}.`);

    await releaseMember(uow.db, member.id, uow.now, uow.actor.userId);
    const label = INCIDENT_ROLE_LABELS[member.role as IncidentRole] ?? member.role;
    await recordTimelineEntry(uow, incident, {
      kind: 'role_released',
      body: `${member.user_name} released as ${label}`,
      details: { member_id: member.id, user_id: member.user_id, role: member.role, assigned_at: member.assigned_at },
    });
    await uow.audit('member.release', { type: 'incident_member', id: member.id }, { incident_id: incident.id, user_id: member.user_id, role: member.role });
    uow.emit({ type: 'member.released', incident_id: incident.id, restricted: incident.restricted, entity_id: member.id });
    return toMemberRecord({ ...member, released_at: uow.now, released_by: uow.actor.userId });
  });
}
