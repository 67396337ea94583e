import { afterAll, beforeAll, expect, it } from 'vitest';
import { DAY_MS, fixedClock } from '../../src/domain/time.js';
import { actionItemRemindersJob } from '../../src/jobs/action-item-reminders.js';
import { createActionItem, type CreateActionItemInput } from '../../src/services/action-items/create-action-item.js';
import { sendActionItemReminders } from '../../src/services/action-items/send-action-item-reminders.js';
import { systemActor, type ServiceContext } from '../../src/services/context.js';
import { createIncident } from '../../src/services/incidents/create-incident.js';
import { dispatchDueEmails } from '../../src/services/mail/dispatch-emails.js';
import { mailProviderFor } from '../../src/services/mail/mail-provider.js';
import { startRuntime, type Runtime } from '../../src/services/runtime.js';
import { addUser } from '../../src/services/users/add-user.js';
import { describeEachEngine } from '../support/engines.js';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const NOW = '2026-11-23T09:00:00.000Z';
const past = (days: number) => new Date(Date.parse(NOW) - days * DAY_MS).toISOString();

describeEachEngine('action item reminders', (database) => {
  let runtime: Runtime | undefined;
  let smtp: TestSmtpServer;
  const clock = fixedClock(NOW);
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    runtime = await startRuntime({ sqliteFile: '', database: database(), clock });
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
    await (runtime?.deps.events as { stop?: () => Promise<void> } | undefined)?.stop?.();
  });
  const ctx = (): ServiceContext => ({ ...runtime!.deps, actor: systemActor(runtime!.organisationId) });
  const db = () => ctx().database.db;
  const item = async (incidentId: string, input: Partial<CreateActionItemInput> & { title: string }) => (await createActionItem(ctx(), incidentId, { kind: 'other', ...input })).id;
  const send = async () => {
    const provider = mailProviderFor({ smtpUrl: smtp.url, mailFrom: 'Bulwark <review@example.test>' });
    const result = await dispatchDueEmails(ctx(), provider);
    await provider.close();
    return result;
  };
  const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));

  it('sets up owners with overdue, done and future action items, on an open and a restricted incident', async () => {
    const person = async (label: string) => (await addUser(ctx(), { email: `${label}@example.test`, name: `${label[0]!.toUpperCase()}${label.slice(1)} Owner`, role: 'responder', password: 'correct horse battery staple' })).user.id;
    for (const label of ['olga', 'nomail', 'gone', 'lost']) ids[label] = await person(label);
    const open = (await createIncident(ctx(), { title: 'Phishing of finance', category: 'phishing' })).incident;
    const secret = (await createIncident(ctx(), { title: 'Insider case', category: 'insider', restricted: true, commander_id: ids.lost })).incident;
    ids.open = open.id;
    ids.openNumber = open.number;
    ids.late = await item(open.id, { title: 'Roll out FIDO2 keys', owner_id: ids.olga, due_at: past(3) });
    ids.lateInProgress = await item(open.id, { title: 'Train finance staff', owner_id: ids.olga, due_at: past(1), status: 'in_progress' });
    await item(open.id, { title: 'Already done', owner_id: ids.olga, due_at: past(5), status: 'done' });
    await item(open.id, { title: 'Next year', owner_id: ids.olga, due_at: '2027-06-01T00:00:00.000Z' });
    await item(open.id, { title: 'Nobody owns this', due_at: past(2) });
    await item(open.id, { title: 'No address', owner_id: ids.nomail, due_at: past(2) });
    await item(open.id, { title: 'Left the company', owner_id: ids.gone, due_at: past(2) });
    await item(secret.id, { title: 'Secret follow-up', owner_id: ids.lost, due_at: past(2) });
    // The owner of the restricted incident's item is no longer one of its members; another lost their address; one left.
    await db().updateTable('incident_members').set({ released_at: past(1), released_by: 'system' }).where('incident_id', '=', secret.id).where('user_id', '=', ids.lost!).execute();
    await db().updateTable('users').set({ email: '' }).where('id', '=', ids.nomail!).execute();
    await db().updateTable('users').set({ disabled_at: past(1) }).where('id', '=', ids.gone!).execute();
  });

  it('queues one e-mail per owner listing their overdue items, and skips who cannot be e-mailed or can no longer see the incident', async () => {
    const run = await sendActionItemReminders(ctx());
    expect(run.reminded).toEqual([{ owner_id: ids.olga, email: 'olga@example.test', items: 2 }]);
    expect(run.skipped).toEqual(
      expect.arrayContaining([
        { owner_id: ids.lost, reason: 'the owner can no longer see the restricted incident', items: 1 },
        { owner_id: null, reason: 'the action item has no owner', items: 1 },
        { owner_id: ids.nomail, reason: 'the owner has no e-mail address', items: 1 },
        { owner_id: ids.gone, reason: 'the owner’s account is disabled', items: 1 },
      ]),
    );
    expect(run.skipped).toHaveLength(4);
    const audit = await db().selectFrom('audit_log').select('action').where('action', '=', 'action_item.reminders_queued').execute();
    expect(audit).toHaveLength(1);

    expect((await send()).delivered).toBe(1);
    const mails = mailsTo('olga@example.test');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Action items: 2 overdue for you');
    expect(mails[0]!.text).toContain('Hello Olga Owner,');
    expect(mails[0]!.text).toContain(`${ids.openNumber}  Roll out FIDO2 keys (due ${past(3).slice(0, 10)}, open) — Phishing of finance`);
    expect(mails[0]!.text).toContain(`${ids.openNumber}  Train finance staff (due ${past(1).slice(0, 10)}, in progress)`);
    expect(mails[0]!.text.indexOf('Roll out FIDO2 keys')).toBeLessThan(mails[0]!.text.indexOf('Train finance staff'));
    expect(mails[0]!.text).not.toContain('Already done');
    expect(mails[0]!.text).not.toContain('Next year');
    expect(smtp.received.filter((m) => m.to.some((to) => to !== 'olga@example.test'))).toHaveLength(0);
  });

  it('e-mails an owner at most once a day, and the next day again while items are still overdue', async () => {
    const again = await sendActionItemReminders(ctx());
    expect(again.reminded).toEqual([]);
    expect(again.already_reminded_today).toBe(1);
    expect((await send()).delivered).toBe(0);
    expect(mailsTo('olga@example.test')).toHaveLength(1);

    await db().updateTable('action_items').set({ status: 'done' }).where('id', '=', ids.late!).execute();
    clock.advance(DAY_MS);
    const tomorrow = await sendActionItemReminders(ctx());
    expect(tomorrow.reminded).toEqual([{ owner_id: ids.olga, email: 'olga@example.test', items: 1 }]);
    expect((await send()).delivered).toBe(1);
    expect(mailsTo('olga@example.test')).toHaveLength(2);
    expect(mailsTo('olga@example.test')[1]!.subject).toBe('Action items: 1 overdue for you');
    expect(mailsTo('olga@example.test')[1]!.text).not.toContain('Roll out FIDO2 keys');
  });

  it('runs as a scheduled job and logs the owners it could not e-mail; only administrators may run it', async () => {
    const warnings: string[] = [];
    const job = actionItemRemindersJob(ctx(), ctx().actor.organisationId, { debug: () => {}, error: () => {}, warn: (_d, message) => warnings.push(message) });
    expect(job.name).toBe('action-item-reminders');
    await job.run();
    expect(warnings).toEqual(expect.arrayContaining(['action item reminder not sent: the owner has no e-mail address', 'action item reminder not sent: the action item has no owner']));
    await expect(sendActionItemReminders({ ...ctx(), actor: { ...ctx().actor, role: 'incident_manager' } })).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
