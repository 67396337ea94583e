import { BulwarkError } from '../../domain/errors.js';
import { findUser } from '../../store/repositories/people.js';
import type { ServiceContext } from '../context.js';

export async function whoAmI(ctx: ServiceContext) {
  const user = await findUser(ctx.database.db, ctx.actor.organisationId, ctx.actor.userId);
  if (!user || user.disabled_at) throw new BulwarkError('unauthenticated', 'Your account no longer exists or is disabled.');
  return { id: user.id, email: user.email, name: user.name, role: ctx.actor.role };
}
