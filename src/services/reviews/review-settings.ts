import { can } from '../../domain/access.js';
import { forbidden, invalid } from '../../domain/errors.js';
import { DEFAULT_REQUIRED_FIELDS, REVIEW_REQUIRABLE_FIELDS, type ReviewRequirableField } from '../../domain/review.js';
import type { Db } from '../../store/database.js';
import { readSetting, writeSetting } from '../../store/repositories/plumbing.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';

export const REVIEW_REQUIRED_FIELDS_SETTING = 'review.required_fields';

export interface ReviewSettings {
  required_fields: ReviewRequirableField[];
}

/** The fields a review needs before it can be completed; summary, root causes and lessons until set. */
export async function requiredReviewFieldsOf(db: Db, organisationId: string): Promise<ReviewRequirableField[]> {
  return (await readSetting<ReviewRequirableField[]>(db, organisationId, REVIEW_REQUIRED_FIELDS_SETTING)) ?? [...DEFAULT_REQUIRED_FIELDS];
}

/** Anyone who reads incidents may read the review settings (the review page shows what is required). */
export async function getReviewSettings(ctx: ServiceContext): Promise<ReviewSettings> {
  authorize(ctx.actor, 'incident.read');
  return { required_fields: await requiredReviewFieldsOf(ctx.database.db, ctx.actor.organisationId) };
}

/** Sets the required fields (administrators and whoever completes reviews); kept in the listed order, without repeats. */
export async function setReviewSettings(ctx: ServiceContext, settings: ReviewSettings): Promise<ReviewSettings> {
  if (!can(ctx.actor.role, 'settings.manage') && !can(ctx.actor.role, 'review.complete')) throw forbidden('Only administrators and incident managers change which review fields are required.');
  const unknown = settings.required_fields.filter((f) => !(REVIEW_REQUIRABLE_FIELDS as readonly string[]).includes(f));
  if (unknown.length) throw invalid(`Unknown review fields: ${unknown.join(', ')}.`, [{ path: 'required_fields', message: `each one of ${REVIEW_REQUIRABLE_FIELDS.join(', ')}` }]);
  const next: ReviewSettings = { required_fields: [...new Set(settings.required_fields)] };
  return runInTransaction(ctx, async (uow) => {
    const organisationId = uow.actor.organisationId;
    const before = await requiredReviewFieldsOf(uow.db, organisationId);
    await writeSetting(uow.db, { organisation_id: organisationId, key: REVIEW_REQUIRED_FIELDS_SETTING, value: next.required_fields, at: uow.now, by: uow.actor.userId });
    await uow.audit('settings.update', { type: 'setting', id: REVIEW_REQUIRED_FIELDS_SETTING }, { before, after: next.required_fields });
    uow.emit({ type: 'settings.updated', entity_id: REVIEW_REQUIRED_FIELDS_SETTING });
    return next;
  });
}
