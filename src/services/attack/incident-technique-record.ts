import type { AttackTactic } from '../../domain/attack.js';
import type { StoredTechnique } from '../../store/repositories/attack.js';

/** One tag: a technique on the incident (timeline_entry_id null) or on one of its timeline entries. */
export interface TechniqueTag {
  id: string;
  timeline_entry_id: string | null;
  added_at: string;
  added_by: { id: string; name: string };
}

/** A technique tagged on an incident, with every place it was tagged. Unknown techniques (not in the catalogue) keep their id as name. */
export interface TaggedTechnique {
  technique_id: string;
  name: string;
  parent_id: string | null;
  tactics: string[];
  url: string | null;
  deprecated: boolean;
  revoked: boolean;
  revoked_by: string | null;
  known: boolean;
  tags: TechniqueTag[];
}

export interface IncidentTechniques {
  /** Tactics in matrix order, each with the incident's techniques in it; a technique in two tactics shows under both. */
  by_tactic: Array<{ tactic: AttackTactic; techniques: TaggedTechnique[] }>;
  /** Techniques whose tactics are not in the catalogue (or that are not in it at all). */
  without_tactic: TaggedTechnique[];
  count: number;
}

export function toTaggedTechnique(techniqueId: string, technique: StoredTechnique | undefined, tags: TechniqueTag[]): TaggedTechnique {
  return {
    technique_id: techniqueId,
    name: technique?.name ?? techniqueId,
    parent_id: technique?.parent_id ?? null,
    tactics: technique?.tactics ?? [],
    url: technique?.url ?? null,
    deprecated: technique?.deprecated ?? false,
    revoked: technique?.revoked ?? false,
    revoked_by: technique?.revoked_by ?? null,
    known: technique !== undefined,
    tags,
  };
}

export function groupByTactic(techniques: TaggedTechnique[], tactics: AttackTactic[]): IncidentTechniques {
  const known = new Set(tactics.map((t) => t.shortname));
  const byTactic = tactics
    .map((tactic) => ({ tactic, techniques: techniques.filter((t) => t.tactics.includes(tactic.shortname)) }))
    .filter((group) => group.techniques.length > 0);
  const withoutTactic = techniques.filter((t) => !t.tactics.some((name) => known.has(name)));
  return { by_tactic: byTactic, without_tactic: withoutTactic, count: techniques.length };
}
