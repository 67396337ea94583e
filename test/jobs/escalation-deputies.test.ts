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
import { listAuditEntries } from '../../src/services/audit/list-audit-entries.js';
import { listTimeline } from '../../src/services/timeline/list-timeline.js';
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
    await addUser(ctx(), { email: 'ada@example.test', name: 'Ada Admin', role: 'admin', password: 'correct horse battery staple' });
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

  it('calls the next deputy when the first deputy does not answer either; the lead, who has no deputy, is reported unanswered once', async () => {
    clock.advance(20 * MINUTE);
    const dee = (await calls(ids.incident!)).find((c) => c.contact_id === 'dciso')!;
    const run = await callOverdueDeputies(ctx());
    expect(run.called).toEqual([expect.objectContaining({ deputy_contact_id: 'cio', stands_in_for: dee.id })]);
    expect(run.no_deputy).toEqual([expect.objectContaining({ contact_id: 'lead', emailed: expect.arrayContaining(['cora@example.test', 'ada@example.test']) })]);
    const all = await calls(ids.incident!);
    expect(all.map((c) => c.contact_id)).toEqual(['ciso', 'lead', 'dciso', 'cio']);
    // The second deputy stands in for Cora too, and takes the role she was called for.
    expect(all.find((c) => c.contact_id === 'cio')).toMatchObject({ trigger: 'deputy', rule_id: dee.id, incident_role: 'incident_commander', unanswered_at: null });
    expect(all.find((c) => c.contact_id === 'lead')!.unanswered_at).toBe(clock.now());

    expect(await callOverdueDeputies(ctx())).toEqual({ called: [], no_deputy: [] });
    expect((await calls(ids.incident!)).length).toBe(4);
  });

  it('when the last deputy does not answer either, tells the commander and managers once: timeline, audit, e-mail with the phone numbers', async () => {
    clock.advance(16 * MINUTE);
    const run = await callOverdueDeputies(ctx());
    expect(run.called).toEqual([]);
    expect(run.no_deputy.map((n) => n.contact_id)).toEqual(['cio']);
    expect((await calls(ids.incident!)).find((c) => c.contact_id === 'cio')!.unanswered_at).toBe(clock.now());
    expect(await callOverdueDeputies(ctx())).toEqual({ called: [], no_deputy: [] });

    const timeline = await listTimeline(ctx(), ids.incident!, { limit: 100 });
    const unanswered = timeline.items.filter((e) => e.kind === 'escalation_unanswered').map((e) => e.body);
    expect(unanswered).toHaveLength(2);
    expect(unanswered).toContain('Escalation unanswered: Cora, Dee and Cyd did not acknowledge in time and the plan names no further deputy.');
    expect(unanswered).toContain('Escalation unanswered: Lee did not acknowledge in time and the plan names no further deputy. Phone: Lee +1 555 0100.');
    const audit = (await listAuditEntries(ctx(), { limit: 200, target_type: 'incident', target_id: ids.incident! })).items.filter((a) => a.action === 'escalation.unanswered');
    expect(audit.map((a) => a.details.contact_ids)).toEqual([['ciso', 'dciso', 'cio'], ['lead']]);

    const provider = mailProviderFor({ smtpUrl: smtp.url, mailFrom: 'Bulwark <bulwark@example.test>' });
    await dispatchDueEmails(ctx(), provider);
    await provider.close();
    const notices = smtp.received.filter((m) => m.subject.includes('Nobody answered'));
    expect(notices).toHaveLength(2);
    const cyd = notices.find((m) => m.text.includes('Cyd'))!;
    expect(cyd.to).toEqual(expect.arrayContaining(['cora@example.test', 'ada@example.test']));
    expect(cyd.text).toContain('Domain admin compromised');
    expect(cyd.text).toContain(`https://bulwark.example.com/incidents/${ids.incident}`);
    expect(notices.find((m) => m.text.includes('Lee'))!.text).toContain('mobile +1 555 0100');
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
