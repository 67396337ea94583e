import { beforeAll, describe, expect, it } from 'vitest';
import { pdfText as pdfTextOf } from '../../support/pdf-text.js';
import { describeApiOnEachEngine, type TestUser } from '../../support/test-app.js';
import { seedActionItem, seedControlOutcome, seedProposal, seedReview, seedRiskLink } from './seed-review.js';

const H = 3_600_000;

const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

describeApiOnEachEngine('review report export', (t) => {
  let manager: TestUser;
  let owner: TestUser;
  let incident: { id: string; number: string };
  let riskNumber: string;

  const exportAs = (id: string, format: string, token?: string) => t().call('GET', `/api/v1/incidents/${id}/review/export`, { query: { format }, ...(token ? { token } : {}) });
  const newIncident = async (body: Record<string, unknown> = {}) => {
    const res = await t().call('POST', '/api/v1/incidents', { body: { title: 'Report incident', category: 'ransomware', ...body } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; number: string };
  };

  beforeAll(async () => {
    manager = await t().user('incident_manager');
    owner = await t().user('responder', 'Olga Owner');
    const detected = '2026-03-02T08:00:00.000Z';
    incident = await newIncident({ title: 'File servers encrypted', severity: 1, occurred_at: plus(detected, -3 * H), detected_at: detected });
    const patched = await t().call('PATCH', `/api/v1/incidents/${incident.id}`, { body: { contained_at: plus(detected, 5 * H) }, headers: { 'if-match': '"1"' } });
    expect(patched.statusCode, patched.body).toBe(200);

    const note = async (body: string, at: string) => {
      const res = await t().call('POST', `/api/v1/incidents/${incident.id}/timeline`, { body: { body, occurred_at: at } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const chosenLate = await note('Backups restored from the offline copy', plus(detected, 20 * H));
    const chosenEarly = await note('EDR flagged mass renames on FS01', plus(detected, -1 * H));
    await note('Coffee machine fixed', plus(detected, 2 * H));

    const risk = await t().call('POST', '/api/v1/risks', { body: { title: 'Ransomware on file servers', category: 'cyber_attack', inherent_likelihood: 'moderate', inherent_impact: 'very_high' } });
    expect(risk.statusCode, risk.body).toBe(201);
    riskNumber = risk.json().number;
    const control = await t().call('POST', '/api/v1/controls', { body: { ref: 'PR.DS-11', title: 'Offline backups' } });
    expect(control.statusCode, control.body).toBe(201);
    await seedRiskLink(t(), incident.id, risk.json().id, 'Materialised as feared');
    await seedControlOutcome(t(), incident.id, control.json().id, 'worked', 'Restore took four hours');

    const reviewId = await seedReview(t(), incident.id, {
      status: 'completed',
      summary: 'Ransomware encrypted two file servers. <script>alert("x")</script> & more',
      impact: {
        records_affected: 12000,
        people_affected: 40,
        systems_affected: 2,
        downtime_minutes: 600,
        realised_loss: { productivity: 25000, response: 8000, replacement: null, fines_and_judgements: 0, competitive_advantage: null, reputation: null },
      },
      timeline_entry_ids: [chosenLate, chosenEarly],
      root_causes: [{ statement: 'VPN appliance unpatched', kind: 'root', whys: ['Patch window missed', 'No owner for the appliance'], risk_id: risk.json().id }],
      went_well: ['Offline backups were intact'],
      went_badly: ['Paging reached the on-call late'],
      lessons: ['Name an owner for every perimeter device'],
      participants: [{ name: 'Ada Admin', role: 'facilitator' }, { name: 'Olga Owner', role: 'responder' }],
      meeting_at: '2026-03-10T14:00:00.000Z',
    });
    await seedActionItem(t(), { incident_id: incident.id, review_id: reviewId, title: 'Assign owners to perimeter devices', owner_id: owner.id, due_at: '2026-04-01T00:00:00.000Z', kind: 'control_improvement' });
    await seedProposal(t(), { incident_id: incident.id, review_id: reviewId, kind: 'risk_frequency', target_type: 'risk', target_id: risk.json().id, reasoning: 'One event in a year raises the annual rate from 0.3 to 0.65.', status: 'accepted', decision_note: 'Agreed at the risk board' });
    await seedProposal(t(), { incident_id: incident.id, review_id: reviewId, kind: 'control_evidence', target_type: 'control', target_id: control.json().id, reasoning: 'The control worked: recorded as evidence.' });
  });

  it('exports Markdown with the review, metrics, chosen timeline, root causes, lessons, action items and decided proposals', async () => {
    const res = await exportAs(incident.number, 'md');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="review-${incident.number}.md"`);
    const md = res.body;
    expect(md).toContain(`# Post-incident review: ${incident.number} File servers encrypted`);
    expect(md).toContain('Ransomware encrypted two file servers. \\<script\\>alert("x")\\</script\\> & more');
    expect(md).toContain('- **Records affected:** 12,000');
    expect(md).toContain('- **Downtime:** 10 h');
    expect(md).toContain('| Productivity | 25,000 EUR |');
    expect(md).toContain('| Total | 33,000 EUR |');
    expect(md).toContain('- **Time to detect:** 3 h');
    expect(md).toContain('- **Time to contain:** 5 h');
    expect(md).toContain('- **Time to recover:** -');
    // the chosen entries, in time order; the other one left out
    expect(md.indexOf('EDR flagged mass renames on FS01')).toBeGreaterThan(0);
    expect(md.indexOf('EDR flagged mass renames on FS01')).toBeLessThan(md.indexOf('Backups restored from the offline copy'));
    expect(md).not.toContain('Coffee machine');
    expect(md).toContain('### 1. Root cause: VPN appliance unpatched');
    expect(md).toContain(`Known risk: ${riskNumber} Ransomware on file servers`);
    expect(md).toContain('1. Why? Patch window missed\n2. Why? No owner for the appliance');
    expect(md).toContain('- Offline backups were intact');
    expect(md).toContain('- Paging reached the on-call late');
    expect(md).toContain('- Name an owner for every perimeter device');
    expect(md).toContain(`| ${riskNumber} | Ransomware on file servers | Materialised as feared |`);
    expect(md).toContain('| PR.DS-11 | Offline backups | worked | Restore took four hours |');
    expect(md).toContain('| Assign owners to perimeter devices | control improvement | Olga Owner | 2026-04-01 | open |');
    expect(md).toMatch(/\| risk frequency \| RISK-\d+ Ransomware on file servers \| One event in a year raises the annual rate from 0\.3 to 0\.65\. \| accepted by Ada Admin on \d{4}-\d{2}-\d{2}: Agreed at the risk board \|/);
    expect(md).toContain('| control evidence | PR.DS-11 Offline backups | The control worked: recorded as evidence. | pending |');
    expect(md).toContain('| Olga Owner | responder |');
    expect(md).toContain('- **Review meeting:** 2026-03-10 14:00 UTC');
  });

  it('exports one self-contained HTML page with every piece of text escaped', async () => {
    const res = await exportAs(incident.id, 'html');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = res.body;
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<link|src=|href=|@import|url\(/i);
    expect(html).toContain('<li>Name an owner for every perimeter device</li>');
    expect(html).toContain('<td>Olga Owner</td>');
    expect(html).toContain(`<title>Post-incident review: ${incident.number} File servers encrypted</title>`);
  });

  it('streams a PDF written by pdfkit', async () => {
    const res = await exportAs(incident.id, 'pdf');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="review-${incident.number}.pdf"`);
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdf.toString('latin1');
    expect(text).toContain('/Producer');
    expect(text).toMatch(/PDFKit|feff0050004400460004b00690074/i);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    const written = pdfTextOf(pdf);
    expect(written).toContain(`Post-incident review: ${incident.number} File servers encrypted`);
    expect(written).toContain('Ransomware encrypted two file servers. <script>alert("x")</script> & more');
    expect(written).toContain('VPN appliance unpatched');
    expect(written).toContain('1. Why? Patch window missed');
    expect(written).toContain('Name an owner for every perimeter device');
    expect(written).toContain('Assign owners to perimeter devices');
    expect(written).toContain('Agreed at the risk board');
    expect(written).not.toContain('Coffee machine');
  });

  it('is not found for a restricted incident the caller is not a member of, and found once they are', async () => {
    const restricted = await newIncident({ restricted: true });
    await seedReview(t(), restricted.id, { summary: 'Secret' });
    expect((await exportAs(restricted.id, 'md', manager.token)).statusCode).toBe(404);
    expect((await exportAs(restricted.id, 'pdf', manager.token)).statusCode).toBe(404);
    const joined = await t().call('POST', `/api/v1/incidents/${restricted.id}/members`, { body: { user_id: manager.id, role: 'observer' } });
    expect(joined.statusCode, joined.body).toBe(201);
    const res = await exportAs(restricted.id, 'md', manager.token);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('Secret');
    expect(res.body).toContain('Draft (last changed');
  });

  describe('bad input', () => {
    it('404 before the review has a first draft', async () => {
      const bare = await newIncident();
      const res = await exportAs(bare.id, 'html');
      expect(res.statusCode).toBe(404);
      expect(res.json().detail).toBe(`The review of ${bare.number} was not found.`);
    });

    it('404 for an incident that does not exist', async () => {
      expect((await exportAs('inc_nope', 'html')).statusCode).toBe(404);
    });

    it('400 for an unknown format', async () => {
      const res = await exportAs(incident.id, 'docx');
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    });

    it('401 without credentials', async () => {
      expect((await t().call('GET', `/api/v1/incidents/${incident.id}/review/export`, { token: null })).statusCode).toBe(401);
    });
  });
});
