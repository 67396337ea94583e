import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAttack } from '../../src/services/attack/import-attack.js';
import { attackFixture } from '../support/attack-fixture.js';
import { stixFixture } from '../support/stix-fixture.js';
import { launchBrowser, newPerson, screenshot, signIn } from './support/browser.js';
import { callApi, openIncidentThroughApi, openTab } from './support/flows.js';
import { ADMIN_EMAIL, PASSWORD, startE2eServer, type E2eServer } from './support/server.js';

describe('ATT&CK techniques on the incident page', () => {
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

  it('teaches how to import ATT&CK when there is no catalogue', async () => {
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    const incident = await openIncidentThroughApi(page, { title: 'Before ATT&CK', category: 'malware' });
    await page.goto(`/incidents/${incident.id}?tab=techniques`);
    await page.getByText('bulwark attack import enterprise-attack.json').waitFor();
    expect(await page.getByRole('combobox', { name: 'Add a technique' }).count()).toBe(0);
    await context.close();
  });

  it('tags techniques with the searchable picker, shows them by tactic, and removes one', async () => {
    await importAttack(server.system, attackFixture(), 'fixture');
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    const incident = await openIncidentThroughApi(page, { title: 'Macro dropper on WS-12', category: 'malware' });
    await page.goto(`/incidents/${incident.id}`);
    await openTab(page, 'Techniques');

    const picker = page.getByRole('combobox', { name: 'Add a technique' });
    await picker.fill('power');
    await page.getByRole('option', { name: 'T1059.001 PowerShell' }).click();
    await page.getByRole('region', { name: 'Execution' }).getByText('PowerShell').waitFor();
    await picker.fill('t1055');
    await page.getByRole('option', { name: /^T1055 Process Injection/ }).click();
    await page.getByRole('region', { name: 'Defense Evasion' }).getByText('Process Injection').waitFor();
    await page.getByText('2 techniques across 2 tactics').waitFor();
    await screenshot(page, 'techniques-dark');
    await page.getByRole('button', { name: 'Toggle colour scheme' }).click();
    await screenshot(page, 'techniques-light');

    await page.getByRole('region', { name: 'Defense Evasion' }).getByRole('button', { name: 'Remove T1055 Process Injection' }).click();
    await page.getByText('1 technique across 1 tactic').waitFor();
    const view = await callApi<{ count: number }>(page, 'GET', `/api/v1/incidents/${incident.id}/techniques`);
    expect(view.body.count).toBe(1);
    await openTab(page, 'Timeline');
    await page.getByText('Removed T1055 Process Injection').waitFor();
    await context.close();
  });

  it('imports a STIX bundle into the incident, offers the download, and shows techniques tagged on timeline entries', async () => {
    await importAttack(server.system, attackFixture(), 'fixture');
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    const incident = await openIncidentThroughApi(page, { title: 'C2 beaconing', category: 'malware' });
    const timeline = await callApi<{ items: Array<{ id: string }> }>(page, 'GET', `/api/v1/incidents/${incident.id}/timeline`);
    const entryId = timeline.body.items[0]!.id;
    expect((await callApi(page, 'POST', `/api/v1/incidents/${incident.id}/techniques`, { technique_id: 'T1566', timeline_entry_id: entryId })).status).toBe(201);
    await page.goto(`/incidents/${incident.id}?tab=techniques`);
    await page.getByRole('region', { name: 'Initial Access' }).getByRole('link', { name: 'on timeline entry' }).waitFor();

    const download = page.getByRole('link', { name: 'Download IOCs as STIX 2.1' });
    expect(await download.getAttribute('href')).toBe(`/api/v1/incidents/${incident.id}/export/stix`);
    await page.locator('input[type="file"]').setInputFiles({ name: 'feed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(stixFixture())) });
    await page.getByRole('status').getByText('Imported 7 observables (4 IOCs)').waitFor();
    await page.getByText('3 not imported:').waitFor();
    await screenshot(page, 'techniques-stix');
    await openTab(page, 'Observables');
    await page.getByText('198.51.100.7').first().waitFor();

    await openTab(page, 'Techniques');
    await page.locator('input[type="file"]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"type": "bundle", ') });
    await page.getByText('broken.json is not JSON').waitFor();
    await context.close();
  });

  it('hides the picker from roles that cannot write, but shows the techniques', async () => {
    await importAttack(server.system, attackFixture(), 'fixture');
    const person = await server.addPerson('Stella Stakeholder', 'stakeholder');
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    const incident = await openIncidentThroughApi(page, { title: 'Phish', category: 'phishing' });
    expect((await callApi(page, 'POST', `/api/v1/incidents/${incident.id}/techniques`, { technique_id: 'T1566' })).status).toBe(201);
    await context.close();
    const other = await newPerson(browser, server.url);
    await signIn(other.page, person.email, PASSWORD);
    await other.page.goto(`/incidents/${incident.id}?tab=techniques`);
    await other.page.getByRole('region', { name: 'Initial Access' }).getByText('Phishing').waitFor();
    expect(await other.page.getByRole('combobox', { name: 'Add a technique' }).count()).toBe(0);
    expect(await other.page.getByRole('button', { name: /^Remove / }).count()).toBe(0);
    await other.context.close();
  });
});
