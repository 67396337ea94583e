import { countUnusedRecoveryCodes } from '../../store/repositories/two-factor.js';
import type { ServiceContext } from '../context.js';
import { loadUser } from '../users/user-record.js';

export interface TwoFactorStatus {
  enabled: boolean;
  enabled_at: string | null;
  /** Set-up was started (a secret handed out) but not yet confirmed with a code. */
  pending: boolean;
  recovery_codes_left: number;
}

export async function getTwoFactorStatus(ctx: ServiceContext): Promise<TwoFactorStatus> {
  const user = await loadUser(ctx.database.db, ctx.actor, ctx.actor.userId);
  return {
    enabled: user.totp_enabled_at !== null,
    enabled_at: user.totp_enabled_at,
    pending: user.totp_pending_secret !== null,
    recovery_codes_left: user.totp_enabled_at ? await countUnusedRecoveryCodes(ctx.database.db, user.id) : 0,
  };
}
