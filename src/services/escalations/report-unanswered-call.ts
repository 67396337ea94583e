import type { PlanContent } from '../../domain/plan.js';
import { markEscalationUnanswered } from '../../store/repositories/escalations.js';
import { activeMembers } from '../../store/repositories/members.js';
import { managersToEscalateTo } from '../../store/repositories/obligations.js';
import type { EscalationRow } from '../../store/schema.js';
import type { IncidentRecord } from '../incidents/incident-record.js';
import { enqueueEmail } from '../mail/enqueue-email.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import type { UnitOfWork } from '../transaction.js';
import { unansweredCallEmail } from './unanswered-call-email.js';

const listed = (names: string[]) => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/**
 * A call ran out of people: the contact and every deputy were called and none acknowledged in time.
 * Marks the last call (once), writes it on the timeline, and e-mails the incident's commanders and the
 * organisation's administrators and incident managers, so a person picks up the phone. Answers who was e-mailed.
 */
export async function reportUnansweredCall(uow: UnitOfWork, incident: IncidentRecord, plan: PlanContent, chain: EscalationRow[]): Promise<string[]> {
  const last = chain.at(-1)!;
  if (!(await markEscalationUnanswered(uow.db, last.id, uow.now))) return [];
  const called = chain.map((c) => ({
    name: c.contact_name,
    mobile_phone: plan.team?.find((t) => t.id === c.contact_id)?.mobile_phone || null,
    respond_within_minutes: c.respond_within_minutes,
  }));
  const phones = called.filter((c) => c.mobile_phone).map((c) => `${c.name} ${c.mobile_phone}`);
  await recordTimelineEntry(uow, incident, {
    kind: 'escalation_unanswered',
    body: `Escalation unanswered: ${listed(called.map((c) => c.name))} did not acknowledge in time and the plan names no further deputy.${phones.length ? ` Phone: ${phones.join(', ')}.` : ''}`,
    details: { escalation_ids: chain.map((c) => c.id), contact_ids: chain.map((c) => c.contact_id) },
  });

  const commanders = (await activeMembers(uow.db, incident.id)).filter((m) => m.role === 'incident_commander').map((m) => m.user_email);
  const managers = (await managersToEscalateTo(uow.db, uow.actor.organisationId)).map((u) => u.email);
  const to = [...new Set([...commanders, ...managers].filter((e): e is string => Boolean(e)))];
  if (to.length) {
    await enqueueEmail(uow, unansweredCallEmail({
      to,
      incident: { number: incident.number, title: incident.title, restricted: incident.restricted },
      called,
      incident_url: `${uow.publicUrl}/incidents/${incident.id}`,
    }));
  }
  await uow.audit('escalation.unanswered', { type: 'incident', id: incident.id }, { escalation_ids: chain.map((c) => c.id), contact_ids: chain.map((c) => c.contact_id), emailed: to.length });
  uow.emit({ type: 'escalation.unanswered', incident_id: incident.id, restricted: incident.restricted, entity_id: last.id });
  return to;
}
