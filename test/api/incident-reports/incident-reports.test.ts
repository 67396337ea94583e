import { beforeAll, describe, expect, it } from 'vitest';
import { insertApprovedPlan } from '../../support/plan-fixture.js';
import { describeApiOnEachEngine, type TestUser } from '../../support/test-app.js';
import { pdfPageCount, pdfText } from '../../support/pdf-text.js';
import { seedDecision, seedFacts, seedObligation, seedProfile, seedSentCommunication } from './seed-management.js';

const AWARE = '2026-03-02T09:30:00.000Z';
const KINDS = ['management', 'gdpr-art33', 'executive'] as const;
const FORMATS = [
  ['html', 'text/html; charset=utf-8'],
  ['pdf', 'application/pdf'],
  ['md', 'text/markdown; charset=utf-8'],
] as const;

describeApiOnEachEngine('incident reports API', (t) => {
  let commander: TestUser;
  let incident: { id: string; number: string };
  let bare: { id: string; number: string };

  const report = (id: string, kind: string, format: string, token?: string | null) =>
    t().call('GET', `/api/v1/incidents/${id}/reports/${kind}`, { query: { format }, ...(token !== undefined ? { token } : {}) });
  const newIncident = async (body: Record<string, unknown>, token?: string) => {
    const res = await t().call('POST', '/api/v1/incidents', { body: { category: 'data_breach', ...body }, ...(token ? { token } : {}) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; number: string };
  };
  const ok = async (id: string, kind: string, format: string) => {
    const res = await report(id, kind, format);
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };

  beforeAll(async () => {
    await insertApprovedPlan(t().system, {
      third_parties: [{ id: 'insurer', kind: 'cyber_insurer', name: 'Aegis Mutual', policy_number: 'CY-2026-88412', hotline: '+44 800 123 4567' }],
    });
    await seedProfile(t(), { timezone: 'Europe/Berlin', eu_controller: true, contact_point: 'Dr. Eva Klein, DPO, dpo@example.test, +49 30 1234 5678', lead_supervisory_authority: 'BlnBDI (Berlin)', custom_regimes: [] });
    commander = await t().user('incident_manager', 'Carla Commander');

    incident = await newIncident({
      title: 'Customer database <script>alert(1)</script> exfiltrated',
      summary: 'Attackers used SQL injection on the shop & copied the customer table.',
      severity: 1,
      occurred_at: '2026-03-01T22:00:00.000Z',
      detected_at: '2026-03-02T08:00:00.000Z',
    });
    const assigned = await t().call('POST', `/api/v1/incidents/${incident.id}/members`, { body: { user_id: commander.id, role: 'incident_commander' } });
    expect(assigned.statusCode, assigned.body).toBe(201);
    await seedFacts(t(), incident.id, {
      aware_at: AWARE,
      personal_data: true,
      data_subject_jurisdictions: ['DE', 'FR'],
      affected_people: 12500,
      affected_records: 48000,
      data_categories: ['contact details', 'order history'],
      subject_categories: ['customers', 'newsletter subscribers'],
      nature: 'Exfiltration of the <b>customer</b> table through SQL injection in the web shop.',
      likely_consequences: 'Phishing aimed at customers using their order history.',
      measures_taken: 'Shop taken offline; injection fixed; credentials rotated.',
      measures_proposed: '',
    });
    await seedDecision(t(), incident.id, { kind: 'personal_data_breach', outcome: true, decided_at: '2026-03-02T09:30:00.000Z', facts: 'Customer table confirmed in the attacker upload' });
    await seedObligation(t(), incident.id, { regime: 'gdpr', stage: 'authority', recipient: 'BlnBDI (Berlin)', deadline: '2026-03-05T09:30:00.000Z', status: 'pending' });
    await seedSentCommunication(t(), incident.id, { audience: 'executives', channel: 'email', subject: 'Status update 1', sent_at: '2026-03-02T10:00:00.000Z' });
    const insurer = await t().call('POST', `/api/v1/incidents/${incident.id}/engagements`, { body: { party_id: 'insurer', engaged_at: '2026-03-02T09:00:00Z' } });
    expect(insurer.statusCode, insurer.body).toBe(201);
    const forensics = await t().call('POST', `/api/v1/incidents/${incident.id}/engagements`, { body: { kind: 'forensics', name: 'Sleuth Forensics', privileged: true, status: 'active', engaged_at: '2026-03-02T11:00:00Z' } });
    expect(forensics.statusCode, forensics.body).toBe(201);
    const task = await t().call('POST', `/api/v1/incidents/${incident.id}/tasks`, { body: { title: 'Rotate database credentials', status: 'in_progress', assignee_id: commander.id } });
    expect(task.statusCode, task.body).toBe(201);

    bare = await newIncident({ title: 'Laptop lost', severity: 3 });
  });

  describe('each kind in each format', () => {
    for (const kind of KINDS) {
      for (const [format, type] of FORMATS) {
        it(`${kind} as ${format}: a download named after the incident`, async () => {
          const res = await ok(incident.id, kind, format);
          expect(res.headers['content-type']).toBe(type);
          expect(res.headers['content-disposition']).toBe(`attachment; filename="${kind}-${incident.number}.${format}"`);
          if (format === 'pdf') expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        });
      }
    }
  });

  describe('GDPR Art. 33 draft', () => {
    it('carries the numbers and categories from the facts, the contact point, awareness, deadline and the late notice', async () => {
      const md = (await ok(incident.number, 'gdpr-art33', 'md')).body;
      expect(md).toContain(`# Draft: personal data breach notification (GDPR Art. 33): ${incident.number}`);
      expect(md).toContain('- **Categories of data subjects:** customers, newsletter subscribers');
      expect(md).toContain('- **Approximate number of data subjects:** approximately 12,500');
      expect(md).toContain('- **Categories of personal data records:** contact details, order history');
      expect(md).toContain('- **Approximate number of personal data records:** approximately 48,000');
      expect(md).toContain('- **Data subjects in:** DE, FR');
      expect(md).toContain('Dr. Eva Klein, DPO, dpo@example.test, +49 30 1234 5678');
      expect(md).toContain('- **Supervisory authority:** BlnBDI (Berlin)');
      expect(md).toContain('- **Controller became aware:** 2026-03-02 09:30 UTC (2026-03-02 10:30 Europe/Berlin)');
      expect(md).toContain('- **Deadline (72 h after awareness):** 2026-03-05 09:30 UTC (2026-03-05 10:30 Europe/Berlin)');
      expect(md).toContain('Phishing aimed at customers using their order history.');
      expect(md).toContain('- **Measures taken:** Shop taken offline; injection fixed; credentials rotated.');
      // not recorded: marked, never invented
      expect(md).toContain('- **Measures proposed:** \\[To be completed: the measures proposed, including to mitigate possible adverse effects\\]');
      // generated long after the deadline, with no reasons recorded
      expect(md).toMatch(/This notification is made after the 72-hour deadline \(.+ late\)\. Reasons for the delay \(Art\. 33\(1\)\): \\\[To be completed: the reasons for the delay\\\]/);
      expect(md).toContain('2 items are marked "to be completed"');
    });

    it('marks every gap for an incident without facts, and invents no numbers', async () => {
      const md = (await ok(bare.id, 'gdpr-art33', 'md')).body;
      for (const gap of [
        'the approximate number of data subjects concerned',
        'the categories of data subjects concerned',
        'the approximate number of personal data records concerned',
        'the categories of personal data records concerned',
        'when the controller became aware of the breach',
        'the likely consequences for the people concerned',
        'what happened, in a sentence or two a regulator can read',
      ]) {
        expect(md).toContain(`\\[To be completed: ${gap}\\]`);
      }
      expect(md).toContain('No incident facts are recorded yet');
      expect(md).not.toMatch(/approximately \d/);
      const html = (await ok(bare.id, 'gdpr-art33', 'html')).body;
      expect(html).toContain('<mark>[To be completed: the approximate number of data subjects concerned]</mark>');
    });
  });

  describe('management report', () => {
    it('shows where the incident stands, decisions, obligations, communications, parties, open tasks and next steps', async () => {
      const md = (await ok(incident.id, 'management', 'md')).body;
      expect(md).toContain('- **Incident commander:** Carla Commander');
      expect(md).toContain('- **Severity:** 1 (Critical)');
      expect(md).toContain('- **People affected:** approximately 12,500');
      expect(md).toContain('| Contained | - | - |');
      expect(md).toMatch(/\| personal data breach \| Yes \| 2026-03-02 09:30 UTC \| Ada Admin, 2026-03-02 09:30 UTC \| Customer table confirmed in the attacker upload \|/);
      expect(md).toContain('| GDPR | authority | BlnBDI (Berlin) | 2026-03-05 09:30 UTC (2026-03-05 10:30 Europe/Berlin) | pending |');
      expect(md).toContain('| 2026-03-02 10:00 UTC | executives | email | Status update 1 | Ada Admin |');
      expect(md).toContain('| Aegis Mutual | Cyber insurer | 2026-03-02 09:00 UTC | Requested | Policy CY-2026-88412 | - |');
      expect(md).toContain('| Sleuth Forensics | Forensics firm | 2026-03-02 11:00 UTC | Active | - | PRIVILEGED |');
      expect(md).toContain('Under legal privilege: Sleuth Forensics.');
      expect(md).toContain('| Rotate database credentials | Carla Commander | - | in progress |');
      expect(md).toContain('1. Notify BlnBDI (Berlin) (GDPR authority) by 2026-03-05 09:30 UTC');
      expect(md).toContain('Confirm the engagement of Aegis Mutual (Cyber insurer)');
      // the plan's cadence for severity 1: every 2 hours after the last update to executives
      expect(md).toContain('- **Next status update:** 2026-03-02 12:00 UTC (2026-03-02 13:00 Europe/Berlin) (to executives)');
    });

    it('escapes what people wrote: no HTML injection in the HTML report', async () => {
      const html = (await ok(incident.id, 'management', 'html')).body;
      expect(html).toContain('Customer database &lt;script&gt;alert(1)&lt;/script&gt; exfiltrated');
      expect(html).toContain('the shop &amp; copied');
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<link|src=|href=|@import|url\(/i);
      const gdpr = (await ok(incident.id, 'gdpr-art33', 'html')).body;
      expect(gdpr).toContain('Exfiltration of the &lt;b&gt;customer&lt;/b&gt; table');
      expect(gdpr).not.toContain('<b>customer');
      const md = (await ok(incident.id, 'management', 'md')).body;
      expect(md).toContain('Customer database \\<script\\>alert(1)\\</script\\> exfiltrated');
    });
  });

  describe('executive one-pager', () => {
    it('fits one A4 page and names commander, deadline, update time and decisions needed', async () => {
      const res = await ok(incident.id, 'executive', 'pdf');
      expect(pdfPageCount(res.rawPayload)).toBe(1);
      const text = pdfText(res.rawPayload);
      expect(text).toContain('Carla Commander');
      expect(text).toContain('Working with Sleuth Forensics (Forensics firm, privileged)');
      expect(text).toContain('Approve the GDPR authority notification to BlnBDI (Berlin)');
      const md = (await ok(incident.id, 'executive', 'md')).body;
      expect(md).toContain('- **Next deadline:** GDPR authority to BlnBDI (Berlin): 2026-03-05 09:30 UTC (2026-03-05 10:30 Europe/Berlin)');
      expect(md).toContain('- **Next update:** 2026-03-02 12:00 UTC');
      expect(md).toContain('Confirm engaging Aegis Mutual (Cyber insurer)');
    });

    it('stays on one page however much people wrote', async () => {
      const wordy = await newIncident({ title: `Very long ${'title '.repeat(45)}`, summary: 'A long account of what happened. '.repeat(200), severity: 2 });
      for (let i = 0; i < 12; i += 1) {
        const res = await t().call('POST', `/api/v1/incidents/${wordy.id}/tasks`, { body: { title: `Task ${i} ${'with a long description of the work '.repeat(8)}`.slice(0, 300), status: 'in_progress' } });
        expect(res.statusCode, res.body).toBe(201);
      }
      expect(pdfPageCount((await ok(wordy.id, 'executive', 'pdf')).rawPayload)).toBe(1);
      expect(pdfPageCount((await ok(wordy.id, 'management', 'pdf')).rawPayload)).toBeGreaterThan(1);
    });
  });

  describe('text in any European script', () => {
    it('prints Polish, Czech, Greek and Cyrillic names in the PDF as written, not as question marks', async () => {
      const title = 'Wyciek danych w Łodzi — Žďár, Ηράκλειο, Москва';
      const written = await newIncident({ title, summary: 'Zgłoszenie od Łukasza Żółcia; přečteno Jiřím Dvořákem.', severity: 2 });
      for (const kind of ['executive', 'management'] as const) {
        const text = pdfText((await ok(written.id, kind, 'pdf')).rawPayload);
        expect(text, kind).toContain(title);
        expect(text, kind).not.toContain('\ufffd');
      }
      expect(pdfText((await ok(written.id, 'management', 'pdf')).rawPayload)).toContain('Zgłoszenie od Łukasza Żółcia; přečteno Jiřím Dvořákem.');
    });
  });

  describe('audit, visibility and bad input', () => {
    it('records every download in the audit log', async () => {
      await ok(bare.id, 'executive', 'md');
      const rows = await t().runtime.deps.database.db.selectFrom('audit_log').select(['action', 'details']).where('target_id', '=', bare.id).where('action', '=', 'incident_report.export').execute();
      const details = rows.map((r) => (typeof r.details === 'string' ? JSON.parse(r.details) : r.details));
      expect(details).toContainEqual(expect.objectContaining({ kind: 'executive', format: 'md', number: bare.number }));
    });

    it('lets every role that reads incidents download, and refuses anonymous callers (401)', async () => {
      for (const role of ['analyst', 'risk_owner', 'stakeholder', 'auditor', 'responder'] as const) {
        const user = await t().user(role);
        expect((await report(bare.id, 'executive', 'md', user.token)).statusCode, role).toBe(200);
      }
      const res = await report(bare.id, 'executive', 'md', null);
      expect(res.statusCode).toBe(401);
    });

    it('hides restricted incidents from non-members (404) and records nothing for them', async () => {
      const member = await t().user('responder');
      const outsider = await t().user('responder');
      const secret = await newIncident({ title: 'Insider case', restricted: true }, member.token);
      for (const kind of KINDS) expect((await report(secret.id, kind, 'pdf', outsider.token)).statusCode, kind).toBe(404);
      const res = await report(secret.id, 'management', 'md', member.token);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).toContain('Insider case');
      const audited = await t().runtime.deps.database.db.selectFrom('audit_log').select('actor_id').where('target_id', '=', secret.id).where('action', '=', 'incident_report.export').execute();
      expect(audited.map((a) => a.actor_id)).toEqual([member.id]);
    });

    it.each([
      ['an unknown kind', 'board-pack', 'md'],
      ['an unknown format', 'management', 'docx'],
    ])('answers 400 problem+json for %s and records nothing', async (_label, kind, format) => {
      const before = await t().runtime.deps.database.db.selectFrom('audit_log').select('id').where('action', '=', 'incident_report.export').execute();
      const res = await report(incident.id, kind, format);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const after = await t().runtime.deps.database.db.selectFrom('audit_log').select('id').where('action', '=', 'incident_report.export').execute();
      expect(after.length).toBe(before.length);
    });

    it('404 for an incident that does not exist', async () => {
      expect((await report('inc_nope', 'management', 'html')).statusCode).toBe(404);
    });
  });
});
