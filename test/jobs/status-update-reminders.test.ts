import { afterAll, beforeAll, expect, it } from 'vitest';
import { HOUR_MS, fixedClock } from '../../src/domain/time.js';
import { statusUpdateRemindersJob } from '../../src/jobs/status-update-reminders.js';
import { approveCommunication } from '../../src/services/communications/approve-communication.js';
import { draftCommunication } from '../../src/services/communications/draft-communication.js';
import { sendCommunication } from '../../src/services/communications/send-communication.js';
import { sendStatusUpdateReminders } from '../../src/services/communications/send-status-update-reminders.js';
import { systemActor, type ServiceContext } from '../../src/services/context.js';
import { createIncident } from '../../src/services/incidents/create-incident.js';
import { dispatchDueEmails } from '../../src/services/mail/dispatch-emails.js';
import { mailProviderFor } from '../../src/services/mail/mail-provider.js';
import { assignIncidentRole } from '../../src/services/members/assign-incident-role.js';
import { startRuntime, type Runtime } from '../../src/services/runtime.js';
import { addUser } from '../../src/services/users/add-user.js';
import { describeEachEngine } from '../support/engines.js';
import { planWithTemplates } from '../api/communications/plan-templates.js';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const OPENED = '2026-11-23T08:00:00.000Z';

describeEachEngine('status-update reminders', (database) => {
  let runtime: Runtime | undefined;
  let smtp: TestSmtpServer;
  const clock = fixedClock(OPENED);
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    runtime = await startRuntime({ sqliteFile: '', database: database(), clock });
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
    await (runtime?.deps.events as { stop?: () => Promise<void> } | undefined)?.stop?.();
  });
  const ctx = (userId?: string): ServiceContext => ({ ...runtime!.deps, actor: userId ? { ...systemActor(runtime!.organisationId), userId, principal: userId, role: 'incident_manager' } : systemActor(runtime!.organisationId) });
  const deliver = async () => {
    const provider = mailProviderFor({ smtpUrl: smtp.url, mailFrom: 'Bulwark <comms@example.test>' });
    const result = await dispatchDueEmails(ctx(), provider);
    await provider.close();
    return result;
  };
  const reminderEntries = async (incidentId: string) => ctx().database.db.selectFrom('timeline_entries').select(['body', 'details']).where('incident_id', '=', incidentId).where('kind', '=', 'status_update_due').execute();

  it('sets up a plan with a cadence (severity 1 every 2 hours), a severity 1 incident with a commander and a communications lead, and a severity 4 one', async () => {
    await planWithTemplates(ctx());
    const person = async (label: string) => (await addUser(ctx(), { email: `${label}@example.test`, name: label, role: 'incident_manager', password: 'correct horse battery staple' })).user.id;
    ids.commander = await person('Cora');
    ids.lead = await person('Liam');
    const critical = (await createIncident(ctx(), { title: 'Ransomware', category: 'malware', severity: 1 })).incident;
    ids.critical = critical.id;
    ids.criticalNumber = critical.number;
    await assignIncidentRole(ctx(), critical.id, { user_id: ids.commander, role: 'incident_commander' });
    await assignIncidentRole(ctx(), critical.id, { user_id: ids.lead, role: 'communications_lead' });
    ids.low = (await createIncident(ctx(), { title: 'Spam wave', category: 'phishing', severity: 4 })).incident.id;
  });

  it('does nothing before the update is due', async () => {
    clock.set('2026-11-23T09:59:00.000Z');
    expect((await sendStatusUpdateReminders(ctx())).reminded).toEqual([]);
  });

  it('e-mails the commander and communications lead once when it passes, with a timeline entry', async () => {
    clock.set('2026-11-23T10:01:00.000Z');
    const run = await sendStatusUpdateReminders(ctx());
    expect(run.reminded).toEqual([{ incident_id: ids.critical, due_at: '2026-11-23T10:00:00.000Z', emailed: expect.arrayContaining(['cora@example.test', 'liam@example.test']) }]);
    expect((await deliver()).delivered).toBe(1);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to.sort()).toEqual(['cora@example.test', 'liam@example.test']);
    expect(smtp.received[0]!.subject).toBe(`${ids.criticalNumber}: status update due`);
    expect(smtp.received[0]!.text).toContain('every 2 hours');
    const entries = await reminderEntries(ids.critical!);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.body).toContain('reminder e-mailed to Cora, Liam');

    clock.advance(HOUR_MS);
    expect((await sendStatusUpdateReminders(ctx())).reminded).toEqual([]);
    expect((await deliver()).delivered).toBe(0);
  });

  it('counts from the last status update sent, and reminds again when that one is due', async () => {
    const { communication: drafted } = await draftCommunication(ctx(ids.lead), ids.critical!, { template_id: 'exec-update', kind: 'status_update' });
    await approveCommunication(ctx(ids.commander), drafted.id);
    clock.set('2026-11-23T11:30:00.000Z');
    await sendCommunication(ctx(ids.lead), drafted.id, 'Read out on the bridge call');
    clock.set('2026-11-23T13:29:00.000Z');
    expect((await sendStatusUpdateReminders(ctx())).reminded).toEqual([]);
    clock.set('2026-11-23T13:31:00.000Z');
    const job = statusUpdateRemindersJob(ctx(), runtime!.organisationId);
    expect(job.name).toBe('status-update-reminders');
    expect(await job.run()).toMatchObject({ reminded: [{ incident_id: ids.critical, due_at: '2026-11-23T13:30:00.000Z' }] });
    expect(await reminderEntries(ids.critical!)).toHaveLength(2);
  });

  it('stops for closed incidents; only administrators may run it', async () => {
    // Closing needs a completed review at severity 1; the phase is what the cadence reads.
    await ctx().database.db.updateTable('incidents').set({ phase: 'closed' }).where('id', '=', ids.critical!).execute();
    clock.set('2026-11-24T08:00:00.000Z');
    expect((await sendStatusUpdateReminders(ctx())).reminded).toEqual([]);
    await expect(sendStatusUpdateReminders(ctx(ids.lead))).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
