import type { Db } from '../database.js';

/** The TOTP second factor and recovery codes of one person (see migration 0010). */

export async function setPendingTotpSecret(db: Db, userId: string, secret: string): Promise<void> {
  await db.updateTable('users').set({ totp_pending_secret: secret }).where('id', '=', userId).execute();
}

/**
 * Accepts a code's step only if it is later than the last one used. The condition is in the UPDATE,
 * so two sign-ins racing with the same code cannot both pass.
 */
export async function claimTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ totp_last_step: step, totp_failures: 0 })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Counts a wrong code; the caller decides when the count means a lockout. */
export async function recordTotpFailure(db: Db, userId: string, failures: number, lockedUntil: string | null): Promise<void> {
  await db.updateTable('users').set({ totp_failures: failures, totp_locked_until: lockedUntil }).where('id', '=', userId).execute();
}

export async function replaceRecoveryCodes(db: Db, userId: string, codeHashes: readonly string[], at: string): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  if (codeHashes.length) await db.insertInto('recovery_codes').values(codeHashes.map((code_hash) => ({ user_id: userId, code_hash, created_at: at, used_at: null }))).execute();
}

/** Marks a recovery code used; false when it is unknown or was used before. */
export async function useRecoveryCode(db: Db, userId: string, codeHash: string, at: string): Promise<boolean> {
  const result = await db.updateTable('recovery_codes').set({ used_at: at }).where('user_id', '=', userId).where('code_hash', '=', codeHash).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Db, userId: string): Promise<number> {
  const row = await db.selectFrom('recovery_codes').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('used_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Back to password-only sign-in: the secret, pending secret, counters and recovery codes go. False when the version moved on. */
export async function clearTwoFactor(db: Db, userId: string, expectedVersion: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null, totp_failures: 0, totp_locked_until: null, updated_at: at, version: expectedVersion + 1 })
    .where('id', '=', userId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await replaceRecoveryCodes(db, userId, [], at);
  return true;
}
