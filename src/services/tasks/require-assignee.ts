import { invalid } from '../../domain/errors.js';
import { isActiveMember } from '../../store/repositories/members.js';
import type { UserWithRole } from '../../store/repositories/people.js';
import type { IncidentRecord } from '../incidents/incident-record.js';
import { requireActiveUser } from '../members/require-active-user.js';
import type { UnitOfWork } from '../transaction.js';

/**
 * A task's assignee is an active user who can see the incident: on a restricted incident they must
 * already hold a role there (or be an administrator), so no task points at someone kept out of it.
 */
export async function requireAssignee(uow: UnitOfWork, incident: IncidentRecord, assigneeId: string): Promise<UserWithRole> {
  const user = await requireActiveUser(uow, assigneeId, 'assignee_id');
  if (incident.restricted && user.role !== 'admin' && !(await isActiveMember(uow.db, incident.id, user.id))) {
    throw invalid(`${user.name} is not a member of restricted incident ${incident.number}; give them a role on it first.`, [
      { path: 'assignee_id', message: 'not a member of this restricted incident' },
    ]);
  }
  return user;
}
