import { BulwarkError, invalid, stale } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { changedPlanSections, planContentProblems } from '../../domain/plan-rules.js';
import type { PlanContent } from '../../domain/plan.js';
import { canonicalJson } from '../../domain/hash-chain.js';
import { writeJson } from '../../store/dialect.js';
import { findDraftPlan, insertPlanVersion, latestPlanVersionNumber, updatePlanVersion } from '../../store/repositories/response-plans.js';
import type { ResponsePlanRow } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { previousVersion } from './get-response-plan.js';
import { planContentOf, toPlanVersionRecords, type PlanVersionRecord } from './plan-record.js';

export interface PlanDraftInput {
  content: PlanContent;
  change_note?: string;
  review_due_at?: string | null;
}

/**
 * Saves the draft of the next plan version. Without a draft, the first save opens one numbered after
 * the newest version (the approved plan stays in force until the draft is approved). Editing an
 * existing draft needs the version the writer saw: 428 without it, 412 when someone saved since.
 */
export async function savePlanDraft(ctx: ServiceContext, expectedVersion: number | undefined, input: PlanDraftInput): Promise<{ draft: PlanVersionRecord; created: boolean }> {
  authorize(ctx.actor, 'plan.write');
  const problems = planContentProblems(input.content);
  if (problems.length) throw invalid(`The plan does not hold together: ${problems.map((p) => p.message).join('; ')}.`, problems);
  return runInTransaction(ctx, async (uow) => {
    const organisationId = uow.actor.organisationId;
    const existing = await findDraftPlan(uow.db, organisationId);
    if (existing && expectedVersion === undefined) {
      throw new BulwarkError('precondition_required', 'A draft exists already: say which version of it you are editing (If-Match: "<version>" or a version field).');
    }
    if (expectedVersion !== undefined && expectedVersion !== (existing ? Number(existing.version) : 0)) throw stale(existing ? Number(existing.version) : 0);

    const columns = {
      content: writeJson(input.content),
      change_note: (input.change_note ?? existing?.change_note ?? '').trim(),
      review_due_at: input.review_due_at === undefined ? (existing?.review_due_at ?? null) : input.review_due_at,
      updated_at: uow.now,
      updated_by: uow.actor.userId,
    };
    let row: ResponsePlanRow;
    if (existing) {
      const unchanged = canonicalJson(planContentOf(existing)) === canonicalJson(input.content) && columns.change_note === existing.change_note && columns.review_due_at === existing.review_due_at;
      if (unchanged) return { draft: await record(uow.db, organisationId, existing), created: false };
      const version = Number(existing.version);
      if (!(await updatePlanVersion(uow.db, existing.id, version, columns))) throw stale(version + 1);
      row = { ...existing, ...columns, version: version + 1 };
    } else {
      const planVersion = (await latestPlanVersionNumber(uow.db, organisationId)) + 1;
      row = { id: newId('responsePlan'), organisation_id: organisationId, plan_version: planVersion, status: 'draft', ...columns, approved_at: null, approved_by: null, created_at: uow.now, created_by: uow.actor.userId, version: 1 };
      await insertPlanVersion(uow.db, row);
    }
    const draft = await record(uow.db, organisationId, row);
    const changed = existing ? changedPlanSections(planContentOf(existing), input.content) : draft.changed_sections;
    await uow.audit(existing ? 'plan.draft_update' : 'plan.draft_create', { type: 'response_plan', id: row.id }, { plan_version: draft.plan_version, version: draft.version, changed_sections: changed });
    uow.emit({ type: 'plan.draft_saved', entity_id: row.id, version: draft.version });
    return { draft, created: !existing };
  });
}

async function record(db: ServiceContext['database']['db'], organisationId: string, row: ResponsePlanRow): Promise<PlanVersionRecord> {
  return (await toPlanVersionRecords(db, [row], previousVersion(db, organisationId)))[0]!;
}
