import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPerson, screenshot, signIn } from './support/browser.js';
import { callApi } from './support/flows.js';
import { ADMIN_EMAIL, PASSWORD, startE2eServer, type E2eServer } from './support/server.js';

/** Picks an option of a Mantine select found by its label. */
async function pick(page: Page, label: RegExp | string, option: RegExp | string): Promise<void> {
  await page.getByRole('textbox', { name: label }).or(page.getByRole('combobox', { name: label })).first().click();
  await page.getByRole('option', { name: option }).first().click();
}

/** Chooses an option of a Mantine segmented control (its radios are visually hidden behind labels). */
async function segment(page: Page, group: string, option: string): Promise<void> {
  await page.getByRole('radiogroup', { name: group }).locator('label', { hasText: option }).first().click();
}

async function createRiskThroughApi(page: Page, body: Record<string, unknown>): Promise<{ id: string; number: string; version: number }> {
  const answer = await callApi<{ id: string; number: string; version: number }>(page, 'POST', '/api/v1/risks', body);
  expect(answer.status).toBe(201);
  return answer.body;
}

describe('the risk register in the web app', () => {
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

  it('creates a risk in the form, shows the level live, and finds it through its heat-map cell', async () => {
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    await page.getByRole('link', { name: 'Risks' }).click();
    await page.getByRole('heading', { name: 'The register is empty' }).waitFor();
    await page.getByRole('link', { name: 'Add a risk' }).click();

    await page.getByRole('textbox', { name: 'Title' }).fill('Ransomware encrypts the ERP');
    await page.getByRole('combobox', { name: /^Category/ }).or(page.getByRole('textbox', { name: /^Category/ })).first().fill('cyber_attack');
    await page.keyboard.press('Escape');
    await pick(page, /^Inherent likelihood/, /^High\b/);
    await pick(page, /^Inherent impact/, /^Very high\b/);
    // Table I-2: high likelihood × very high impact = very high, shown before saving.
    await page.getByLabel('Inherent level').getByText('Very high').waitFor();
    await segment(page, 'Treatment', 'Accept');
    await page.getByRole('button', { name: 'Add risk' }).click();
    // An acceptance needs its reason and end date.
    await page.getByText('Say why the risk is accepted').waitFor();
    await segment(page, 'Treatment', 'Mitigate');
    await page.getByRole('textbox', { name: 'Mitigation plan' }).fill('Offline backups and EDR');
    await screenshot(page, 'risk-form');
    await page.getByRole('button', { name: 'Add risk' }).click();

    await page.getByRole('heading', { name: 'Ransomware encrypts the ERP', level: 1 }).waitFor();
    expect(page.url()).toMatch(/\/risks\/[^/]+$/);
    await page.getByRole('link', { name: '← Register' }).click();

    await segment(page, 'Heat map basis', 'Inherent');
    const cell = page.getByRole('gridcell', { name: 'Likelihood High, impact Very high: 1 risk (Very high)' });
    await cell.waitFor();
    await page.getByRole('gridcell', { name: /^Likelihood Low, impact Low: 0 risks/ }).waitFor();
    await cell.click();
    await page.waitForURL(/likelihood=high&impact=very_high/);
    expect(page.url()).toContain('basis=inherent');
    await page.getByRole('table', { name: 'Risks' }).getByRole('link', { name: 'Ransomware encrypts the ERP' }).waitFor();
    await screenshot(page, 'risk-register');

    // Another cell lists nothing; j and Enter open the risk from the list.
    await page.getByRole('gridcell', { name: /^Likelihood Low, impact Low/ }).click();
    await page.getByRole('heading', { name: 'No risk matches these filters' }).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.getByRole('table', { name: 'Risks' }).waitFor();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Ransomware encrypts the ERP', level: 1 }).waitFor();
    await context.close();
  });

  it('edits a risk with a reason and shows the change in its history', async () => {
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    const risk = await createRiskThroughApi(page, { title: 'Supplier portal breach', category: 'third_party', inherent_likelihood: 'moderate', inherent_impact: 'high' });
    await page.goto(`/risks/${risk.id}`);
    await page.getByRole('link', { name: 'Edit' }).click();
    const title = page.getByRole('textbox', { name: 'Title' });
    await title.fill('Supplier portal credential stuffing');
    await pick(page, /^Residual likelihood/, /^Low\b/);
    await pick(page, /^Residual impact/, /^High\b/);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Say why; the reason is kept in the history').waitFor();
    await page.getByRole('textbox', { name: /^Reason for the change/ }).fill('MFA rolled out to the portal');
    await page.getByRole('button', { name: 'Save changes' }).click();

    await page.getByRole('heading', { name: 'Supplier portal credential stuffing', level: 1 }).waitFor();
    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByRole('table', { name: 'History' });
    await history.getByText('Supplier portal breach → Supplier portal credential stuffing').waitFor();
    await history.getByText('MFA rolled out to the portal').first().waitFor();
    await screenshot(page, 'risk-history');

    await page.getByRole('button', { name: 'Mark reviewed' }).click();
    await page.getByRole('button', { name: 'Record review' }).click();
    await page.getByText('Review recorded').waitFor();
    const reviewed = await callApi<{ last_reviewed_at: string | null }>(page, 'GET', `/api/v1/risks/${risk.id}`);
    expect(reviewed.body.last_reviewed_at).not.toBeNull();
    await context.close();
  });

  it('runs a FAIR simulation from the risk page and draws the loss exceedance curve against the tolerance', async () => {
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    const appetite = await callApi(page, 'PUT', '/api/v1/risk-appetite', { max_level: 'moderate', loss_tolerance: [{ loss: 10000, probability: 0.9 }, { loss: 1000000, probability: 0.01 }], currency: 'EUR' });
    expect(appetite.status).toBe(200);
    const risk = await createRiskThroughApi(page, { title: 'Payment fraud via BEC', category: 'fraud', inherent_likelihood: 'moderate', inherent_impact: 'moderate' });
    await page.goto(`/risks/${risk.id}?tab=fair`);
    await page.getByText('Not simulated yet').waitFor();

    await page.getByRole('textbox', { name: 'Threat event frequency value' }).fill('4');
    await page.getByRole('textbox', { name: /^Vulnerability.* value$/ }).fill('0.25');
    await segment(page, 'Primary loss magnitude as', '90 % interval');
    await page.getByRole('textbox', { name: /^Primary loss magnitude low/ }).fill('20000');
    await page.getByRole('textbox', { name: /^Primary loss magnitude high/ }).fill('400000');
    await page.getByRole('textbox', { name: 'Seed' }).fill('42');
    await page.getByRole('button', { name: 'Save inputs and run simulation' }).click();

    await page.getByLabel('Mean annual loss', { exact: true }).waitFor();
    const mean = await page.getByLabel('Mean annual loss', { exact: true }).textContent();
    expect(mean).toMatch(/^€\d/);
    const curve = page.getByTestId('loss-curve');
    await curve.locator('svg path.recharts-curve').first().waitFor();
    expect(await curve.locator('svg path.recharts-curve').count()).toBeGreaterThanOrEqual(2); // the curve and the tolerance
    await page.getByRole('table', { name: 'Simulations' }).getByRole('cell', { name: '42', exact: true }).waitFor();
    await screenshot(page, 'risk-fair');

    const saved = await callApi<{ annual_loss_mean: number | null; fair_inputs: { seed?: number } | null }>(page, 'GET', `/api/v1/risks/${risk.id}`);
    expect(saved.body.fair_inputs?.seed).toBe(42);
    expect(saved.body.annual_loss_mean).toBeGreaterThan(0);
    await context.close();
  });

  it('imports a register from CSV: a dry run first, then the import', async () => {
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    await page.goto('/risks/import');
    const csv = ['title,category,inherent_likelihood,inherent_impact', 'Laptop theft,physical,moderate,low', 'Cloud outage,outage,low,high', ''].join('\n');
    const bad = ['title,category,inherent_likelihood,inherent_impact', 'Laptop theft,physical,medium,low', ''].join('\n');

    await page.locator('input[type="file"]').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByRole('button', { name: 'Check (dry run)' }).click();
    await page.getByRole('alert').getByText('row 2, column inherent_likelihood: "medium" is not a likelihood level', { exact: false }).waitFor();

    await page.locator('input[type="file"]').setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Check (dry run)' }).click();
    await page.getByText('2 risks would be created.').waitFor();
    const before = await callApi<{ items: unknown[] }>(page, 'GET', '/api/v1/risks?q=Laptop');
    expect(before.body.items).toHaveLength(0);
    await screenshot(page, 'risk-import-dry-run');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('2 risks were created.').waitFor();
    await page.getByRole('button', { name: 'Open the register' }).click();
    await page.getByRole('table', { name: 'Risks' }).getByRole('link', { name: 'Laptop theft' }).waitFor();
    await page.getByRole('table', { name: 'Risks' }).getByRole('link', { name: 'Cloud outage' }).waitFor();
    await context.close();
  });
});
