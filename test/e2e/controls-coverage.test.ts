import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPerson, screenshot, signIn } from './support/browser.js';
import { callApi } from './support/flows.js';
import { ADMIN_EMAIL, PASSWORD, startE2eServer, type E2eServer } from './support/server.js';

describe('control coverage in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('puts the control most risks rely on first, and a risk without any control in plain sight', async () => {
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    expect((await callApi(page, 'POST', '/api/v1/control-catalogs/starter', {})).status).toBe(200);
    const controls = await callApi<{ items: Array<{ id: string; ref: string }> }>(page, 'GET', '/api/v1/controls?q=PR.AA');
    const prAa = controls.body.items.find((c) => c.ref === 'PR.AA')!;
    const deCm = (await callApi<{ items: Array<{ id: string; ref: string }> }>(page, 'GET', '/api/v1/controls?q=DE.CM')).body.items.find((c) => c.ref === 'DE.CM')!;

    const risk = async (title: string) => {
      const answer = await callApi<{ id: string; number: string }>(page, 'POST', '/api/v1/risks', { title, category: 'cyber_attack', inherent_likelihood: 'high', inherent_impact: 'high' });
      expect(answer.status).toBe(201);
      return answer.body;
    };
    const ransomware = await risk('Ransomware on file servers');
    const phishing = await risk('Credential phishing');
    const fraud = await risk('Invoice fraud');
    for (const [r, c] of [[ransomware, prAa], [phishing, prAa], [ransomware, deCm]] as const) {
      expect((await callApi(page, 'POST', `/api/v1/risks/${r.id}/controls`, { control_id: c.id })).status).toBe(201);
    }

    await page.goto('/controls');
    await page.getByRole('link', { name: 'Coverage' }).click();
    await page.getByRole('heading', { name: 'Control coverage', level: 1 }).waitFor();
    await page.getByRole('status', { name: 'Coverage summary' }).getByText('1 risk without any control').waitFor();

    const top = page.getByRole('table', { name: 'Controls by risks relying on them' });
    const rows = top.getByRole('row');
    await rows.nth(1).getByText('PR.AA').waitFor();
    expect(await rows.nth(1).innerText()).toMatch(/2$/);
    expect(await rows.nth(2).innerText()).toMatch(/DE\.CM[\s\S]*1$/);

    const byRisk = page.getByRole('table', { name: 'Risks and their controls' });
    const first = byRisk.getByRole('row').nth(1);
    await first.getByText(`${fraud.number} Invoice fraud`).waitFor();
    await first.getByText('No control').waitFor();
    const ransomwareRow = byRisk.getByRole('row').filter({ hasText: 'Ransomware on file servers' });
    await ransomwareRow.getByRole('link', { name: 'PR.AA' }).waitFor();
    await ransomwareRow.getByRole('link', { name: 'DE.CM' }).waitFor();
    await screenshot(page, 'controls-coverage');

    await page.locator('label', { hasText: 'Matrix' }).click();
    await page.getByRole('table', { name: 'Coverage matrix' }).getByLabel(`${phishing.number} relies on PR.AA`).waitFor();
    expect(page.url()).toContain('view=matrix');

    // The control page lists the risks relying on it, each a link to the risk.
    await page.goto(`/controls/${prAa.id}`);
    const relying = page.getByRole('region', { name: 'Risks relying on this control' });
    await relying.getByRole('link', { name: `${ransomware.number} Ransomware on file servers` }).waitFor();
    await relying.getByRole('link', { name: `${phishing.number} Credential phishing` }).waitFor();
    expect(await relying.getByRole('link', { name: `${phishing.number} Credential phishing` }).getAttribute('href')).toBe(`/risks/${phishing.id}`);
    await context.close();
  });
});
