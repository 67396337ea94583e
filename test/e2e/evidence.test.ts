import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPerson, screenshot, signIn } from './support/browser.js';
import { callApi, openIncidentThroughApi, openTab } from './support/flows.js';
import { ADMIN_EMAIL, PASSWORD, startE2eServer, type E2eServer } from './support/server.js';

/** A memory dump stand-in: the same lines built in the page and here, so both sides hash the same bytes. */
const LINE = 'MZ\u0090 memory page of WS-042, finance laptop\n';
const REPEAT = 20_000;
const expectedSha256 = createHash('sha256').update(LINE.repeat(REPEAT)).digest('hex');

/** Drops a file on the zone the way a browser does: a drop event carrying a DataTransfer with a File in it. */
async function dropFile(page: Page, zoneName: string, name: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ line, repeat, name }) => {
      // The page's own DataTransfer (the test's TypeScript knows Node's globals, not the browser's).
      const { DataTransfer } = globalThis as unknown as { DataTransfer: new () => { items: { add(file: File): void } } };
      const transfer = new DataTransfer();
      transfer.items.add(new File([line.repeat(repeat)], name, { type: 'application/octet-stream' }));
      return transfer;
    },
    { line: LINE, repeat: REPEAT, name },
  );
  const zone = page.getByRole('region', { name: zoneName });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
}

describe('evidence and its chain of custody in the browser', () => {
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

  const confirmIn = async (page: Page, button: string) => {
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: button, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  };

  it('uploads by drag and drop with the right SHA-256, hands the item over to a colleague who signs for it, and a legal hold stops its destruction', async () => {
    const bob = await server.addPerson('Bob Analyst', 'analyst');
    const { page: admin } = await newPerson(browser, server.url);
    await signIn(admin, ADMIN_EMAIL, PASSWORD);
    const incident = await openIncidentThroughApi(admin, { title: 'Ransomware on the finance laptop', summary: 'WS-042 encrypted', category: 'malware', severity: 2 });

    await admin.goto(`/incidents/${incident.id}`);
    await openTab(admin, 'Evidence');
    const upload = admin.getByRole('region', { name: 'Upload evidence' });
    await upload.getByRole('textbox', { name: 'Title' }).fill('Memory dump of WS-042');
    await upload.getByRole('textbox', { name: 'Acquisition tool' }).fill('WinPmem 4.0');
    // "Collected by" starts as the person uploading.
    expect(await upload.getByRole('textbox', { name: 'Collected by' }).inputValue()).toBe('Administrator');
    await dropFile(admin, 'Drop evidence files here', 'ws042-memory.raw');
    await upload.getByRole('button', { name: 'Upload 1 file' }).click();

    const entry = admin.getByRole('listitem', { name: 'Upload of ws042-memory.raw' });
    await entry.getByText('Uploaded', { exact: true }).waitFor();
    await entry.getByText(/^100 %/).waitFor();
    expect(await entry.getByLabel('SHA-256 of ws042-memory.raw', { exact: true }).textContent()).toBe(expectedSha256);

    const table = admin.getByRole('table', { name: 'Evidence items' });
    const row = table.getByRole('row', { name: /Memory dump of WS-042/ });
    await row.waitFor();
    await row.getByText('Administrator').waitFor();
    await admin.getByRole('button', { name: 'Verify all' }).click();
    await admin.getByRole('status').getByText('The stored file matches its recorded SHA-256').waitFor();
    await row.getByText('✓ Verified').waitFor();
    await screenshot(admin, 'incident-evidence');

    // The item: its hashes, then a hand-over to Bob, who is not holding it until he signs.
    await row.getByRole('link', { name: /^EVD-\d{4}-\d{4}$/ }).click();
    await admin.getByRole('heading', { name: /Memory dump of WS-042/ }).waitFor();
    expect(await admin.getByLabel('SHA-256', { exact: true }).textContent()).toBe(expectedSha256);
    const itemUrl = admin.url();
    await admin.getByRole('button', { name: 'Hand over' }).click();
    const handOver = admin.getByRole('dialog');
    await handOver.getByText('You stay its holder until they sign for it', { exact: false }).waitFor();
    await handOver.getByRole('combobox', { name: 'Hand over to' }).fill('Bob');
    await admin.getByRole('option', { name: /Bob Analyst/ }).click();
    await handOver.getByRole('textbox', { name: 'Where' }).fill('Forensics lab, room 2.07');
    await handOver.getByRole('textbox', { name: 'Why' }).fill('Volatility analysis');
    await confirmIn(admin, 'Hand over');
    await admin.getByText('Hand-over to Bob Analyst').first().waitFor();

    // Bob signs for it with his full name and the statement.
    const { page: analyst } = await newPerson(browser, server.url);
    await signIn(analyst, bob.email, PASSWORD);
    await analyst.goto(itemUrl);
    await analyst.getByRole('button', { name: 'Receive and sign' }).click();
    const receive = analyst.getByRole('dialog');
    await receive.getByRole('textbox', { name: 'Your full name' }).fill('Bob Analyst');
    await receive.getByRole('checkbox', { name: 'I accept this statement' }).check();
    await confirmIn(analyst, 'Sign and receive');

    const log = analyst.getByRole('region', { name: 'Chain of custody' });
    await log.getByRole('article', { name: 'Custody event 1: Collected' }).waitFor();
    const handed = log.getByRole('article', { name: /^Custody event \d+: Handed over$/ });
    await handed.getByText('Administrator → Bob Analyst').waitFor();
    await handed.getByText('Where: Forensics lab, room 2.07').waitFor();
    await handed.getByText('Why: Volatility analysis').waitFor();
    const received = log.getByRole('article', { name: /^Custody event \d+: Received and signed for$/ });
    await received.getByText('Signed by: Bob Analyst', { exact: false }).waitFor();
    await log.getByText('✓ Chain intact').waitFor();
    // Bob holds it now: the hand-over is his to make, and the administrator's button is gone.
    await analyst.getByRole('button', { name: 'Hand over' }).waitFor();
    await screenshot(analyst, 'evidence-custody');

    // A legal hold, then an attempt to destroy: refused, with the reason.
    await admin.reload();
    expect(await admin.getByRole('button', { name: 'Hand over' }).count()).toBe(0);
    await admin.getByRole('button', { name: 'Place legal hold' }).click();
    await admin.getByRole('dialog').getByRole('textbox', { name: /Reason/ }).fill('Litigation hold requested by counsel, matter 2026-17');
    await confirmIn(admin, 'Place legal hold');
    await admin.getByText('Legal hold', { exact: true }).first().waitFor();
    await admin.getByRole('button', { name: 'Destroy' }).click();
    const destroy = admin.getByRole('dialog');
    await destroy.getByRole('textbox', { name: /Reason/ }).fill('No longer needed');
    await destroy.getByRole('button', { name: 'Request destruction' }).click();
    await destroy.getByRole('alert').getByText(/legal hold/i).first().waitFor();
    await destroy.getByRole('button', { name: 'Cancel' }).click();

    // Re-verifying the stored file against its SHA-256.
    await admin.getByRole('button', { name: 'Verify', exact: true }).click();
    await admin.getByRole('status').getByText('Integrity: match').waitFor();
    await admin.reload();
    await admin.getByText('✓ Verified').first().waitFor();
  });

  it('says in words why an upload over the size limit was refused, and keeps nothing', async () => {
    const { page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    const incident = await openIncidentThroughApi(page, { title: 'Oversized image', summary: 'Too big for this server', category: 'malware', severity: 3 });
    await page.goto(`/incidents/${incident.id}`);
    await openTab(page, 'Evidence');
    // The e2e server accepts 64 MiB; this file is one MiB more, dropped on the zone.
    const transfer = await page.evaluateHandle(() => {
      const { DataTransfer } = globalThis as unknown as { DataTransfer: new () => { items: { add(file: File): void } } };
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(65 * 1024 * 1024)], 'too-big.E01'));
      return dt;
    });
    await page.getByRole('region', { name: 'Drop evidence files here' }).dispatchEvent('drop', { dataTransfer: transfer });
    await page.getByRole('button', { name: 'Upload 1 file' }).click();
    const entry = page.getByRole('listitem', { name: 'Upload of too-big.E01' });
    await entry.getByText('Not uploaded', { exact: true }).waitFor({ timeout: 30_000 });
    await entry.getByRole('alert').getByText(/larger than this server accepts/).waitFor();
    const list = await callApi<{ items: unknown[] }>(page, 'GET', `/api/v1/incidents/${incident.id}/evidence`);
    expect(list.body.items).toEqual([]);
  });

  it('shows a stakeholder the evidence without an upload zone or any action that changes it', async () => {
    const sam = await server.addPerson('Sam Stakeholder', 'stakeholder');
    const { page: admin } = await newPerson(browser, server.url);
    await signIn(admin, ADMIN_EMAIL, PASSWORD);
    const incident = await openIncidentThroughApi(admin, { title: 'Stolen laptop', summary: 'Laptop taken from a car', category: 'other', severity: 3 });
    const laptop = await callApi<{ id: string; number: string }>(admin, 'POST', `/api/v1/incidents/${incident.id}/evidence`, {
      kind: 'physical',
      title: 'Recovered laptop',
      description: 'Dell Latitude 7420 found by the police',
      serial_numbers: ['SN-7420-XYZ'],
      physical_location: 'Safe 2, room 4.12',
    });
    expect(laptop.status, JSON.stringify(laptop.body)).toBe(201);

    const { page } = await newPerson(browser, server.url);
    await signIn(page, sam.email, PASSWORD);
    await page.goto(`/incidents/${incident.id}`);
    await openTab(page, 'Evidence');
    await page.getByRole('table', { name: 'Evidence items' }).getByRole('link', { name: laptop.body.number }).waitFor();
    expect(await page.getByRole('region', { name: 'Upload evidence' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Drop evidence files here' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add item without a file' }).count()).toBe(0);

    await page.getByRole('link', { name: laptop.body.number }).click();
    await page.getByText('Safe 2, room 4.12', { exact: true }).waitFor();
    await page.getByText('SN-7420-XYZ', { exact: true }).waitFor();
    await page.getByRole('region', { name: 'Chain of custody' }).getByRole('article', { name: 'Custody event 1: Collected' }).waitFor();
    expect(await page.getByRole('group', { name: 'Evidence actions' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
  });
});
