import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPerson, screenshot, signIn } from './support/browser.js';
import { addNoteWithKeyboard, callApi, currentPhaseIs, openIncidentThroughApi, phaseStep } from './support/flows.js';
import { ADMIN_EMAIL, PASSWORD, startE2eServer, type E2eServer } from './support/server.js';

/** Marks the page so a test can tell that what it sees arrived live, not through a reload. */
const markPage = (page: Page) => page.evaluate(() => void Object.assign(globalThis, { bulwarkNotReloaded: true }));
const stillSamePage = (page: Page) => page.evaluate(() => (globalThis as { bulwarkNotReloaded?: boolean }).bulwarkNotReloaded === true);

describe('two people on one incident', () => {
  let server: E2eServer;
  let browser: Browser;
  let ada: { context: BrowserContext; page: Page };
  let sofia: { context: BrowserContext; page: Page };
  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    const person = await server.addPerson('Sofia Berg', 'responder');
    ada = await newPerson(browser, server.url);
    sofia = await newPerson(browser, server.url);
    await signIn(ada.page, ADMIN_EMAIL, PASSWORD);
    await signIn(sofia.page, person.email, PASSWORD);
  });
  afterAll(async () => {
    await ada?.context.close();
    await sofia?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('sees the other’s note and phase change appear without a reload', async () => {
    const incident = await openIncidentThroughApi(ada.page, { title: 'Credential stuffing on the portal', category: 'web_application', severity: 3 });
    await ada.page.goto(`/incidents/${incident.id}`);
    await sofia.page.goto(`/incidents/${incident.id}?tab=timeline`);
    await sofia.page.getByRole('list', { name: 'Timeline' }).waitFor();
    await sofia.page.getByText('Live', { exact: true }).waitFor();
    await markPage(sofia.page);

    await addNoteWithKeyboard(ada.page, 'Blocked the botnet ranges at the WAF', 'Blocked the botnet ranges');
    await sofia.page.getByRole('list', { name: 'Timeline' }).getByText('Blocked the botnet ranges at the WAF').waitFor();
    await sofia.page.getByRole('status').getByText('Administrator added to the timeline just now.').waitFor();

    await phaseStep(ada.page, 'Containment').click();
    await currentPhaseIs(ada.page, 'Containment');
    await currentPhaseIs(sofia.page, 'Containment');
    await sofia.page.getByRole('list', { name: 'Timeline' }).getByText('Detection & analysis → Containment').waitFor();

    expect(await stillSamePage(sofia.page)).toBe(true);
    await screenshot(sofia.page, 'incident-page-live');
  });

  it('explains a conflicting edit, shows the other version and keeps the user’s text to re-apply', async () => {
    const incident = await openIncidentThroughApi(ada.page, { title: 'Leaked API key', category: 'data_breach', severity: 3, summary: 'Key found in a public repository.' });
    await sofia.page.goto(`/incidents/${incident.id}`);
    await sofia.page.getByRole('button', { name: 'Edit summary' }).click();
    const editor = sofia.page.getByRole('textbox', { name: 'Summary' });
    await editor.fill('Key found in a public repository. Rotated at 10:40; no use seen in the logs.');

    // Meanwhile Ada saves her own version of the summary.
    const current = await callApi<{ version: number }>(ada.page, 'GET', `/api/v1/incidents/${incident.id}`);
    const saved = await callApi(ada.page, 'PATCH', `/api/v1/incidents/${incident.id}`, { summary: 'Key found in a public repository by a researcher.' }, { 'if-match': `"${current.body.version}"` });
    expect(saved.status).toBe(200);
    await sofia.page.getByText('Administrator changed this incident while you were editing').first().waitFor();

    await sofia.page.getByRole('button', { name: 'Save summary' }).click();
    const conflict = sofia.page.getByRole('alert').filter({ hasText: 'Someone else saved first' });
    await conflict.getByText('Key found in a public repository by a researcher.').waitFor();
    await conflict.getByText(/Administrator changed this incident while you were editing/).waitFor();
    expect(await editor.inputValue()).toBe('Key found in a public repository. Rotated at 10:40; no use seen in the logs.');
    await screenshot(sofia.page, 'incident-page-conflict');

    await conflict.getByRole('button', { name: 'Save mine over theirs' }).click();
    await sofia.page.locator('.markdown', { hasText: 'Rotated at 10:40' }).waitFor();
    const after = await callApi<{ summary: string }>(sofia.page, 'GET', `/api/v1/incidents/${incident.id}`);
    expect(after.body.summary).toBe('Key found in a public repository. Rotated at 10:40; no use seen in the logs.');
  });

  it('does not show a restricted incident to someone who is not on it', async () => {
    const incident = await openIncidentThroughApi(ada.page, { title: 'HR investigation: payroll access', category: 'insider', severity: 3, restricted: true });
    await sofia.page.goto(`/incidents/${incident.id}`);
    await sofia.page.getByRole('alert').getByText('This incident cannot be shown').waitFor();
    expect(await sofia.page.getByText('HR investigation: payroll access').count()).toBe(0);
  });
});
