import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPerson, screenshot, signIn } from './support/browser.js';
import { callApi, openIncidentThroughApi, openTab } from './support/flows.js';
import { ADMIN_EMAIL, PASSWORD, startE2eServer, type E2eServer } from './support/server.js';

describe('notification obligations in the browser', () => {
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

  it('sets the profile, enters facts, signs a decision, sees the GDPR count-down in both zones and submits it', async () => {
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);

    // The organisation profile: an EU controller whose supervisory authority sits in Dublin.
    await page.goto('/admin/organisation-profile');
    await page.getByRole('tab', { name: 'Organisation profile' }).waitFor();
    await page.getByRole('textbox', { name: 'Time zone' }).fill('Europe/Dublin');
    await page.getByRole('checkbox', { name: /EU GDPR controller/ }).check();
    await page.getByRole('textbox', { name: 'Lead supervisory authority' }).fill('Data Protection Commission (Ireland)');
    // A custom regime with a bad rule is refused, its path named.
    await page.getByRole('textbox', { name: /Custom regimes/ }).fill('[{"id": "insurer", "name": "Insurer", "applies_when": [], "stages": [{"id": "notice", "recipient": "Insurer", "clocks": [{"start": {"from": "stage", "stage": "later"}, "rule": {"kind": "elapsed_hours", "hours": 48}}], "basis": "Policy 7.1"}]}]');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('list', { name: 'Problems in the custom regimes' }).getByText('custom_regimes.0.stages.0.clocks.0.start.stage').waitFor();
    await page.getByRole('textbox', { name: /Custom regimes/ }).fill('[]');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    const incident = await openIncidentThroughApi(page, { title: 'Customer database copied by an attacker', category: 'data_breach', severity: 1 });
    await page.goto(`/incidents/${incident.id}`);
    await openTab(page, 'Obligations');
    await page.getByText(/No notifications owed yet/).waitFor();

    // Facts: aware an hour ago (typed in the viewer's zone), personal data of people in Germany.
    const awareLocal = await page.evaluate(() => {
      const d = new Date(Date.now() - 3_600_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    });
    const facts = page.getByRole('region', { name: 'Incident facts' });
    await facts.getByLabel('Aware at').fill(awareLocal);
    await facts.getByLabel('Jurisdictions of the people').fill('DE');
    await facts.getByLabel('Jurisdictions of the people').press('Enter');
    await facts.getByRole('textbox', { name: 'People affected (approx.)' }).fill('1200');
    // People affected without personal data is refused, the field named.
    await facts.getByRole('button', { name: 'Save facts' }).click();
    await facts.getByText(/contradicts personal_data: false/).first().waitFor();
    await facts.getByRole('switch', { name: 'Personal data involved' }).check();
    await facts.getByRole('button', { name: 'Save facts' }).click();
    await facts.getByRole('status').filter({ hasText: 'obligations recomputed' }).waitFor();

    const table = page.getByRole('table', { name: 'Obligations' });
    const gdpr = table.getByRole('row', { name: /GDPR personal data breach — authority/ });
    await gdpr.waitFor();
    // The deadline in the viewer's zone and in the regulator's, each named, and a count-down from about 71 h.
    await gdpr.getByText('(Europe/Oslo)').waitFor();
    await gdpr.getByText(/Regulator: .*\(Europe\/Dublin\)/).waitFor();
    const countdown = gdpr.getByLabel(/^Time left:/);
    await expect.poll(async () => countdown.textContent()).toMatch(/^2 d 2[23] h \d\d min left$/);
    await gdpr.getByText('Pending').waitFor();
    await page.getByRole('figure', { name: 'Deadlines against now' }).waitFor();

    // Home: the obligation is due soonest, counting down.
    await page.goto('/');
    const due = page.getByRole('region', { name: 'Obligations due soonest' });
    await due.getByRole('link', { name: /GDPR personal data breach — authority/ }).waitFor();
    await due.getByLabel(/^Time left:/).waitFor();
    await page.goto(`/incidents/${incident.id}?tab=obligations`);

    // A signed decision: the confirm step says what clock it starts.
    await page.getByRole('button', { name: 'Sign a decision' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign a decision' });
    await dialog.getByLabel('Decision').selectOption('high_risk_to_individuals');
    await dialog.getByRole('textbox', { name: 'On what facts' }).fill('Passwords and bank details of 1,200 customers in the copy');
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await dialog.getByText(/Starts the GDPR Art\. 34 communication to the data subjects/).waitFor();
    await dialog.getByRole('button', { name: 'Sign decision' }).click();
    await dialog.waitFor({ state: 'detached' });
    const decisions = page.getByRole('table', { name: 'Signed decisions' });
    await decisions.getByText('High risk to individuals (GDPR Art. 34): yes').waitFor();
    const signed = await callApi<{ items: Array<{ signature: string }> }>(page, 'GET', `/api/v1/incidents/${incident.id}/decisions`);
    await decisions.getByText(`${signed.body.items[0]!.signature.slice(0, 12)}…`).waitFor();
    await table.getByRole('row', { name: /GDPR personal data breach — data subjects/ }).waitFor();
    await screenshot(page, 'incident-obligations');

    // Submit the authority notification with its reference.
    await gdpr.getByRole('button', { name: /^Submit:/ }).click();
    const submit = page.getByRole('dialog', { name: 'Record the submission' });
    await submit.getByRole('textbox', { name: 'Reference' }).fill('DPC-BN-2026-0815');
    await submit.getByRole('button', { name: 'Record submission' }).click();
    await submit.waitFor({ state: 'detached' });
    await gdpr.getByText('Submitted').waitFor();
    await gdpr.getByText('Ref. DPC-BN-2026-0815').waitFor();
    const timeline = await callApi<{ items: Array<{ kind: string; body: string }> }>(page, 'GET', `/api/v1/incidents/${incident.id}/timeline`);
    expect(timeline.body.items.some((e) => e.kind === 'obligation_updated' && e.body.includes('DPC-BN-2026-0815'))).toBe(true);

    // Home, live: when someone records the data-subjects notice as sent, it leaves "due soonest" at once, without a reload.
    await page.goto('/');
    const dueNow = page.getByRole('region', { name: 'Obligations due soonest' });
    const subjects = dueNow.getByRole('link', { name: /GDPR personal data breach — data subjects/ });
    await subjects.waitFor();
    const listed = await callApi<{ items: Array<{ id: string; version: number; stage: string }> }>(page, 'GET', `/api/v1/incidents/${incident.id}/obligations`);
    const notice = listed.body.items.find((o) => o.stage === 'data_subjects')!;
    const sent = await callApi(page, 'PATCH', `/api/v1/obligations/${notice.id}`, { status: 'submitted', reference: 'Letter to customers, batch 1', submitted_at: new Date().toISOString(), version: notice.version });
    expect(sent.status).toBe(200);
    // Well inside the list's one-minute poll: only the live event can have removed it.
    await subjects.waitFor({ state: 'detached', timeout: 20_000 });
    await context.close();
  });
});
