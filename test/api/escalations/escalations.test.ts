import { afterAll, beforeAll, expect, it } from 'vitest';
import { dispatchDueEmails } from '../../../src/services/mail/dispatch-emails.js';
import { mailProviderFor } from '../../../src/services/mail/mail-provider.js';
import { insertApprovedPlan } from '../../support/plan-fixture.js';
import { startTestSmtpServer, type TestSmtpServer } from '../../support/smtp.js';
import { describeApiOnEachEngine, type TestUser } from '../../support/test-app.js';

describeApiOnEachEngine('escalation matrix: calls, e-mails, roles and acknowledgements', (t) => {
  let smtp: TestSmtpServer;
  const people: Record<string, TestUser> = {};
  const incidents: Record<string, { id: string; number: string }> = {};
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    people.ciso = await t().user('incident_manager', 'Cora Ciso');
    people.lead = await t().user('responder', 'Lee Lead');
    people.legal = await t().user('stakeholder', 'Lia Legal');
    people.deputy = await t().user('responder', 'Dee Deputy');
    people.manager = await t().user('incident_manager', 'Max Manager');
    people.analyst = await t().user('analyst', 'Ann Analyst');
  });
  afterAll(async () => {
    await smtp.close();
  });

  const deliver = async () => {
    const provider = mailProviderFor({ smtpUrl: smtp.url, mailFrom: 'Bulwark <bulwark@example.test>' });
    const result = await dispatchDueEmails(t().system, provider);
    await provider.close();
    return result;
  };
  const escalations = async (incidentId: string, token?: string) => {
    const res = await t().call('GET', `/api/v1/incidents/${incidentId}/escalations`, token ? { token } : {});
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Array<Record<string, any>>;
  };
  const open = async (body: Record<string, unknown>) => {
    const res = await t().call('POST', '/api/v1/incidents', { body: { title: 'Invoice fraud at finance', category: 'phishing', severity: 2, ...body } });
    expect(res.statusCode, res.body).toBe(201);
    return { id: res.json().id as string, number: res.json().number as string };
  };
  const setSeverity = async (id: string, severity: number) => {
    const current = await t().call('GET', `/api/v1/incidents/${id}`);
    const res = await t().call('PATCH', `/api/v1/incidents/${id}`, { body: { severity }, headers: { 'if-match': String(current.json().version) } });
    expect(res.statusCode, res.body).toBe(200);
  };
  const count = async (table: 'escalations' | 'audit_log' | 'timeline_entries') => Number((await t().system.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())!.n);
  const ackLink = (text: string) => /http:\/\/localhost:8080(\/ack\/ack_[A-Za-z0-9_-]+)/.exec(text)?.[1];

  it('without a plan in force, opening an incident calls nobody and still succeeds', async () => {
    incidents.unplanned = await open({ title: 'Before any plan' });
    expect(await escalations(incidents.unplanned.id)).toEqual([]);
  });

  it('with a plan in force, opening an incident calls the matrix contacts, assigns their roles and records why', async () => {
    await insertApprovedPlan(t().system, {
      meeting_place: 'Room 4.12, or the car park of building B',
      out_of_band_channel: 'Signal group "IR bridge"',
      team: [
        { id: 'ciso', name: 'Cora Ciso', title: 'CISO', user_id: people.ciso!.id, incident_role: 'incident_commander', deputies: ['deputy'], work_email: 'cora@corp.example', personal_email: 'cora@home.example', mobile_phone: '+44 7700 900001' },
        { id: 'lead', name: 'Lee Lead', title: 'SOC lead', user_id: people.lead!.id, incident_role: 'technical_lead', deputies: [], work_email: 'lee@corp.example' },
        { id: 'legal', name: 'Lia Legal', title: 'General counsel', user_id: people.legal!.id, incident_role: 'legal', deputies: [], work_email: 'lia@corp.example' },
        { id: 'guard', name: 'Night Guard', title: 'Facilities', deputies: [], mobile_phone: '+44 7700 900099' },
        { id: 'deputy', name: 'Dee Deputy', title: 'Deputy CISO', user_id: people.deputy!.id, deputies: [], work_email: 'dee@corp.example' },
      ],
      escalation_rules: [
        { id: 'high', severities: [1, 2], categories: [], contact_ids: ['ciso', 'lead'], respond_within_minutes: 30 },
        { id: 'critical', severities: [1], categories: [], contact_ids: ['legal', 'ciso'], respond_within_minutes: 15 },
        { id: 'ransom', severities: [1, 2, 3], categories: ['ransomware'], contact_ids: ['guard'], respond_within_minutes: 60 },
      ],
    });
    incidents.main = await open({});
    const calls = await escalations(incidents.main.id);
    expect(calls.map((c) => [c.contact_id, c.rule_id, c.respond_within_minutes, c.trigger, c.severity])).toEqual([
      ['ciso', 'high', 30, 'opened', 2],
      ['lead', 'high', 30, 'opened', 2],
    ]);
    expect(calls[0]).toMatchObject({ contact_name: 'Cora Ciso', contact_title: 'CISO', user_id: people.ciso!.id, incident_role: 'incident_commander', emailed_to: ['cora@corp.example', 'cora@home.example'], mobile_phone: '+44 7700 900001', acknowledged_at: null, overdue_minutes: 0 });

    const members = (await t().call('GET', `/api/v1/incidents/${incidents.main.id}/members`)).json().items as Array<{ user_id: string; role: string }>;
    expect(members.map((m) => [m.user_id, m.role])).toEqual(expect.arrayContaining([[people.ciso!.id, 'incident_commander'], [people.lead!.id, 'technical_lead']]));

    const timeline = (await t().call('GET', `/api/v1/incidents/${incidents.main.id}/timeline`)).json().items as Array<{ kind: string; body: string }>;
    const sent = timeline.find((e) => e.kind === 'escalation_sent')!;
    expect(sent.body).toContain('opened at severity 2');
    expect(sent.body).toContain('Cora Ciso (rule high, respond within 30 min, e-mailed; assigned Incident commander)');
  });

  it('delivers the call by e-mail to work and personal addresses, with everything needed to act out of band', async () => {
    expect((await deliver()).delivered).toBeGreaterThanOrEqual(2);
    const mail = smtp.received.find((m) => m.to.includes('cora@corp.example'))!;
    expect(mail.to).toEqual(['cora@corp.example', 'cora@home.example']);
    expect(mail.subject).toBe(`[${incidents.main!.number}] Severity 2: you are called, acknowledge within 30 min`);
    for (const part of [incidents.main!.number, 'Invoice fraud at finance', 'Severity:  2 (High) — Significant impact', 'Category:  Phishing', 'Opened by: Ada Admin', 'Room 4.12', 'Signal group "IR bridge"', 'within 30 minutes', 'Incident commander (assigned to you in Bulwark)']) {
      expect(mail.text).toContain(part);
    }
    expect(ackLink(mail.text)).toBeDefined();
  });

  it('the e-mailed link shows a page on GET without acknowledging, and acknowledges once on POST', async () => {
    const mail = smtp.received.find((m) => m.to.includes('cora@corp.example'))!;
    const path = ackLink(mail.text)!;
    const page = await t().call('GET', path, { token: null });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain(incidents.main!.number);
    expect(page.body).toContain('<form method="post"');
    expect(page.body).toContain('>Acknowledge</button>');
    expect(page.body).not.toContain('<script');
    expect((await escalations(incidents.main!.id))[0]!.acknowledged_at).toBeNull();

    const done = await t().call('POST', path, { token: null, body: '', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.body).toContain('Acknowledged');
    const ciso = (await escalations(incidents.main!.id))[0]!;
    expect(ciso).toMatchObject({ acknowledged_via: 'link', acknowledged_by: people.ciso!.id });
    expect(ciso.acknowledged_at).toEqual(expect.any(String));

    const again = await t().call('POST', path, { token: null, body: '', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Already acknowledged');
    expect((await t().call('GET', path, { token: null })).body).toContain('Already acknowledged');

    const timeline = (await t().call('GET', `/api/v1/incidents/${incidents.main!.id}/timeline`)).json().items as Array<{ kind: string; body: string }>;
    expect(timeline.filter((e) => e.kind === 'escalation_acknowledged').map((e) => e.body)).toEqual(['Cora Ciso acknowledged the call by the e-mailed link']);
  });

  it('an unknown or malformed link answers a clear 404 page and writes nothing', async () => {
    const before = await count('audit_log');
    for (const path of ['/ack/ack_not-a-real-secret', '/ack/whatever']) {
      const res = await t().call('GET', path, { token: null });
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain('not known');
      expect((await t().call('POST', path, { token: null, body: '', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).statusCode).toBe(404);
    }
    expect(await count('audit_log')).toBe(before);
  });

  it('raising the severity calls only who was not called at that severity or graver; lowering calls nobody', async () => {
    await setSeverity(incidents.main!.id, 1);
    let calls = await escalations(incidents.main!.id);
    // At severity 1: legal is new; ciso (shortest time 15 min wins) and lead were called only at the milder 2.
    expect(calls.slice(2).map((c) => [c.contact_id, c.rule_id, c.respond_within_minutes, c.trigger, c.severity])).toEqual([
      ['ciso', 'critical', 15, 'severity_changed', 1],
      ['lead', 'high', 30, 'severity_changed', 1],
      ['legal', 'critical', 15, 'severity_changed', 1],
    ]);
    const members = (await t().call('GET', `/api/v1/incidents/${incidents.main!.id}/members`)).json().items as Array<{ user_id: string; role: string }>;
    expect(members.filter((m) => m.user_id === people.ciso!.id)).toHaveLength(1);
    expect(members.some((m) => m.user_id === people.legal!.id && m.role === 'legal')).toBe(true);

    await setSeverity(incidents.main!.id, 3);
    await setSeverity(incidents.main!.id, 2);
    await setSeverity(incidents.main!.id, 1);
    calls = await escalations(incidents.main!.id);
    expect(calls).toHaveLength(5);
  });

  it('a single-holder role already held is not taken: the call is recorded and the timeline says so', async () => {
    const commanded = await open({ title: 'Commanded already', commander_id: people.manager!.id });
    const calls = await escalations(commanded.id);
    expect(calls.map((c) => c.contact_id)).toEqual(['ciso', 'lead']);
    const members = (await t().call('GET', `/api/v1/incidents/${commanded.id}/members`)).json().items as Array<{ user_id: string; role: string }>;
    expect(members.filter((m) => m.role === 'incident_commander').map((m) => m.user_id)).toEqual([people.manager!.id]);
    const timeline = (await t().call('GET', `/api/v1/incidents/${commanded.id}/timeline`)).json().items as Array<{ kind: string; body: string }>;
    expect(timeline.find((e) => e.kind === 'escalation_sent')!.body).toContain('not assigned Incident commander: already held by Max Manager');
  });

  it('contacts without an e-mail address are recorded to be phoned', async () => {
    const ransom = await open({ title: 'Encrypted file shares', category: 'ransomware', severity: 3 });
    const [guard] = await escalations(ransom.id);
    expect(guard).toMatchObject({ contact_id: 'guard', emailed_to: [], mobile_phone: '+44 7700 900099', respond_within_minutes: 60 });
    const timeline = (await t().call('GET', `/api/v1/incidents/${ransom.id}/timeline`)).json().items as Array<{ kind: string; body: string }>;
    expect(timeline.find((e) => e.kind === 'escalation_sent')!.body).toContain('no e-mail: phone +44 7700 900099');
  });

  it('in the app: the person called acknowledges their own call; others need to manage people and give a note', async () => {
    const calls = await escalations(incidents.main!.id);
    const lead = calls.find((c) => c.contact_id === 'lead' && c.severity === 2)!;
    const legal = calls.find((c) => c.contact_id === 'legal')!;
    const url = (id: string) => `/api/v1/incidents/${incidents.main!.id}/escalations/${id}/acknowledge`;

    const own = await t().call('POST', url(lead.id), { token: people.lead!.token, body: {} });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ id: lead.id, acknowledged_via: 'app', acknowledged_by: people.lead!.id });
    const twice = await t().call('POST', url(lead.id), { token: people.lead!.token, body: {} });
    expect(twice.statusCode).toBe(409);
    expect(twice.headers['content-type']).toContain('application/problem+json');

    const before = await count('audit_log');
    for (const who of [people.deputy!, people.analyst!]) {
      const res = await t().call('POST', url(legal.id), { token: who.token, body: { note: 'I saw her in the corridor' } });
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const noNote = await t().call('POST', url(legal.id), { token: people.manager!.token, body: {} });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().errors).toEqual([{ path: 'note', message: 'required when acknowledging on someone’s behalf' }]);
    expect((await t().call('POST', url(legal.id), { token: people.manager!.token, body: { note: 'x', extra: 1 } })).statusCode).toBe(400);
    expect((await t().call('POST', url('esc_unknown'), { token: people.manager!.token, body: { note: 'x' } })).statusCode).toBe(404);
    expect((await t().call('POST', url(legal.id), { token: null, body: { note: 'x' } })).statusCode).toBe(401);
    expect(await count('audit_log')).toBe(before);
    expect((await escalations(incidents.main!.id)).find((c) => c.id === legal.id)!.acknowledged_at).toBeNull();

    const byPhone = await t().call('POST', url(legal.id), { token: people.manager!.token, body: { note: 'Called back at 03:12, on the bridge' } });
    expect(byPhone.statusCode, byPhone.body).toBe(200);
    expect(byPhone.json()).toMatchObject({ acknowledged_via: 'phone', acknowledged_by: people.manager!.id });
    const timeline = (await t().call('GET', `/api/v1/incidents/${incidents.main!.id}/timeline`)).json().items as Array<{ kind: string; body: string }>;
    expect(timeline.filter((e) => e.kind === 'escalation_acknowledged').map((e) => e.body)).toEqual(
      expect.arrayContaining(['Lee Lead acknowledged the call in Bulwark', 'Lia Legal acknowledged the call by phone (recorded by Max Manager): Called back at 03:12, on the bridge']),
    );
    const audit = await t().system.database.db.selectFrom('audit_log').select('action').where('action', 'in', ['escalation.send', 'escalation.acknowledge']).execute();
    expect(audit.filter((a) => a.action === 'escalation.acknowledge')).toHaveLength(3);
  });

  it('restricted incidents: the called get a role and see it, others get 404, and the e-mail keeps the title out', async () => {
    const secret = await open({ title: 'Insider at payroll', restricted: true, severity: 1, category: 'insider' });
    const calls = await escalations(secret.id);
    expect(calls.map((c) => c.contact_id)).toEqual(['ciso', 'lead', 'legal']);
    expect((await t().call('GET', `/api/v1/incidents/${secret.id}/escalations`, { token: people.legal!.token })).statusCode).toBe(200);
    expect((await t().call('GET', `/api/v1/incidents/${secret.id}/escalations`, { token: people.manager!.token })).statusCode).toBe(404);
    expect((await t().call('GET', `/api/v1/incidents/${secret.id}/escalations`, { token: people.deputy!.token })).statusCode).toBe(404);
    const ack = await t().call('POST', `/api/v1/incidents/${secret.id}/escalations/${calls[2]!.id}/acknowledge`, { token: people.manager!.token, body: { note: 'x' } });
    expect(ack.statusCode).toBe(404);

    await deliver();
    const mail = smtp.received.find((m) => m.to.includes('lia@corp.example') && m.text.includes(secret.number))!;
    expect(mail.text).not.toContain('Insider at payroll');
    expect(mail.text).toContain('restricted incident');
    const page = await t().call('GET', ackLink(mail.text)!, { token: null });
    expect(page.body).toContain(secret.number);
    expect(page.body).not.toContain('Insider at payroll');
  });
});
