import { newId } from '../../domain/ids.js';
import type { Db } from '../database.js';

const CHUNK = 500;

/**
 * Makes observables known organisation-wide without a sighting (threat intelligence not yet seen on
 * any alert or incident): new ones are created, existing ones left as they are.
 */
export async function registerObservables(db: Db, organisationId: string, now: string, observables: ReadonlyArray<{ type: string; value: string }>): Promise<void> {
  for (let i = 0; i < observables.length; i += CHUNK) {
    const rows = observables.slice(i, i + CHUNK).map((o) => ({
      id: newId('observable'), organisation_id: organisationId, type: o.type, value: o.value, ignore_similarity: false,
      first_seen_at: now, last_seen_at: now, sighting_count: 0, created_at: now, updated_at: now, version: 1,
    }));
    await db.insertInto('observables').values(rows).onConflict((oc) => oc.columns(['organisation_id', 'type', 'value']).doNothing()).execute();
  }
}

export async function observableIdsByValue(db: Db, organisationId: string, observables: ReadonlyArray<{ type: string; value: string }>): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let i = 0; i < observables.length; i += CHUNK) {
    const slice = observables.slice(i, i + CHUNK);
    const rows = await db
      .selectFrom('observables')
      .select(['id', 'type', 'value'])
      .where('organisation_id', '=', organisationId)
      .where((eb) => eb.or(slice.map((o) => eb.and([eb('type', '=', o.type), eb('value', '=', o.value)]))))
      .execute();
    for (const row of rows) ids.set(`${row.type}\u0000${row.value}`, row.id);
  }
  return ids;
}
