import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPerson, screenshot, signIn } from './support/browser.js';
import { callApi } from './support/flows.js';
import { ADMIN_EMAIL, PASSWORD, startE2eServer, type E2eServer } from './support/server.js';

/** Opens a Mantine select found by its label and picks an option. */
async function pick(page: Page, label: RegExp | string, option: string): Promise<void> {
  await page.getByRole('textbox', { name: label }).or(page.getByRole('combobox', { name: label })).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function quantifiedRisk(page: Page, title: string, tef: number, loss: number): Promise<string> {
  const answer = await callApi<{ id: string }>(page, 'POST', '/api/v1/risks', {
    title,
    category: 'cyber_attack',
    inherent_likelihood: 'high',
    inherent_impact: 'high',
    fair_inputs: { threat_event_frequency: tef, vulnerability: 0.5, primary_loss: { low: loss / 10, high: loss }, seed: 1, iterations: 2000 },
  });
  expect(answer.status).toBe(201);
  return answer.body.id;
}

describe('risk dashboard, portfolio and settings in the web app', () => {
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

  it('runs the portfolio simulation with progress, then shows totals, the curve and each risk’s share', async () => {
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    await quantifiedRisk(page, 'Ransomware', 2, 2_000_000);
    await quantifiedRisk(page, 'Laptop theft', 6, 20_000);
    await page.goto('/risks/portfolio');
    await page.getByRole('button', { name: 'Run portfolio simulation' }).click();
    const totals = page.getByRole('region', { name: 'Portfolio totals' });
    await totals.getByLabel('Mean annual loss', { exact: true }).waitFor({ timeout: 30_000 });
    await page.getByTestId('loss-curve').locator('svg path.recharts-curve').first().waitFor();
    const contributions = page.getByRole('region', { name: 'Contribution by risk' });
    await contributions.locator('.recharts-bar-rectangle').first().waitFor();
    await contributions.getByText('RISK-0001').first().waitFor();
    await screenshot(page, 'risk-portfolio');
    await context.close();
  });

  it('shows the dashboard, and lets a risk owner change the appetite and a matrix cell', async () => {
    const owner = await server.addPerson('Rita Owner', 'risk_owner');
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, owner.email, PASSWORD);
    await callApi(page, 'POST', '/api/v1/risks', { title: 'Insider data theft', category: 'insider', inherent_likelihood: 'moderate', inherent_impact: 'very_high' });
    await page.goto('/risks/dashboard');
    const top = page.getByRole('region', { name: 'Top risks' });
    await top.getByRole('link', { name: 'Insider data theft' }).waitFor();
    await page.getByRole('region', { name: 'Over appetite' }).getByRole('link', { name: 'Insider data theft' }).waitFor();
    await screenshot(page, 'risk-dashboard');

    await page.getByRole('tab', { name: 'Matrix & appetite' }).click();
    await page.getByRole('heading', { name: 'Risk matrix and appetite' }).waitFor();
    await pick(page, /Highest acceptable residual level/, 'High');
    await page.getByRole('button', { name: 'Add a point' }).click();
    await page.getByRole('textbox', { name: 'Tolerance point 1 loss' }).fill('500000');
    await page.getByRole('textbox', { name: 'Tolerance point 1 probability (%)' }).fill('10');
    await page.getByRole('button', { name: 'Save appetite' }).click();
    await page.getByText('Appetite saved').waitFor();
    const appetite = await callApi<{ max_level: string; loss_tolerance: unknown[] }>(page, 'GET', '/api/v1/risk-appetite');
    expect(appetite.body).toMatchObject({ max_level: 'high', loss_tolerance: [{ loss: 500000, probability: 0.1 }] });

    // Moderate likelihood × very high impact: high by default; make it very high.
    await pick(page, 'Level for likelihood Moderate, impact Very high', 'Very high');
    await page.getByRole('button', { name: 'Save matrix' }).click();
    await page.getByText('Matrix saved').waitFor();
    const matrix = await callApi<{ table: string[][] }>(page, 'GET', '/api/v1/risk-matrix');
    expect(matrix.body.table[2]![4]).toBe('very_high');
    await screenshot(page, 'risk-settings');
    await context.close();
  });

  it('links a control to a risk, changes the link’s status and unlinks it', async () => {
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    expect((await callApi(page, 'POST', '/api/v1/control-catalogs/starter', {})).status).toBeLessThan(300);
    const risk = await callApi<{ id: string }>(page, 'POST', '/api/v1/risks', { title: 'Shadow IT', category: 'compliance', inherent_likelihood: 'moderate', inherent_impact: 'moderate' });
    await page.goto(`/risks/${risk.body.id}?tab=controls`);
    await page.getByText('No control linked.').waitFor();
    const picker = page.getByRole('textbox', { name: 'Link a control' }).or(page.getByRole('combobox', { name: 'Link a control' })).first();
    await picker.fill('GV.OC');
    await page.getByRole('option', { name: /^GV\.OC / }).click();
    await page.getByRole('button', { name: 'Link', exact: true }).click();
    const table = page.getByRole('table', { name: 'Linked controls' });
    await table.getByText('GV.OC').waitFor();
    await pick(page, 'Status of GV.OC', 'Done');
    await expect.poll(async () => (await callApi<{ controls: Array<{ status: string }> }>(page, 'GET', `/api/v1/risks/${risk.body.id}`)).body.controls[0]?.status).toBe('done');
    await page.getByRole('button', { name: 'Unlink GV.OC' }).click();
    await page.getByText('No control linked.').waitFor();
    await context.close();
  });
});
