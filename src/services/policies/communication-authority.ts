import type { IncidentRole } from '../../domain/access.js';
import { authorityOf, type Authority } from '../../domain/communication-workflow.js';
import { forbidden } from '../../domain/errors.js';
import type { Db } from '../../store/database.js';
import { activeMembers } from '../../store/repositories/members.js';
import type { Actor } from '../context.js';

/**
 * Who may sign off a communication is decided by the roles a person holds on this incident, not by
 * their organisation role: legal review by the Legal role; approval by the incident commander, the
 * executive sponsor or the communications lead, never the drafter. Administrators get no bypass.
 */
export async function communicationAuthority(db: Db, actor: Actor, incidentId: string, drafterId: string): Promise<Authority & { roles: IncidentRole[] }> {
  const roles = (await activeMembers(db, incidentId)).filter((m) => m.user_id === actor.userId).map((m) => m.role as IncidentRole);
  return { ...authorityOf(actor.userId, roles, drafterId), roles };
}

export async function requireLegalReviewer(db: Db, actor: Actor, incidentId: string, drafterId: string): Promise<void> {
  const authority = await communicationAuthority(db, actor, incidentId, drafterId);
  if (!authority.mayReview) throw forbidden(authority.reviewRefusal);
}

export async function requireApprover(db: Db, actor: Actor, incidentId: string, drafterId: string): Promise<void> {
  const authority = await communicationAuthority(db, actor, incidentId, drafterId);
  if (!authority.mayApprove) throw forbidden(authority.approvalRefusal);
}
