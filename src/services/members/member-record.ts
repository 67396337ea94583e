import type { IncidentRole } from '../../domain/access.js';

/** One tenure of a person in a role on an incident; released_at is null while it lasts. */
export interface MemberRecord {
  id: string;
  incident_id: string;
  user_id: string;
  user_name: string;
  user_email: string;
  role: IncidentRole;
  assigned_at: string;
  assigned_by: string;
  released_at: string | null;
  released_by: string | null;
}

export function toMemberRecord(row: Omit<MemberRecord, 'role'> & { role: string }): MemberRecord {
  return {
    id: row.id,
    incident_id: row.incident_id,
    user_id: row.user_id,
    user_name: row.user_name,
    user_email: row.user_email,
    role: row.role as IncidentRole,
    assigned_at: row.assigned_at,
    assigned_by: row.assigned_by,
    released_at: row.released_at,
    released_by: row.released_by,
  };
}
