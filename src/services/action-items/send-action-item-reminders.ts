import { readSetting, writeSetting } from '../../store/repositories/plumbing.js';
import { listOverdueActionItems } from '../../store/repositories/action-items.js';
import { isActiveMember } from '../../store/repositories/members.js';
import { findUser } from '../../store/repositories/people.js';
import { lockSetting } from '../../store/repositories/risk-reminders.js';
import { readBool } from '../../store/dialect.js';
import { findIncident } from '../../store/repositories/incidents.js';
import type { ServiceContext } from '../context.js';
import { enqueueEmail } from '../mail/enqueue-email.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { actionItemReminderEmail, type OverdueActionItem } from './action-item-reminder-email.js';

/** Which owners got their action-item reminder on which day (UTC), so each gets at most one a day. */
export const ACTION_ITEM_REMINDERS_SENT_SETTING = 'action_items.reminders.sent';

export interface ActionItemReminderRun {
  reminded: Array<{ owner_id: string; email: string; items: number }>;
  already_reminded_today: number;
  /** Overdue items nobody can be e-mailed about, and why. */
  skipped: Array<{ owner_id: string | null; reason: string; items: number }>;
}

/**
 * Every owner of open action items past their due date gets one e-mail a day listing them, through
 * the outbox. Items of a restricted incident the owner can no longer see are left out of the e-mail.
 * Safe to run as often as wanted (the scheduler runs it hourly).
 */
export async function sendActionItemReminders(ctx: ServiceContext): Promise<ActionItemReminderRun> {
  authorize(ctx.actor, 'settings.manage');
  return runInTransaction(ctx, async (uow) => {
    const run: ActionItemReminderRun = { reminded: [], already_reminded_today: 0, skipped: [] };
    const organisationId = uow.actor.organisationId;
    const overdue = await listOverdueActionItems(uow.db, organisationId, uow.now);
    if (overdue.length === 0) return run;
    const due = new Map<string | null, OverdueActionItem[]>();
    const hidden = new Map<string, number>();
    for (const item of overdue) {
      if (!item.incident_id || !item.incident_number) continue;
      if (item.owner_id && !(await ownerSees(uow.db, organisationId, item.incident_id, item.owner_id))) {
        hidden.set(item.owner_id, (hidden.get(item.owner_id) ?? 0) + 1);
        continue;
      }
      due.set(item.owner_id, [...(due.get(item.owner_id) ?? []), { title: item.title, incident_number: item.incident_number, incident_title: item.incident_title ?? '', due_at: item.due_at!, status: item.status }]);
    }
    for (const [owner, items] of hidden) run.skipped.push({ owner_id: owner, reason: 'the owner can no longer see the restricted incident', items });

    await lockSetting(uow.db, { organisation_id: organisationId, key: ACTION_ITEM_REMINDERS_SENT_SETTING, at: uow.now });
    const today = uow.now.slice(0, 10);
    const sent = (await readSetting<Record<string, string>>(uow.db, organisationId, ACTION_ITEM_REMINDERS_SENT_SETTING)) ?? {};
    for (const [owner, items] of due) {
      const person = owner ? await findUser(uow.db, organisationId, owner) : undefined;
      if (owner === null) run.skipped.push({ owner_id: null, reason: 'the action item has no owner', items: items.length });
      else if (!person) run.skipped.push({ owner_id: owner, reason: 'the owner is not a member of this organisation', items: items.length });
      else if (person.disabled_at) run.skipped.push({ owner_id: owner, reason: 'the owner’s account is disabled', items: items.length });
      else if (!person.email?.includes('@')) run.skipped.push({ owner_id: owner, reason: 'the owner has no e-mail address', items: items.length });
      else if (sent[owner] === today) run.already_reminded_today += 1;
      else {
        await enqueueEmail(uow, actionItemReminderEmail({ email: person.email, name: person.name }, items));
        sent[owner] = today;
        run.reminded.push({ owner_id: owner, email: person.email, items: items.length });
      }
    }
    if (run.reminded.length > 0) {
      const todays = Object.fromEntries(Object.entries(sent).filter(([, date]) => date === today));
      await writeSetting(uow.db, { organisation_id: organisationId, key: ACTION_ITEM_REMINDERS_SENT_SETTING, value: todays, at: uow.now, by: null });
      await uow.audit('action_item.reminders_queued', { type: 'organisation', id: organisationId }, { owners: run.reminded.map((r) => r.owner_id), skipped: run.skipped });
    }
    return run;
  });
}

/** Whether the owner may see the incident: not restricted, an administrator, or an active member. */
async function ownerSees(db: Parameters<typeof findUser>[0], organisationId: string, incidentId: string, ownerId: string): Promise<boolean> {
  const incident = await findIncident(db, organisationId, incidentId, null);
  if (!incident || !readBool(incident.restricted)) return true;
  const user = await findUser(db, organisationId, ownerId);
  return user?.role === 'admin' || (await isActiveMember(db, incidentId, ownerId));
}
