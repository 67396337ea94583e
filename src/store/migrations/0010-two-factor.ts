import type { Kysely } from 'kysely';
import { columnTypes, type Engine } from '../dialect.js';

/**
 * The optional TOTP second factor: the shared secret (pending until the person proves their app
 * shows the right codes), the last step used (a code works once), a lockout after repeated wrong
 * codes, and single-use recovery codes stored as hashes.
 */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);
  await db.schema.alterTable('users').addColumn('totp_secret', t.text).execute();
  await db.schema.alterTable('users').addColumn('totp_pending_secret', t.text).execute();
  await db.schema.alterTable('users').addColumn('totp_enabled_at', t.instant).execute();
  await db.schema.alterTable('users').addColumn('totp_last_step', t.bigint).execute();
  await db.schema.alterTable('users').addColumn('totp_failures', t.integer, (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('users').addColumn('totp_locked_until', t.instant).execute();

  await db.schema
    .createTable('recovery_codes')
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('code_hash', t.text, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('used_at', t.instant)
    .addPrimaryKeyConstraint('recovery_codes_pk', ['user_id', 'code_hash'])
    .execute();
}
