import { nextStatusUpdateDue } from '../../domain/communication-workflow.js';
import type { Severity } from '../../domain/incident.js';
import type { Phase } from '../../domain/lifecycle.js';
import { readBool } from '../../store/dialect.js';
import { claimStatusUpdateReminder, lastStatusUpdateSentAt, openIncidentsForCadence } from '../../store/repositories/communications.js';
import { activeMembers } from '../../store/repositories/members.js';
import type { ServiceContext } from '../context.js';
import { enqueueEmail } from '../mail/enqueue-email.js';
import { planInForce } from '../plan/plan-in-force.js';
import { authorize } from '../policies/authorize.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction } from '../transaction.js';
import { statusUpdateReminderEmail } from './status-update-reminder-email.js';
import { formatInZone } from './template-values.js';
import { findOrganisation } from '../../store/repositories/people.js';

export interface StatusUpdateReminderRun {
  reminded: Array<{ incident_id: string; due_at: string; emailed: string[] }>;
  /** Due updates nobody could be e-mailed about (no commander or communications lead with an address). */
  unaddressed: Array<{ incident_id: string; due_at: string }>;
}

/**
 * For every open incident whose status update is past due under the plan's cadence, e-mails the
 * incident commander and the communications lead, once per due time, and notes it on the timeline.
 * Safe to run as often as wanted.
 */
export async function sendStatusUpdateReminders(ctx: ServiceContext): Promise<StatusUpdateReminderRun> {
  authorize(ctx.actor, 'settings.manage');
  return runInTransaction(ctx, async (uow) => {
    const run: StatusUpdateReminderRun = { reminded: [], unaddressed: [] };
    const organisationId = uow.actor.organisationId;
    const plan = await planInForce(uow.db, organisationId);
    if (!plan || plan.content.status_update_cadence.length === 0) return run;
    const zone = (await findOrganisation(uow.db, organisationId))?.timezone || 'UTC';
    for (const row of await openIncidentsForCadence(uow.db, organisationId)) {
      const due = nextStatusUpdateDue({ cadence: plan.content.status_update_cadence, severity: Number(row.severity) as Severity, phase: row.phase as Phase, openedAt: row.created_at, lastStatusUpdateSentAt: await lastStatusUpdateSentAt(uow.db, row.id) });
      if (!due || Date.parse(due.due_at) > Date.parse(uow.now)) continue;
      if (!(await claimStatusUpdateReminder(uow.db, { incident_id: row.id, organisation_id: organisationId, due_at: due.due_at, reminded_at: uow.now }))) continue;
      const people = (await activeMembers(uow.db, row.id)).filter((m) => m.role === 'incident_commander' || m.role === 'communications_lead');
      const emailed = [...new Set(people.map((p) => p.user_email).filter((e) => e?.includes('@')))];
      if (emailed.length > 0) await enqueueEmail(uow, statusUpdateReminderEmail(emailed, row, due, formatInZone(due.due_at, zone)));
      else run.unaddressed.push({ incident_id: row.id, due_at: due.due_at });
      const incident = { id: row.id, organisation_id: organisationId, restricted: readBool(row.restricted) };
      const who = emailed.length ? `reminder e-mailed to ${people.map((p) => p.user_name).join(', ')}` : 'nobody to remind: assign an incident commander or communications lead';
      await recordTimelineEntry(uow, incident, { kind: 'status_update_due', body: `Status update to ${due.audience} was due at ${formatInZone(due.due_at, zone)}; ${who}`, details: { due_at: due.due_at, every_minutes: due.every_minutes, audience: due.audience, emailed: emailed.length } });
      await uow.audit('communication.status_update_reminder', { type: 'incident', id: row.id }, { due_at: due.due_at, emailed });
      run.reminded.push({ incident_id: row.id, due_at: due.due_at, emailed });
    }
    return run;
  });
}
