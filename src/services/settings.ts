import { invalid } from '../domain/errors.js';
import { BUILTIN_CATEGORIES, SEVERITIES, type Severity } from '../domain/incident.js';
import { DEFAULT_CLOSE_POLICY, type ClosePolicy } from '../domain/lifecycle.js';
import type { Db } from '../store/database.js';
import { listCategories, readSetting, writeSetting } from '../store/repositories/plumbing.js';
import type { ServiceContext } from './context.js';
import { authorize } from './policies/authorize.js';
import { runInTransaction } from './transaction.js';

const CLOSE_POLICY = 'close_policy';

export async function closePolicyOf(db: Db, organisationId: string): Promise<ClosePolicy> {
  return (await readSetting<ClosePolicy>(db, organisationId, CLOSE_POLICY)) ?? DEFAULT_CLOSE_POLICY;
}

/** Which severities need a completed review before closing; anyone signed in may read it. */
export async function getClosePolicy(ctx: ServiceContext): Promise<ClosePolicy> {
  return closePolicyOf(ctx.database.db, ctx.actor.organisationId);
}

/** Changes the close policy (administrators only); an empty list lets every incident close without a review. */
export async function setClosePolicy(ctx: ServiceContext, policy: ClosePolicy): Promise<ClosePolicy> {
  authorize(ctx.actor, 'settings.manage');
  const wanted = policy.reviewRequiredForSeverities;
  if (!wanted.every((s) => (SEVERITIES as readonly number[]).includes(s))) {
    throw invalid('Severities are 1 (critical) to 4 (low).', [{ path: 'review_required_for_severities', message: 'each one of 1, 2, 3, 4' }]);
  }
  const next: ClosePolicy = { reviewRequiredForSeverities: [...new Set<Severity>(wanted)].sort((a, b) => a - b) };
  return runInTransaction(ctx, async (uow) => {
    const before = await closePolicyOf(uow.db, uow.actor.organisationId);
    await writeSetting(uow.db, { organisation_id: uow.actor.organisationId, key: CLOSE_POLICY, value: next, at: uow.now, by: uow.actor.userId });
    await uow.audit('settings.update', { type: 'setting', id: CLOSE_POLICY }, { before, after: next });
    uow.emit({ type: 'settings.updated', entity_id: CLOSE_POLICY });
    return next;
  });
}

/** Built-in categories plus the organisation's own. */
export async function knownCategories(db: Db, organisationId: string): Promise<Set<string>> {
  const custom = await listCategories(db, organisationId);
  return new Set<string>([...BUILTIN_CATEGORIES, ...custom.map((c) => c.key)]);
}
