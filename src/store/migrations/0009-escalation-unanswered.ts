import type { Kysely } from 'kysely';
import { columnTypes, type Engine } from '../dialect.js';

/**
 * When a call of the escalation matrix ran out of people: neither the contact nor any of their deputies
 * acknowledged in time. Set once, when the incident's commander and managers are told.
 */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);
  await db.schema.alterTable('escalations').addColumn('unanswered_at', t.instant).execute();
}
