import { newId } from '../domain/ids.js';
import { anyUserExists, insertOrganisation, findDefaultOrganisation, insertUser } from '../store/repositories/people.js';
import { appendAuditEntry } from '../store/repositories/audit-log.js';
import type { ServiceDeps } from './context.js';
import { hashPassword, newOneTimePassword, PASSWORD_MIN_LENGTH } from './auth/secrets.js';

/** The organisation every row belongs to; a deployment starts with one. */
export async function ensureOrganisation(deps: ServiceDeps, name = 'My organisation'): Promise<string> {
  const existing = await findDefaultOrganisation(deps.database.db);
  if (existing) return existing.id;
  const id = newId('organisation');
  await insertOrganisation(deps.database.db, { id, name, timezone: 'UTC', created_at: deps.clock.now() });
  return id;
}

export interface FirstAdmin {
  email: string;
  /** The one-time password to print, when Bulwark generated it. */
  oneTimePassword: string | null;
}

/**
 * On first start, when nobody can log in yet, creates an administrator from BULWARK_ADMIN_EMAIL /
 * BULWARK_ADMIN_PASSWORD, or admin@localhost with a generated one-time password. Returns null later.
 */
export async function ensureFirstAdmin(deps: ServiceDeps, organisationId: string, wanted: { email?: string | undefined; password?: string | undefined }): Promise<FirstAdmin | null> {
  const db = deps.database.db;
  if (await anyUserExists(db)) return null;
  if (wanted.password !== undefined && wanted.password.length < PASSWORD_MIN_LENGTH) {
    throw new Error(`BULWARK_ADMIN_PASSWORD must have at least ${PASSWORD_MIN_LENGTH} characters.`);
  }
  const email = (wanted.email ?? 'admin@localhost').trim().toLowerCase();
  const oneTimePassword = wanted.password === undefined ? newOneTimePassword() : null;
  const passwordHash = await hashPassword(wanted.password ?? oneTimePassword!);
  const now = deps.clock.now();
  const id = newId('user');
  await db.transaction().execute(async (trx) => {
    await insertUser(
      trx,
      { id, email, name: 'Administrator', password_hash: passwordHash, password_changed_at: now, disabled_at: null, last_login_at: null, created_at: now, updated_at: now, version: 1 },
      { organisation_id: organisationId, user_id: id, role: 'admin', created_at: now },
    );
    await appendAuditEntry(trx, deps.database.engine, { organisation_id: organisationId, actor_id: null, action: 'user.create', target_type: 'user', target_id: id, details: { email, role: 'admin', first_admin: true }, at: now });
  });
  return { email, oneTimePassword };
}
