import { invalid } from './errors.js';

/**
 * MITRE ATT&CK from its STIX bundle (2.0 as mitre/cti publishes it, or 2.1 as attack-stix-data does):
 * attack-pattern objects become techniques (tactics from their mitre-attack kill-chain phases), and
 * x-mitre-tactic objects become tactics, in the order the matrix lists them.
 */
export interface AttackTechnique {
  /** The ATT&CK id, e.g. T1059 or the sub-technique T1059.001. */
  id: string;
  stix_id: string;
  name: string;
  description: string;
  /** Tactic short names (kill-chain phase names), e.g. ["execution"]. */
  tactics: string[];
  platforms: string[];
  /** For a sub-technique, its parent technique's id. */
  parent_id: string | null;
  url: string | null;
  deprecated: boolean;
  revoked: boolean;
  revoked_by: string | null;
  /** The object's own x_mitre_version. */
  attack_version: string | null;
}

export interface AttackTactic {
  id: string;
  shortname: string;
  name: string;
  position: number;
}

export interface AttackCatalogue {
  spec_version: string;
  /** The ATT&CK release (from an x-mitre-collection object, STIX 2.1 only). */
  release: string | null;
  techniques: AttackTechnique[];
  tactics: AttackTactic[];
}

type StixObject = Record<string, unknown> & { type: string; id: string };

const ATTACK_ID = /^T\d{4}(\.\d{3})?$/;
const TACTIC_ID = /^TA\d{4}$/;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

function mitreReference(object: StixObject): { external_id: string; url: string | null } | null {
  for (const ref of Array.isArray(object.external_references) ? object.external_references : []) {
    const r = ref as Record<string, unknown>;
    if (r.source_name === 'mitre-attack' && typeof r.external_id === 'string') return { external_id: r.external_id, url: typeof r.url === 'string' ? r.url : null };
  }
  return null;
}

/** The objects of a bundle, or a 400 naming what is wrong with it. */
export function bundleObjects(bundle: unknown): StixObject[] {
  const b = bundle as { type?: unknown; objects?: unknown } | null;
  if (!b || typeof b !== 'object' || b.type !== 'bundle') throw invalid('This is not a STIX bundle (its "type" must be "bundle").', [{ path: 'type', message: 'must be "bundle"' }]);
  if (!Array.isArray(b.objects)) throw invalid('A STIX bundle holds its objects in an "objects" array.', [{ path: 'objects', message: 'must be an array' }]);
  return b.objects.filter((o): o is StixObject => !!o && typeof o === 'object' && typeof (o as StixObject).type === 'string' && typeof (o as StixObject).id === 'string');
}

/** Of two objects with the same ATT&CK id, the one in force wins, then the most recently modified. */
function preferred(a: AttackTechnique & { modified: string }, b: AttackTechnique & { modified: string }) {
  const standing = (t: AttackTechnique) => (t.revoked ? 2 : t.deprecated ? 1 : 0);
  if (standing(a) !== standing(b)) return standing(a) < standing(b) ? a : b;
  return a.modified >= b.modified ? a : b;
}

export function readAttackBundle(bundle: unknown): AttackCatalogue {
  const objects = bundleObjects(bundle);
  const specVersion = text((bundle as { spec_version?: unknown }).spec_version) || text(objects.find((o) => o.spec_version)?.spec_version) || '2.1';
  const collection = objects.find((o) => o.type === 'x-mitre-collection');

  const attackIdOf = new Map<string, string>();
  for (const o of objects) {
    if (o.type !== 'attack-pattern') continue;
    const ref = mitreReference(o);
    if (ref && ATTACK_ID.test(ref.external_id)) attackIdOf.set(o.id, ref.external_id);
  }
  const revokedBy = new Map<string, string>();
  for (const o of objects) {
    if (o.type !== 'relationship' || o.relationship_type !== 'revoked-by') continue;
    const replacement = attackIdOf.get(text(o.target_ref));
    if (replacement) revokedBy.set(text(o.source_ref), replacement);
  }

  const byId = new Map<string, AttackTechnique & { modified: string }>();
  for (const o of objects) {
    const id = attackIdOf.get(o.id);
    if (o.type !== 'attack-pattern' || !id) continue;
    const phases = Array.isArray(o.kill_chain_phases) ? (o.kill_chain_phases as Array<Record<string, unknown>>) : [];
    const technique = {
      id,
      stix_id: o.id,
      name: text(o.name).trim() || id,
      description: text(o.description),
      tactics: phases.filter((p) => p.kill_chain_name === 'mitre-attack').map((p) => text(p.phase_name)).filter(Boolean),
      platforms: strings(o.x_mitre_platforms),
      parent_id: id.includes('.') ? id.slice(0, id.indexOf('.')) : null,
      url: mitreReference(o)?.url ?? null,
      deprecated: o.x_mitre_deprecated === true,
      revoked: o.revoked === true,
      revoked_by: o.revoked === true ? revokedBy.get(o.id) ?? null : null,
      attack_version: text(o.x_mitre_version) || null,
      modified: text(o.modified),
    };
    const existing = byId.get(id);
    byId.set(id, existing ? preferred(existing, technique) : technique);
  }
  if (byId.size === 0) {
    throw invalid('The bundle has no ATT&CK techniques (attack-pattern objects with a mitre-attack external id). Is it the ATT&CK Enterprise bundle?', [{ path: 'objects', message: 'no ATT&CK techniques' }]);
  }
  const techniques = [...byId.values()].map(({ modified: _modified, ...t }) => t).sort((a, b) => a.id.localeCompare(b.id));
  return { spec_version: specVersion, release: collection ? text(collection.x_mitre_version) || null : null, techniques, tactics: readTactics(objects) };
}

/** Tactics in the order the (first) matrix lists them; any the matrix leaves out follow by id. */
function readTactics(objects: StixObject[]): AttackTactic[] {
  const tactics = new Map<string, Omit<AttackTactic, 'position'>>();
  for (const o of objects) {
    const ref = o.type === 'x-mitre-tactic' ? mitreReference(o) : null;
    if (!ref || !TACTIC_ID.test(ref.external_id) || o.x_mitre_deprecated === true || o.revoked === true) continue;
    tactics.set(o.id, { id: ref.external_id, shortname: text(o.x_mitre_shortname), name: text(o.name) });
  }
  const matrix = objects.find((o) => o.type === 'x-mitre-matrix' && Array.isArray(o.tactic_refs));
  const ordered = strings(matrix?.tactic_refs).filter((ref) => tactics.has(ref));
  const rest = [...tactics.keys()].filter((ref) => !ordered.includes(ref)).sort((a, b) => tactics.get(a)!.id.localeCompare(tactics.get(b)!.id));
  return [...ordered, ...rest].map((ref, position) => ({ ...tactics.get(ref)!, position }));
}

/** How well a technique answers a picker query: 0 best (exact id) … 3 (name contains), null no match. */
export function techniqueMatchRank(query: string, technique: Pick<AttackTechnique, 'id' | 'name'>): number | null {
  const q = query.trim().toLowerCase();
  if (!q) return 3;
  const id = technique.id.toLowerCase();
  const name = technique.name.toLowerCase();
  if (id === q) return 0;
  if (id.startsWith(q)) return 1;
  if (name.startsWith(q)) return 2;
  if (name.includes(q)) return 3;
  return null;
}

/** The ATT&CK id typed by a person: "t1059.1" is not one, "t1059.001" is (upper-cased). */
export function parseAttackId(value: string): string | null {
  const id = value.trim().toUpperCase();
  return ATTACK_ID.test(id) ? id : null;
}
