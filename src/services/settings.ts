import { DEFAULT_CLOSE_POLICY, type ClosePolicy } from '../domain/lifecycle.js';
import { BUILTIN_CATEGORIES } from '../domain/incident.js';
import type { Db } from '../store/database.js';
import { listCategories, readSetting } from '../store/repositories/plumbing.js';

export async function closePolicyOf(db: Db, organisationId: string): Promise<ClosePolicy> {
  return (await readSetting<ClosePolicy>(db, organisationId, 'close_policy')) ?? DEFAULT_CLOSE_POLICY;
}

/** Built-in categories plus the organisation's own. */
export async function knownCategories(db: Db, organisationId: string): Promise<Set<string>> {
  const custom = await listCategories(db, organisationId);
  return new Set<string>([...BUILTIN_CATEGORIES, ...custom.map((c) => c.key)]);
}
