import type { ApiTokenRecord } from '../../services/tokens/token-record.js';
import type { UserRecord } from '../../services/users/user-record.js';

/** Fields are picked one by one so nothing added to a record later (a hash, a secret) leaks by accident. */
export const presentUser = ({ id, email, name, role, disabled, last_login_at, two_factor_enabled, created_at, version }: UserRecord) => ({
  id, email, name, role, disabled, last_login_at, two_factor_enabled, created_at, version,
});

export const presentApiToken = ({ id, name, role, user_id, token_prefix, created_at, expires_at, last_used_at, revoked_at }: ApiTokenRecord) => ({
  id, name, role, user_id, token_prefix, created_at, expires_at, last_used_at, revoked_at,
});
