import { nextStatusUpdateDue, type StatusUpdateDue } from '../../domain/communication-workflow.js';
import { PHASE_LABELS } from '../../domain/lifecycle.js';
import type { PlanContent, TemplateVariable } from '../../domain/plan.js';
import type { Db } from '../../store/database.js';
import { categoryLabel, lastStatusUpdateSentAt } from '../../store/repositories/communications.js';
import { activeHolders } from '../../store/repositories/members.js';
import type { IncidentRecord } from '../incidents/incident-record.js';
import { findOrganisation, userNamesById } from '../../store/repositories/people.js';

/** "23 November 2026 at 10:00 CET": people outside read times in the organisation's zone, with the zone named. */
export function formatInZone(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }).format(new Date(instant));
}

export function dateInZone(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(instant));
}

/** The incident's status-update cadence under the plan in force, or null (no plan, no cadence for its severity, closed). */
export async function statusUpdateDueOf(db: Db, incident: IncidentRecord, plan: PlanContent | null): Promise<StatusUpdateDue | null> {
  if (!plan) return null;
  return nextStatusUpdateDue({ cadence: plan.status_update_cadence, severity: incident.severity, phase: incident.phase, openedAt: incident.created_at, lastStatusUpdateSentAt: await lastStatusUpdateSentAt(db, incident.id) });
}

/**
 * The values of every template variable for this incident now. A variable without a value (no summary
 * yet, no commander, no cadence) is left out, so it renders as a visible `[name]` gap.
 */
export async function templateValues(db: Db, incident: IncidentRecord, plan: PlanContent | null, now: string): Promise<Partial<Record<TemplateVariable, string>>> {
  const organisation = await findOrganisation(db, incident.organisation_id);
  const zone = organisation?.timezone || 'UTC';
  const commanders = await activeHolders(db, incident.id, 'incident_commander');
  const names = await userNamesById(db, commanders.map((c) => c.user_id));
  const due = await statusUpdateDueOf(db, incident, plan);
  const values: Partial<Record<TemplateVariable, string>> = {
    'incident.number': incident.number,
    'incident.title': incident.title,
    'incident.severity': String(incident.severity),
    'incident.category': (await categoryLabel(db, incident.organisation_id, incident.category)) ?? incident.category,
    'incident.phase': PHASE_LABELS[incident.phase],
    'incident.detected_at': formatInZone(incident.detected_at, zone),
    today: dateInZone(now, zone),
  };
  if (incident.summary.trim()) values['incident.summary'] = incident.summary.trim();
  const severityName = plan?.severity_definitions.find((d) => d.severity === incident.severity)?.name;
  if (severityName) values['incident.severity_name'] = severityName;
  const commander = commanders.map((c) => names.get(c.user_id)).find(Boolean);
  if (commander) values['incident.commander'] = commander;
  if (organisation?.name) values['organisation.name'] = organisation.name;
  if (due) values.next_update_at = formatInZone(due.due_at, zone);
  return values;
}
