import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv.js';
import { systemActor } from '../../src/services/context.js';
import { createIncident } from '../../src/services/incidents/create-incident.js';
import { pdfText } from '../support/pdf-text.js';
import { seedCustody, seedItem } from '../api/evidence/reports-fixture.js';
import { describeCliOnEngines, runCli, type InProcess } from './cli-harness.js';

async function seeded(api: InProcess) {
  const ctx = { ...api.runtime.deps, actor: systemActor(api.runtime.organisationId) };
  const { incident } = await createIncident(ctx, { title: 'Business e-mail compromise', category: 'account_compromise', severity: 2 });
  const app = { runtime: api.runtime, admin: { id: 'system' } } as never;
  const item = await seedItem(app, incident.id, { content: 'mailbox export', title: 'Payroll mailbox export', kind: 'email' });
  const events = await seedCustody(app, item.id, [{ action: 'collected', location: 'M365 tenant' }, { action: 'analysed', purpose: 'Forwarding rules' }]);
  return { incident, item, events };
}

describeCliOnEngines('bulwark evidence manifest and custody-report', (target, inProcess) => {
  it('writes the manifest as PDF or CSV to a file and the custody report to standard output', async () => {
    const { incident, item, events } = await seeded(await inProcess());

    const pdfFile = join(target().dataDir, 'manifest.pdf');
    const pdf = await runCli(target(), ['evidence', 'manifest', incident.number.toLowerCase(), '--format', 'pdf', '--out', pdfFile]);
    expect(pdf.code, pdf.stderr).toBe(0);
    const csvFile = join(target().dataDir, 'manifest.csv');
    const csv = await runCli(target(), ['evidence', 'manifest', incident.id, '--format', 'csv', '-o', csvFile]);
    expect(csv.code, csv.stderr).toBe(0);
    const csvBytes = readFileSync(csvFile);
    const digest = createHash('sha256').update(csvBytes).digest('hex');
    // the digest printed is the file's own SHA-256, so `sha256sum manifest.csv` checks it
    expect(csv.lines).toEqual([`Wrote the evidence manifest of ${incident.number} to ${csvFile} (SHA-256 of its CSV form: ${digest}).`]);
    expect(pdf.lines).toEqual([`Wrote the evidence manifest of ${incident.number} to ${pdfFile} (SHA-256 of its CSV form: ${digest}).`]);
    const bytes = readFileSync(pdfFile);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(bytes);
    for (const value of [item.sha256!, item.sha1!, item.md5!, item.number, digest]) expect(text).toContain(value);
    const parsed = parseCsv(csvBytes.toString('utf8'));
    expect(parsed.ok && parsed.records.slice(1).map((r) => r[1])).toEqual([item.number]);

    const report = await runCli(target(), ['evidence', 'custody-report', incident.number]);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout.startsWith('<!doctype html>')).toBe(true);
    for (const e of events) expect(report.stdout).toContain(`<code>${e.hash}</code>`);
    expect(report.stdout).toContain('Every custody chain verifies.');
  });

  it('says what is wrong: an unknown incident (exit 3), an unknown format (2)', async () => {
    const missing = await runCli(target(), ['evidence', 'custody-report', 'INC-2099-9999']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('bulwark: Incident INC-2099-9999 was not found.');
    const format = await runCli(target(), ['evidence', 'manifest', 'INC-2099-9999', '--format', 'md']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('Allowed choices are html, pdf, csv');
  });
});
