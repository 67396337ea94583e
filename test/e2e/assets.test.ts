import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPerson, screenshot, signIn } from './support/browser.js';
import { callApi } from './support/flows.js';
import { ADMIN_EMAIL, PASSWORD, startE2eServer, type E2eServer } from './support/server.js';

async function createAsset(page: Page, fields: { name: string; kind: string; criticality: string; jurisdictions?: string }): Promise<void> {
  await page.goto('/assets');
  await page.getByRole('button', { name: 'New asset' }).click();
  const dialog = page.getByRole('dialog', { name: 'New asset' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(fields.name);
  await dialog.getByLabel('Kind').selectOption(fields.kind);
  await dialog.getByLabel('Criticality').selectOption(fields.criticality);
  if (fields.jurisdictions) {
    await dialog.getByLabel('Jurisdictions', { exact: true }).fill(fields.jurisdictions);
    await dialog.getByLabel('Jurisdictions', { exact: true }).press('Enter');
  }
  await dialog.getByRole('button', { name: 'Create asset' }).click();
  await page.getByRole('heading', { name: fields.name, level: 1 }).waitFor();
}

async function addDependency(page: Page, on: string): Promise<void> {
  const section = page.getByRole('region', { name: 'Dependencies' });
  await section.getByLabel('Add a dependency', { exact: true }).click();
  await page.getByRole('option', { name: new RegExp(`^${on} `) }).click();
  await section.getByRole('button', { name: 'Add dependency' }).click();
}

describe('assets in the browser', () => {
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

  it('creates two assets, records a dependency, and refuses a cycle with a message naming it', async () => {
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    await page.getByRole('link', { name: 'Assets' }).click();
    await page.getByText('No assets yet').waitFor();

    await createAsset(page, { name: 'HR database', kind: 'data_store', criticality: 'high', jurisdictions: 'no' });
    const details = page.getByRole('region', { name: 'Asset details' });
    await details.getByText('Data store').waitFor();
    await details.getByText('NO', { exact: true }).waitFor();
    await createAsset(page, { name: 'Payroll', kind: 'business_service', criticality: 'very_high' });

    await addDependency(page, 'HR database');
    const dependsOn = page.getByRole('list', { name: 'Depends on' });
    await dependsOn.getByRole('link', { name: 'HR database' }).waitFor();

    // From the other side: needed by Payroll; making it depend on Payroll would close a loop.
    await dependsOn.getByRole('link', { name: 'HR database' }).click();
    await page.getByRole('heading', { name: 'HR database', level: 1 }).waitFor();
    await page.getByRole('list', { name: 'Needed by' }).getByRole('link', { name: 'Payroll' }).waitFor();
    await addDependency(page, 'Payroll');
    const refusal = page.getByRole('region', { name: 'Dependencies' }).getByRole('alert').filter({ hasText: 'The dependency was not added' });
    await refusal.getByText('That would make a dependency cycle: HR database → Payroll → HR database.').waitFor();
    expect(await page.getByRole('list', { name: 'Depends on' }).count()).toBe(0);
    await screenshot(page, 'asset-dependency-cycle');

    // The list shows both, with kind and criticality, and filters by kind in the URL.
    await page.getByRole('link', { name: 'Assets' }).first().click();
    const table = page.getByRole('table', { name: 'Assets' });
    await table.getByRole('link', { name: 'Payroll' }).waitFor();
    await table.getByRole('row').filter({ hasText: 'HR database' }).getByText('Data store').waitFor();
    await page.getByLabel('Kind').selectOption('business_service');
    await table.getByRole('link', { name: 'HR database' }).waitFor({ state: 'detached' });
    expect(page.url()).toContain('kind=business_service');
    await screenshot(page, 'assets-list');

    // Removing the dependency.
    await table.getByRole('link', { name: 'Payroll' }).click();
    await page.getByRole('button', { name: 'Remove dependency on HR database' }).click();
    await page.getByRole('region', { name: 'Dependencies' }).getByText('Depends on nothing recorded.').waitFor();
    await context.close();
  });

  it('edits an asset against the version it saw', async () => {
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    const list = await callApi<{ items: Array<{ id: string; name: string; version: number }> }>(page, 'GET', '/api/v1/assets?q=Payroll');
    const payroll = list.body.items.find((a) => a.name === 'Payroll')!;
    await page.goto(`/assets/${payroll.id}`);
    const details = page.getByRole('region', { name: 'Asset details' });
    await details.getByRole('button', { name: 'Edit details' }).click();
    await details.getByRole('textbox', { name: 'Description' }).fill('Pays 400 people monthly');

    const theirs = await callApi(page, 'PATCH', `/api/v1/assets/${payroll.id}`, { criticality: 'high' }, { 'if-match': `"${payroll.version}"` });
    expect(theirs.status).toBe(200);
    await details.getByRole('button', { name: 'Save details' }).click();
    const conflict = details.getByRole('alert').filter({ hasText: 'Someone else saved first' });
    await conflict.getByText('High', { exact: true }).waitFor();
    await conflict.getByRole('button', { name: 'Save mine over theirs' }).click();
    await details.getByText('Pays 400 people monthly').waitFor();
    const after = await callApi<{ description: string; criticality: string }>(page, 'GET', `/api/v1/assets/${payroll.id}`);
    expect(after.body).toMatchObject({ description: 'Pays 400 people monthly', criticality: 'high' });

    // Retired, not deleted: it leaves the list and comes back with "Show retired".
    await page.getByRole('button', { name: 'Retire' }).click();
    await page.getByRole('dialog', { name: 'Retire Payroll?' }).getByRole('button', { name: 'Retire asset' }).click();
    await page.getByText(/^retired /).waitFor();
    expect(await page.getByRole('button', { name: 'Edit details' }).count()).toBe(0);
    await page.goto('/assets');
    const table = page.getByRole('table', { name: 'Assets' });
    await table.getByRole('link', { name: 'HR database' }).waitFor();
    expect(await table.getByRole('link', { name: 'Payroll' }).count()).toBe(0);
    await page.getByLabel('Show retired').click();
    await table.getByRole('row').filter({ hasText: 'Payroll' }).getByText('retired').waitFor();
    await context.close();
  });
});
