import type { Kysely } from 'kysely';
import { columnTypes, type Engine } from '../dialect.js';

/**
 * The single sign-on identity an account is bound to (issuer and subject), set at its first SSO sign-in:
 * from then on only that identity signs in to it, even if someone else's e-mail at the provider changes
 * to this address.
 */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);
  await db.schema.alterTable('users').addColumn('sso_subject', t.text).execute();
  await db.schema.createIndex('users_sso_subject').on('users').column('sso_subject').unique().execute();
}
