import { dueReminder, LATE_LEVEL, reminderName } from '../../domain/obligations/reminders.js';
import { readBool } from '../../store/dialect.js';
import { activeHolders } from '../../store/repositories/members.js';
import { listObligationsToRemind, managersToEscalateTo, updateObligation } from '../../store/repositories/obligations.js';
import { findUser } from '../../store/repositories/people.js';
import type { ServiceContext } from '../context.js';
import { enqueueEmail } from '../mail/enqueue-email.js';
import { authorize } from '../policies/authorize.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction, type UnitOfWork } from '../transaction.js';
import { lockIncidentForRecompute } from './lock-incident-for-recompute.js';
import { obligationReminderEmail } from './obligation-reminder-email.js';
import { toObligationView } from './obligation-record.js';
import { profileOf } from './profile-of.js';

export interface ObligationReminderRun {
  reminded: Array<{ obligation_id: string; incident_id: string; level: number; to: string[] }>;
  /** Reminders due that nobody could be e-mailed about (no commander or legal with an address). */
  unaddressed: Array<{ obligation_id: string; level: number }>;
}

async function addressesOf(uow: UnitOfWork, userIds: string[]): Promise<string[]> {
  const emails: string[] = [];
  for (const id of new Set(userIds)) {
    const user = await findUser(uow.db, uow.actor.organisationId, id);
    if (user && !user.disabled_at && user.email.includes('@')) emails.push(user.email);
  }
  return [...new Set(emails)];
}

/**
 * E-mails the incident commander and the incident's legal counsel as each obligation's deadline nears
 * (half time, 24 h, 4 h, 1 h before), and when it is late also every administrator and incident
 * manager who may see the incident; marks it late. Each level once (`reminder_level`), through the
 * outbox, each with a timeline entry. Safe to run as often as wanted.
 */
export async function sendObligationReminders(ctx: ServiceContext): Promise<ObligationReminderRun> {
  authorize(ctx.actor, 'settings.manage');
  return runInTransaction(ctx, async (uow) => {
    const run: ObligationReminderRun = { reminded: [], unaddressed: [] };
    const organisationId = uow.actor.organisationId;
    const candidates = await listObligationsToRemind(uow.db, organisationId);
    if (candidates.length === 0) return run;
    const zone = (await profileOf(uow.db, organisationId)).timezone;
    for (const row of candidates) {
      const view = toObligationView(row, zone, uow.now);
      const level = dueReminder({ clockStart: view.clock.started_at, deadline: row.deadline!, now: uow.now, sentLevel: Number(row.reminder_level) });
      if (level === null) continue;
      const incident = await lockIncidentForRecompute(uow, row.incident_id);
      const people = [...(await activeHolders(uow.db, incident.id, 'incident_commander')), ...(await activeHolders(uow.db, incident.id, 'legal'))].map((m) => m.user_id);
      if (level === LATE_LEVEL) {
        const members = new Set(people);
        for (const manager of await managersToEscalateTo(uow.db, organisationId)) {
          // A restricted incident stays need-to-know: only administrators and its members hear of it.
          if (!readBool(row.incident_restricted) || members.has(manager.id) || manager.role === 'admin') people.push(manager.id);
        }
      }
      const to = await addressesOf(uow, people);
      const version = Number(row.version);
      const late = level === LATE_LEVEL && row.status !== 'late';
      await updateObligation(uow.db, row.id, version, { reminder_level: level, ...(late ? { status: 'late' } : {}), updated_at: uow.now, updated_by: uow.actor.userId });
      if (to.length) {
        await enqueueEmail(uow, obligationReminderEmail(to, { number: incident.number, title: incident.title }, view, level));
        run.reminded.push({ obligation_id: row.id, incident_id: incident.id, level, to });
      } else {
        run.unaddressed.push({ obligation_id: row.id, level });
      }
      await recordTimelineEntry(uow, incident, {
        kind: 'obligation_reminder',
        body: `${level === LATE_LEVEL ? 'Late' : `Reminder (${reminderName(level)})`}: ${view.regime_name} ${view.stage.replaceAll('_', ' ')}${view.state ? ` (${view.state})` : ''} due ${view.deadline} — ${to.length ? `e-mailed ${to.join(', ')}` : 'nobody to e-mail: assign an incident commander or legal counsel'}`,
        details: { obligation_id: row.id, level, to },
      });
      uow.emit({ type: 'obligation.updated', incident_id: incident.id, restricted: incident.restricted, entity_id: row.id, version: version + 1 });
    }
    if (run.reminded.length || run.unaddressed.length) await uow.audit('obligation.reminders_queued', { type: 'organisation', id: organisationId }, { reminded: run.reminded, unaddressed: run.unaddressed });
    return run;
  });
}
