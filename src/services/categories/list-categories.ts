import { BUILTIN_CATEGORIES, CATEGORY_LABELS } from '../../domain/incident.js';
import { listCategories as queryCategories } from '../../store/repositories/plumbing.js';
import type { ServiceContext } from '../context.js';

export interface CategoryRecord {
  key: string;
  label: string;
  builtin: boolean;
}

/** The built-in categories in their usual order, then the organisation's own by label. */
export async function listIncidentCategories(ctx: ServiceContext): Promise<CategoryRecord[]> {
  const custom = await queryCategories(ctx.database.db, ctx.actor.organisationId);
  return [
    ...BUILTIN_CATEGORIES.map((key) => ({ key, label: CATEGORY_LABELS[key], builtin: true })),
    ...custom.map((c) => ({ key: c.key, label: c.label, builtin: false })),
  ];
}
