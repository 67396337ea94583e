import { newId } from '../../src/domain/ids.js';
import { emptyPlanContent, type PlanContent } from '../../src/domain/plan.js';
import type { ServiceContext } from '../../src/services/context.js';
import { writeJson } from '../../src/store/dialect.js';

/**
 * Puts a response plan in force without going through the plan editor: inserts an approved
 * version (superseding any approved one) and answers its id. `content` is merged over an empty plan.
 */
export async function insertApprovedPlan(ctx: Pick<ServiceContext, 'database' | 'actor'>, content: Partial<PlanContent>): Promise<{ id: string; plan_version: number; content: PlanContent }> {
  const db = ctx.database.db;
  const organisationId = ctx.actor.organisationId;
  const latest = await db.selectFrom('response_plans').select((eb) => eb.fn.max('plan_version').as('v')).where('organisation_id', '=', organisationId).executeTakeFirst();
  const planVersion = Number(latest?.v ?? 0) + 1;
  const full: PlanContent = { ...emptyPlanContent(), ...content };
  const now = new Date().toISOString();
  await db.updateTable('response_plans').set({ status: 'superseded' }).where('organisation_id', '=', organisationId).where('status', '=', 'approved').execute();
  const id = newId('responsePlan');
  await db
    .insertInto('response_plans')
    .values({
      id,
      organisation_id: organisationId,
      plan_version: planVersion,
      status: 'approved',
      content: writeJson(full) as never,
      change_note: 'test fixture',
      review_due_at: null,
      approved_at: now,
      approved_by: ctx.actor.userId,
      created_at: now,
      created_by: ctx.actor.userId,
      updated_at: now,
      updated_by: ctx.actor.userId,
      version: 1,
    })
    .execute();
  return { id, plan_version: planVersion, content: full };
}
