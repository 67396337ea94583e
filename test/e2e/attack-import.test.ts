import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attackFixture } from '../support/attack-fixture.js';
import { launchBrowser, newPerson, screenshot, signIn } from './support/browser.js';
import { openIncidentThroughApi, openTab } from './support/flows.js';
import { ADMIN_EMAIL, PASSWORD, startE2eServer, type E2eServer } from './support/server.js';

const file = (name: string, content: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(content) });

describe('importing the ATT&CK bundle in the browser', () => {
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

  it('explains a wrong file, imports the bundle with its version, and the techniques become searchable', async () => {
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    await page.goto('/admin/attack');
    await page.getByRole('tab', { name: 'ATT&CK' }).waitFor();
    const version = page.getByRole('region', { name: 'Imported ATT&CK version' });
    await version.getByText('No ATT&CK catalogue imported yet').waitFor();
    const section = page.getByRole('region', { name: 'Import ATT&CK bundle' });
    const input = section.locator('input[type="file"]');

    // Refused in the browser: not JSON by name.
    await input.setInputFiles({ name: 'matrix.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b') });
    await section.getByRole('alert').getByText('matrix.csv is not a .json file').waitFor();
    // Refused by the server, its problem+json detail shown: broken JSON, then a bundle with no ATT&CK in it.
    await input.setInputFiles(file('broken.json', '{"type": "bundle", '));
    await section.getByRole('alert').getByText('The body is not valid JSON').waitFor();
    await input.setInputFiles(file('indicators.json', JSON.stringify({ type: 'bundle', id: 'bundle--1', objects: [{ type: 'indicator', id: 'indicator--1' }] })));
    await section.getByRole('alert').getByText('The bundle was not imported').waitFor();
    const refusal = (await section.getByRole('alert').innerText()).toLowerCase();
    expect(refusal).toMatch(/technique|attack-pattern|tactic/);
    await version.getByText('No ATT&CK catalogue imported yet').waitFor();

    await input.setInputFiles(file('enterprise-attack.json', JSON.stringify(attackFixture('2.1'))));
    await section.getByRole('status').getByText('Imported ATT&CK v99.1: 3 tactics, 5 techniques and 2 sub-techniques (1 deprecated, 1 revoked, kept for history)').waitFor();
    expect(await section.getByRole('alert').count()).toBe(0);
    await version.getByText('ATT&CK v99.1').waitFor();
    await screenshot(page, 'admin-attack-import');

    const incident = await openIncidentThroughApi(page, { title: 'Spearphish to payroll', category: 'phishing' });
    await page.goto(`/incidents/${incident.id}`);
    await openTab(page, 'Techniques');
    await page.getByRole('combobox', { name: 'Add a technique' }).fill('spearph');
    await page.getByRole('option', { name: 'T1566.001 Spearphishing Attachment' }).waitFor();
    await context.close();
  });

  it('is not offered to analysts', async () => {
    const person = await server.addPerson('Alma Analyst', 'analyst');
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, person.email, PASSWORD);
    await page.goto('/admin/attack');
    await page.getByRole('heading', { name: 'Administrators only' }).waitFor();
    expect(await page.getByRole('region', { name: 'Import ATT&CK bundle' }).count()).toBe(0);
    await context.close();
  });
});
