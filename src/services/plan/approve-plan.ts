import { conflict, invalid, notFound, stale } from '../../domain/errors.js';
import { planContentProblems } from '../../domain/plan-rules.js';
import { findApprovedPlan, findDraftPlan, updatePlanVersion } from '../../store/repositories/response-plans.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { previousVersion } from './get-response-plan.js';
import { planContentOf, toPlanVersionRecords, type PlanVersionRecord } from './plan-record.js';

export interface ApprovePlanInput {
  /** Overrides the draft's review date; the approved plan needs one in the future. */
  review_due_at?: string;
}

/**
 * Puts the draft in force: it becomes the approved version, the one before it is superseded. Needs a
 * review date in the future, so a plan never silently goes stale. Administrators approve.
 */
export async function approvePlan(ctx: ServiceContext, expectedVersion: number | undefined, input: ApprovePlanInput = {}): Promise<PlanVersionRecord> {
  authorize(ctx.actor, 'plan.approve');
  return runInTransaction(ctx, async (uow) => {
    const organisationId = uow.actor.organisationId;
    const draft = await findDraftPlan(uow.db, organisationId);
    if (!draft) throw notFound('A draft of the response plan');
    const version = Number(draft.version);
    if (expectedVersion !== undefined && expectedVersion !== version) throw stale(version);

    const reviewDueAt = input.review_due_at ?? draft.review_due_at;
    if (!reviewDueAt) throw invalid('Set a review date before approving: the plan is reviewed at least by then.', [{ path: 'review_due_at', message: 'required to approve' }]);
    if (Date.parse(reviewDueAt) <= Date.parse(uow.now)) throw invalid('The review date must be in the future.', [{ path: 'review_due_at', message: 'must be after now' }]);
    // Rules can only have been checked against the content as saved; re-check in case they grew since.
    const problems = planContentProblems(planContentOf(draft));
    if (problems.length) throw invalid('The draft does not hold together; save a corrected draft first.', problems);

    const previous = await findApprovedPlan(uow.db, organisationId);
    if (previous) {
      if (!(await updatePlanVersion(uow.db, previous.id, Number(previous.version), { status: 'superseded', updated_at: uow.now, updated_by: uow.actor.userId }))) {
        throw conflict('The plan in force changed while approving; reload and try again.');
      }
      await uow.audit('plan.supersede', { type: 'response_plan', id: previous.id }, { plan_version: Number(previous.plan_version), superseded_by: Number(draft.plan_version) });
    }
    const columns = { status: 'approved', review_due_at: reviewDueAt, approved_at: uow.now, approved_by: uow.actor.userId, updated_at: uow.now, updated_by: uow.actor.userId };
    if (!(await updatePlanVersion(uow.db, draft.id, version, columns))) throw stale(version + 1);
    const row = { ...draft, ...columns, version: version + 1 };
    const [approved] = await toPlanVersionRecords(uow.db, [row], previousVersion(uow.db, organisationId));
    await uow.audit('plan.approve', { type: 'response_plan', id: row.id }, { plan_version: approved!.plan_version, review_due_at: reviewDueAt, content_sha256: approved!.content_sha256, changed_sections: approved!.changed_sections });
    uow.emit({ type: 'plan.approved', entity_id: row.id, version: approved!.version });
    return approved!;
  });
}
