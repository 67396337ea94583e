import { techniqueMatchRank } from '../../domain/attack.js';
import { findTechniques, searchTechniques as findCandidates, type StoredTechnique } from '../../store/repositories/attack.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';

/** Enough to hold a whole ATT&CK release, so ranking never misses the best match. */
const CANDIDATES = 2_000;

/** The picker: techniques whose id starts with, or whose name contains, the query; best matches first. */
export async function searchTechniques(ctx: ServiceContext, query: { q?: string | undefined; tactic?: string | undefined; include_retired?: boolean | undefined; limit: number }): Promise<StoredTechnique[]> {
  authorize(ctx.actor, 'incident.read');
  const q = query.q ?? '';
  const candidates = await findCandidates(ctx.database.db, ctx.database.engine, ctx.actor.organisationId, { q, tactic: query.tactic, includeRetired: query.include_retired ?? false, limit: CANDIDATES });
  const best = candidates
    .map((technique) => ({ technique, rank: techniqueMatchRank(q, technique) ?? 4 }))
    .sort((a, b) => a.rank - b.rank || a.technique.id.localeCompare(b.technique.id))
    .slice(0, query.limit)
    .map((x) => x.technique.id);
  const full = await findTechniques(ctx.database.db, ctx.actor.organisationId, best);
  return best.map((id) => full.get(id)!);
}
