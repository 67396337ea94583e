import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { callOverdueDeputies } from '../../src/services/escalations/call-overdue-deputies.js';
import { insertApprovedPlan } from '../support/plan-fixture.js';
import { launchBrowser, newPerson, screenshot, signIn } from './support/browser.js';
import { callApi, openTab } from './support/flows.js';
import { ADMIN_EMAIL, PASSWORD, startE2eServer, type E2eServer } from './support/server.js';

describe('escalations on the People & roles tab', () => {
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

  it('opening an incident under a plan calls its people; the called acknowledge, a manager records a phone answer, overdue calls stand out', async () => {
    const cora = await server.addPerson('Cora Ciso', 'incident_manager');
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    const me = await callApi<{ user: { id: string } }>(page, 'GET', '/api/v1/session');
    await insertApprovedPlan(server.system, {
      meeting_place: 'Room 4.12',
      out_of_band_channel: 'Signal group "IR bridge"',
      team: [
        { id: 'ciso', name: 'Cora Ciso', title: 'CISO', user_id: cora.id, incident_role: 'incident_commander', deputies: [], work_email: cora.email, mobile_phone: '+44 7700 900001' },
        { id: 'scribe', name: 'Ada Admin', title: 'Security officer', user_id: me.body.user.id, incident_role: 'scribe', deputies: [], work_email: ADMIN_EMAIL },
        { id: 'guard', name: 'Night Guard', title: 'Facilities', deputies: [], mobile_phone: '+44 7700 900099' },
      ],
      escalation_rules: [
        { id: 'high', severities: [1, 2], categories: [], contact_ids: ['ciso', 'scribe'], respond_within_minutes: 30 },
        { id: 'phones', severities: [1, 2], categories: ['phishing'], contact_ids: ['guard'], respond_within_minutes: 60 },
      ],
    });

    await page.goto('/incidents');
    await page.getByRole('link', { name: 'New incident' }).or(page.getByRole('button', { name: 'New incident' })).first().click();
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Invoice fraud at finance');
    await page.getByRole('combobox', { name: 'Category', exact: true }).selectOption({ label: 'Phishing' });
    await page.getByRole('combobox', { name: 'Severity', exact: true }).selectOption({ label: '2 · High' });
    await page.getByRole('button', { name: 'Open incident' }).click();
    await page.waitForURL(/\/incidents\/inc_/);
    const incidentId = /\/incidents\/(inc_[^/?#]+)/.exec(page.url())![1]!;

    // The guard was called an hour and twelve minutes ago (as if), and has not answered.
    await server.system.database.db
      .updateTable('escalations')
      .set({ notified_at: new Date(Date.now() - 72 * 60_000 - 10_000).toISOString() })
      .where('incident_id', '=', incidentId)
      .where('contact_id', '=', 'guard')
      .execute();
    await page.reload();
    await openTab(page, 'People & roles');
    const table = page.getByRole('table', { name: 'Escalations' });
    const row = (name: string) => table.getByRole('row').filter({ hasText: name });
    await row('Cora Ciso').getByText('Waiting', { exact: true }).waitFor();
    await row('Cora Ciso').getByText(`E-mail: ${cora.email}`).waitFor();
    await row('Night Guard').getByText('No e-mail address: phone them').waitFor();
    await row('Night Guard').getByRole('link', { name: '+44 7700 900099' }).waitFor();
    await row('Night Guard').getByText('Waiting — overdue by 12 min').waitFor();
    // Nobody stands in for the guard: the deputies job reports the call unanswered, and the row says so.
    await callOverdueDeputies(server.system);
    await page.reload();
    await openTab(page, 'People & roles');
    await row('Night Guard').getByText('Nobody answered — no deputy left: phone them').waitFor();
    // The matrix made the admin (the Administrator account) scribe; the form made them commander, so the CISO was called without taking command.
    await page.getByRole('table', { name: 'Current roles' }).getByRole('row').filter({ hasText: 'Scribe' }).getByText('Administrator').waitFor();

    // Their own call: "Acknowledge"; someone else's: "Record acknowledgement", which needs a note.
    await row('Ada Admin').getByRole('button', { name: 'Acknowledge' }).click();
    const own = page.getByRole('dialog', { name: 'Acknowledge the call' });
    await own.getByText('no deputy will be called for you').waitFor();
    await own.getByRole('button', { name: 'Acknowledge' }).click();
    await own.waitFor({ state: 'detached' });
    await row('Ada Admin').getByText('Acknowledged in Bulwark').waitFor();

    await row('Cora Ciso').getByRole('button', { name: 'Record acknowledgement for Cora Ciso' }).click();
    const onBehalf = page.getByRole('dialog', { name: 'Record acknowledgement for Cora Ciso' });
    const record = onBehalf.getByRole('button', { name: 'Record acknowledgement' });
    await onBehalf.getByRole('textbox', { name: 'How did they answer?' }).fill('Called back at 03:12, on the bridge');
    await record.click();
    await onBehalf.waitFor({ state: 'detached' });
    await row('Cora Ciso').getByText('Acknowledged by phone').waitFor();
    await row('Cora Ciso').getByText(/recorded by Administrator/).waitFor();
    await screenshot(page, 'incident-escalations');

    await openTab(page, 'Timeline');
    await page.getByRole('list', { name: 'Timeline' }).getByText('Cora Ciso acknowledged the call by phone', { exact: false }).first().waitFor();
    await context.close();
  });
});
