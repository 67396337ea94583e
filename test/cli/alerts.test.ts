import { expect, it } from 'vitest';
import { seedAlert } from '../support/triage-fixtures.js';
import { describeCliOnEngines, runCli } from './cli-harness.js';

describeCliOnEngines('bulwark alerts', (target, inProcess) => {
  it('lists the queue, dismisses every new alert of a noisy source, and reopens by id', async () => {
    const api = await inProcess();
    const noise = [await seedAlert(api, { source: 'scanner', title: 'Port scan 1' }), await seedAlert(api, { source: 'scanner', title: 'Port scan 2' })];
    const real = await seedAlert(api, { source: 'edr', title: 'Credential dumping on DC01', severity: 1 });

    const listed = await runCli(target(), ['alerts', 'list', '--status', 'new']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.lines[0]).toMatch(/^ID\s+SEV\s+STATUS\s+SOURCE\s+LAST SEEN\s+TITLE$/);
    expect(listed.stdout).toContain('Credential dumping on DC01');

    const dismissed = await runCli(target(), ['alerts', 'dismiss', '--source', 'scanner', '--reason', 'Scanner noise']);
    expect(dismissed.code, dismissed.stderr).toBe(0);
    expect(dismissed.stdout).toContain('Dismissed 2 alerts.');
    const remaining = JSON.parse((await runCli(target(), ['alerts', 'list', '--status', 'new', '--json'])).stdout) as Array<{ id: string }>;
    expect(remaining.map((a) => a.id)).toEqual([real.id]);

    const reopened = await runCli(target(), ['alerts', 'reopen', noise[0]!.id]);
    expect(reopened.code, reopened.stderr).toBe(0);
    const after = JSON.parse((await runCli(target(), ['alerts', 'list', '--json', '--source', 'scanner'])).stdout) as Array<{ id: string; status: string }>;
    expect(after.find((a) => a.id === noise[0]!.id)?.status).toBe('new');
    expect(after.find((a) => a.id === noise[1]!.id)?.status).toBe('dismissed');
  });

  it('refuses to dismiss without ids or a filter, and a reopen of a new alert, writing nothing', async () => {
    const api = await inProcess();
    const alert = await seedAlert(api, { source: 'edr' });
    const unfiltered = await runCli(target(), ['alerts', 'dismiss', '--reason', 'everything']);
    expect(unfiltered.code).toBe(2);
    expect(unfiltered.stderr).toContain('--source');
    const wrong = await runCli(target(), ['alerts', 'reopen', alert.id]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('already new');
    const still = JSON.parse((await runCli(target(), ['alerts', 'list', '--json', '--q', alert.id])).stdout) as Array<{ status: string }>;
    expect(still[0]?.status).toBe('new');
  });
});
