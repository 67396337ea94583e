import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPerson, screenshot, signIn } from './support/browser.js';
import { callApi, openIncidentThroughApi, openTab } from './support/flows.js';
import { ADMIN_EMAIL, PASSWORD, startE2eServer, type E2eServer } from './support/server.js';

describe('alert triage queue', () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const send = async (title: string, extra: Record<string, unknown> = {}) => {
    const res = await callApi<{ id: string }>(page, 'POST', '/api/v1/alerts', { source: 'splunk', source_ref: `e2e-${title}`, type: 'siem', title, severity: 3, ...extra });
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  };
  const queue = () => page.getByRole('table', { name: 'Alerts' });

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    ({ context, page } = await newPerson(browser, server.url));
    await signIn(page, ADMIN_EMAIL, PASSWORD);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('teaches how to point a SIEM at Bulwark when the queue is empty, then shows alerts live as they arrive', async () => {
    await page.getByRole('link', { name: 'Alerts', exact: true }).click();
    await page.getByText('No new alerts').waitFor();
    expect(await page.getByLabel('Example request').textContent()).toContain('/api/v1/alerts');
    await screenshot(page, 'alerts-empty');

    await send('Beacon to 203.0.113.7 from ws-1', { observables: [{ type: 'ip', value: '203.0.113.7' }], raw: { search_name: 'C2 beacon', dest_ip: '203.0.113.7', host: 'ws-1' } });
    await send('Port scan from printer');
    await send('Test alert from the SIEM');
    await queue().getByRole('link', { name: 'Beacon to 203.0.113.7 from ws-1' }).waitFor();
    await queue().getByRole('link', { name: 'Test alert from the SIEM' }).waitFor();
  });

  it('dismisses two alerts chosen with j and x, with a reason, using only the keyboard', async () => {
    await page.goto('/alerts');
    await queue().getByRole('link', { name: 'Test alert from the SIEM' }).waitFor();
    // Newest first: the test alert, then the port scan.
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await page.getByText('2 chosen').waitFor();
    await screenshot(page, 'alerts-queue-chosen');
    await page.getByRole('button', { name: 'Toggle colour scheme' }).click();
    await screenshot(page, 'alerts-queue-chosen-light');
    await page.getByRole('button', { name: 'Toggle colour scheme' }).click();
    await page.keyboard.press('d');
    const dialog = page.getByRole('dialog', { name: 'Dismiss 2 alerts' });
    await dialog.getByText('Test alert', { exact: true }).click();
    await dialog.getByRole('button', { name: 'Dismiss 2 alerts' }).click();
    await dialog.waitFor({ state: 'detached' });
    await queue().getByRole('link', { name: 'Port scan from printer' }).waitFor({ state: 'detached' });
    expect(await queue().getByRole('link', { name: 'Beacon to 203.0.113.7 from ws-1' }).count()).toBe(1);

    await page.locator('label[for$="-dismissed"]').click();
    await queue().getByRole('link', { name: 'Port scan from printer' }).waitFor();
    expect(page.url()).toContain('status=dismissed');
  });

  it('opens an alert with Enter, shows its raw JSON and observables, and promotes it to an incident with p', async () => {
    await page.goto('/alerts');
    await queue().getByRole('link', { name: 'Beacon to 203.0.113.7 from ws-1' }).waitFor();
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Beacon to 203.0.113.7 from ws-1' }).waitFor();
    await page.getByRole('table', { name: 'Observables' }).getByRole('link', { name: '203.0.113.7' }).waitFor();
    expect(await page.getByLabel('Raw JSON', { exact: true }).textContent()).toContain('"search_name": "C2 beacon"');
    await screenshot(page, 'alert-detail');
    await page.getByRole('button', { name: 'Toggle colour scheme' }).click();
    await screenshot(page, 'alert-detail-light');
    await page.getByRole('button', { name: 'Toggle colour scheme' }).click();

    await page.keyboard.press('p');
    const dialog = page.getByRole('dialog', { name: 'Promote this alert to a new incident' });
    await dialog.getByRole('checkbox', { name: /203\.0\.113\.7/ }).waitFor();
    await dialog.getByLabel('Category').selectOption('malware');
    await dialog.getByRole('button', { name: 'Open incident' }).click();
    await page.getByRole('heading', { level: 1, name: 'Beacon to 203.0.113.7 from ws-1' }).waitFor();
    await page.waitForURL(/\/incidents\/inc_/);

    const alerts = await callApi<{ items: Array<{ status: string }> }>(page, 'GET', '/api/v1/alerts?status=promoted');
    expect(alerts.body.items).toHaveLength(1);
  });

  it('merges an alert into an open incident with m, and undoes the merge from the alert page', async () => {
    const incident = await openIncidentThroughApi(page, { title: 'Lateral movement in finance', category: 'malware', severity: 2 });
    await send('SMB login burst from ws-7', { raw: { host: 'ws-7' } });
    await page.goto('/alerts');
    await queue().getByRole('link', { name: 'SMB login burst from ws-7' }).waitFor();
    await page.keyboard.press('j');
    await page.keyboard.press('m');
    const dialog = page.getByRole('dialog', { name: 'Merge this alert into an incident' });
    await dialog.getByRole('textbox', { name: 'Find an open incident' }).fill('lateral');
    await dialog.getByRole('radio', { name: /Lateral movement in finance/ }).check();
    await screenshot(page, 'alerts-merge-dialog');
    await dialog.getByRole('button', { name: 'Merge this alert' }).click();
    await page.waitForURL(new RegExp(`/incidents/${incident.id}`));
    await openTab(page, 'Timeline');
    await page.getByText(/Merged alert “SMB login burst from ws-7”/).waitFor();
    await screenshot(page, 'incident-timeline-merged-alert');

    const merged = await callApi<{ items: Array<{ id: string }> }>(page, 'GET', `/api/v1/alerts?incident=${incident.id}`);
    expect(merged.body.items).toHaveLength(1);
    await page.goto(`/alerts/${merged.body.items[0]!.id}`);
    await page.getByRole('link', { name: new RegExp(incident.number) }).waitFor();
    await page.getByRole('button', { name: 'Unmerge' }).click();
    await page.getByRole('button', { name: 'Promote' }).waitFor();
    expect((await callApi<{ status: string }>(page, 'GET', `/api/v1/alerts/${merged.body.items[0]!.id}`)).body.status).toBe('new');
  });
});
