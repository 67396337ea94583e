import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids.js';
import { DAY_MS, fixedClock } from '../../src/domain/time.js';
import { riskRemindersJob } from '../../src/jobs/risk-reminders.js';
import { systemActor, type ServiceContext } from '../../src/services/context.js';
import { dispatchDueEmails } from '../../src/services/mail/dispatch-emails.js';
import { mailProviderFor } from '../../src/services/mail/mail-provider.js';
import { sendRiskReminders } from '../../src/services/risk-reminders/send-risk-reminders.js';
import { createRisk, type CreateRiskInput } from '../../src/services/risks/create-risk.js';
import { startRuntime, type Runtime } from '../../src/services/runtime.js';
import { addUser } from '../../src/services/users/add-user.js';
import { readJson } from '../../src/store/dialect.js';
import { describeEachEngine } from '../support/engines.js';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const NOW = '2026-11-23T09:00:00.000Z';
const past = (days: number) => new Date(Date.parse(NOW) - days * DAY_MS).toISOString();

describeEachEngine('risk reminders', (database) => {
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
  const risk = async (input: Partial<CreateRiskInput> & { title: string }) =>
    (await createRisk(ctx(), { category: 'outage', inherent_likelihood: 'high', inherent_impact: 'moderate', ...input })).risk;
  const send = async () => {
    const provider = mailProviderFor({ smtpUrl: smtp.url, mailFrom: 'Bulwark <risk@example.test>' });
    const result = await dispatchDueEmails(ctx(), provider);
    await provider.close();
    return result;
  };
  const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));

  it('sets up owners and risks with overdue reviews, an expired acceptance and a late mitigation', async () => {
    const person = async (label: string) => (await addUser(ctx(), { email: `${label}@example.test`, name: `${label[0]!.toUpperCase()}${label.slice(1)} Owner`, role: 'risk_owner', password: 'correct horse battery staple' })).user.id;
    ids.olga = await person('olga');
    ids.nomail = await person('nomail');
    ids.gone = await person('gone');
    ids.review = (await risk({ title: 'Payroll outage', owner_id: ids.olga, next_review_at: past(3) })).id;
    ids.accepted = (await risk({
      title: 'Legacy VPN',
      owner_id: ids.olga,
      treatment: 'accept',
      treatment_details: { accepted_by: ids.olga, accepted_at: past(200), reason: 'replaced next year', until: past(1) },
    })).id;
    ids.stillAccepted = (await risk({ title: 'Old printer', owner_id: ids.olga, treatment: 'accept', treatment_details: { accepted_by: ids.olga, reason: 'cheap', until: '2027-06-01T00:00:00.000Z' } })).id;
    ids.mitigated = (await risk({ title: 'Phishing of finance', owner_id: ids.olga, treatment: 'mitigate', treatment_details: { plan: 'MFA' } })).id;
    ids.control = newId('control');
    const at = NOW;
    await db().insertInto('controls').values({ id: ids.control, organisation_id: ctx().actor.organisationId, catalog_id: null, ref: 'CUST-1', title: 'Phishing-resistant MFA', description: '', family: '', parent_ref: null, position: 0, implementation_status: 'planned', owner_id: null, effectiveness: 60, maturity: 2, last_tested_at: null, next_test_at: null, evidence_notes: '', created_at: at, created_by: 'system', updated_at: at, updated_by: 'system', version: 1 }).execute();
    await db().insertInto('risk_controls').values({ organisation_id: ctx().actor.organisationId, risk_id: ids.mitigated, control_id: ids.control, status: 'in_progress', owner_id: null, due_at: past(2), note: '', created_at: at, created_by: 'system', updated_at: at, version: 1 }).execute();
    ids.nomailRisk = (await risk({ title: 'Badge system', owner_id: ids.nomail, next_review_at: past(5) })).id;
    ids.goneRisk = (await risk({ title: 'Courier contract', owner_id: ids.gone, next_review_at: past(5) })).id;
    ids.orphan = (await risk({ title: 'Nobody owns this', next_review_at: past(10) })).id;
    ids.closed = (await risk({ title: 'Closed long ago', owner_id: ids.olga, status: 'closed', next_review_at: past(10) })).id;
    // An owner whose address was removed, and one whose account was disabled.
    await db().updateTable('users').set({ email: '' }).where('id', '=', ids.nomail).execute();
    await db().updateTable('users').set({ disabled_at: past(1) }).where('id', '=', ids.gone).execute();
  });

  it('expires the acceptance, queues one e-mail per owner listing everything due, and skips who cannot be e-mailed', async () => {
    const run = await sendRiskReminders(ctx());
    const accepted = await db().selectFrom('risks').selectAll().where('id', '=', ids.accepted!).executeTakeFirstOrThrow();
    expect(run.acceptances_expired).toEqual([accepted.number]);
    expect(run.reminded).toEqual([{ owner_id: ids.olga, email: 'olga@example.test', items: 3 }]);
    expect(run.skipped).toEqual(
      expect.arrayContaining([
        { owner_id: ids.nomail, reason: 'the owner has no e-mail address', items: 1 },
        { owner_id: ids.gone, reason: 'the owner’s account is disabled', items: 1 },
        { owner_id: null, reason: 'the risk has no owner', items: 1 },
      ]),
    );
    expect(run.skipped).toHaveLength(3);

    expect(accepted.status).toBe('assessed');
    expect(accepted.treatment).toBeNull();
    expect(readJson(accepted.treatment_details)).toEqual({});
    expect(Number(accepted.version)).toBe(2);
    const history = await db().selectFrom('risk_history').selectAll().where('risk_id', '=', ids.accepted!).where('action', '=', 'risk.acceptance_expired').execute();
    expect(history).toHaveLength(1);
    expect(history[0]!.reason).toBe('acceptance expired');
    expect(readJson(history[0]!.changes)).toMatchObject({ status: { before: 'accepted', after: 'assessed' }, treatment: { before: 'accept', after: null } });
    const audit = await db().selectFrom('audit_log').select(['action', 'target_id']).where('action', '=', 'risk.acceptance_expired').execute();
    expect(audit).toEqual([{ action: 'risk.acceptance_expired', target_id: ids.accepted }]);
    const still = await db().selectFrom('risks').select(['status', 'treatment']).where('id', '=', ids.stillAccepted!).executeTakeFirstOrThrow();
    expect(still).toEqual({ status: 'accepted', treatment: 'accept' });

    expect((await send()).delivered).toBe(1);
    const mails = mailsTo('olga@example.test');
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe('Risk register: 3 items due for you');
    expect(mail.text).toContain('Hello Olga Owner,');
    const number = async (id: string) => (await db().selectFrom('risks').select('number').where('id', '=', id).executeTakeFirstOrThrow()).number;
    expect(mail.text).toContain(`${await number(ids.accepted!)}  Legacy VPN (accepted until ${past(1).slice(0, 10)})`);
    expect(mail.text).toContain(`${await number(ids.review!)}  Payroll outage (review due ${past(3).slice(0, 10)})`);
    expect(mail.text).toContain(`${await number(ids.mitigated!)}  Phishing of finance: control CUST-1 "Phishing-resistant MFA" (due ${past(2).slice(0, 10)}, in progress)`);
    expect(mail.text).not.toContain('Old printer');
    expect(mail.text).not.toContain('Closed long ago');
    expect(smtp.received.filter((m) => m.to.some((to) => to !== 'olga@example.test'))).toHaveLength(0);
  });

  it('sends an owner at most one e-mail a day, and the next day again while things are still due', async () => {
    const again = await sendRiskReminders(ctx());
    expect(again.reminded).toEqual([]);
    expect(again.already_reminded_today).toBe(1);
    expect(again.acceptances_expired).toEqual([]);
    expect((await send()).delivered).toBe(0);
    expect(mailsTo('olga@example.test')).toHaveLength(1);

    clock.advance(DAY_MS);
    const tomorrow = await sendRiskReminders(ctx());
    expect(tomorrow.reminded).toEqual([{ owner_id: ids.olga, email: 'olga@example.test', items: 2 }]);
    expect((await send()).delivered).toBe(1);
    expect(mailsTo('olga@example.test')).toHaveLength(2);
    expect(mailsTo('olga@example.test')[1]!.subject).toBe('Risk register: 2 items due for you');
  });

  it('runs as the scheduled job and logs the owners it could not e-mail; only risk.configure may run it', async () => {
    const warnings: string[] = [];
    const job = riskRemindersJob(ctx(), ctx().actor.organisationId, { debug: () => {}, error: () => {}, warn: (_d, message) => warnings.push(message) });
    expect(job.name).toBe('risk-reminders');
    await job.run();
    expect(warnings).toEqual(expect.arrayContaining(['risk reminder not sent: the owner has no e-mail address', 'risk reminder not sent: the risk has no owner']));
    await expect(sendRiskReminders({ ...ctx(), actor: { ...ctx().actor, role: 'responder' } })).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
