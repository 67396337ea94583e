import { sql } from 'kysely';
import type { AttackTactic, AttackTechnique } from '../../domain/attack.js';
import type { Db } from '../database.js';
import { ilike, readBool, readJson, writeJson, type Engine } from '../dialect.js';
import type { AttackTechniqueRow, IncidentTechniqueRow } from '../schema.js';

const CHUNK = 200;

/**
 * Replaces the organisation's ATT&CK catalogue with an imported one. Techniques the new release no
 * longer lists stay (incidents may be tagged with them) but are marked deprecated.
 */
export async function replaceAttackCatalogue(db: Db, organisationId: string, catalogue: { techniques: AttackTechnique[]; tactics: AttackTactic[] }, at: string): Promise<{ retired: number }> {
  const kept = new Set(catalogue.techniques.map((t) => t.id));
  const before = await db.selectFrom('attack_techniques').select(['id', 'deprecated']).where('organisation_id', '=', organisationId).execute();
  const retired = before.filter((row) => !kept.has(row.id) && !readBool(row.deprecated)).map((row) => row.id);

  await db.deleteFrom('attack_tactics').where('organisation_id', '=', organisationId).execute();
  for (let i = 0; i < catalogue.tactics.length; i += CHUNK) {
    await db.insertInto('attack_tactics').values(catalogue.tactics.slice(i, i + CHUNK).map((t) => ({ ...t, organisation_id: organisationId }))).execute();
  }
  await db.deleteFrom('attack_techniques').where('organisation_id', '=', organisationId).where('id', 'in', [...kept]).execute();
  for (let i = 0; i < catalogue.techniques.length; i += CHUNK) {
    const rows: AttackTechniqueRow[] = catalogue.techniques.slice(i, i + CHUNK).map((t) => ({
      ...t,
      organisation_id: organisationId,
      tactics: writeJson(t.tactics),
      platforms: writeJson(t.platforms),
      imported_at: at,
    }));
    await db.insertInto('attack_techniques').values(rows).execute();
  }
  for (let i = 0; i < retired.length; i += CHUNK) {
    await db.updateTable('attack_techniques').set({ deprecated: true }).where('organisation_id', '=', organisationId).where('id', 'in', retired.slice(i, i + CHUNK)).execute();
  }
  return { retired: retired.length };
}

export type StoredTechnique = Omit<AttackTechnique, 'stix_id'>;

function toTechnique(row: AttackTechniqueRow): StoredTechnique {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    tactics: readJson<string[]>(row.tactics),
    platforms: readJson<string[]>(row.platforms),
    parent_id: row.parent_id,
    url: row.url,
    deprecated: readBool(row.deprecated),
    revoked: readBool(row.revoked),
    revoked_by: row.revoked_by,
    attack_version: row.attack_version,
  };
}

/** Candidates for the picker (without descriptions): id prefix or name containing the query; ranking is the caller's. */
export async function searchTechniques(db: Db, engine: Engine, organisationId: string, query: { q: string; includeRetired: boolean; tactic?: string | undefined; limit: number }): Promise<StoredTechnique[]> {
  // Descriptions are long (ATT&CK writes pages); candidates go without, the caller loads the few it keeps.
  let select = db
    .selectFrom('attack_techniques')
    .select(['id', 'organisation_id', 'stix_id', 'name', sql<string>`''`.as('description'), 'tactics', 'platforms', 'parent_id', 'url', 'deprecated', 'revoked', 'revoked_by', 'attack_version', 'imported_at'])
    .where('organisation_id', '=', organisationId);
  const q = query.q.trim();
  if (q) {
    const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
    select = select.where((eb) => eb.or([sql<boolean>`upper(${eb.ref('id')}) LIKE ${`${escaped.toUpperCase()}%`} ESCAPE '\\'`, sql<boolean>`${ilike(engine, eb.ref('name'), `%${escaped}%`)} ESCAPE '\\'`]));
  }
  if (!query.includeRetired) select = select.where('deprecated', '=', false).where('revoked', '=', false);
  if (query.tactic) {
    const phase = `%${JSON.stringify(query.tactic)}%`;
    select = select.where((eb) => (engine === 'postgres' ? sql<boolean>`${eb.ref('tactics')}::text LIKE ${phase}` : sql<boolean>`${eb.ref('tactics')} LIKE ${phase}`));
  }
  const rows = await select.orderBy('id').limit(query.limit).execute();
  return rows.map(toTechnique);
}

export async function findTechniques(db: Db, organisationId: string, ids: readonly string[]): Promise<Map<string, StoredTechnique>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('attack_techniques').selectAll().where('organisation_id', '=', organisationId).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((row) => [row.id, toTechnique(row)]));
}

export async function countTechniques(db: Db, organisationId: string): Promise<number> {
  const row = await db.selectFrom('attack_techniques').select((eb) => eb.fn.countAll<number>().as('n')).where('organisation_id', '=', organisationId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function listTactics(db: Db, organisationId: string): Promise<AttackTactic[]> {
  return db.selectFrom('attack_tactics').select(['id', 'shortname', 'name', 'position']).where('organisation_id', '=', organisationId).orderBy('position').execute();
}

export async function listIncidentTechniques(db: Db, incidentId: string) {
  return db
    .selectFrom('incident_techniques')
    .leftJoin('users', 'users.id', 'incident_techniques.added_by')
    .selectAll('incident_techniques')
    .select('users.name as added_by_name')
    .where('incident_techniques.incident_id', '=', incidentId)
    .orderBy('incident_techniques.added_at')
    .orderBy('incident_techniques.id')
    .execute();
}

export async function findIncidentTechnique(db: Db, incidentId: string, techniqueId: string, timelineEntryId: string | null): Promise<IncidentTechniqueRow | undefined> {
  let query = db.selectFrom('incident_techniques').selectAll().where('incident_id', '=', incidentId).where('technique_id', '=', techniqueId);
  query = timelineEntryId === null ? query.where('timeline_entry_id', 'is', null) : query.where('timeline_entry_id', '=', timelineEntryId);
  return query.executeTakeFirst();
}

export async function insertIncidentTechnique(db: Db, row: IncidentTechniqueRow): Promise<void> {
  await db.insertInto('incident_techniques').values(row).execute();
}

export async function deleteIncidentTechnique(db: Db, id: string): Promise<void> {
  await db.deleteFrom('incident_techniques').where('id', '=', id).execute();
}

export async function timelineEntryBelongsTo(db: Db, incidentId: string, entryId: string): Promise<boolean> {
  const row = await db.selectFrom('timeline_entries').select('id').where('id', '=', entryId).where('incident_id', '=', incidentId).executeTakeFirst();
  return row !== undefined;
}
