import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planWithTemplates } from '../api/communications/plan-templates.js';
import { launchBrowser, newPerson, screenshot, signIn } from './support/browser.js';
import { callApi, openIncidentThroughApi, openTab } from './support/flows.js';
import { ADMIN_EMAIL, PASSWORD, startE2eServer, type E2eServer } from './support/server.js';

describe('stakeholder communications in the browser', () => {
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

  const as = async (email: string, incidentId: string): Promise<Page> => {
    const { page } = await newPerson(browser, server.url);
    await signIn(page, email, PASSWORD);
    await page.goto(`/incidents/${incidentId}`);
    await openTab(page, 'Communications');
    return page;
  };
  const card = (page: Page, subject: RegExp) => page.getByRole('article', { name: subject });
  const confirm = async (page: Page, button: string) => {
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: button, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  };

  it('drafts a media holding statement from the plan, legal reviews it, the commander approves and sends it, and the sent log shows who approved', async () => {
    await planWithTemplates(server.system);
    const rita = await server.addPerson('Rita Responder', 'responder');
    const lena = await server.addPerson('Lena Legal', 'stakeholder');
    const cora = await server.addPerson('Cora Commander', 'incident_manager');

    const { page: admin } = await newPerson(browser, server.url);
    await signIn(admin, ADMIN_EMAIL, PASSWORD);
    const incident = await openIncidentThroughApi(admin, { title: 'Ransomware on the file server', summary: 'File server encrypted; backups intact', category: 'malware', severity: 1 });
    for (const [user, role] of [[lena, 'legal'], [cora, 'incident_commander']] as const) {
      expect((await callApi(admin, 'POST', `/api/v1/incidents/${incident.id}/members`, { user_id: user.id, role })).status).toBe(201);
    }

    // Rita drafts from the holding statement; the status-update clock is running (severity 1: every 2 hours).
    const drafter = await as(rita.email, incident.id);
    await drafter.getByRole('status', { name: 'Next status update' }).getByText(/Next status update due in/).waitFor();
    // The plan's holding statement is offered ready, filled in for this incident.
    await drafter.getByRole('region', { name: 'Holding statements ready' }).getByText(/statement on Ransomware on the file server/).waitFor();
    await drafter.getByRole('button', { name: 'New communication' }).click();
    const form = drafter.getByRole('dialog');
    await form.getByLabel('Template').selectOption({ label: 'Holding statement: Media holding statement (Media)' });
    await form.getByLabel('Recipients', { exact: true }).fill('desk@press.example');
    await form.getByLabel('Recipients', { exact: true }).press('Enter');
    await form.getByText('need legal review before someone can approve them').waitFor();
    await form.getByRole('button', { name: 'Create draft' }).click();
    const statement = card(drafter, /statement on Ransomware on the file server/);
    await statement.getByText('Our incident commander is Cora Commander.', { exact: false }).waitFor();
    // Rita drafted it, and holds no approving role: she cannot approve.
    expect(await statement.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    await statement.getByRole('button', { name: 'Submit for legal review' }).click();
    await confirm(drafter, 'Submit');
    await drafter.getByRole('region', { name: 'In legal review' }).waitFor();

    // Lena, from legal, passes it.
    const legal = await as(lena.email, incident.id);
    await card(legal, /statement on Ransomware/).getByRole('button', { name: 'Pass legal review' }).click();
    await confirm(legal, 'Pass legal review');
    await legal.getByRole('region', { name: 'Legally reviewed' }).waitFor();

    // Cora, the commander, approves and sends; the dialog says what sending does.
    const commander = await as(cora.email, incident.id);
    await card(commander, /statement on Ransomware/).getByRole('button', { name: 'Approve' }).click();
    await confirm(commander, 'Approve');
    await card(commander, /statement on Ransomware/).getByRole('button', { name: 'Send' }).click();
    await commander.getByRole('dialog').getByText('This e-mails 1 recipient now (desk@press.example)', { exact: false }).waitFor();
    await confirm(commander, 'Send to 1 recipient');

    const log = commander.getByRole('table', { name: 'Sent log' });
    const row = log.getByRole('row', { name: /statement on Ransomware/ });
    await row.waitFor();
    await row.getByRole('cell', { name: /^Cora Commander, / }).waitFor();
    await row.getByRole('cell', { name: /^Lena Legal, / }).waitFor();
    await row.getByRole('cell', { name: 'Rita Responder' }).first().waitFor();
    await screenshot(commander, 'incident-communications');
  });
});
