import { newCallees } from '../../domain/escalation.js';
import type { Severity } from '../../domain/incident.js';
import { listEscalationsOfIncident } from '../../store/repositories/escalations.js';
import type { IncidentRecord } from '../incidents/incident-record.js';
import { planInForce } from '../plan/plan-in-force.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import type { UnitOfWork } from '../transaction.js';
import { callContacts, describeCall, type CallMade } from './call-contacts.js';

/**
 * Runs the escalation matrix of the plan in force when an incident is opened or its severity changes,
 * inside the caller's transaction (which holds the incident). Without an approved plan nothing happens.
 * On a severity change, pass the previous severity: lowering calls nobody, raising calls who is new.
 */
export async function escalateIncident(
  uow: UnitOfWork,
  incident: IncidentRecord,
  trigger: 'opened' | 'severity_changed',
  previousSeverity?: Severity,
): Promise<CallMade[]> {
  const plan = await planInForce(uow.db, incident.organisation_id);
  if (!plan) return [];
  const prior = trigger === 'opened' ? [] : await listEscalationsOfIncident(uow.db, incident.id);
  const callees = newCallees(
    plan.content,
    { severity: incident.severity as Severity, category: incident.category, previous_severity: trigger === 'severity_changed' ? (previousSeverity ?? null) : null },
    prior,
  );
  if (callees.length === 0) return [];

  const calls = await callContacts(uow, incident, plan, trigger, callees);
  const why = trigger === 'opened' ? `opened at severity ${incident.severity}` : `severity changed${previousSeverity ? ` from ${previousSeverity}` : ''} to ${incident.severity}`;
  await recordTimelineEntry(uow, incident, {
    kind: 'escalation_sent',
    body: `Escalation (${why}, plan v${plan.plan_version}): called ${calls.map(describeCall).join('; ')}`,
    details: { trigger, severity: incident.severity, previous_severity: previousSeverity ?? null, plan_id: plan.id, plan_version: plan.plan_version, calls },
  });
  await uow.audit('escalation.send', { type: 'incident', id: incident.id }, { trigger, severity: incident.severity, plan_id: plan.id, plan_version: plan.plan_version, calls: calls.map(({ escalation_id, contact_id, rule_id, emailed_to, role, role_outcome }) => ({ escalation_id, contact_id, rule_id, emailed_to, role, role_outcome })) });
  return calls;
}
