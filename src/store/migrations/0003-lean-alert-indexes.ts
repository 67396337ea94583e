import { sql, type Kysely } from 'kysely';
import type { Engine } from '../dialect.js';

/**
 * Alert columns that most alerts leave empty (fingerprint, correlation key, group, incident) are
 * indexed only where set: every alert ingested then writes four index entries fewer, and the queries
 * that use these indexes always ask for a value, never for NULL.
 */
const PARTIAL: Array<{ name: string; columns: string[]; column: string }> = [
  { name: 'alerts_fingerprint', columns: ['organisation_id', 'fingerprint', 'last_seen_at'], column: 'fingerprint' },
  { name: 'alerts_correlation', columns: ['organisation_id', 'correlation_key', 'last_seen_at'], column: 'correlation_key' },
  { name: 'alerts_group', columns: ['group_id'], column: 'group_id' },
  { name: 'alerts_incident', columns: ['incident_id'], column: 'incident_id' },
];

export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  for (const index of PARTIAL) {
    await db.schema.dropIndex(index.name).execute();
    await db.schema.createIndex(index.name).on('alerts').columns(index.columns).where(sql.ref(index.column), 'is not', null).execute();
  }
}
