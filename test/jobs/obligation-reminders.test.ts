import { afterAll, beforeAll, expect, it } from 'vitest';
import { HOUR_MS, fixedClock } from '../../src/domain/time.js';
import { obligationRemindersJob } from '../../src/jobs/obligation-reminders.js';
import { systemActor, type ServiceContext } from '../../src/services/context.js';
import { createIncident } from '../../src/services/incidents/create-incident.js';
import { dispatchDueEmails } from '../../src/services/mail/dispatch-emails.js';
import { mailProviderFor } from '../../src/services/mail/mail-provider.js';
import { assignIncidentRole } from '../../src/services/members/assign-incident-role.js';
import { listIncidentObligations } from '../../src/services/obligations/list-incident-obligations.js';
import { setOrganisationProfile } from '../../src/services/obligations/organisation-profile.js';
import { saveIncidentFacts } from '../../src/services/obligations/save-incident-facts.js';
import { sendObligationReminders } from '../../src/services/obligations/send-obligation-reminders.js';
import { startRuntime, type Runtime } from '../../src/services/runtime.js';
import { addUser } from '../../src/services/users/add-user.js';
import { describeEachEngine } from '../support/engines.js';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const NOW = '2026-11-23T09:00:00.000Z';
const FACTS = { aware_at: NOW, personal_data: true, data_subject_jurisdictions: ['DE'], data_categories: [], subject_categories: [], nature: '', likely_consequences: '', measures_taken: '', measures_proposed: '' };

describeEachEngine('obligation reminders', (database) => {
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
  const at = (hours: number) => clock.set(new Date(Date.parse(NOW) + hours * HOUR_MS).toISOString());
  const deliver = async () => {
    const provider = mailProviderFor({ smtpUrl: smtp.url, mailFrom: 'Bulwark <bulwark@example.test>' });
    const result = await dispatchDueEmails(ctx(), provider);
    await provider.close();
    return result;
  };
  const remind = async () => {
    const run = await sendObligationReminders(ctx());
    await deliver();
    return run;
  };

  it('sets up an open and a restricted incident with a commander and legal counsel, and a GDPR clock started now', async () => {
    const person = async (label: string, role: 'responder' | 'stakeholder' | 'incident_manager') => (await addUser(ctx(), { email: `${label}@example.test`, name: label, role, password: 'correct horse battery staple' })).user.id;
    ids.commander = await person('carla', 'responder');
    ids.legal = await person('lena', 'stakeholder');
    ids.manager = await person('max', 'incident_manager');
    await setOrganisationProfile(ctx(), { timezone: 'Europe/Berlin', eu_controller: true, contact_point: '', lead_supervisory_authority: '', custom_regimes: [] });
    for (const restricted of [false, true]) {
      const incident = (await createIncident(ctx(), { title: restricted ? 'Insider case' : 'CRM export leaked', category: 'data_breach', restricted, commander_id: ids.commander })).incident;
      await assignIncidentRole(ctx(), incident.id, { user_id: ids.legal!, role: 'legal' });
      await saveIncidentFacts(ctx(), incident.id, undefined, FACTS);
      ids[restricted ? 'secret' : 'open'] = incident.id;
      ids[restricted ? 'secretNumber' : 'openNumber'] = incident.number;
    }
    const orphan = (await createIncident(ctx(), { title: 'Nobody in charge', category: 'data_breach' })).incident;
    await saveIncidentFacts(ctx(), orphan.id, undefined, FACTS);
    ids.orphan = orphan.id;
    expect((await remind()).reminded).toEqual([]);
    expect(smtp.received).toHaveLength(0);
  });

  it('reminds the commander and legal at half time, 24 h, 4 h and 1 h before, each level once, with a timeline entry', async () => {
    at(36);
    const run = await remind();
    expect(run.reminded.filter((r) => r.incident_id === ids.open)).toEqual([{ obligation_id: expect.any(String), incident_id: ids.open, level: 1, to: ['carla@example.test', 'lena@example.test'] }]);
    expect(run.unaddressed).toEqual([{ obligation_id: expect.any(String), level: 1 }]);
    const first = smtp.received.find((m) => m.subject.includes(ids.openNumber!))!;
    expect(first.to.sort()).toEqual(['carla@example.test', 'lena@example.test']);
    expect(first.subject).toBe(`GDPR personal data breach, authority for ${ids.openNumber}: 36 h 0 min left`);
    expect(first.text).toContain('Reminder (half time)');
    expect(first.text).toContain('2026-11-26 10:00 Europe/Berlin');
    expect((await remind()).reminded).toEqual([]);

    for (const [hours, level] of [[48, 2], [68, 3], [71, 4]] as const) {
      at(hours);
      const next = await remind();
      expect(next.reminded.map((r) => r.level)).toEqual([level, level]);
    }
    const timeline = await ctx().database.db.selectFrom('timeline_entries').select(['kind', 'body']).where('incident_id', '=', ids.open!).where('kind', '=', 'obligation_reminder').orderBy('seq').execute();
    expect(timeline.map((e) => e.body.split(':')[0])).toEqual(['Reminder (half time)', 'Reminder (24 hours left)', 'Reminder (4 hours left)', 'Reminder (1 hour left)']);
  });

  it('when late, marks it late and escalates to incident managers too — but not about a restricted incident they are not on', async () => {
    at(72.5);
    const run = await remind();
    const open = run.reminded.find((r) => r.incident_id === ids.open)!;
    const secret = run.reminded.find((r) => r.incident_id === ids.secret)!;
    expect(open).toMatchObject({ level: 5, to: expect.arrayContaining(['carla@example.test', 'lena@example.test', 'max@example.test']) });
    expect(secret.to).not.toContain('max@example.test');
    const late = smtp.received.find((m) => m.subject === `LATE: GDPR personal data breach, authority for ${ids.openNumber}`)!;
    expect(late.to).toContain('max@example.test');
    expect(late.text).toContain('reasons for the delay');
    const [obligation] = await listIncidentObligations(ctx(), ids.open!);
    expect(obligation).toMatchObject({ status: 'late', stored_status: 'late', reminder_level: 5 });
    at(100);
    expect((await remind()).reminded).toEqual([]);
  });

  it('runs as a scheduled job that logs obligations nobody could be e-mailed about; only administrators may run it', async () => {
    // An hour before the deadline nobody but the (absent) commander and counsel would be told.
    at(71.5);
    await ctx().database.db.updateTable('obligations').set({ reminder_level: 3, status: 'pending' }).where('incident_id', '=', ids.orphan!).execute();
    const warnings: string[] = [];
    const job = obligationRemindersJob(ctx(), ctx().actor.organisationId, { debug: () => {}, error: () => {}, warn: (_d, message) => warnings.push(message) });
    expect(job.name).toBe('obligation-reminders');
    await job.run();
    expect(warnings).toEqual(['obligation reminder not e-mailed: the incident has no commander or legal counsel with an e-mail address']);
    await expect(sendObligationReminders({ ...ctx(), actor: { ...ctx().actor, role: 'incident_manager' } })).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
