import { invalid } from '../../domain/errors.js';
import { isActiveMember } from '../../store/repositories/members.js';
import { findUser, type UserWithRole } from '../../store/repositories/people.js';
import type { IncidentRecord } from '../incidents/incident-record.js';
import type { UnitOfWork } from '../transaction.js';

/**
 * An action item's owner must be able to see its incident: an enabled user of the organisation and, on
 * a restricted incident, one of its members (or an administrator). Refused with 400 naming the owner and why.
 */
export async function requireActionItemOwner(uow: UnitOfWork, incident: IncidentRecord, ownerId: string): Promise<UserWithRole> {
  const refuse = (message: string, reason: string) => invalid(message, [{ path: 'owner_id', message: reason }]);
  const user = await findUser(uow.db, uow.actor.organisationId, ownerId);
  if (!user) throw refuse(`${ownerId} is not a user of this organisation, so cannot own an action item.`, 'unknown user');
  if (user.disabled_at) throw refuse(`${user.name} cannot own this action item: their account is disabled.`, 'disabled user');
  if (incident.restricted && user.role !== 'admin' && !(await isActiveMember(uow.db, incident.id, user.id))) {
    throw refuse(
      `${user.name} cannot own this action item: incident ${incident.number} is restricted and they are not one of its members, so they cannot see it. Give them a role on the incident first, or choose another owner.`,
      'cannot see this restricted incident',
    );
  }
  return user;
}
