import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { systemActor } from '../../src/services/context.js';
import { createIncident } from '../../src/services/incidents/create-incident.js';
import { seedReview } from '../api/review-report/seed-review.js';
import { describeCliOnEngines, runCli } from './cli-harness.js';

describeCliOnEngines('bulwark review export', (target, inProcess) => {
  it('writes the review as PDF to a file, and as Markdown or HTML to standard output', async () => {
    const api = await inProcess();
    const ctx = { ...api.runtime.deps, actor: systemActor(api.runtime.organisationId) };
    const { incident } = await createIncident(ctx, { title: 'Laptop stolen from car', category: 'lost_or_stolen_device' });
    await seedReview({ runtime: api.runtime, admin: { id: 'system' } } as never, incident.id, { summary: 'Disk was encrypted; no data lost.', lessons: ['Lock devices in the boot'] });

    const file = join(target().dataDir, 'review.pdf');
    const pdf = await runCli(target(), ['review', 'export', incident.number.toLowerCase(), '--format', 'pdf', '-o', file]);
    expect(pdf.code, pdf.stderr).toBe(0);
    expect(pdf.lines).toEqual([`Wrote the review of ${incident.number} to ${file}.`]);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);

    const md = await runCli(target(), ['review', 'export', incident.id, '--format', 'md']);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain(`# Post-incident review: ${incident.number} Laptop stolen from car`);
    expect(md.stdout).toContain('Disk was encrypted; no data lost.');
    expect(md.stdout).toContain('- Lock devices in the boot');

    const html = await runCli(target(), ['review', 'export', incident.number]);
    expect(html.code, html.stderr).toBe(0);
    expect(html.stdout.startsWith('<!doctype html>')).toBe(true);
  });

  it('says what is wrong: an unknown incident (exit 3), an incident without a review (3), an unknown format (2)', async () => {
    const api = await inProcess();
    const ctx = { ...api.runtime.deps, actor: systemActor(api.runtime.organisationId) };
    const missing = await runCli(target(), ['review', 'export', 'INC-2099-9999']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('bulwark: Incident INC-2099-9999 was not found.');

    const { incident } = await createIncident(ctx, { title: 'No review yet', category: 'other' });
    const bare = await runCli(target(), ['review', 'export', incident.number]);
    expect(bare.code).toBe(3);
    expect(bare.stderr).toContain(`bulwark: The review of ${incident.number} was not found.`);

    const format = await runCli(target(), ['review', 'export', incident.number, '--format', 'docx']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("Allowed choices are html, pdf, md");
  });
});
