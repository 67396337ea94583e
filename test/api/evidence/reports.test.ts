import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv, restoreFormula } from '../../../src/domain/csv.js';
import { describeApiOnEachEngine, type TestUser } from '../../support/test-app.js';
import { pdfPageCount, pdfText } from '../../support/pdf-text.js';
import { seedCustody, seedItem, type SeededItem } from './reports-fixture.js';

const FORMULA_TITLE = '=HYPERLINK("http://evil.example","click")';
const sha256 = (body: string | Buffer) => createHash('sha256').update(body).digest('hex');

describeApiOnEachEngine('evidence manifest and custody report API', (t) => {
  let bob: TestUser;
  let incident: { id: string; number: string };
  let disk: SeededItem;
  let laptop: SeededItem;
  let chain: Array<{ seq: number; hash: string; prev_hash: string }>;

  const get = (id: string, kind: 'manifest' | 'custody-report', format: string, token?: string | null) =>
    t().call('GET', `/api/v1/incidents/${id}/evidence/${kind}`, { query: { format }, ...(token !== undefined ? { token } : {}) });
  const ok = async (id: string, kind: 'manifest' | 'custody-report', format: string) => {
    const res = await get(id, kind, format);
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };
  const newIncident = async (body: Record<string, unknown> = {}, token?: string) => {
    const res = await t().call('POST', '/api/v1/incidents', { body: { title: 'Ransomware on <b>FS-01</b>', category: 'malware', ...body }, ...(token ? { token } : {}) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; number: string };
  };
  const csvRecords = (text: string) => {
    const parsed = parseCsv(text);
    if (!parsed.ok) throw new Error(parsed.problem.message);
    const [header, ...rows] = parsed.records;
    return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
  };
  const audits = (action: string, incidentId: string) =>
    t().runtime.deps.database.db.selectFrom('audit_log').select(['actor_id', 'details']).where('action', '=', action).where('target_id', '=', incidentId).execute();

  beforeAll(async () => {
    bob = await t().user('responder', 'Bob Receiver');
    incident = await newIncident();
    disk = await seedItem(t(), incident.id, {
      content: 'pretend this is a disk image',
      title: FORMULA_TITLE,
      description: 'Image of <script>alert(1)</script> & the C: drive',
      source: 'WS-042 (finance laptop)',
      acquisition_tool: 'FTK Imager 4.7.1',
      acquisition_notes: 'Write blocker Tableau T35u',
      tags: JSON.stringify(['ransomware', 'finance']),
    });
    laptop = await seedItem(t(), incident.id, {
      title: 'Finance laptop',
      serial_numbers: JSON.stringify(['5CG1234XYZ', 'SSD-99']),
      physical_location: 'Safe 2, room 4.12',
      legal_hold: true,
      legal_hold_reason: 'Litigation hold from counsel',
    });
    chain = await seedCustody(t(), disk.id, [
      { action: 'collected', occurred_at: '2026-03-02T08:15:42.000Z', location: 'Finance, floor 3', purpose: 'Preserve the disk' },
      { action: 'transferred', from_user_id: t().admin.id, to_user_id: bob.id, location: 'Evidence room', purpose: 'Analysis by Bob' },
      { action: 'received', actor_id: bob.id, from_user_id: t().admin.id, to_user_id: bob.id, signature: `Bob Receiver ${bob.id} 2026-03-03T10:00:00.000Z sha256:${'ab'.repeat(32)}` },
      { action: 'analysed', actor_id: bob.id, purpose: 'Timeline of encryption', details: { notes: 'worked on a copy' } },
    ]);
    await seedCustody(t(), laptop.id, [{ action: 'collected', location: 'Safe 2, room 4.12' }]);
  });

  describe('manifest', () => {
    it('CSV: one row per item with every hash and field, parsing back, formulas neutralised, its SHA-256 in a header', async () => {
      const res = await ok(incident.id, 'manifest', 'csv');
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="evidence-manifest-${incident.number}.csv"`);
      expect(res.headers['x-report-sha256']).toBe(sha256(res.rawPayload));
      const rows = csvRecords(res.body);
      expect(rows.map((r) => r.number)).toEqual([disk.number, laptop.number]);
      const [d, l] = rows as [Record<string, string>, Record<string, string>];
      expect(d).toMatchObject({ incident_number: incident.number, id: disk.id, sha256: disk.sha256, sha1: disk.sha1, md5: disk.md5, size_bytes: '28', kind: 'disk_image', source: 'WS-042 (finance laptop)', acquisition_tool: 'FTK Imager 4.7.1', tags: 'ransomware; finance', holder: 'Ada Admin', legal_hold: 'no', custody_events: '4', custody_chain: 'chain intact' });
      expect(d.title).toBe(`'${FORMULA_TITLE}`);
      expect(restoreFormula(d.title!)).toBe(FORMULA_TITLE);
      expect(l).toMatchObject({ sha256: '', serial_numbers: '5CG1234XYZ; SSD-99', physical_location: 'Safe 2, room 4.12', legal_hold: 'yes', legal_hold_reason: 'Litigation hold from counsel', kind: 'physical' });
      // no cell starts with a formula character
      for (const row of rows) for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@]/);
    });

    it('HTML: every hash and field, user text escaped, ending with the digest of the CSV form', async () => {
      const csv = await ok(incident.id, 'manifest', 'csv');
      const res = await ok(incident.number, 'manifest', 'html');
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['x-report-sha256']).toBe(csv.headers['x-report-sha256']);
      const html = res.body;
      for (const hash of [disk.sha256, disk.sha1, disk.md5]) expect(html).toContain(`<code>${hash}</code>`);
      expect(html).toContain('Image of &lt;script&gt;alert(1)&lt;/script&gt; &amp; the C: drive');
      expect(html).toContain('Ransomware on &lt;b&gt;FS-01&lt;/b&gt;');
      expect(html).not.toMatch(/<script|<b>FS/i);
      expect(html).toContain('5CG1234XYZ, SSD-99');
      expect(html).toContain('Safe 2, room 4.12');
      expect(html).toContain('yes: Litigation hold from counsel');
      expect(html).toContain('2026-03-02 08:15:42 UTC');
      const digestAt = html.indexOf('Manifest digest');
      expect(digestAt).toBeGreaterThan(html.indexOf(laptop.number));
      expect(html.slice(digestAt)).toContain(`<code>${sha256(csv.rawPayload)}</code>`);
    });

    it('PDF: the hashes in full, and the digest', async () => {
      const res = await ok(incident.id, 'manifest', 'pdf');
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = pdfText(res.rawPayload);
      for (const value of [disk.sha256!, disk.sha1!, disk.md5!, disk.number, laptop.number, 'Safe 2, room 4.12', String(res.headers['x-report-sha256'])]) expect(text).toContain(value);
    });
  });

  describe('custody report', () => {
    it('CSV: one row per event with both hashes, oldest first, and the chain verdict', async () => {
      const res = await ok(incident.id, 'custody-report', 'csv');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="custody-report-${incident.number}.csv"`);
      const rows = csvRecords(res.body);
      expect(rows).toHaveLength(5);
      const events = rows.filter((r) => r.evidence_id === disk.id);
      expect(events.map((e) => [e.seq, e.action, e.hash, e.prev_hash])).toEqual(chain.map((c, i) => [String(c.seq), ['collected', 'transferred', 'received', 'analysed'][i], c.hash, c.prev_hash]));
      expect(events[0]).toMatchObject({ prev_hash: '0'.repeat(64), occurred_at: '2026-03-02T08:15:42.000Z', location: 'Finance, floor 3', purpose: 'Preserve the disk', actor: 'Ada Admin', custody_chain: 'chain intact' });
      expect(events[1]).toMatchObject({ from_user: 'Ada Admin', to_user: 'Bob Receiver' });
      expect(events[2]!.signature).toContain(`Bob Receiver ${bob.id}`);
      expect(events[3]!.details).toBe('{"notes":"worked on a copy"}');
      expect(events[0]!.evidence_title).toBe(`'${FORMULA_TITLE}`);
    });

    it('HTML and PDF: every event hash and previous hash, and that each chain verifies', async () => {
      const html = (await ok(incident.id, 'custody-report', 'html')).body;
      for (const c of chain) {
        expect(html).toContain(`<code>${c.hash}</code>`);
        expect(html).toContain(`<code>${c.prev_hash}</code>`);
      }
      expect(html).toContain('Every custody chain verifies.');
      expect(html).toContain('Chain verified: all 4 events are intact and in order.');
      expect(html).toContain('Ada Admin -&gt; Bob Receiver');
      // only CSV cells are neutralised; the HTML shows the title as written, escaped
      expect(html).toContain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)');
      const pdf = await ok(incident.id, 'custody-report', 'pdf');
      const text = pdfText(pdf.rawPayload);
      for (const c of chain) {
        expect(text).toContain(c.hash);
        expect(text).toContain(c.prev_hash);
      }
      expect(text).toContain('Every custody chain verifies.');
    });

    it('names the first broken event of a tampered chain, in every format and in the manifest', async () => {
      const other = await newIncident({ title: 'Tampered' });
      const item = await seedItem(t(), other.id, { content: 'tamper me' });
      await seedCustody(t(), item.id, [{ action: 'collected' }, { action: 'checked_out', location: 'Lab 1' }, { action: 'checked_in', location: 'Safe 2' }]);
      await t().runtime.deps.database.db.updateTable('custody_events').set({ location: 'Somewhere else' }).where('evidence_id', '=', item.id).where('seq', '=', 2).execute();

      const html = (await ok(other.id, 'custody-report', 'html')).body;
      expect(html).toContain('Chain broken at event 2');
      expect(html).toContain(`The custody chain of ${item.number} does not verify`);
      expect(html).toContain('class="alert"');
      const rows = csvRecords((await ok(other.id, 'custody-report', 'csv')).body);
      expect(rows.map((r) => r.custody_chain)).toEqual(['chain broken at event 2', 'chain broken at event 2', 'chain broken at event 2']);
      expect(pdfText((await ok(other.id, 'custody-report', 'pdf')).rawPayload)).toContain('Chain broken at event 2');
      expect(csvRecords((await ok(other.id, 'manifest', 'csv')).body)[0]!.custody_chain).toBe('chain broken at event 2');
      expect((await ok(other.id, 'manifest', 'html')).body).toContain('chain broken at event 2');
    });

    it('a long custody log spreads over landscape pages', async () => {
      const busy = await newIncident({ title: 'Busy' });
      const item = await seedItem(t(), busy.id, { content: 'busy' });
      await seedCustody(t(), item.id, [{ action: 'collected' }, ...Array.from({ length: 40 }, (_, i) => ({ action: (i % 2 ? 'checked_in' : 'checked_out') as 'checked_in' | 'checked_out', location: `Lab ${i}`, purpose: 'Analysis '.repeat(6) }))]);
      const pdf = (await ok(busy.id, 'custody-report', 'pdf')).rawPayload;
      expect(pdfPageCount(pdf)).toBeGreaterThan(1);
      expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    });
  });

  describe('empty incidents, audit, visibility and bad input', () => {
    it('says when there is no evidence', async () => {
      const empty = await newIncident({ title: 'Nothing yet' });
      expect((await ok(empty.id, 'manifest', 'html')).body).toContain('No evidence recorded on this incident.');
      expect((await ok(empty.id, 'custody-report', 'csv')).body.split('\r\n').filter(Boolean)).toHaveLength(1);
    });

    it('records every export in the audit log with its digest', async () => {
      const res = await ok(incident.id, 'custody-report', 'pdf');
      const rows = await audits('evidence.custody_report_export', incident.id);
      const details = rows.map((r) => (typeof r.details === 'string' ? JSON.parse(r.details) : r.details));
      expect(details).toContainEqual(expect.objectContaining({ number: incident.number, format: 'pdf', items: 2, sha256: res.headers['x-report-sha256'] }));
      expect((await audits('evidence.manifest_export', incident.id)).length).toBeGreaterThan(0);
    });

    it('lets every role that reads evidence export; refuses risk owners (403) and anonymous callers (401)', async () => {
      for (const role of ['analyst', 'stakeholder', 'auditor', 'responder', 'incident_manager'] as const) {
        const user = await t().user(role);
        expect((await get(incident.id, 'manifest', 'csv', user.token)).statusCode, role).toBe(200);
        expect((await get(incident.id, 'custody-report', 'csv', user.token)).statusCode, role).toBe(200);
      }
      const owner = await t().user('risk_owner');
      for (const kind of ['manifest', 'custody-report'] as const) {
        const refused = await get(incident.id, kind, 'html', owner.token);
        expect(refused.statusCode).toBe(403);
        expect(refused.headers['content-type']).toContain('application/problem+json');
        expect((await get(incident.id, kind, 'html', null)).statusCode).toBe(401);
      }
    });

    it('hides restricted incidents from non-members (404) and records nothing for them', async () => {
      const member = await t().user('responder', 'Mia Member');
      const outsider = await t().user('incident_manager');
      const secret = await newIncident({ title: 'Insider case', restricted: true }, member.token);
      await seedItem(t(), secret.id, { title: 'HR laptop' });
      for (const kind of ['manifest', 'custody-report'] as const) {
        for (const format of ['html', 'pdf', 'csv']) expect((await get(secret.id, kind, format, outsider.token)).statusCode, `${kind} ${format}`).toBe(404);
      }
      const res = await get(secret.id, 'manifest', 'html', member.token);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).toContain('HR laptop');
      expect(res.body).toContain('restricted incident: members only');
      expect((await audits('evidence.manifest_export', secret.id)).map((a) => a.actor_id)).toEqual([member.id]);
    });

    it.each([
      ['manifest', 'docx'],
      ['custody-report', 'md'],
    ] as const)('%s as %s: 400 problem+json and nothing recorded', async (kind, format) => {
      const before = (await audits(kind === 'manifest' ? 'evidence.manifest_export' : 'evidence.custody_report_export', incident.id)).length;
      const res = await get(incident.id, kind, format);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect((await audits(kind === 'manifest' ? 'evidence.manifest_export' : 'evidence.custody_report_export', incident.id)).length).toBe(before);
    });

    it('404 for an incident that does not exist', async () => {
      const res = await get('inc_nope', 'manifest', 'csv');
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    });
  });
});
