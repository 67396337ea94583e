import { can, type IncidentRole, type Permission } from '../../domain/access.js';
import { forbidden } from '../../domain/errors.js';
import type { Db } from '../../store/database.js';
import { activeMembers } from '../../store/repositories/members.js';
import type { Actor } from '../context.js';

/** Incident roles whose holders sign decisions on that incident, whatever their organisation role. */
export const DECIDING_INCIDENT_ROLES: readonly IncidentRole[] = ['legal', 'executive_sponsor', 'incident_commander'];
/** Incident roles whose holders record what happened to an obligation (drafted, submitted). */
export const OBLIGATION_INCIDENT_ROLES: readonly IncidentRole[] = ['legal'];

async function holdsRole(db: Db, incidentId: string, userId: string, roles: readonly IncidentRole[]): Promise<boolean> {
  return (await activeMembers(db, incidentId)).some((m) => m.user_id === userId && (roles as readonly string[]).includes(m.role));
}

async function authorizeByRoleOrPermission(db: Db, actor: Actor, incidentId: string, permission: Permission, roles: readonly IncidentRole[], refusal: string): Promise<void> {
  if (can(actor.role, permission)) return;
  if (await holdsRole(db, incidentId, actor.userId, roles)) return;
  throw forbidden(refusal);
}

/** Who may sign a decision record: `decision.record` (administrators, incident managers), or legal, the executive sponsor or the commander of this incident. */
export function authorizeDecision(db: Db, actor: Actor, incidentId: string): Promise<void> {
  return authorizeByRoleOrPermission(db, actor, incidentId, 'decision.record', DECIDING_INCIDENT_ROLES, 'Only incident managers, administrators and, on this incident, its legal counsel, executive sponsor or incident commander sign decisions.');
}

/** Who may change an obligation's status: `obligation.write`, or legal on this incident. */
export function authorizeObligationChange(db: Db, actor: Actor, incidentId: string): Promise<void> {
  return authorizeByRoleOrPermission(db, actor, incidentId, 'obligation.write', OBLIGATION_INCIDENT_ROLES, 'Only incident managers, administrators and the legal counsel of this incident change obligations.');
}
