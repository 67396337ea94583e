import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../src/domain/time.js';
import { escalationDeputiesJob } from '../../src/jobs/escalation-deputies.js';
import { systemActor, type ServiceContext } from '../../src/services/context.js';
import { callOverdueDeputies } from '../../src/services/escalations/call-overdue-deputies.js';
import { listEscalations } from '../../src/services/escalations/list-escalations.js';
import { acknowledgeEscalation } from '../../src/services/escalations/acknowledge-escalation.js';
import { createIncident } from '../../src/services/incidents/create-incident.js';
import { listIncidentMembers } from '../../src/services/members/list-incident-members.js';
import { dispatchDueEmails } from '../../src/services/mail/dispatch-emails.js';
import { mailProviderFor } from '../../src/services/mail/mail-provider.js';
import { startRuntime, type Runtime } from '../../src/services/runtime.js';
import { addUser } from '../../src/services/users/add-user.js';
import { describeEachEngine } from '../support/engines.js';
import { insertApprovedPlan } from '../support/plan-fixture.js';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const NOW = '2026-11-23T03:00:00.000Z';
const MINUTE = 60_000;

describeEachEngine('escalation deputies', (database) => {
  let runtime: Runtime | undefined;
  let smtp: TestSmtpServer;
  const clock = fixedClock(NOW);
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    runtime = await startRuntime({ sqliteFile: '', database: database(), clock, publicUrl: 'https://bulwark.example.com/' });
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
    await (runtime?.deps.events as { stop?: () => Promise<void> } | undefined)?.stop?.();
  });
  const ctx = (): ServiceContext => ({ ...runtime!.deps, actor: systemActor(runtime!.organisationId) });
  const calls = async (incidentId: string) => listEscalations(ctx(), incidentId);

  it('sets up a plan where the CISO has two deputies and the lead has none, and opens an incident at 03:00', async () => {
    const person = async (name: string) => (await addUser(ctx(), { email: `${name.toLowerCase()}@example.test`, name, role: 'responder', password: 'correct horse battery staple' })).user.id;
    ids.ciso = await person('Cora');
    ids.deputy = await person('Dee');
    await insertApprovedPlan(ctx(), {
      team: [
        { id: 'ciso', name: 'Cora', title: 'CISO', user_id: ids.ciso, incident_role: 'incident_commander', deputies: ['dciso', 'cio'], work_email: 'cora@example.test' },
        { id: 'dciso', name: 'Dee', title: 'Deputy CISO', user_id: ids.deputy, deputies: [], work_email: 'dee@example.test', personal_email: 'dee@home.example' },
        { id: 'cio', name: 'Cyd', title: 'CIO', deputies: [], work_email: 'cyd@example.test' },
        { id: 'lead', name: 'Lee', title: 'SOC lead', deputies: [], mobile_phone: '+1 555 0100' },
      ],
      escalation_rules: [
        { id: 'high', severities: [1, 2], categories: [], contact_ids: ['ciso'], respond_within_minutes: 15 },
        { id: 'soc', severities: [1, 2], categories: [], contact_ids: ['lead'], respond_within_minutes: 30 },
      ],
    });
    ids.incident = (await createIncident(ctx(), { title: 'Domain admin compromised', category: 'malware', severity: 1 })).incident.id;
    expect((await calls(ids.incident)).map((c) => c.contact_id)).toEqual(['ciso', 'lead']);
  });

  it('calls nobody before the time to respond has passed', async () => {
    clock.set('2026-11-23T03:15:00.000Z');
    expect(await callOverdueDeputies(ctx())).toEqual({ called: [], no_deputy: [] });
  });

  it('calls the first deputy once the CISO is overdue, with the role the CISO was to take when the deputy has none of their own', async () => {
    clock.advance(MINUTE);
    const run = await callOverdueDeputies(ctx());
    expect(run.called.map((c) => c.deputy_contact_id)).toEqual(['dciso']);
    const all = await calls(ids.incident!);
    const ciso = all.find((c) => c.contact_id === 'ciso')!;
    expect(ciso.overdue_minutes).toBe(1);
    const deputy = all.find((c) => c.contact_id === 'dciso')!;
    expect(deputy).toMatchObject({ trigger: 'deputy', rule_id: ciso.id, respond_within_minutes: 15, incident_role: 'incident_commander', emailed_to: ['dee@example.test', 'dee@home.example'] });
    // Cora holds command already (the matrix gave it to her), so the deputy is called without taking it.
    const members = await listIncidentMembers(ctx(), ids.incident!, { history: false });
    expect(members.filter((m) => m.role === 'incident_commander').map((m) => m.user_id)).toEqual([ids.ciso]);

    const provider = mailProviderFor({ smtpUrl: smtp.url, mailFrom: 'Bulwark <bulwark@example.test>' });
    await dispatchDueEmails(ctx(), provider);
    await provider.close();
    const mail = smtp.received.find((m) => m.to.includes('dee@example.test'))!;
    expect(mail.text).toContain('You are called as deputy for Cora, who did not acknowledge in time.');
    expect(mail.text).toMatch(/https:\/\/bulwark\.example\.com\/ack\/ack_[A-Za-z0-9_-]+/);
  });

  it('calls a deputy only once per call, however often it runs; the lead has no deputy left', async () => {
    clock.advance(20 * MINUTE);
    const run = await callOverdueDeputies(ctx());
    expect(run.called).toEqual([]);
    expect(run.no_deputy.map((n) => n.contact_id)).toEqual(['lead']);
    expect((await calls(ids.incident!)).map((c) => c.contact_id)).toEqual(['ciso', 'lead', 'dciso']);
  });

  it('an acknowledged call calls no deputy', async () => {
    const second = (await createIncident(ctx(), { title: 'Second', category: 'malware', severity: 2 })).incident.id;
    const ciso = (await calls(second)).find((c) => c.contact_id === 'ciso')!;
    await acknowledgeEscalation({ ...ctx(), actor: { ...ctx().actor, role: 'incident_manager', userId: ids.ciso!, principal: ids.ciso! } }, second, ciso.id, {});
    clock.advance(60 * MINUTE);
    const run = await callOverdueDeputies(ctx());
    expect(run.called).toEqual([]);
    expect((await calls(second)).map((c) => c.contact_id)).toEqual(['ciso', 'lead']);
  });

  it('runs as a scheduled job; only administrators may run it', async () => {
    const job = escalationDeputiesJob(ctx(), ctx().actor.organisationId);
    expect(job.name).toBe('escalation-deputies');
    await expect(job.run()).resolves.toMatchObject({ called: [] });
    await expect(callOverdueDeputies({ ...ctx(), actor: { ...ctx().actor, role: 'incident_manager' } })).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
