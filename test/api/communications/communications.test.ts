import { afterAll, beforeAll, expect, it } from 'vitest';
import { dispatchDueEmails } from '../../../src/services/mail/dispatch-emails.js';
import { mailProviderFor } from '../../../src/services/mail/mail-provider.js';
import { planWithTemplates } from './plan-templates.js';
import { startTestSmtpServer, type TestSmtpServer } from '../../support/smtp.js';
import { describeApiOnEachEngine, type TestUser } from '../../support/test-app.js';

describeApiOnEachEngine('stakeholder communications API', (t) => {
  let smtp: TestSmtpServer;
  const people: Record<'drafter' | 'legal' | 'commander' | 'outsider' | 'sponsor', TestUser> = {} as never;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    await planWithTemplates(t().system);
    people.drafter = await t().user('responder', 'Dora Drafter');
    people.legal = await t().user('stakeholder', 'Lena Legal');
    people.commander = await t().user('incident_manager', 'Cora Commander');
    people.sponsor = await t().user('stakeholder', 'Sam Sponsor');
    people.outsider = await t().user('responder', 'Otto Outsider');
  });
  afterAll(async () => smtp.close());

  const open = async (body: Record<string, unknown> = {}) => {
    const res = await t().call('POST', '/api/v1/incidents', { body: { title: 'Ransomware on FS-01', category: 'malware', severity: 1, ...body } });
    expect(res.statusCode, res.body).toBe(201);
    const incident = res.json();
    for (const [user, role] of [[people.legal, 'legal'], [people.commander, 'incident_commander'], [people.sponsor, 'executive_sponsor']] as const) {
      const assigned = await t().call('POST', `/api/v1/incidents/${incident.id}/members`, { body: { user_id: user.id, role } });
      expect(assigned.statusCode, assigned.body).toBe(201);
    }
    return incident as { id: string; number: string; detected_at: string };
  };
  const draft = (incidentId: string, body: Record<string, unknown>, as: TestUser = people.drafter) => t().call('POST', `/api/v1/incidents/${incidentId}/communications`, { token: as.token, body });
  const step = (id: string, action: string, as: TestUser, body: Record<string, unknown> = {}) => t().call('POST', `/api/v1/communications/${id}/${action}`, { token: as.token, body });
  const count = async () => Number((await t().system.database.db.selectFrom('communications').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const timelineKinds = async (incidentId: string) => ((await t().call('GET', `/api/v1/incidents/${incidentId}/timeline`)).json().items as Array<{ kind: string }>).map((e) => e.kind);

  it('drafts a holding statement from a template: variables filled, missing ones shown as [name] and listed as gaps', async () => {
    const incident = await open();
    const res = await draft(incident.id, { template_id: 'media-holding', recipients: ['desk@press.example'] });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ status: 'draft', audience: 'media', channel: 'email', kind: 'holding_statement', template_id: 'media-holding', needs_legal_review: true, created_by: people.drafter.id, created_by_name: 'Dora Drafter', version: 1 });
    expect(c.subject).toMatch(/ statement on Ransomware on FS-01$/);
    expect(c.body).toContain(`(${incident.number})`);
    expect(c.body).toContain('Our incident commander is Cora Commander.');
    expect(c.body).toContain('Summary: [incident.summary].');
    expect(c.body).not.toContain('{{');
    expect(c.gaps).toEqual(['incident.summary']);
    expect(await timelineKinds(incident.id)).toContain('communication_drafted');
    const regulator = await draft(incident.id, { template_id: 'regulator-note' });
    expect(regulator.json().subject).toBe(`Incident ${incident.number} — severity 1 (Critical)`);
    expect(regulator.json().body).toContain('Category: ');
    expect(regulator.json().body).toContain('Phase: Detection & analysis.');
  });

  it('replays a draft retried with the same Idempotency-Key instead of drafting it twice; the key with another request is 409', async () => {
    const incident = await open();
    const headers = { 'idempotency-key': `comm-${Math.random()}` };
    const body = { template_id: 'media-holding', recipients: ['desk@press.example'] };
    const send = (b: Record<string, unknown>, id = incident.id) => t().call('POST', `/api/v1/incidents/${id}/communications`, { token: people.drafter.token, body: b, headers });
    const before = await count();
    const first = await send(body);
    expect(first.statusCode, first.body).toBe(201);
    const second = await send(body);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).toBe(first.json().id);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await count()).toBe(before + 1);
    expect((await timelineKinds(incident.id)).filter((k) => k === 'communication_drafted')).toHaveLength(1);
    expect((await send({ ...body, recipients: ['other@press.example'] })).statusCode).toBe(409);
    expect((await send(body, (await open()).id)).statusCode).toBe(409);
    expect(await count()).toBe(before + 1);
  });

  it('refuses unknown variables (400 naming them), missing fields, bad addresses and unknown templates; nothing is saved', async () => {
    const incident = await open();
    const before = await count();
    const unknown = await draft(incident.id, { audience: 'staff', channel: 'email', subject: 'About {{incident.titel}}', body: 'Dear {{customer.name}}, {{incident.title}}' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json().detail).toContain('{{incident.titel}}');
    expect(unknown.json().detail).toContain('{{customer.name}}');
    expect(unknown.json().errors.map((e: { path: string }) => e.path)).toEqual(['subject', 'body']);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ audience: 'staff', subject: 'x', body: 'y' }, 'channel'],
      [{ audience: 'staff', channel: 'email', subject: ' ', body: 'y' }, 'subject'],
      [{ audience: 'staff', channel: 'email', subject: 'x', body: 'y', recipients: ['not-an-address'] }, 'recipients.0'],
      [{ template_id: 'no-such-template' }, 'template_id'],
      [{ audience: 'board', channel: 'email', subject: 'x', body: 'y' }, 'audience'],
      [{ audience: 'staff', channel: 'email', subject: 'x', body: 'y', urgent: true }, 'body'],
    ];
    for (const [body, path] of cases) {
      const res = await draft(incident.id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path).join(' '), JSON.stringify(body)).toContain(path);
    }
    expect(await count()).toBe(before);
    // Roles without communication.write cannot draft.
    expect((await draft(incident.id, { template_id: 'exec-update' }, people.legal)).statusCode).toBe(403);
    expect(await count()).toBe(before);
  });

  it('legal review only by the Legal role holder; approval only by commander, sponsor or communications lead, not the drafter; outside audiences need legal review first', async () => {
    const incident = await open();
    const c = (await draft(incident.id, { template_id: 'media-holding', recipients: ['desk@press.example'] })).json();
    const early = await step(c.id, 'approve', people.commander);
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('needs legal review');
    expect((await step(c.id, 'submit', people.drafter)).json().status).toBe('in_review');

    const notLegal = await step(c.id, 'review', people.commander, { decision: 'approve' });
    expect(notLegal.statusCode).toBe(403);
    expect(notLegal.json().detail).toContain('Legal role');
    const admin = await step(c.id, 'review', t().admin, { decision: 'approve' });
    expect(admin.statusCode).toBe(403);
    expect((await step(c.id, 'review', people.legal, { decision: 'return' })).statusCode).toBe(400);
    const returned = await step(c.id, 'review', people.legal, { decision: 'return', comment: 'Do not name the file server.' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'draft', legal_reviewed_by: null });
    expect(returned.json().history.at(-1)).toMatchObject({ kind: 'communication_reviewed', actor_name: 'Lena Legal', comment: 'Do not name the file server.' });

    await step(c.id, 'submit', people.drafter);
    const passed = await step(c.id, 'review', people.legal, { decision: 'approve' });
    expect(passed.json()).toMatchObject({ status: 'legal_reviewed', legal_reviewed_by: people.legal.id, legal_reviewed_by_name: 'Lena Legal' });

    const outsider = await step(c.id, 'approve', people.outsider);
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().detail).toContain('incident commander, the executive sponsor or the communications lead');
    const adminApproval = await step(c.id, 'approve', t().admin);
    expect(adminApproval.statusCode).toBe(403);
    expect(adminApproval.json().detail).toContain('assign themselves a role');
    expect((await t().call('GET', `/api/v1/communications/${c.id}`)).json().status).toBe('legal_reviewed');

    // The commander drafting a message cannot approve it; the sponsor can.
    const own = (await draft(incident.id, { template_id: 'exec-update' }, people.commander)).json();
    const self = await step(own.id, 'approve', people.commander);
    expect(self.statusCode).toBe(403);
    expect(self.json().detail).toContain('You drafted this communication');
    // Internal audiences may skip legal review.
    const internal = await step(own.id, 'approve', people.sponsor);
    expect(internal.statusCode, internal.body).toBe(200);
    expect(internal.json()).toMatchObject({ status: 'approved', approved_by: people.sponsor.id, legal_reviewed_by: null });
  });

  it('goes from draft to sent: the e-mail reaches the SMTP server, the sent log shows who approved, every step is on the timeline and audited', async () => {
    const incident = await open();
    const c = (await draft(incident.id, { template_id: 'media-holding', recipients: ['desk@press.example', 'wire@news.example'] })).json();
    await step(c.id, 'submit', people.drafter);
    await step(c.id, 'review', people.legal, { decision: 'approve' });
    expect((await step(c.id, 'send', people.drafter)).statusCode).toBe(409);
    const approved = await step(c.id, 'approve', people.commander, { version: 3 });
    expect(approved.statusCode, approved.body).toBe(200);
    const sent = await step(c.id, 'send', people.drafter);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'sent', sent_by: people.drafter.id, emails_queued: 2 });

    const provider = mailProviderFor({ smtpUrl: smtp.url, mailFrom: 'Bulwark <comms@example.test>' });
    const dispatched = await dispatchDueEmails(t().system, provider);
    await provider.close();
    expect(dispatched.delivered).toBeGreaterThanOrEqual(2);
    const mails = smtp.received.filter((m) => m.to.includes('desk@press.example') || m.to.includes('wire@news.example'));
    expect(mails).toHaveLength(2);
    expect(mails.every((m) => m.to.length === 1)).toBe(true);
    expect(mails[0]!.subject).toBe(c.subject);
    expect(mails[0]!.text).toContain('Our incident commander is Cora Commander.');

    const log = await t().call('GET', `/api/v1/incidents/${incident.id}/communications`, { query: { status: 'sent' } });
    expect(log.statusCode).toBe(200);
    expect(log.json().items).toHaveLength(1);
    expect(log.json().items[0]).toMatchObject({ id: c.id, created_by_name: 'Dora Drafter', legal_reviewed_by_name: 'Lena Legal', approved_by_name: 'Cora Commander', sent_by_name: 'Dora Drafter' });
    expect(log.json().items[0].approved_at).toBeTruthy();
    expect(log.json().items[0].sent_at).toBeTruthy();

    const kinds = await timelineKinds(incident.id);
    for (const kind of ['communication_drafted', 'communication_reviewed', 'communication_approved', 'communication_sent']) expect(kinds).toContain(kind);
    const audit = await t().system.database.db.selectFrom('audit_log').select('action').where('target_id', '=', c.id).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['communication.draft', 'communication.submit', 'communication.review', 'communication.approve', 'communication.send']);
    // Sent is final.
    expect((await t().call('PATCH', `/api/v1/communications/${c.id}`, { token: people.drafter.token, body: { body: 'changed', version: 5 } })).statusCode).toBe(409);
    expect((await step(c.id, 'withdraw', people.drafter)).statusCode).toBe(409);
  });

  it('records channels sent by hand with the note, and does not queue e-mail for them', async () => {
    const incident = await open();
    const c = (await draft(incident.id, { audience: 'staff', channel: 'website', subject: 'Intranet notice', body: 'Systems are being restored.' })).json();
    await step(c.id, 'approve', people.commander);
    const sent = await step(c.id, 'send', people.drafter, { note: 'Posted on the intranet at 14:05' });
    expect(sent.json()).toMatchObject({ status: 'sent', emails_queued: 0 });
    expect(sent.json().history.at(-1)).toMatchObject({ kind: 'communication_sent', comment: 'Posted on the intranet at 14:05' });
  });

  it('editing after approval returns it to draft; PATCH needs the version (428, 412); withdrawing keeps it, marked', async () => {
    const incident = await open();
    const c = (await draft(incident.id, { template_id: 'exec-update' })).json();
    const approved = (await step(c.id, 'approve', people.commander)).json();
    expect(approved.status).toBe('approved');
    const patch = (body: Record<string, unknown>, headers?: Record<string, string>) => t().call('PATCH', `/api/v1/communications/${c.id}`, { token: people.drafter.token, body, ...(headers ? { headers } : {}) });
    expect((await patch({ body: 'New words' })).statusCode).toBe(428);
    expect((await patch({ body: 'New words' }, { 'if-match': '"1"' })).statusCode).toBe(412);
    expect((await patch({ body: 'Hello {{nope}}', version: approved.version })).statusCode).toBe(400);
    expect((await patch({ subject: '  ', version: approved.version })).json().errors).toEqual([{ path: 'subject', message: 'must not be empty' }]);
    expect((await t().call('GET', `/api/v1/communications/${c.id}`)).json()).toMatchObject({ status: 'approved', version: approved.version });
    const edited = await patch({ body: 'New words for {{incident.number}}', version: approved.version });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ status: 'draft', approved_by: null, approved_at: null, body: `New words for ${incident.number}` });
    expect(edited.json().history.at(-1).body).toContain('back to draft');
    const withdrawn = await step(c.id, 'withdraw', people.drafter, { reason: 'Superseded by the board call' });
    expect(withdrawn.json().status).toBe('withdrawn');
    expect(await timelineKinds(incident.id)).toContain('communication_withdrawn');
    expect((await step(c.id, 'submit', people.drafter)).statusCode).toBe(409);
  });

  it('offers holding statements filled in, answers the status-update cadence, and moves it when a status update is sent', async () => {
    const incident = await open();
    const holding = await t().call('GET', `/api/v1/incidents/${incident.id}/communications/holding-statements`, { token: people.legal.token });
    expect(holding.statusCode).toBe(200);
    expect(holding.json().items).toEqual([expect.objectContaining({ template_id: 'media-holding', audience: 'media', gaps: ['incident.summary'] })]);
    const list = (await t().call('GET', `/api/v1/incidents/${incident.id}/communications`)).json();
    expect(list.templates[0]).toMatchObject({ id: 'media-holding', holding_statement: true });
    const opened = (await t().call('GET', `/api/v1/incidents/${incident.id}`)).json().created_at as string;
    expect(list.next_status_update_due_at).toBe(new Date(Date.parse(opened) + 120 * 60_000).toISOString());
    expect(list.status_update).toMatchObject({ every_minutes: 120, audience: 'executives', overdue: false });

    const update = (await draft(incident.id, { template_id: 'exec-update', kind: 'status_update', recipients: ['board@example.test'] })).json();
    await step(update.id, 'approve', people.commander);
    const sent = (await step(update.id, 'send', people.drafter)).json();
    const after = (await t().call('GET', `/api/v1/incidents/${incident.id}/communications`)).json();
    expect(after.next_status_update_due_at).toBe(new Date(Date.parse(sent.sent_at) + 120 * 60_000).toISOString());
    const low = await open({ severity: 4 });
    expect((await t().call('GET', `/api/v1/incidents/${low.id}/communications`)).json().next_status_update_due_at).toBeNull();
  });

  it('hides the communications of a restricted incident from non-members (404)', async () => {
    const incident = await open({ restricted: true });
    const c = (await draft(incident.id, { template_id: 'exec-update' }, t().admin)).json();
    expect((await t().call('GET', `/api/v1/communications/${c.id}`, { token: people.outsider.token })).statusCode).toBe(404);
    expect((await t().call('GET', `/api/v1/incidents/${incident.id}/communications`, { token: people.outsider.token })).statusCode).toBe(404);
    expect((await step(c.id, 'submit', people.outsider)).statusCode).toBe(404);
    // Members see it.
    expect((await t().call('GET', `/api/v1/communications/${c.id}`, { token: people.legal.token })).statusCode).toBe(200);
  });

  it('answers 401 without credentials', async () => {
    expect((await t().call('GET', '/api/v1/communications/com_x', { token: null })).statusCode).toBe(401);
  });
});
