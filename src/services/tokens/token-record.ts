import type { Role } from '../../domain/access.js';
import type { ApiTokenRow } from '../../store/schema.js';

/** An API token as answered: never the secret nor its hash. */
export interface ApiTokenRecord {
  id: string;
  name: string;
  role: Role;
  user_id: string;
  token_prefix: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export const toApiTokenRecord = (row: ApiTokenRow): ApiTokenRecord => ({
  id: row.id,
  name: row.name,
  role: row.role as Role,
  user_id: row.user_id,
  token_prefix: row.token_prefix,
  created_at: row.created_at,
  expires_at: row.expires_at,
  last_used_at: row.last_used_at,
  revoked_at: row.revoked_at,
});
