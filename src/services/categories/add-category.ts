import { conflict, invalid } from '../../domain/errors.js';
import { CATEGORY_KEY_PATTERN } from '../../domain/incident.js';
import { insertCategory } from '../../store/repositories/plumbing.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { knownCategories } from '../settings.js';
import { runInTransaction } from '../transaction.js';
import type { CategoryRecord } from './list-categories.js';

export const CATEGORY_LABEL_MAX = 100;

/** Adds an organisation's own incident category beside the built-in ones (incident managers and administrators). */
export async function addIncidentCategory(ctx: ServiceContext, input: { key: string; label: string }): Promise<CategoryRecord> {
  authorize(ctx.actor, 'category.manage');
  const key = input.key.trim();
  const label = input.label.trim();
  if (!CATEGORY_KEY_PATTERN.test(key)) {
    throw invalid('A category key is 2–63 lower-case letters, digits and underscores, starting with a letter (like data_breach).', [{ path: 'key', message: 'lower snake case, e.g. data_breach' }]);
  }
  if (!label || label.length > CATEGORY_LABEL_MAX) throw invalid(`A category needs a label of 1–${CATEGORY_LABEL_MAX} characters.`, [{ path: 'label', message: `1–${CATEGORY_LABEL_MAX} characters` }]);
  return runInTransaction(ctx, async (uow) => {
    if ((await knownCategories(uow.db, uow.actor.organisationId)).has(key)) throw conflict(`There is already a category "${key}".`, { field: 'key' });
    const record = await insertCategory(uow.db, { organisation_id: uow.actor.organisationId, key, label, at: uow.now, by: uow.actor.userId });
    await uow.audit('incident_category.create', { type: 'incident_category', id: record.id }, { key, label });
    uow.emit({ type: 'category.created', entity_id: record.id });
    return { key, label, builtin: false };
  });
}
