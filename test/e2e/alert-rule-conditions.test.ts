import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPerson, screenshot, signIn } from './support/browser.js';
import { callApi } from './support/flows.js';
import { ADMIN_EMAIL, PASSWORD, startE2eServer, type E2eServer } from './support/server.js';

describe('alert rule conditions in the browser', () => {
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

  it('builds a snooze rule from condition rows, checks them, and the rule drops only matching alerts', async () => {
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    await page.goto('/alerts/rules');
    await page.getByRole('button', { name: 'Add rule' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add alert rule' });
    await dialog.locator('label', { hasText: 'Snooze' }).click();
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Quiet the EDR test host');

    // No condition: a snooze rule would catch every alert, so the dialog says so and sends nothing.
    await dialog.getByRole('button', { name: 'Add rule' }).click();
    await dialog.getByText('A snooze rule needs at least one condition, or it would catch every alert').waitFor();
    // An empty row is named too.
    await dialog.getByRole('button', { name: 'Add condition' }).click();
    await dialog.getByText('Give at least one value, or remove the row').waitFor();
    await dialog.getByLabel('Condition 1 value').fill('edr');
    await dialog.getByLabel('Condition 1 value').press('Enter');
    await dialog.getByText('Give at least one value, or remove the row').waitFor({ state: 'detached' });
    // A second row: the title contains "test".
    await dialog.getByRole('button', { name: 'Add condition' }).click();
    await dialog.getByRole('combobox', { name: 'Condition 2 field' }).click();
    await page.getByRole('option', { name: 'Title' }).click();
    await dialog.getByText('contains', { exact: true }).waitFor();
    await dialog.getByLabel('Condition 2 value').fill('host-test-01');
    await screenshot(page, 'alert-rule-conditions');
    await dialog.getByRole('button', { name: 'Add rule' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const table = page.getByRole('table', { name: 'Alert rules' });
    await table.getByText('source edr · title contains “host-test-01”').waitFor();
    await table.getByText('until disabled').waitFor();

    // Alerts from an integration, with an API token.
    const token = await callApi<{ secret: string }>(page, 'POST', '/api/v1/tokens', { name: 'SIEM', role: 'analyst' });
    expect(token.status).toBe(201);
    const { secret } = token.body;
    const send = async (alert: Record<string, unknown>) => {
      const res = await fetch(`${server.url}/api/v1/alerts`, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, body: JSON.stringify(alert) });
      expect(res.status).toBeLessThan(300);
      return ((await res.json()) as { outcome: string }).outcome;
    };
    expect(await send({ source: 'edr', source_ref: 'a-1', title: 'EICAR on HOST-TEST-01' })).toBe('snoozed');
    expect(await send({ source: 'edr', source_ref: 'a-2', title: 'Mimikatz on HR-LAPTOP-9' })).toBe('created');
    expect(await send({ source: 'siem', source_ref: 'a-3', title: 'Login burst on host-test-01' })).toBe('created');
    await table.getByRole('cell', { name: '1', exact: true }).waitFor();

    // Edit the conditions: drop the title row; now every EDR alert is snoozed.
    await page.getByRole('button', { name: 'Edit Quiet the EDR test host' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit alert rule' });
    await edit.getByLabel('Condition 2 value').waitFor();
    expect(await edit.getByLabel('Condition 2 value').inputValue()).toBe('host-test-01');
    await edit.getByRole('button', { name: 'Remove condition 2 (Title)' }).click();
    await edit.getByRole('button', { name: 'Save rule' }).click();
    await edit.waitFor({ state: 'hidden' });
    await table.getByText('source edr', { exact: true }).waitFor();
    expect(await send({ source: 'edr', source_ref: 'a-4', title: 'Mimikatz on HR-LAPTOP-9' })).toBe('snoozed');
    await context.close();
  });
});
