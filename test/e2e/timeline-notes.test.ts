import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPerson, screenshot, signIn } from './support/browser.js';
import { addNoteWithKeyboard, callApi, openIncidentThroughApi } from './support/flows.js';
import { ADMIN_EMAIL, PASSWORD, startE2eServer, type E2eServer } from './support/server.js';

describe('notes on the timeline', () => {
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
