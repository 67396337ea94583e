import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPageCount, pdfText } from '../support/pdf-text.js';
import { insertApprovedPlan } from '../support/plan-fixture.js';
import { launchBrowser, newPerson, screenshot, signIn } from './support/browser.js';
import { callApi, openIncidentThroughApi, openTab } from './support/flows.js';
import { ADMIN_EMAIL, PASSWORD, startE2eServer, type E2eServer } from './support/server.js';

describe('third parties and reports in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    await insertApprovedPlan(server.system, {
      third_parties: [
        { id: 'insurer', kind: 'cyber_insurer', name: 'Aegis Mutual', contact_name: 'Claims desk', policy_number: 'CY-2026-88412', hotline: '+44 800 123 4567' },
        { id: 'counsel', kind: 'outside_counsel', name: 'Hartley & Byrne LLP', phone: '+44 20 7946 0001', contract_reference: 'Engagement letter 2025-17' },
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('engages the insurer from the plan with its hotline in sight, changes its status, and downloads the executive one-pager', async () => {
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    const incident = await openIncidentThroughApi(page, { title: 'File servers encrypted', summary: 'Ransomware encrypted FS01 and FS02.', category: 'ransomware', severity: 1 });

    await page.goto(`/incidents/${incident.id}`);
    await openTab(page, 'Third parties');
    const insurer = page.getByRole('region', { name: 'Aegis Mutual' });
    await insurer.getByRole('link', { name: '+44 800 123 4567' }).waitFor();
    await insurer.getByText('Policy number CY-2026-88412').waitFor();
    await page.getByText('Nobody has been called in yet.').waitFor();

    await insurer.getByRole('button', { name: 'Engage Aegis Mutual' }).click();
    const table = page.getByRole('table', { name: 'Engagements' });
    await table.getByText('Hotline +44 800 123 4567 · Claims desk').waitFor();
    await table.getByText('Policy CY-2026-88412').waitFor();
    await insurer.getByText('Already requested on this incident').waitFor();

    const status = table.getByLabel('Status of Aegis Mutual');
    await status.selectOption('engaged');
    await expect.poll(async () => (await callApi<{ items: Array<{ status: string; version: number }> }>(page, 'GET', `/api/v1/incidents/${incident.id}/engagements`)).body.items[0]).toMatchObject({ status: 'engaged', version: 2 });
    await expect.poll(() => status.inputValue()).toBe('engaged');
    await table.getByRole('textbox', { name: 'Notes on Aegis Mutual' }).fill('Claim CL-7781, handler J. Moss');
    await table.getByRole('textbox', { name: 'Notes on Aegis Mutual' }).press('Enter');
    await expect.poll(async () => (await callApi<{ items: Array<{ notes: string; version: number }> }>(page, 'GET', `/api/v1/incidents/${incident.id}/engagements`)).body.items[0]).toMatchObject({ notes: 'Claim CL-7781, handler J. Moss', version: 3 });

    // Forensics through counsel: privileged work is flagged where everyone sees it.
    const byHand = page.getByRole('region', { name: 'Record a party not in the plan' });
    await byHand.getByLabel('Kind').selectOption('forensics');
    await byHand.getByRole('textbox', { name: 'Name' }).fill('Sleuth Forensics');
    await byHand.getByRole('checkbox', { name: 'Under legal privilege' }).check();
    await byHand.getByRole('button', { name: 'Add party' }).click();
    await table.getByText('Sleuth Forensics').waitFor();
    await page.getByRole('alert').filter({ hasText: 'Work under legal privilege' }).getByText(/Sleuth Forensics/).waitFor();
    await screenshot(page, 'incident-third-parties');

    await openTab(page, 'Reports');
    await page.getByRole('button', { name: 'Preview the Executive one-page status' }).click();
    const preview = page.frameLocator('iframe[title="Preview of the Executive one-page status"]');
    await preview.getByText('Working with Aegis Mutual (Cyber insurer)', { exact: false }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the Executive one-page status as PDF' }).click()]);
    expect(download.suggestedFilename()).toBe(`executive-${incident.number}.pdf`);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBe(1);
    expect(pdfText(pdf)).toContain('File servers encrypted');
    await screenshot(page, 'incident-reports');
    await context.close();
  });

  it('shows a stakeholder the engagements and reports but no engage buttons', async () => {
    const person = await server.addPerson('Stella Stakeholder', 'stakeholder');
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    const incident = await openIncidentThroughApi(page, { title: 'Phishing wave', category: 'phishing', severity: 3 });
    expect((await callApi(page, 'POST', `/api/v1/incidents/${incident.id}/engagements`, { party_id: 'counsel' })).status).toBe(201);
    await context.close();

    const reader = await newPerson(browser, server.url);
    await signIn(reader.page, person.email, PASSWORD);
    await reader.page.goto(`/incidents/${incident.id}`);
    await openTab(reader.page, 'Third parties');
    await reader.page.getByRole('table', { name: 'Engagements' }).getByText('Hartley & Byrne LLP').waitFor();
    await reader.page.getByRole('region', { name: 'Aegis Mutual' }).getByRole('link', { name: '+44 800 123 4567' }).waitFor();
    expect(await reader.page.getByRole('button', { name: /^Engage / }).count()).toBe(0);
    await openTab(reader.page, 'Reports');
    await reader.page.getByRole('link', { name: 'Download the Management report as Markdown' }).waitFor();
    await reader.context.close();
  });
});
