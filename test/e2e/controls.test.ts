import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPerson, screenshot, signIn } from './support/browser.js';
import { callApi } from './support/flows.js';
import { ADMIN_EMAIL, PASSWORD, startE2eServer, type E2eServer } from './support/server.js';

const TINY_CATALOG = readFileSync(new URL('../fixtures/oscal-tiny-catalog.json', import.meta.url));
const file = (name: string, content: string | Buffer) => ({ name, mimeType: 'application/json', buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });

interface ControlJson {
  id: string;
  ref: string;
  effectiveness: number | null;
  implementation_status: string;
  version: number;
}

async function controlByRef(page: Page, ref: string): Promise<ControlJson> {
  const answer = await callApi<{ items: ControlJson[] }>(page, 'GET', `/api/v1/controls?q=${encodeURIComponent(ref)}&limit=50`);
  const control = answer.body.items.find((c) => c.ref === ref);
  if (!control) throw new Error(`no control ${ref}: ${JSON.stringify(answer.body)}`);
  return control;
}

describe('controls in the browser', () => {
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

  it('installs the CSF starter, shows it as a tree, and saves a control’s effectiveness', async () => {
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    await page.getByRole('link', { name: 'Controls' }).click();
    await page.getByRole('heading', { name: 'Controls', level: 1 }).waitFor();
    await page.getByText('No catalog yet').waitFor();

    await page.getByRole('button', { name: 'Install the NIST CSF 2.0 starter' }).click();
    const tree = page.getByRole('table', { name: 'Controls' });
    await tree.getByRole('link', { name: 'GV.OC', exact: true }).waitFor();
    // Categories sit under their function, and a function can be folded away.
    await tree.getByRole('button', { name: 'Collapse GV' }).click();
    await tree.getByRole('link', { name: 'GV.OC', exact: true }).waitFor({ state: 'detached' });
    await tree.getByRole('button', { name: 'Expand GV' }).click();
    expect(page.url()).toMatch(/[?&]catalog=/);

    await tree.getByRole('link', { name: 'GV.OC', exact: true }).click();
    await page.getByRole('heading', { name: /GV\.OC/, level: 1 }).waitFor();
    const implementation = page.getByRole('region', { name: 'Implementation' });
    await implementation.getByRole('button', { name: 'Edit implementation' }).click();
    await implementation.getByLabel('Status').selectOption('implemented');
    await implementation.getByRole('textbox', { name: 'Effectiveness (%)' }).fill('70');
    await implementation.getByLabel('Maturity').selectOption('3');
    await implementation.getByLabel('Next test').fill('2026-01-15');
    await implementation.getByRole('button', { name: 'Save implementation' }).click();
    await implementation.getByText('70 %').waitFor();
    await implementation.getByText(/overdue/).waitFor();
    const saved = await controlByRef(page, 'GV.OC');
    expect(saved).toMatchObject({ effectiveness: 70, implementation_status: 'implemented' });

    await page.reload();
    await page.getByRole('region', { name: 'Implementation' }).getByText('70 %').waitFor();
    await screenshot(page, 'control-page');

    // Back in the tree the row shows the new state, and the overdue test is picked out by the filter.
    await page.getByRole('link', { name: 'Controls' }).first().click();
    const row = page.getByRole('table', { name: 'Controls' }).getByRole('row').filter({ has: page.getByRole('link', { name: 'GV.OC', exact: true }) });
    await row.getByText('70 %').waitFor();
    await row.getByText('Implemented').waitFor();
    await page.getByLabel('Test overdue').click();
    await page.getByRole('table', { name: 'Controls' }).getByRole('link', { name: 'GV.RM', exact: true }).waitFor({ state: 'detached' });
    await row.getByText(/overdue/).waitFor();
    expect(page.url()).toContain('overdue=true');
    await screenshot(page, 'controls-tree');
    await context.close();
  });

  it('explains a save that crossed someone else’s, and saves over it when asked', async () => {
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    const control = await controlByRef(page, 'ID.AM');
    await page.goto(`/controls/${control.id}`);
    const implementation = page.getByRole('region', { name: 'Implementation' });
    await implementation.getByRole('button', { name: 'Edit implementation' }).click();
    await implementation.getByRole('textbox', { name: 'Effectiveness (%)' }).fill('40');

    const theirs = await callApi(page, 'PATCH', `/api/v1/controls/${control.id}`, { effectiveness: 90, evidence_notes: 'Asset inventory audited' }, { 'if-match': `"${control.version}"` });
    expect(theirs.status).toBe(200);

    await implementation.getByRole('button', { name: 'Save implementation' }).click();
    const conflict = implementation.getByRole('alert').filter({ hasText: 'Someone else saved first' });
    await conflict.getByText('90 %').waitFor();
    await conflict.getByText('Asset inventory audited').waitFor();
    await conflict.getByRole('button', { name: 'Save mine over theirs' }).click();
    await implementation.getByText('40 %').waitFor();
    await implementation.getByText('Asset inventory audited').waitFor();
    expect((await controlByRef(page, 'ID.AM')).effectiveness).toBe(40);
    await context.close();
  });

  it('refuses a file that is not an OSCAL catalog, imports a small one, and shows its controls by family', async () => {
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    await page.goto('/controls');
    const catalogs = page.getByRole('region', { name: 'Catalogs' });
    const input = catalogs.locator('input[type="file"]');

    await input.setInputFiles({ name: 'controls.csv', mimeType: 'text/csv', buffer: Buffer.from('ref,title') });
    await catalogs.getByRole('alert').getByText('controls.csv is not a .json file').waitFor();
    await input.setInputFiles(file('profile.json', JSON.stringify({ profile: { uuid: 'x', metadata: { title: 'Moderate baseline' }, imports: [] } })));
    const refusal = catalogs.getByRole('alert').filter({ hasText: 'The catalog was not imported' });
    await refusal.getByText(/Not an OSCAL catalog: this is an OSCAL profile/).waitFor();
    expect(await catalogs.getByRole('listitem').filter({ hasText: 'Tiny Test Catalog' }).count()).toBe(0);

    await input.setInputFiles(file('tiny-catalog.json', TINY_CATALOG));
    await catalogs.getByRole('status').getByText('Imported Tiny Test Catalog (1.0): 4 controls.').waitFor();
    expect(await catalogs.getByRole('alert').count()).toBe(0);
    const tree = page.getByRole('table', { name: 'Controls' });
    await tree.getByText('Access Control', { exact: true }).waitFor();
    await tree.getByText('Contingency Planning', { exact: true }).waitFor();
    await tree.getByRole('link', { name: 'AC-2(1)', exact: true }).waitFor();
    await tree.getByRole('button', { name: 'Collapse AC-2' }).click();
    await tree.getByRole('link', { name: 'AC-2(1)', exact: true }).waitFor({ state: 'detached' });
    await catalogs.getByRole('listitem').filter({ hasText: 'Tiny Test Catalog' }).waitFor();
    await screenshot(page, 'controls-oscal-import');

    // Filters live in the URL: a shared link opens the same view.
    await page.getByLabel('Family', { exact: true }).selectOption('Contingency Planning');
    await tree.getByRole('link', { name: 'AC-1', exact: true }).waitFor({ state: 'detached' });
    await page.goto(page.url());
    await page.getByRole('table', { name: 'Controls' }).getByRole('link', { name: 'CP-9', exact: true }).waitFor();
    expect(await page.getByRole('table', { name: 'Controls' }).getByRole('link', { name: 'AC-1', exact: true }).count()).toBe(0);
    await context.close();
  });

  it('adds a custom control', async () => {
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    await page.goto('/controls');
    await page.getByRole('button', { name: 'Add a custom control' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a custom control' });
    await dialog.getByRole('textbox', { name: 'Reference' }).fill('ORG-01');
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Quarterly restore drill');
    await dialog.getByRole('button', { name: 'Add control' }).click();
    await page.getByRole('heading', { name: /ORG-01 Quarterly restore drill/, level: 1 }).waitFor();
    await page.goto('/controls?catalog=custom');
    await page.getByRole('table', { name: 'Controls' }).getByRole('link', { name: 'ORG-01', exact: true }).waitFor();
    await context.close();
  });

  it('shows read-only people the controls without the buttons that change them', async () => {
    const person = await server.addPerson('Sam Stakeholder', 'stakeholder');
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, person.email, PASSWORD);
    const control = await callApi<{ catalog_id: string }>(page, 'GET', `/api/v1/controls/${(await controlByRef(page, 'GV.OC')).id}`);
    await page.goto(`/controls?catalog=${control.body.catalog_id}`);
    await page.getByRole('table', { name: 'Controls' }).getByRole('link', { name: 'GV.OC', exact: true }).click();
    await page.getByRole('region', { name: 'Implementation' }).getByText('70 %').waitFor();
    expect(await page.getByRole('button', { name: 'Edit implementation' }).count()).toBe(0);
    await page.goto('/controls');
    expect(await page.getByRole('button', { name: 'Install the NIST CSF 2.0 starter' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add a custom control' }).count()).toBe(0);
    await context.close();
  });
});
