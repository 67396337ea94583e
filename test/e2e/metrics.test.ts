import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPerson, screenshot, signIn } from './support/browser.js';
import { callApi, openIncidentThroughApi } from './support/flows.js';
import { ADMIN_EMAIL, PASSWORD, startE2eServer, type E2eServer } from './support/server.js';

const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

describe('metrics dashboard in the web app', () => {
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

  it('draws incidents by category and severity, response-time trends and action items by age from seeded incidents', async () => {
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    const seeded = [
      { title: 'Phishing wave', category: 'phishing', severity: 3, occurred_at: ago(30 * HOUR), detected_at: ago(26 * HOUR) },
      { title: 'Ransomware on a file server', category: 'malware', severity: 1, occurred_at: ago(60 * HOUR), detected_at: ago(50 * HOUR) },
      { title: 'Credential stuffing', category: 'account_compromise', severity: 2, occurred_at: ago(10 * HOUR), detected_at: ago(9 * HOUR) },
    ];
    const ids: string[] = [];
    for (const incident of seeded) ids.push((await openIncidentThroughApi(page, incident)).id);
    const moved = await callApi(page, 'POST', `/api/v1/incidents/${ids[1]}/transitions`, { to: 'containment' });
    expect(moved.status, JSON.stringify(moved.body)).toBeLessThan(300);
    const item = await callApi(page, 'POST', `/api/v1/incidents/${ids[0]}/action-items`, { title: 'Tune the mail filter', kind: 'control_improvement' });
    expect(item.status, JSON.stringify(item.body)).toBe(201);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Metrics' }).click();
    await page.getByRole('heading', { name: 'Incident metrics' }).waitFor();
    await page.getByText('3 incidents detected in the period', { exact: false }).waitFor();
    const byCategory = page.getByRole('figure', { name: 'Incidents by category per month' });
    await byCategory.locator('.recharts-bar-rectangle >> visible=true').first().waitFor();
    await byCategory.getByText('Phishing').first().waitFor();
    const bySeverity = page.getByRole('figure', { name: 'Incidents by severity per month' });
    await bySeverity.getByText('Critical (1)').first().waitFor();
    await page.getByRole('figure', { name: 'Time to detect trend' }).locator('.recharts-line-dot >> visible=true').first().waitFor();
    await page.getByRole('figure', { name: 'Open action items by age' }).locator('.recharts-bar-rectangle >> visible=true').first().waitFor();
    const percentiles = page.getByRole('table', { name: 'Response-time percentiles' });
    await percentiles.getByRole('row', { name: /Time to detect 3/ }).waitFor();
    await screenshot(page, 'metrics-dashboard');

    // The period is in the URL, so a view can be shared.
    await page.getByText('24 months', { exact: true }).click();
    await page.waitForURL(/months=24/);
    await byCategory.locator('.recharts-bar-rectangle >> visible=true').first().waitFor();
    await context.close();
  });
});
