import { newId } from '../../domain/ids.js';
import { nextReviewAfter } from '../../domain/risk.js';
import { stale } from '../../domain/errors.js';
import { insertRiskHistory, updateRisk } from '../../store/repositories/risks.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { loadRiskForChange } from './load-risk.js';
import type { RiskRecord } from './risk-record.js';

/** Records that the owner reviewed the risk now: the next review falls one cadence later. */
export async function reviewRisk(ctx: ServiceContext, idOrNumber: string, input: { note?: string | undefined; expected_version?: number | undefined }): Promise<RiskRecord> {
  authorize(ctx.actor, 'risk.write');
  return runInTransaction(ctx, async (uow) => {
    const before = await loadRiskForChange(uow, idOrNumber, input.expected_version);
    const changes = { last_reviewed_at: uow.now, next_review_at: nextReviewAfter(uow.now, before.review_cadence_days) };
    if (!(await updateRisk(uow.db, before.id, before.version, { ...changes, updated_at: uow.now, updated_by: uow.actor.userId }))) throw stale(before.version + 1);
    const diff = { last_reviewed_at: { before: before.last_reviewed_at, after: changes.last_reviewed_at }, next_review_at: { before: before.next_review_at, after: changes.next_review_at } };
    await insertRiskHistory(uow.db, [
      { id: newId('riskHistory'), organisation_id: before.organisation_id, risk_id: before.id, at: uow.now, actor_id: uow.actor.userId, action: 'risk.review', changes: diff, reason: input.note?.trim() ?? '', source: null, inherent_level: before.inherent_level, residual_level: before.residual_level, annual_loss_mean: before.annual_loss_mean },
    ]);
    await uow.audit('risk.review', { type: 'risk', id: before.id }, { number: before.number, next_review_at: changes.next_review_at });
    const result: RiskRecord = { ...before, ...changes, updated_at: uow.now, updated_by: uow.actor.userId, version: before.version + 1 };
    uow.emit({ type: 'risk.updated', entity_id: before.id, version: result.version });
    return result;
  });
}
