import { invalid } from '../../domain/errors.js';
import { findUser, type UserWithRole } from '../../store/repositories/people.js';
import type { UnitOfWork } from '../transaction.js';

/** The person named by a request field, who must be an enabled user of the actor's organisation (else 400 on that field). */
export async function requireActiveUser(uow: UnitOfWork, userId: string, field: string): Promise<UserWithRole> {
  const user = await findUser(uow.db, uow.actor.organisationId, userId);
  if (!user || user.disabled_at) throw invalid(`${userId} is not an active user of this organisation.`, [{ path: field, message: 'unknown or disabled user' }]);
  return user;
}
