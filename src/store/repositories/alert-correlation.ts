import { sql } from 'kysely';
import type { Db } from '../database.js';
import { readBool, writeJson } from '../dialect.js';

/** Earlier alerts that hold a correlation key: one row per group, and one per alert not yet grouped. */
export interface KeyHolder {
  key: string;
  alertId: string;
  groupId: string | null;
}

const CHUNK = 500;

/** Observables already stored, keyed `type:value`, with whether an analyst marked them to ignore similarity. */
export async function knownObservables(db: Db, organisationId: string, observables: ReadonlyArray<{ type: string; value: string }>): Promise<Map<string, { id: string; ignore: boolean }>> {
  const known = new Map<string, { id: string; ignore: boolean }>();
  const byType = new Map<string, Set<string>>();
  for (const o of observables) byType.set(o.type, (byType.get(o.type) ?? new Set()).add(o.value));
  for (const [type, values] of byType) {
    const all = [...values];
    for (let i = 0; i < all.length; i += CHUNK) {
      const rows = await db
        .selectFrom('observables')
        .select(['id', 'value', 'ignore_similarity'])
        .where('organisation_id', '=', organisationId)
        .where('type', '=', type)
        .where('value', 'in', all.slice(i, i + CHUNK))
        .execute();
      for (const row of rows) known.set(`${type}:${row.value}`, { id: row.id, ignore: readBool(row.ignore_similarity) });
    }
  }
  return known;
}

/**
 * Earlier alerts that carried one of these observables (by id) since `since`. The sighting's own
 * last_seen_at decides, so the query runs on the sightings index and touches alerts only by key.
 */
export async function holdersOfObservables(db: Db, observableIds: readonly string[], since: string): Promise<Array<{ observableId: string; alertId: string; groupId: string | null }>> {
  const holders: Array<{ observableId: string; alertId: string; groupId: string | null }> = [];
  for (let i = 0; i < observableIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('sightings as s')
      .innerJoin('alerts as a', 'a.id', 's.subject_id')
      .select(['s.observable_id', 'a.group_id', sql<string>`min(a.id)`.as('alert_id')])
      .where('s.observable_id', 'in', observableIds.slice(i, i + CHUNK))
      .where('s.subject_type', '=', 'alert')
      .where('s.last_seen_at', '>=', since)
      // One row per group is enough; ungrouped alerts each count.
      .groupBy(['s.observable_id', 'a.group_id', sql`case when a.group_id is null then a.id end`])
      .execute();
    for (const row of rows) holders.push({ observableId: row.observable_id, alertId: row.alert_id, groupId: row.group_id });
  }
  return holders;
}

/** Earlier alerts seen since `since` that a correlate rule gave one of these keys. */
export async function holdersOfRuleKeys(db: Db, organisationId: string, keys: readonly string[], since: string): Promise<KeyHolder[]> {
  const holders: KeyHolder[] = [];
  const all = [...new Set(keys)];
  for (let i = 0; i < all.length; i += CHUNK) {
    const rows = await db
      .selectFrom('alerts')
      .select(['correlation_key', 'group_id', sql<string>`min(id)`.as('alert_id')])
      .where('organisation_id', '=', organisationId)
      .where('correlation_key', 'in', all.slice(i, i + CHUNK))
      .where('last_seen_at', '>=', since)
      .groupBy(['correlation_key', 'group_id', sql`case when group_id is null then id end`])
      .execute();
    for (const row of rows) holders.push({ key: row.correlation_key!, alertId: row.alert_id, groupId: row.group_id });
  }
  return holders;
}

export async function insertAlertGroup(db: Db, row: { id: string; organisation_id: string; title: string; reason: unknown; alert_count: number; seen_from: string; seen_to: string; at: string }): Promise<void> {
  await db
    .insertInto('alert_groups')
    .values({
      id: row.id,
      organisation_id: row.organisation_id,
      title: row.title,
      reason: writeJson(row.reason),
      alert_count: row.alert_count,
      first_seen_at: row.seen_from,
      last_seen_at: row.seen_to,
      created_at: row.at,
      updated_at: row.at,
      version: 1,
    })
    .execute();
}

/** More alerts joined an existing group, now (ingestion time only moves forward). */
export async function growAlertGroup(db: Db, groupId: string, added: number, lastSeenAt: string): Promise<void> {
  await db
    .updateTable('alert_groups')
    .set((eb) => ({
      alert_count: eb('alert_count', '+', added),
      last_seen_at: lastSeenAt,
      updated_at: lastSeenAt,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', groupId)
    .execute();
}

/** Earlier, ungrouped alerts join a group; an alert already in a group stays where it is. */
export async function moveIntoGroup(db: Db, groupId: string, alertIds: readonly string[], at: string): Promise<number> {
  let moved = 0;
  for (let i = 0; i < alertIds.length; i += CHUNK) {
    const result = await db
      .updateTable('alerts')
      .set((eb) => ({ group_id: groupId, updated_at: at, version: eb('version', '+', 1) }))
      .where('id', 'in', alertIds.slice(i, i + CHUNK))
      .where('group_id', 'is', null)
      .executeTakeFirst();
    moved += Number(result.numUpdatedRows);
  }
  return moved;
}

