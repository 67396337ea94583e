import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPerson, screenshot, signIn } from './support/browser.js';
import { callApi } from './support/flows.js';
import { ADMIN_EMAIL, PASSWORD, startE2eServer, type E2eServer } from './support/server.js';

describe('alert rules page', () => {
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

  it('adds a de-duplication rule that then folds repeats, pauses it and deletes it', async () => {
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    await page.goto('/alerts/rules');
    await page.getByRole('heading', { name: 'Alert rules', level: 1 }).waitFor();
    await page.getByText('No alert rules yet').waitFor();

    await page.getByRole('button', { name: 'Add rule' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add alert rule' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('One scan alert per hour');
    await dialog.getByRole('button', { name: 'Add condition' }).click();
    await dialog.getByLabel('Condition 1 value').fill('nessus');
    await dialog.getByLabel('Condition 1 value').press('Enter');
    await screenshot(page, 'alert-rules-dialog');
    await dialog.getByRole('button', { name: 'Add rule' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const table = page.getByRole('table', { name: 'Alert rules' });
    await table.getByText('One scan alert per hour').waitFor();
    await table.getByText('source nessus').waitFor();
    await table.getByText('same source, title within 1 h').waitFor();

    for (let i = 0; i < 2; i += 1) {
      const sent = await callApi<{ outcome: string }>(page, 'POST', '/api/v1/alerts', { source: 'nessus', source_ref: `scan-${i}`, title: 'Port scan from 192.0.2.7' });
      expect(sent.body.outcome).toBe(i === 0 ? 'created' : 'deduplicated');
    }
    // The counter follows live: the ingest events refresh the list.
    await table.getByRole('cell', { name: '1', exact: true }).waitFor();
    await screenshot(page, 'alert-rules');
    await page.getByRole('button', { name: 'Toggle colour scheme' }).click();
    await screenshot(page, 'alert-rules-other-theme');

    await page.getByRole('button', { name: 'Pause One scan alert per hour' }).click();
    await table.getByText('Paused').waitFor();
    await page.getByRole('button', { name: 'Delete One scan alert per hour' }).click();
    await page.getByRole('dialog', { name: 'Delete alert rule' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByText('No alert rules yet').waitFor();
    await context.close();
  });

  it('shows analysts the rules without the controls to change them', async () => {
    await server.addPerson('Ana Analyst', 'analyst');
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, 'ana.analyst@example.test', PASSWORD);
    await page.goto('/alerts/rules');
    await page.getByRole('heading', { name: 'Alert rules', level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: 'Add rule' }).count()).toBe(0);
    await context.close();
  });
});
