import { useCurrentUser } from '../../auth/session';

/** Roles with incident.create on the server; others are not offered "New incident" (the server refuses them anyway). */
const OPENERS = new Set(['admin', 'incident_manager', 'responder', 'analyst']);

export function useCanOpenIncident(): boolean {
  return OPENERS.has(useCurrentUser().role);
}
