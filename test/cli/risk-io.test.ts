import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../src/services/context.js';
import { addUser } from '../../src/services/users/add-user.js';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { describeCliOnEngines, runCli } from './cli-harness.js';

describeCliOnEngines('bulwark risk import / export / remind', (target, inProcess) => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
  });

  it('imports a CSV file (dry run first), exports it back, and refuses a bad file with row-numbered problems', async () => {
    const api = await inProcess();
    const ctx = { ...api.runtime.deps, actor: systemActor(api.runtime.organisationId) };
    await addUser(ctx, { email: 'cli-owner@example.test', name: 'Cli Owner', role: 'risk_owner', password: 'correct horse battery staple' });
    const file = join(target().dataDir, 'register.csv');
    writeFileSync(file, 'title,category,owner,inherent_likelihood,inherent_impact,next_review_at\r\nBackup failure,outage,cli-owner@example.test,moderate,high,2020-01-01\r\n');

    const dry = await runCli(target(), ['risk', 'import', file, '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.lines[0]).toBe('Dry run, nothing kept: would create 1, update 0, unchanged 0.');
    const exportedEmpty = await runCli(target(), ['risk', 'export', '--format', 'json']);
    expect(JSON.parse(exportedEmpty.stdout)).toEqual([]);

    const real = await runCli(target(), ['risk', 'import', file]);
    expect(real.code, real.stderr).toBe(0);
    expect(real.lines[0]).toBe('Created 1, updated 0, unchanged 0.');
    expect(real.lines[1]).toMatch(/^ {2}\+ RISK-\d{4} {2}Backup failure {2}\(row 2\)$/);

    const out = join(target().dataDir, 'out.csv');
    const exported = await runCli(target(), ['risk', 'export', '--output', out]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.lines[0]).toBe(`Wrote 1 risk to ${out}.`);
    expect(readFileSync(out, 'utf8')).toMatch(/^number,title,description,/);
    expect(readFileSync(out, 'utf8')).toContain('Backup failure,,,,outage,identified,cli-owner@example.test');
    const again = await runCli(target(), ['risk', 'import', out]);
    expect(again.lines[0]).toBe('Created 0, updated 0, unchanged 1.');

    const bad = join(target().dataDir, 'bad.csv');
    writeFileSync(bad, 'title,category,inherent_likelihood,inherent_impact\r\nX,outage,medium,low\r\n');
    const refused = await runCli(target(), ['risk', 'import', bad]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('row 2, column inherent_likelihood: "medium" is not a likelihood level (very_low, low, moderate, high, very_high)');
    expect(refused.stderr).toContain('bulwark: Nothing was imported: 1 problem');
  }, 180_000);

  it('runs the reminders once and sends the e-mails through the configured SMTP server', async () => {
    const run = await runCli(target(), ['risk', 'remind'], { BULWARK_SMTP_URL: smtp.url, BULWARK_MAIL_FROM: 'Risk <risk@example.test>' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Reminders queued: 1 (0 owners already reminded today).');
    expect(run.stdout).toContain('E-mails sent 1, retrying later 0, failed 0.');
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['cli-owner@example.test']);
    expect(smtp.received[0]!.text).toContain('Backup failure (review due 2020-01-01)');

    const second = await runCli(target(), ['risk', 'remind']);
    expect(second.stdout).toContain('Reminders queued: 0 (1 owner already reminded today).');
    expect(smtp.received).toHaveLength(1);
  }, 120_000);
});
