import { notFound } from '../../domain/errors.js';
import { findPlanVersion } from '../../store/repositories/response-plans.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { previousVersion } from './get-response-plan.js';
import { toPlanVersionRecords, type PlanVersionRecord } from './plan-record.js';

/** One version as it was (superseded ones included: what the organisation worked by then). */
export async function getResponsePlanVersion(ctx: ServiceContext, planVersion: number): Promise<PlanVersionRecord> {
  authorize(ctx.actor, 'plan.read');
  const row = await findPlanVersion(ctx.database.db, ctx.actor.organisationId, planVersion);
  if (!row) throw notFound(`Version ${planVersion} of the response plan`);
  return (await toPlanVersionRecords(ctx.database.db, [row], previousVersion(ctx.database.db, ctx.actor.organisationId)))[0]!;
}
