import { INCIDENT_ROLE_LABELS, INCIDENT_ROLES, SINGLE_HOLDER_ROLES, type IncidentRole } from '../../domain/access.js';
import { emailAddressesOf, type EscalationTrigger } from '../../domain/escalation.js';
import { newId } from '../../domain/ids.js';
import type { Severity } from '../../domain/incident.js';
import type { PlanContact, PlanContent } from '../../domain/plan.js';
import { insertEscalation } from '../../store/repositories/escalations.js';
import { activeMembers, insertMember } from '../../store/repositories/members.js';
import { findUser } from '../../store/repositories/people.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import type { IncidentRecord } from '../incidents/incident-record.js';
import { enqueueEmail } from '../mail/enqueue-email.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import type { UnitOfWork } from '../transaction.js';
import { escalationEmail } from './escalation-email.js';

/** What happened to the role the plan gives a called contact. */
export type RoleOutcome = 'assigned' | 'already_held' | 'held_by_someone_else' | 'no_account' | 'account_inactive' | 'none';

export interface CallRequest {
  contact: PlanContact;
  /** The matrix rule that called them, or for a deputy the id of the call they stand in for. */
  rule_id: string;
  respond_within_minutes: number;
  standing_in_for?: string | undefined;
  /** A deputy without a role of their own takes the role of the person they stand in for. */
  fallback_role?: IncidentRole | null | undefined;
}

export interface CallMade {
  escalation_id: string;
  contact_id: string;
  contact_name: string;
  rule_id: string;
  respond_within_minutes: number;
  emailed_to: string[];
  mobile_phone: string | null;
  role: IncidentRole | null;
  role_outcome: RoleOutcome;
  role_held_by: string | null;
}

/**
 * Records each call, queues its e-mail (work and personal address) with a fresh acknowledgement link,
 * and gives the contact the plan's role unless a single-holder role is already held. Contacts without
 * an e-mail address are still recorded: someone phones them. Runs in the caller's transaction, which
 * holds the incident; the caller writes the summary timeline entry and audit entry.
 */
export async function callContacts(
  uow: UnitOfWork,
  incident: IncidentRecord,
  plan: { id: string; content: PlanContent },
  trigger: EscalationTrigger,
  requests: readonly CallRequest[],
): Promise<CallMade[]> {
  const opener = await findUser(uow.db, incident.organisation_id, incident.created_by);
  const openedBy = opener?.name ?? (incident.created_by === uow.actor.userId ? (uow.actor.name ?? 'System') : 'System');
  const calls: CallMade[] = [];
  for (const request of requests) {
    const { contact } = request;
    const role = validRole(contact.incident_role) ?? request.fallback_role ?? null;
    const { outcome, heldBy } = await giveRole(uow, incident, contact, role);
    const token = newSecret('ack_');
    const id = newId('escalation');
    const to = emailAddressesOf(contact);
    await insertEscalation(uow.db, {
      id,
      organisation_id: incident.organisation_id,
      incident_id: incident.id,
      plan_id: plan.id,
      rule_id: request.rule_id,
      trigger,
      severity: incident.severity,
      contact_id: contact.id,
      contact_name: contact.name,
      user_id: contact.user_id ?? null,
      incident_role: role,
      email: to.length ? to.join(', ') : null,
      respond_within_minutes: request.respond_within_minutes,
      ack_token_hash: hashSecret(token),
      notified_at: uow.now,
      acknowledged_at: null,
      acknowledged_by: null,
      acknowledged_via: null,
      unanswered_at: null,
    });
    if (to.length) {
      await enqueueEmail(uow, escalationEmail({
        to,
        contact_name: contact.name,
        incident: { number: incident.number, title: incident.title, severity: incident.severity as Severity, category: incident.category, restricted: incident.restricted },
        plan: plan.content,
        opened_by: openedBy,
        respond_within_minutes: request.respond_within_minutes,
        ack_url: `${uow.publicUrl}/ack/${token}`,
        standing_in_for: request.standing_in_for,
        role_line: role ? roleLine(role, outcome, heldBy) : undefined,
      }));
    }
    uow.emit({ type: 'escalation.sent', incident_id: incident.id, restricted: incident.restricted, entity_id: id });
    calls.push({ escalation_id: id, contact_id: contact.id, contact_name: contact.name, rule_id: request.rule_id, respond_within_minutes: request.respond_within_minutes, emailed_to: to, mobile_phone: contact.mobile_phone || null, role, role_outcome: outcome, role_held_by: heldBy });
  }
  return calls;
}

function validRole(role: string | null | undefined): IncidentRole | null {
  return role && (INCIDENT_ROLES as readonly string[]).includes(role) ? (role as IncidentRole) : null;
}

/** The same rules as assigning by hand, except that a held single-holder role is never taken from its holder. */
async function giveRole(uow: UnitOfWork, incident: IncidentRecord, contact: PlanContact, role: IncidentRole | null): Promise<{ outcome: RoleOutcome; heldBy: string | null }> {
  if (!role) return { outcome: 'none', heldBy: null };
  if (!contact.user_id) return { outcome: 'no_account', heldBy: null };
  const user = await findUser(uow.db, incident.organisation_id, contact.user_id);
  if (!user || user.disabled_at) return { outcome: 'account_inactive', heldBy: null };
  const holders = (await activeMembers(uow.db, incident.id)).filter((m) => m.role === role);
  if (holders.some((m) => m.user_id === user.id)) return { outcome: 'already_held', heldBy: user.name };
  if (SINGLE_HOLDER_ROLES.has(role) && holders.length > 0) return { outcome: 'held_by_someone_else', heldBy: holders.map((h) => h.user_name).join(', ') };

  const memberId = newId('incidentMember');
  await insertMember(uow.db, { id: memberId, organisation_id: incident.organisation_id, incident_id: incident.id, user_id: user.id, role, assigned_at: uow.now, assigned_by: uow.actor.userId, released_at: null, released_by: null });
  await recordTimelineEntry(uow, incident, { kind: 'role_assigned', body: `${user.name} assigned as ${INCIDENT_ROLE_LABELS[role]} (escalation matrix)`, details: { member_id: memberId, user_id: user.id, role, handed_over_from: [], acknowledged: false, by_escalation: true } });
  await uow.audit('member.assign', { type: 'incident_member', id: memberId }, { incident_id: incident.id, user_id: user.id, role, handed_over_from: [], acknowledged: false, by_escalation: true });
  uow.emit({ type: 'member.assigned', incident_id: incident.id, restricted: incident.restricted, entity_id: memberId });
  return { outcome: 'assigned', heldBy: null };
}

function roleLine(role: IncidentRole, outcome: RoleOutcome, heldBy: string | null): string {
  const label = INCIDENT_ROLE_LABELS[role];
  if (outcome === 'assigned' || outcome === 'already_held') return `${label} (assigned to you in Bulwark)`;
  if (outcome === 'held_by_someone_else') return `${label} — already held by ${heldBy}; coordinate with them`;
  return label;
}

/** One line per call for the timeline: who, why, how fast, by which channel, and what became of their role. */
export function describeCall(call: CallMade): string {
  const channel = call.emailed_to.length ? 'e-mailed' : `no e-mail: phone ${call.mobile_phone ?? '(no number in the plan)'}`;
  const role = !call.role
    ? ''
    : call.role_outcome === 'assigned'
      ? `; assigned ${INCIDENT_ROLE_LABELS[call.role]}`
      : call.role_outcome === 'held_by_someone_else'
        ? `; not assigned ${INCIDENT_ROLE_LABELS[call.role]}: already held by ${call.role_held_by}`
        : call.role_outcome === 'no_account' || call.role_outcome === 'account_inactive'
          ? `; not assigned ${INCIDENT_ROLE_LABELS[call.role]}: no active Bulwark account`
          : '';
  return `${call.contact_name} (rule ${call.rule_id}, respond within ${call.respond_within_minutes} min, ${channel}${role})`;
}
