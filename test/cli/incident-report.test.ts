import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { systemActor } from '../../src/services/context.js';
import { createIncident } from '../../src/services/incidents/create-incident.js';
import { pdfPageCount } from '../support/pdf-text.js';
import { seedFacts } from '../api/incident-reports/seed-management.js';
import { describeCliOnEngines, runCli } from './cli-harness.js';

describeCliOnEngines('bulwark incident report', (target, inProcess) => {
  it('writes the executive one-pager as PDF to a file, and the GDPR draft or management report to standard output', async () => {
    const api = await inProcess();
    const ctx = { ...api.runtime.deps, actor: systemActor(api.runtime.organisationId) };
    const { incident } = await createIncident(ctx, { title: 'Mailbox takeover', category: 'account_compromise', severity: 2, summary: 'Payroll mailbox forwarded to an outside address.' });
    await seedFacts({ runtime: api.runtime, admin: { id: 'system' } } as never, incident.id, { aware_at: '2026-02-01T10:00:00.000Z', personal_data: true, affected_people: 310, subject_categories: ['employees'] });

    const file = join(target().dataDir, 'status.pdf');
    const pdf = await runCli(target(), ['incident', 'report', incident.number.toLowerCase(), '--kind', 'executive', '--format', 'pdf', '--out', file]);
    expect(pdf.code, pdf.stderr).toBe(0);
    expect(pdf.lines).toEqual([`Wrote the executive report of ${incident.number} to ${file}.`]);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(bytes)).toBe(1);

    const md = await runCli(target(), ['incident', 'report', incident.id, '--kind', 'gdpr-art33', '--format', 'md']);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain(`# Draft: personal data breach notification (GDPR Art. 33): ${incident.number}`);
    expect(md.stdout).toContain('- **Approximate number of data subjects:** approximately 310');
    expect(md.stdout).toContain('- **Categories of data subjects:** employees');
    expect(md.stdout).toContain('\\[To be completed: the categories of personal data records concerned\\]');

    const html = await runCli(target(), ['incident', 'report', incident.number]);
    expect(html.code, html.stderr).toBe(0);
    expect(html.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(html.stdout).toContain(`Management report: ${incident.number} Mailbox takeover`);
  });

  it('says what is wrong: an unknown incident (exit 3), an unknown kind or format (2)', async () => {
    const api = await inProcess();
    const ctx = { ...api.runtime.deps, actor: systemActor(api.runtime.organisationId) };
    const missing = await runCli(target(), ['incident', 'report', 'INC-2099-9999', '--kind', 'executive']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('bulwark: Incident INC-2099-9999 was not found.');

    const { incident } = await createIncident(ctx, { title: 'Anything', category: 'other' });
    const kind = await runCli(target(), ['incident', 'report', incident.number, '--kind', 'board-pack']);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('Allowed choices are management, gdpr-art33, executive');
    const format = await runCli(target(), ['incident', 'report', incident.number, '--format', 'docx']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('Allowed choices are html, pdf, md');
  });
});
