import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchDueWebhooks } from '../../src/services/webhooks/dispatch-webhooks.js';
import { startReceiver } from '../api/webhooks/receiver.js';
import { launchBrowser, newPerson, screenshot, signIn } from './support/browser.js';
import { ADMIN_EMAIL, PASSWORD, startE2eServer, type E2eServer } from './support/server.js';

describe('Admin → Webhooks', () => {
  let server: E2eServer;
  let browser: Browser;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await receiver?.close();
  });

  it('adds a webhook, shows its secret once, sends a test event and shows the delivery', async () => {
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    await page.goto('/admin/webhooks');
    await page.getByText('No webhooks yet').waitFor();
    await screenshot(page, 'webhooks-empty');

    await page.getByRole('button', { name: 'Add webhook' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add webhook' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('SOAR bridge');
    await dialog.getByRole('textbox', { name: 'Payload URL' }).fill('ftp://wrong.example/');
    await dialog.getByRole('button', { name: 'Add webhook' }).click();
    await dialog.getByText('an http:// or https:// URL', { exact: true }).waitFor();
    await screenshot(page, 'webhooks-form');
    await dialog.getByRole('textbox', { name: 'Payload URL' }).fill(receiver.url);
    await dialog.getByRole('button', { name: 'Add webhook' }).click();
    await dialog.getByText(/Shown only now/).waitFor();
    const secret = await dialog.getByLabel('Signing secret').innerText();
    expect(secret).toMatch(/^whsec_/);
    await screenshot(page, 'webhooks-secret');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const table = page.getByRole('table', { name: 'Webhooks' });
    await table.getByRole('link', { name: 'SOAR bridge', exact: true }).waitFor();
    expect(await table.innerText()).not.toContain(secret);
    expect(await table.innerText()).toContain('incident.*');
    await screenshot(page, 'webhooks-list');

    await table.getByRole('link', { name: 'SOAR bridge', exact: true }).click();
    await page.getByRole('heading', { name: 'SOAR bridge' }).waitFor();
    await page.getByRole('button', { name: 'Send test event' }).click();
    const log = page.getByRole('table', { name: 'Deliveries' });
    await log.getByText('webhook.ping').waitFor();
    await log.getByText('Pending').waitFor();

    await dispatchDueWebhooks(server.runtime.deps);
    expect(receiver.received.map((r) => r.json.type)).toEqual(['webhook.ping']);
    await log.getByText('Delivered').waitFor({ timeout: 8000 });
    await log.getByRole('button', { name: /Details of webhook.ping/ }).click();
    await page.getByRole('table', { name: /Attempts of delivery/ }).getByText('200').waitFor();
    await screenshot(page, 'webhooks-deliveries');

    await page.getByRole('button', { name: 'Toggle colour scheme' }).click();
    await screenshot(page, 'webhooks-deliveries-other-theme');
    await context.close();
  });
});
