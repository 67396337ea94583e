import { DAY_MS } from '../../domain/time.js';
import { deleteExpiredSessions } from '../../store/repositories/people.js';
import { deleteIdempotencyKeysBefore } from '../../store/repositories/plumbing.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';

/** A client retrying a create gets the same answer for a day; after that the key is forgotten. */
export const IDEMPOTENCY_KEY_TTL_MS = DAY_MS;

export interface PurgeResult {
  expiredSessions: number;
  idempotencyKeys: number;
}

/**
 * Deletes sessions past their expiry and idempotency keys older than a day. Audited only when it
 * removed something, so an idle installation does not fill its audit log with empty runs.
 */
export async function purgeExpired(ctx: ServiceContext): Promise<PurgeResult> {
  authorize(ctx.actor, 'settings.manage');
  return runInTransaction(ctx, async (uow) => {
    const expiredSessions = await deleteExpiredSessions(uow.db, uow.now);
    const cutoff = new Date(Date.parse(uow.now) - IDEMPOTENCY_KEY_TTL_MS).toISOString();
    const idempotencyKeys = await deleteIdempotencyKeysBefore(uow.db, cutoff);
    if (expiredSessions || idempotencyKeys) {
      await uow.audit('maintenance.purge', { type: 'organisation', id: uow.actor.organisationId }, { expired_sessions: expiredSessions, idempotency_keys: idempotencyKeys, idempotency_cutoff: cutoff });
    }
    return { expiredSessions, idempotencyKeys };
  });
}
