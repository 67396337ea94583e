import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { systemActor } from '../../src/services/context.js';
import { approvePlan } from '../../src/services/plan/approve-plan.js';
import { savePlanDraft } from '../../src/services/plan/save-plan-draft.js';
import { REVIEW_DUE, samplePlan } from '../api/plan/plan-fixture.js';
import { describeCliOnEngines, runCli } from './cli-harness.js';

describeCliOnEngines('bulwark plan export', (target, inProcess) => {
  it('refuses before a plan is approved (exit 2), then writes the offline HTML and PDF and prints their SHA-256', async () => {
    const early = await runCli(target(), ['plan', 'export']);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('bulwark: No response plan has been approved yet');

    const api = await inProcess();
    const ctx = { ...api.runtime.deps, actor: systemActor(api.runtime.organisationId) };
    await savePlanDraft(ctx, undefined, { content: samplePlan(), review_due_at: REVIEW_DUE });
    await approvePlan(ctx, undefined);

    const html = join(target().dataDir, 'plan.html');
    const written = await runCli(target(), ['plan', 'export', '--out', html]);
    expect(written.code, written.stderr).toBe(0);
    const bytes = readFileSync(html);
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(written.lines[0]).toBe(`${sha}  ${html}`);
    expect(written.lines[1]).toMatch(/^Response plan version 1, exported \d{4}-\d\d-\d\dT[\d:.]+Z; content SHA-256 [0-9a-f]{64}\.$/);
    expect(bytes.toString('utf8')).toContain('Carla Ciso');
    const recorded = await api.database.db.selectFrom('plan_exports').select(['sha256', 'format', 'exported_by']).execute();
    expect(recorded).toEqual([{ sha256: sha, format: 'html', exported_by: 'system' }]);

    const pdf = join(target().dataDir, 'plan.pdf');
    const printed = await runCli(target(), ['plan', 'export', '--format', 'pdf', '-o', pdf]);
    expect(printed.code, printed.stderr).toBe(0);
    const pdfBytes = readFileSync(pdf);
    expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(printed.lines[0]).toBe(`${createHash('sha256').update(pdfBytes).digest('hex')}  ${pdf}`);

    const format = await runCli(target(), ['plan', 'export', '--format', 'docx']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('Allowed choices are html, pdf');
  });
});
