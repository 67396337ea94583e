import { useCan, useCurrentUser } from '../../../auth/session';
import type { IncidentDetail } from '../../../api/types';
import type { Communication } from './types';

const APPROVER_ROLES = ['incident_commander', 'executive_sponsor', 'communications_lead'];

/**
 * Which steps the signed-in person may take on a communication, from their organisation role and
 * the roles they hold on this incident. The server decides; this only hides buttons that would be refused.
 */
export function useCommunicationAbilities(incident: IncidentDetail) {
  const me = useCurrentUser();
  const write = useCan('communication.write');
  const roles = incident.members.filter((m) => m.user_id === me.id && m.released_at === null).map((m) => m.role);
  return {
    write,
    review: roles.includes('legal'),
    approve: (c: Communication) => roles.some((r) => APPROVER_ROLES.includes(r)) && c.created_by !== me.id,
  };
}
