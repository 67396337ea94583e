import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPerson, screenshot, signIn } from './support/browser.js';
import { callApi, openIncidentThroughApi, openTab } from './support/flows.js';
import { ADMIN_EMAIL, PASSWORD, startE2eServer, type E2eServer } from './support/server.js';

describe('observables and "seen before"', () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
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

  it('adds pasted, defanged observables with o, shows which were seen before, and finds one from the search box', async () => {
    const earlier = await openIncidentThroughApi(page, { title: 'Tor exit brute force', category: 'account_compromise', severity: 3 });
    const added = await callApi(page, 'POST', `/api/v1/incidents/${earlier.id}/observables`, { observables: [{ type: 'ip', value: '185.220.101.4', ioc: true }] });
    expect(added.status).toBe(201);
    const incident = await openIncidentThroughApi(page, { title: 'Credential phishing wave', category: 'phishing', severity: 2 });
    await page.goto(`/incidents/${incident.id}`);
    await page.getByRole('heading', { level: 1, name: 'Credential phishing wave' }).waitFor();

    await page.keyboard.press('o');
    const box = page.getByRole('textbox', { name: 'Observables, one per line' });
    // o moved to the Observables tab and put the cursor in the paste box: typing lands there.
    await box.waitFor();
    for (let tries = 0; !(await box.evaluate((el) => (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement === el)); tries += 1) {
      if (tries > 50) throw new Error('pressing o did not put the cursor in the observables box');
      await page.waitForTimeout(20);
    }
    await page.keyboard.type('185.220.101[.]4');
    expect(await box.inputValue()).toBe('185.220.101[.]4');
    await box.fill('185.220.101[.]4\nhxxps://Login-Micros0ft[.]example/auth\n44D88612FEA8A8F36DE82E1278ABB02F');
    await page.getByRole('checkbox', { name: 'IOC (known malicious)' }).check();
    await page.getByRole('button', { name: 'Add 3 observables' }).click();

    const table = page.getByRole('table', { name: 'Observables' });
    await table.getByRole('link', { name: 'https://login-micros0ft.example/auth' }).waitFor();
    await table.getByRole('link', { name: '44d88612fea8a8f36de82e1278abb02f' }).waitFor();
    const ipRow = table.getByRole('row').filter({ hasText: '185.220.101.4' });
    await ipRow.getByRole('link', { name: 'Seen on 1 other alert or incident' }).waitFor();
    expect(await table.getByText('IOC').count()).toBe(3);
    await screenshot(page, 'incident-observables');

    await page.getByRole('textbox', { name: 'Observables, one per line' }).fill('999.1.1.1');
    await page.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'IP address' }).click();
    await page.getByRole('button', { name: 'Add observable' }).click();
    await page.getByRole('alert').filter({ hasText: 'Nothing was added' }).getByText('999 is larger than 255').waitFor();

    await ipRow.getByRole('link', { name: 'Seen on 1 other alert or incident' }).click();
    await page.getByRole('heading', { level: 1, name: '185.220.101.4' }).waitFor();
    const seenOn = page.getByRole('table', { name: 'Where it was seen' });
    await seenOn.getByRole('link', { name: /Tor exit brute force/ }).waitFor();
    await seenOn.getByRole('link', { name: /Credential phishing wave/ }).waitFor();
    await screenshot(page, 'observable-history');
    await page.getByRole('button', { name: 'Toggle colour scheme' }).click();
    await screenshot(page, 'observable-history-light');
    await page.goBack();
    await table.getByRole('link', { name: '185.220.101.4' }).waitFor();
    await screenshot(page, 'incident-observables-light');
    await page.getByRole('button', { name: 'Toggle colour scheme' }).click();

    await page.goto('/');
    await page.keyboard.press('/');
    await page.getByRole('textbox', { name: 'Global search' }).fill('hxxps://login-micros0ft[.]example/auth');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'https://login-micros0ft.example/auth' }).waitFor();
    await page.getByRole('table', { name: 'Where it was seen' }).getByRole('link', { name: /Credential phishing wave/ }).waitFor();

    await page.getByRole('textbox', { name: 'Global search' }).fill('phishing wave');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/incidents\?q=phishing/);
  });

  it('marks an observable to ignore for similarity, after which it no longer counts as seen before', async () => {
    const a = await openIncidentThroughApi(page, { title: 'DNS tunnelling A', category: 'malware', severity: 3 });
    const b = await openIncidentThroughApi(page, { title: 'DNS tunnelling B', category: 'malware', severity: 3 });
    for (const incident of [a, b]) await callApi(page, 'POST', `/api/v1/incidents/${incident.id}/observables`, { observables: [{ type: 'ip', value: '9.9.9.9' }] });
    await page.goto(`/incidents/${b.id}`);
    await openTab(page, 'Observables');
    await page.getByRole('link', { name: 'Seen on 1 other alert or incident' }).click();
    await page.getByRole('switch', { name: 'Ignore for similarity' }).click();
    await page.getByText('ignored for similarity').waitFor();
    await page.goto(`/incidents/${b.id}?tab=observables`);
    await page.getByRole('table', { name: 'Observables' }).getByText('ignored', { exact: true }).waitFor();
  });
});
