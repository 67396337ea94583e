import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../src/domain/time.js';
import { backgroundJobs } from '../../src/jobs/background-jobs.js';
import { emailDispatchJob } from '../../src/jobs/email-dispatch.js';
import { startScheduler } from '../../src/jobs/scheduler.js';
import { systemActor, type ServiceContext } from '../../src/services/context.js';
import { dispatchDueEmails } from '../../src/services/mail/dispatch-emails.js';
import { enqueueEmail } from '../../src/services/mail/enqueue-email.js';
import { mailProviderFor } from '../../src/services/mail/mail-provider.js';
import { NO_MAIL_SERVER } from '../../src/services/mail/none-provider.js';
import { startRuntime, type Runtime } from '../../src/services/runtime.js';
import { runInTransaction } from '../../src/services/transaction.js';
import { describeEachEngine } from '../support/engines.js';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const NOW = '2026-11-23T12:00:00.000Z';
const quietLog = { debug: () => {}, error: () => {} };

describeEachEngine('e-mail through the outbox', (database) => {
  let runtime: Runtime | undefined;
  let smtp: TestSmtpServer;
  const clock = fixedClock(NOW);
  beforeAll(async () => {
    runtime = await startRuntime({ sqliteFile: '', database: database(), clock });
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
    await (runtime?.deps.events as { stop?: () => Promise<void> } | undefined)?.stop?.();
  });
  const ctx = (): ServiceContext => ({ ...runtime!.deps, actor: systemActor(runtime!.organisationId) });
  const smtpProvider = () => mailProviderFor({ smtpUrl: smtp.url, mailFrom: 'Bulwark <bulwark@example.test>' });
  const outboxRow = (id: string) => ctx().database.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const queue = (subject: string, to = ['ciso@example.test', 'owner@example.test']) =>
    runInTransaction(ctx(), (uow) => enqueueEmail(uow, { to, subject, text: `Body of ${subject}\nsecond line with ünïcode and a long line ${'x'.repeat(120)}` }));

  it('delivers a queued e-mail to the SMTP server with its recipients, subject and body, and marks it delivered', async () => {
    const id = await queue('Quarterly risk review');
    const provider = smtpProvider();
    expect(await dispatchDueEmails(ctx(), provider)).toEqual({ delivered: 1, retrying: 0, failed: 0, skipped: 0 });
    await provider.close();
    const mail = smtp.received.find((m) => m.subject === 'Quarterly risk review');
    expect(mail).toBeDefined();
    expect(mail!.from).toBe('bulwark@example.test');
    expect(mail!.to).toEqual(['ciso@example.test', 'owner@example.test']);
    expect(mail!.text).toContain(`Body of Quarterly risk review\nsecond line with ünïcode and a long line ${'x'.repeat(120)}`);
    const row = await outboxRow(id);
    expect(row.delivered_at).toBe(NOW);
    expect(Number(row.attempts)).toBe(1);
    // Nothing left to send: a second run sends nothing again.
    expect(await dispatchDueEmails(ctx(), smtpProvider())).toEqual({ delivered: 0, retrying: 0, failed: 0, skipped: 0 });
    expect(smtp.received.filter((m) => m.subject === 'Quarterly risk review')).toHaveLength(1);
  });

  it('retries a message the server refused, with backoff, and delivers it on a later attempt', async () => {
    const id = await queue('Refused once');
    smtp.refuseNext(1);
    const provider = smtpProvider();
    expect(await dispatchDueEmails(ctx(), provider, { random: () => 0 })).toEqual({ delivered: 0, retrying: 1, failed: 0, skipped: 0 });
    let row = await outboxRow(id);
    expect(row.delivered_at).toBeNull();
    expect(row.last_error).toMatch(/451|try again later/i);
    // Equal jitter with random 0: half of the 30 s base step.
    expect(row.available_at).toBe('2026-11-23T12:00:15.000Z');
    expect(smtp.received.some((m) => m.subject === 'Refused once')).toBe(false);
    // Not due yet: nothing is sent.
    expect((await dispatchDueEmails(ctx(), provider)).delivered).toBe(0);
    clock.advance(15_000);
    expect(await dispatchDueEmails(ctx(), provider)).toEqual({ delivered: 1, retrying: 0, failed: 0, skipped: 0 });
    await provider.close();
    row = await outboxRow(id);
    expect(Number(row.attempts)).toBe(2);
    expect(row.delivered_at).toBe(clock.now());
    expect(smtp.received.filter((m) => m.subject === 'Refused once')).toHaveLength(1);
  });

  it('gives up after the last attempt and records why', async () => {
    const id = await queue('Always refused');
    smtp.refuseNext(2);
    const provider = smtpProvider();
    const retry = { maxAttempts: 2, baseDelayMs: 1000, maxDelayMs: 1000 };
    expect((await dispatchDueEmails(ctx(), provider, { retry, random: () => 1 })).retrying).toBe(1);
    clock.advance(1000);
    expect((await dispatchDueEmails(ctx(), provider, { retry })).failed).toBe(1);
    await provider.close();
    const row = await outboxRow(id);
    expect(row.failed_at).toBe(clock.now());
    expect(row.last_error).toMatch(/451|try again later/i);
  });

  it('sends nothing for a transaction that rolled back', async () => {
    const before = await ctx().database.db.selectFrom('outbox').select('id').where('topic', '=', 'email').execute();
    await expect(
      runInTransaction(ctx(), async (uow) => {
        await enqueueEmail(uow, { to: ['ghost@example.test'], subject: 'Never sent', text: 'rolled back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const after = await ctx().database.db.selectFrom('outbox').select('id').where('topic', '=', 'email').execute();
    expect(after).toHaveLength(before.length);
    expect((await dispatchDueEmails(ctx(), smtpProvider())).delivered).toBe(0);
    expect(smtp.received.some((m) => m.subject === 'Never sent')).toBe(false);
  });

  it('refuses an e-mail without a valid recipient', async () => {
    await expect(runInTransaction(ctx(), (uow) => enqueueEmail(uow, { to: ['not an address'], subject: 's', text: 't' }))).rejects.toMatchObject({ kind: 'validation' });
    await expect(runInTransaction(ctx(), (uow) => enqueueEmail(uow, { to: [], subject: 's', text: 't' }))).rejects.toMatchObject({ kind: 'validation' });
  });

  it('keeps e-mails queued, not lost, when no mail server is configured, and sends them once one is', async () => {
    const id = await queue('Waiting for a server');
    const none = mailProviderFor({ smtpUrl: undefined, mailFrom: 'x@example.test' });
    expect(none.name).toBe('none');
    const result = await dispatchDueEmails(ctx(), none, { skippedWaitMs: 1000 });
    expect(result).toMatchObject({ delivered: 0, skipped: 1, reason: NO_MAIL_SERVER });
    let row = await outboxRow(id);
    expect(row.delivered_at).toBeNull();
    expect(row.failed_at).toBeNull();
    expect(row.last_error).toBe(NO_MAIL_SERVER);
    expect(Number(row.attempts)).toBe(0);
    // The job says so in the log, once, not on every run.
    const warnings: string[] = [];
    const job = emailDispatchJob(ctx(), none, 10, { skippedWaitMs: 0, log: { debug: () => {}, error: () => {}, warn: (_d, message) => warnings.push(message) } });
    clock.advance(1000);
    await job.run();
    await job.run();
    expect(warnings).toEqual([`e-mails skipped: ${NO_MAIL_SERVER}`]);
    clock.advance(1000);
    const provider = smtpProvider();
    expect((await dispatchDueEmails(ctx(), provider)).delivered).toBe(1);
    await provider.close();
    row = await outboxRow(id);
    expect(row.delivered_at).not.toBeNull();
    expect(smtp.received.some((m) => m.subject === 'Waiting for a server')).toBe(true);
  });

  it('runs as a scheduled job, and serve registers it with the risk reminders', async () => {
    await queue('Sent by the job');
    const provider = smtpProvider();
    const scheduler = startScheduler([emailDispatchJob(ctx(), provider, 10)], quietLog);
    await expect.poll(() => smtp.received.some((m) => m.subject === 'Sent by the job'), { timeout: 5000 }).toBe(true);
    await scheduler.stop();
    await provider.close();
    const names = backgroundJobs(ctx(), ctx().actor.organisationId).map((j) => j.name);
    expect(names).toEqual(expect.arrayContaining(['email-dispatch', 'risk-reminders']));
  });
});
