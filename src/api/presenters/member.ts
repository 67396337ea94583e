import type { MemberRecord } from '../../services/members/member-record.js';

/** One tenure in a role on an incident, as the incident page and the members list show it. */
export function presentMember(member: MemberRecord) {
  const { incident_id: _incident, ...visible } = member;
  return visible;
}
