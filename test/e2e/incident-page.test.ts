import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPerson, screenshot, signIn } from './support/browser.js';
import { callApi, currentPhaseIs, openIncidentThroughApi, openTab, phaseStep } from './support/flows.js';
import { ADMIN_EMAIL, PASSWORD, startE2eServer, type E2eServer } from './support/server.js';

describe('the incident page', () => {
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

  it('opens an incident from the form and lands on its page', async () => {
    await page.goto('/incidents');
    await page.getByRole('link', { name: 'New incident' }).or(page.getByRole('button', { name: 'New incident' })).first().click();
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Phishing wave against finance');
    await page.getByRole('combobox', { name: 'Category', exact: true }).selectOption({ label: 'Phishing' });
    await page.getByRole('combobox', { name: 'Severity', exact: true }).selectOption({ label: '3 · Medium' });
    await page.getByRole('textbox', { name: 'Summary' }).fill('Three people clicked a **fake invoice** link.');
    await page.getByRole('button', { name: 'Open incident' }).click();

    await page.waitForURL(/\/incidents\/inc_/);
    await page.getByRole('heading', { level: 1, name: 'Phishing wave against finance' }).waitFor();
    await page.getByText(/INC-\d{4}-\d{4}/).first().waitFor();
    await currentPhaseIs(page, 'Detection & analysis');
    expect(await page.locator('.markdown strong', { hasText: 'fake invoice' }).count()).toBe(1);
    await screenshot(page, 'incident-page-summary');
  });

  it('moves through the phases: one step, a skip with a reason, back, and closed with a resolution after the review', async () => {
    const incident = await openIncidentThroughApi(page, { title: 'Wire fraud attempt', category: 'business_email_compromise', severity: 2 });
    await page.goto(`/incidents/${incident.id}`);
    await currentPhaseIs(page, 'Detection & analysis');

    await phaseStep(page, 'Containment').click();
    await currentPhaseIs(page, 'Containment');

    await phaseStep(page, 'Recovery').click();
    const skip = page.getByRole('dialog', { name: 'Move to Recovery' });
    await skip.getByRole('button', { name: 'Move' }).click();
    await skip.getByText('Say why the skipped phases are not needed.').waitFor();
    await skip.getByRole('textbox', { name: 'Reason' }).fill('Mailbox rules removed in containment; nothing to eradicate');
    await skip.getByRole('button', { name: 'Move' }).click();
    await currentPhaseIs(page, 'Recovery');

    await phaseStep(page, 'Eradication').click();
    await currentPhaseIs(page, 'Eradication');

    await phaseStep(page, 'Closed').click();
    const close = page.getByRole('dialog', { name: 'Close incident' });
    await close.getByRole('combobox', { name: 'Resolution' }).selectOption({ label: 'True positive' });
    await close.getByRole('textbox', { name: 'Reason' }).fill('Recovered during eradication; review held the same day');
    await close.getByRole('button', { name: 'Close incident' }).click();
    // Severity 2: the server refuses until the post-incident review is completed, and the dialog offers it.
    await close.getByText('The post-incident review comes first').waitFor();
    await close.getByRole('button', { name: 'Mark review completed' }).click();
    await close.getByText('Review marked completed').waitFor();
    await close.getByRole('button', { name: 'Close incident' }).click();
    await currentPhaseIs(page, 'Closed');
    await page.getByText('Resolved: True positive').waitFor();

    const { body } = await callApi<{ phase: string; resolution: string; phase_changes: Array<{ to_phase: string; reason: string | null }> }>(page, 'GET', `/api/v1/incidents/${incident.id}`);
    expect(body.phase).toBe('closed');
    expect(body.resolution).toBe('true_positive');
    expect(body.phase_changes.map((c) => c.to_phase)).toEqual(['containment', 'recovery', 'eradication', 'closed']);
    expect(body.phase_changes[1]!.reason).toBe('Mailbox rules removed in containment; nothing to eradicate');

    await openTab(page, 'Timeline');
    await page.getByRole('list', { name: 'Timeline' }).getByText('Mailbox rules removed in containment', { exact: false }).waitFor();
  });

  it('adds a task with t and ticks it done, and the tick is kept by the server', async () => {
    const incident = await openIncidentThroughApi(page, { title: 'Lost laptop with customer data', category: 'lost_or_stolen_device', severity: 3 });
    await page.goto(`/incidents/${incident.id}`);
    await page.getByRole('heading', { level: 1, name: 'Lost laptop with customer data' }).waitFor();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('t');
    const title = page.getByRole('textbox', { name: 'Task title' });
    await title.waitFor();
    // Typing straight away lands in the task title: `t` put the focus there.
    await page.keyboard.type('Wipe the laptop remotely');
    expect(await title.inputValue()).toBe('Wipe the laptop remotely');
    await page.getByRole('button', { name: 'Add task' }).click();

    const done = page.getByRole('checkbox', { name: 'Done: Wipe the laptop remotely' });
    await done.waitFor();
    expect(await done.isChecked()).toBe(false);
    await done.check();
    await page.reload();
    await page.getByRole('checkbox', { name: 'Done: Wipe the laptop remotely' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Done: Wipe the laptop remotely' }).isChecked()).toBe(true);

    await title.fill('Report the loss to the insurer');
    await page.getByRole('button', { name: 'Add task' }).click();
    await page.getByRole('button', { name: 'Move Report the loss to the insurer up' }).click();
    await page.getByRole('table', { name: 'Tasks' }).getByRole('row').nth(1).getByText('Report the loss to the insurer').waitFor();
    const { body } = await callApi<{ items: Array<{ title: string; status: string; position: number }> }>(page, 'GET', `/api/v1/incidents/${incident.id}/tasks`);
    expect(body.items.map(({ title, status, position }) => ({ title, status, position }))).toEqual([
      { title: 'Report the loss to the insurer', status: 'todo', position: 1 },
      { title: 'Wipe the laptop remotely', status: 'done', position: 2 },
    ]);
  });

  it('takes command, hands it over, and keeps the history of who held it', async () => {
    const sofia = await server.addPerson('Sofia Berg', 'responder');
    const incident = await openIncidentThroughApi(page, { title: 'Insider copying source code', category: 'insider', severity: 2, restricted: true });
    await page.goto(`/incidents/${incident.id}`);
    await page.getByRole('button', { name: 'No commander — take command' }).click();
    await page.getByText('Administrator (you)').waitFor();

    await openTab(page, 'People & roles');
    await page.getByRole('combobox', { name: 'Person' }).fill('Sofia');
    await page.getByRole('option', { name: /Sofia Berg/ }).click();
    await page.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Incident commander' });
    await page.getByText('Administrator hands over, and their tenure ends now.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Hand over' }).click();

    const current = page.getByRole('table', { name: 'Current roles' });
    await current.getByText('Sofia Berg').waitFor();
    expect(await current.getByText('Administrator').count()).toBe(0);
    const history = page.getByRole('table', { name: 'Role history' });
    // The administrator's tenure has ended (it has an end time); Sofia's runs until now.
    await history.getByRole('row', { name: /^Incident commander Administrator .* by Administrator \d/ }).waitFor();
    expect(await history.getByRole('row', { name: /^Incident commander Sofia Berg .* Now/ }).count()).toBe(1);

    const { body } = await callApi<{ items: Array<{ user_id: string; role: string; released_at: string | null }> }>(page, 'GET', `/api/v1/incidents/${incident.id}/members?history=true`);
    expect(body.items.filter((m) => m.role === 'incident_commander' && m.released_at === null).map((m) => m.user_id)).toEqual([sofia.id]);
    expect(body.items).toHaveLength(2);
  });
});
