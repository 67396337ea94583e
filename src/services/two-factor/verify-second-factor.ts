import { BulwarkError } from '../../domain/errors.js';
import { matchTotp } from '../../domain/totp.js';
import { appendAuditEntry } from '../../store/repositories/audit-log.js';
import type { UserWithRole } from '../../store/repositories/people.js';
import { claimTotpStep, recordTotpFailure, useRecoveryCode } from '../../store/repositories/two-factor.js';
import type { ServiceDeps } from '../context.js';
import { hashRecoveryCode } from './recovery-codes.js';

/** Wrong codes in a row before second-factor sign-in pauses for the account (on top of the per-address login limit). */
export const TWO_FACTOR_MAX_FAILURES = 10;
export const TWO_FACTOR_LOCKOUT_MS = 15 * 60_000;

export const twoFactorRequired = (message: string) => new BulwarkError('unauthenticated', message, { extra: { code: 'two_factor_required' } });

/**
 * The second step of signing in, once the password was right: a code from the authenticator app
 * (each 30-second step once) or an unused recovery code. Wrong codes are counted; too many in a row
 * pause the account's second-factor sign-in for a quarter of an hour.
 */
export async function verifySecondFactor(deps: ServiceDeps, user: UserWithRole, code: string | undefined, ip: string | undefined): Promise<{ method: 'totp' | 'recovery_code' }> {
  const now = deps.clock.now();
  const db = deps.database.db;
  if (user.totp_locked_until && user.totp_locked_until > now) {
    throw new BulwarkError('rate_limited', `Too many wrong codes: signing in to this account is paused until ${user.totp_locked_until}.`, { extra: { code: 'two_factor_locked', retry_at: user.totp_locked_until } });
  }
  if (!code?.trim()) throw twoFactorRequired('Enter the 6-digit code from your authenticator app, or one of your recovery codes.');

  const step = matchTotp(user.totp_secret!, code, Date.parse(now), user.totp_last_step === null ? null : Number(user.totp_last_step));
  if (step !== null && (await claimTotpStep(db, user.id, step))) return { method: 'totp' };
  if (step === null && (await useRecoveryCode(db, user.id, hashRecoveryCode(code), now))) {
    await recordTotpFailure(db, user.id, 0, null);
    return { method: 'recovery_code' };
  }

  const failures = Number(user.totp_failures) + 1;
  const lockedUntil = failures >= TWO_FACTOR_MAX_FAILURES ? new Date(Date.parse(now) + TWO_FACTOR_LOCKOUT_MS).toISOString() : null;
  await db.transaction().execute(async (trx) => {
    await recordTotpFailure(trx, user.id, lockedUntil ? 0 : failures, lockedUntil);
    await appendAuditEntry(trx, deps.database.engine, { organisation_id: user.organisation_id, actor_id: user.id, action: 'session.two_factor_refused', target_type: 'user', target_id: user.id, details: { ip: ip ?? null, locked_until: lockedUntil }, at: now });
  });
  throw twoFactorRequired('That code is wrong or was already used. Enter the current code from your authenticator app, or an unused recovery code.');
}
