import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPerson, screenshot, signIn } from './support/browser.js';
import { callApi, openTab } from './support/flows.js';
import { ADMIN_EMAIL, PASSWORD, startE2eServer, type E2eServer } from './support/server.js';

/** Opens the section's add dialog, fills it and applies it. */
async function addItem(page: Page, noun: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: `Add ${noun}`, exact: true }).click();
  const dialog = page.getByRole('form', { name: `Add ${noun}` });
  await fill(dialog);
  await dialog.getByRole('button', { name: `Add ${noun}` }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('the response plan in the browser, and its offline copy', () => {
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

  it('drafts and approves a plan, downloads the offline HTML that opens from disk without a network, and warns once a later version is approved', async () => {
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    await page.goto('/preparedness/plan');
    await page.getByText('No plan yet: start with the team').waitFor();

    await page.getByRole('textbox', { name: 'Meeting place' }).fill('Room 2.14, Hauptstraße 1');
    await page.getByRole('textbox', { name: 'Out-of-band channel' }).fill('Signal group "Acme IR"');

    await openTab(page, 'Team & contacts');
    await addItem(page, 'contact', async (d) => {
      await d.getByRole('textbox', { name: 'Name' }).fill('Carla Ciso');
      await d.getByRole('textbox', { name: 'Job title' }).fill('CISO');
      await d.getByLabel('Incident role when called').selectOption('incident_commander');
      await d.getByRole('textbox', { name: 'Mobile phone' }).fill('+49 171 000 0001');
    });
    await addItem(page, 'contact', async (d) => {
      await d.getByRole('textbox', { name: 'Name' }).fill('Lars Legal');
      await d.getByRole('textbox', { name: 'Mobile phone' }).fill('+49 171 000 0002');
      await d.getByRole('checkbox', { name: 'Carla Ciso' }).check();
    });
    const team = page.getByRole('table', { name: 'Team members' });
    await team.getByRole('row', { name: /Lars Legal/ }).getByText('Carla Ciso').waitFor();

    await openTab(page, 'Escalation matrix');
    await addItem(page, 'escalation rule', async (d) => {
      await d.getByRole('checkbox', { name: '2' }).check();
      await d.getByRole('checkbox', { name: 'Carla Ciso' }).check();
      await d.getByRole('checkbox', { name: 'Lars Legal' }).check();
      await d.getByRole('textbox', { name: 'Respond within (minutes)' }).fill('15');
    });

    await openTab(page, 'Third parties');
    await addItem(page, 'third party', async (d) => {
      await d.getByLabel('Kind').selectOption('cyber_insurer');
      await d.getByRole('textbox', { name: 'Name' }).fill('Cyber Mutual');
      await d.getByRole('textbox', { name: 'Policy number' }).fill('CY-2026-77');
      await d.getByRole('textbox', { name: 'Claim hotline' }).fill('+49 800 999 000');
    });

    // A template with a typo in a variable is refused, naming it; nothing is saved.
    await openTab(page, 'Templates');
    await addItem(page, 'template', async (d) => {
      await d.getByRole('textbox', { name: 'Name' }).fill('Media holding statement');
      await d.getByLabel('Audience').selectOption('media');
      await d.getByRole('checkbox', { name: /Holding statement/ }).check();
      await d.getByRole('textbox', { name: 'Subject' }).fill('Statement on {{incident.titel}}');
      await d.getByRole('textbox', { name: 'Body' }).fill('We are investigating. Next update at {{next_update_at}}.');
    });
    await page.getByRole('textbox', { name: 'Review due' }).fill('2030-06-30');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('alert').filter({ hasText: 'The draft was not saved' }).getByText('unknown template variable {{incident.titel}}').first().waitFor();
    expect((await callApi<{ draft: unknown }>(page, 'GET', '/api/v1/plan')).body.draft).toBeNull();

    await page.getByRole('button', { name: 'Edit Media holding statement' }).click();
    await page.getByRole('form', { name: 'Edit template' }).getByRole('textbox', { name: 'Subject' }).fill('Statement on {{incident.title}}');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('textbox', { name: 'Change note' }).fill('First plan');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft of version 1').first().waitFor();
    await screenshot(page, 'response-plan-draft');

    await page.getByRole('button', { name: 'Approve version 1' }).click();
    const confirm = page.getByRole('dialog', { name: 'Approve version 1?' });
    await confirm.getByText(/comes into force for everyone/).waitFor();
    await confirm.getByRole('button', { name: 'Approve and put in force' }).click();
    await page.getByText(/^Version 1 in force, approved .* by /).waitFor();

    // Never exported: the page says so; downloading shows the hash of the very bytes saved.
    await page.getByRole('alert').filter({ hasText: 'The plan changed since the last offline export' }).waitFor();
    await openTab(page, 'Plan in force');
    await page.getByRole('table', { name: 'Escalation matrix' }).getByText('Carla Ciso, Lars Legal').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download offline plan (HTML)' }).click()]);
    const file = join(mkdtempSync(join(tmpdir(), 'bulwark-plan-')), download.suggestedFilename());
    await download.saveAs(file);
    const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
    await page.getByRole('status').getByText(sha).waitFor();
    await page.getByRole('alert').filter({ hasText: 'The plan changed since the last offline export' }).waitFor({ state: 'detached' });
    await openTab(page, 'Version history');
    await page.getByRole('table', { name: 'Plan versions' }).getByText(/by Admin/).first().waitFor();
    await screenshot(page, 'response-plan-in-force');

    // The offline copy: from disk, with the network off and every non-file request refused.
    const offline = await browser.newContext({ offline: true });
    await offline.setOffline(true);
    const attempted: string[] = [];
    await offline.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : (attempted.push(route.request().url()), route.abort())));
    const sheet = await offline.newPage();
    sheet.on('request', (request) => {
      if (!request.url().startsWith('file:')) attempted.push(request.url());
    });
    await sheet.goto(pathToFileURL(file).href);
    const contacts = sheet.getByRole('table', { name: 'Response team and contacts' });
    await contacts.getByRole('row', { name: /Carla Ciso/ }).getByText('+49 171 000 0001').waitFor();
    await contacts.getByRole('row', { name: /Lars Legal/ }).getByText('Carla Ciso').waitFor();
    await sheet.getByRole('table', { name: 'Escalation matrix' }).getByRole('row', { name: /Carla Ciso, Lars Legal/ }).getByText('15 min').waitFor();
    await sheet.getByRole('table', { name: 'Severity definitions' }).getByRole('cell', { name: 'Critical', exact: true }).waitFor();
    const parties = sheet.getByRole('table', { name: 'Third parties' }).getByRole('row', { name: /Cyber Mutual/ });
    await parties.getByText('CY-2026-77').waitFor();
    await parties.getByText('+49 800 999 000').waitFor();
    await sheet.getByText('Media holding statement (holding statement)').waitFor();
    await sheet.getByText('Room 2.14, Hauptstraße 1').waitFor();
    const plan = (await callApi<{ in_force: { content_sha256: string } }>(page, 'GET', '/api/v1/plan')).body.in_force;
    await sheet.getByText(plan.content_sha256).waitFor();
    expect(attempted).toEqual([]);
    await screenshot(sheet, 'response-plan-offline');
    await offline.close();

    // A later approval makes the offline copy outdated, and the page says so.
    const current = (await callApi<{ in_force: { content: Record<string, unknown> } }>(page, 'GET', '/api/v1/plan')).body.in_force;
    expect((await callApi(page, 'PUT', '/api/v1/plan/draft', { content: { ...current.content, meeting_place: 'Room 3.01' }, review_due_at: '2031-01-01T00:00:00Z' })).status).toBe(201);
    expect((await callApi(page, 'POST', '/api/v1/plan/draft/approve', {})).status).toBe(200);
    await page.reload();
    await page.getByRole('alert').filter({ hasText: 'The plan changed since the last offline export' }).getByText(/older than version 2/).waitFor();
    await context.close();
  });

  it('shows a stakeholder the plan in force and the download, with nothing to edit or approve', async () => {
    const person = await server.addPerson('Stella Stakeholder', 'stakeholder');
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, person.email, PASSWORD);
    await page.goto('/preparedness/plan');
    await page.getByRole('table', { name: 'Team and contacts' }).getByRole('row', { name: /^Carla Ciso CISO/ }).waitFor();
    await page.getByRole('button', { name: 'Download offline plan (PDF)' }).waitFor();
    expect(await page.getByRole('tab', { name: /Edit draft|Prepare next version/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Approve/ }).count()).toBe(0);
    await context.close();
  });
});
