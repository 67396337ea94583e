import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPerson, screenshot, signIn } from './support/browser.js';
import { addNoteWithKeyboard, callApi, currentPhaseIs, openIncidentThroughApi, openTab, phaseStep } from './support/flows.js';
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
    expect(await title.evaluate((element) => element === document.activeElement)).toBe(true);
    await title.fill('Wipe the laptop remotely');
    await page.getByRole('button', { name: 'Add task' }).click();

    const done = page.getByRole('checkbox', { name: 'Done: Wipe the laptop remotely' });
    await done.waitFor();
    expect(await done.isChecked()).toBe(false);
    await done.check();
    await page.reload();
    await page.getByRole('checkbox', { name: 'Done: Wipe the laptop remotely' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Done: Wipe the laptop remotely' }).isChecked()).toBe(true);

    const { body } = await callApi<{ items: Array<{ title: string; status: string }> }>(page, 'GET', `/api/v1/incidents/${incident.id}/tasks`);
    expect(body.items).toEqual([expect.objectContaining({ title: 'Wipe the laptop remotely', status: 'done' })]);
  });

  it('adds a note with n, renders its markdown, and shows raw HTML as text without running it', async () => {
    const incident = await openIncidentThroughApi(page, { title: 'Suspicious admin logins', category: 'account_compromise', severity: 3, summary: 'Logins from an unknown ASN.' });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`/incidents/${incident.id}`);
    await page.getByRole('heading', { level: 1, name: 'Suspicious admin logins' }).waitFor();

    await addNoteWithKeyboard(page, 'Reset the **admin** password and revoked sessions', 'Reset the');
    const timeline = page.getByRole('list', { name: 'Timeline' });
    expect(await timeline.locator('strong', { hasText: 'admin' }).count()).toBe(1);

    await addNoteWithKeyboard(page, 'Attacker page had <img src=x onerror=alert(1)> and [a link](javascript:alert(2))', 'Attacker page had');
    await page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    await timeline.getByText('<img src=x onerror=alert(1)>', { exact: false }).waitFor();
    expect(await page.locator('[onerror]').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);

    await screenshot(page, 'incident-page-timeline');
  });

  it('records a note about the past with its own "happened at" time', async () => {
    const incident = await openIncidentThroughApi(page, { title: 'Malware on a kiosk', category: 'malware', severity: 4 });
    await page.goto(`/incidents/${incident.id}?tab=timeline`);
    const earlier = new Date(Date.now() - 3 * 3600_000);
    const local = await page.evaluate((iso) => {
      const d = new Date(iso);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    }, earlier.toISOString());
    await page.getByRole('textbox', { name: 'Note', exact: true }).fill('Kiosk user reported a pop-up');
    await page.getByLabel('Happened at').fill(local);
    await page.getByRole('button', { name: 'Add note' }).click();
    const entry = page.getByRole('listitem').filter({ hasText: 'Kiosk user reported a pop-up' });
    await entry.getByText(/^written /).waitFor();

    const { body } = await callApi<{ items: Array<{ kind: string; occurred_at: string }> }>(page, 'GET', `/api/v1/incidents/${incident.id}/timeline`);
    const note = body.items.find((item) => item.kind === 'note')!;
    expect(Math.abs(Date.parse(note.occurred_at) - earlier.getTime())).toBeLessThan(60_000);
    // Things are listed in the order they happened: the note goes before the incident was opened.
    expect(body.items[0]!.kind).toBe('note');
  });
});
