import { newId } from '../../domain/ids.js';
import { acceptanceExpired } from '../../domain/risk.js';
import { readJson } from '../../store/dialect.js';
import { readSetting, writeSetting } from '../../store/repositories/plumbing.js';
import { listAcceptedRisks, listOverdueMitigations, listOverdueReviews, lockSetting } from '../../store/repositories/risk-reminders.js';
import { memberEmails } from '../../store/repositories/risk-io.js';
import { insertRiskHistory, updateRisk } from '../../store/repositories/risks.js';
import type { ServiceContext } from '../context.js';
import { enqueueEmail } from '../mail/enqueue-email.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction, type UnitOfWork } from '../transaction.js';
import { reminderEmail, type ReminderItem } from './reminder-email.js';

/** Which owners got their reminder on which day (UTC), so each gets at most one a day. */
export const REMINDERS_SENT_SETTING = 'risk.reminders.sent';

export interface ReminderRun {
  /** Numbers of the risks whose acceptance ran out in this run (now `assessed`). */
  acceptances_expired: string[];
  /** Owners e-mailed in this run. */
  reminded: Array<{ owner_id: string; email: string; items: number }>;
  /** Owners with something due who already had today's e-mail. */
  already_reminded_today: number;
  /** Items nobody can be e-mailed about: no owner, an owner without an e-mail address, or a disabled account. */
  skipped: Array<{ owner_id: string | null; reason: string; items: number }>;
}

/**
 * The daily risk reminder run: expired acceptances go back to `assessed` (treatment cleared, a
 * history entry "acceptance expired" and an audit entry); then every owner with an overdue review,
 * an expired acceptance or a mitigation past its due date gets one e-mail listing them, through the
 * outbox, at most once a day. Safe to run as often as wanted (the scheduler runs it hourly).
 */
export async function sendRiskReminders(ctx: ServiceContext): Promise<ReminderRun> {
  authorize(ctx.actor, 'risk.configure');
  return runInTransaction(ctx, async (uow) => {
    const run: ReminderRun = { acceptances_expired: [], reminded: [], already_reminded_today: 0, skipped: [] };
    const due = new Map<string | null, ReminderItem[]>();
    const add = (owner: string | null, item: ReminderItem) => due.set(owner, [...(due.get(owner) ?? []), item]);

    for (const item of await expireAcceptances(uow)) {
      run.acceptances_expired.push(item.number);
      add(item.owner_id, { kind: 'acceptance_expired', number: item.number, title: item.title, until: item.until });
    }
    for (const risk of await listOverdueReviews(uow.db, uow.actor.organisationId, uow.now)) {
      add(risk.owner_id, { kind: 'review_overdue', number: risk.number, title: risk.title, due_at: risk.next_review_at });
    }
    for (const m of await listOverdueMitigations(uow.db, uow.actor.organisationId, uow.now)) {
      add(m.owner_id ?? m.risk_owner_id, { kind: 'mitigation_overdue', number: m.number, title: m.risk_title, control_ref: m.ref, control_title: m.control_title, due_at: m.due_at!, status: m.status });
    }
    if (due.size === 0) return run;

    const organisationId = uow.actor.organisationId;
    await lockSetting(uow.db, { organisation_id: organisationId, key: REMINDERS_SENT_SETTING, at: uow.now });
    const today = uow.now.slice(0, 10);
    const sent = (await readSetting<Record<string, string>>(uow.db, organisationId, REMINDERS_SENT_SETTING)) ?? {};
    const people = new Map((await memberEmails(uow.db, organisationId)).map((p) => [p.id, p]));
    for (const [owner, items] of due) {
      const person = owner ? people.get(owner) : undefined;
      if (owner === null) run.skipped.push({ owner_id: null, reason: 'the risk has no owner', items: items.length });
      else if (!person) run.skipped.push({ owner_id: owner, reason: 'the owner is not a member of this organisation', items: items.length });
      else if (person.disabled_at) run.skipped.push({ owner_id: owner, reason: 'the owner’s account is disabled', items: items.length });
      else if (!person.email?.includes('@')) run.skipped.push({ owner_id: owner, reason: 'the owner has no e-mail address', items: items.length });
      else if (sent[owner] === today) run.already_reminded_today += 1;
      else {
        await enqueueEmail(uow, reminderEmail({ email: person.email, name: person.name }, items));
        sent[owner] = today;
        run.reminded.push({ owner_id: owner, email: person.email, items: items.length });
      }
    }
    if (run.reminded.length > 0) {
      const todays = Object.fromEntries(Object.entries(sent).filter(([, date]) => date === today));
      await writeSetting(uow.db, { organisation_id: organisationId, key: REMINDERS_SENT_SETTING, value: todays, at: uow.now, by: null });
      await uow.audit('risk.reminders_queued', { type: 'organisation', id: organisationId }, { owners: run.reminded.map((r) => r.owner_id), skipped: run.skipped });
    }
    return run;
  });
}

/** Accepted risks whose `until` has passed, reopened; answers what was reopened. */
async function expireAcceptances(uow: UnitOfWork): Promise<Array<{ number: string; title: string; owner_id: string | null; until: string }>> {
  const reopened: Array<{ number: string; title: string; owner_id: string | null; until: string }> = [];
  for (const risk of await listAcceptedRisks(uow.db, uow.actor.organisationId)) {
    const details = readJson<Record<string, unknown> | null>(risk.treatment_details) ?? {};
    const until = typeof details.until === 'string' ? details.until : null;
    if (!until || !acceptanceExpired(risk.treatment, details, uow.now)) continue;
    const version = Number(risk.version);
    if (!(await updateRisk(uow.db, risk.id, version, { status: 'assessed', treatment: null, treatment_details: {}, updated_at: uow.now, updated_by: uow.actor.userId }))) continue;
    const changes = { status: { before: 'accepted', after: 'assessed' }, treatment: { before: risk.treatment, after: null }, treatment_details: { before: details, after: {} } };
    await insertRiskHistory(uow.db, [{
      id: newId('riskHistory'),
      organisation_id: uow.actor.organisationId,
      risk_id: risk.id,
      at: uow.now,
      actor_id: uow.actor.userId,
      action: 'risk.acceptance_expired',
      changes,
      reason: 'acceptance expired',
      source: { kind: 'reminders', until },
      inherent_level: risk.inherent_level,
      residual_level: risk.residual_level,
      annual_loss_mean: risk.annual_loss_mean === null ? null : Number(risk.annual_loss_mean),
    }]);
    await uow.audit('risk.acceptance_expired', { type: 'risk', id: risk.id }, { number: risk.number, until, changes });
    uow.emit({ type: 'risk.updated', entity_id: risk.id, version: version + 1 });
    reopened.push({ number: risk.number, title: risk.title, owner_id: risk.owner_id, until });
  }
  return reopened;
}
