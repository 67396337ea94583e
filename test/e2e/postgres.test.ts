import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/engines.js';
import { launchBrowser, newPerson, signIn } from './support/browser.js';
import { addNoteWithKeyboard, callApi, currentPhaseIs, openTab, phaseStep } from './support/flows.js';
import { ADMIN_EMAIL, PASSWORD, startE2eServer, type E2eServer } from './support/server.js';

/** The main flow once more on PostgreSQL, where live updates travel through LISTEN/NOTIFY. */
describe('the main flow on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    database = await freshDatabase('postgres');
    server = await startE2eServer({ database: database.handle });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.drop();
  });

  it('opens an incident from the form, notes and moves it, and a colleague sees both live', async () => {
    const colleague = await server.addPerson('Jonas Lie', 'analyst');
    const ada = await newPerson(browser, server.url);
    const jonas = await newPerson(browser, server.url);
    await signIn(ada.page, ADMIN_EMAIL, PASSWORD);
    await signIn(jonas.page, colleague.email, PASSWORD);

    await ada.page.goto('/incidents/new');
    await ada.page.getByRole('textbox', { name: 'Title', exact: true }).fill('DDoS on the customer portal');
    await ada.page.getByRole('combobox', { name: 'Category', exact: true }).selectOption({ label: 'Denial of service' });
    await ada.page.getByRole('combobox', { name: 'Severity', exact: true }).selectOption({ label: '3 · Medium' });
    await ada.page.getByRole('button', { name: 'Open incident' }).click();
    await ada.page.waitForURL(/\/incidents\/inc_/);
    const incidentPath = new URL(ada.page.url()).pathname;

    await jonas.page.goto(`${incidentPath}?tab=timeline`);
    await jonas.page.getByRole('list', { name: 'Timeline' }).waitFor();
    await jonas.page.getByText('Live', { exact: true }).waitFor();

    await addNoteWithKeyboard(ada.page, 'Traffic scrubbing enabled with the ISP', 'Traffic scrubbing enabled');
    await jonas.page.getByRole('list', { name: 'Timeline' }).getByText('Traffic scrubbing enabled with the ISP').waitFor();

    await openTab(ada.page, 'Summary');
    await phaseStep(ada.page, 'Containment').click();
    await currentPhaseIs(ada.page, 'Containment');
    await currentPhaseIs(jonas.page, 'Containment');

    const { body } = await callApi<{ phase: string }>(ada.page, 'GET', `/api/v1${incidentPath}`);
    expect(body.phase).toBe('containment');
    await ada.context.close();
    await jonas.context.close();
  });
});
