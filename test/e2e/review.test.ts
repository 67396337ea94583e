import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPerson, screenshot, signIn } from './support/browser.js';
import { callApi, openIncidentThroughApi, openTab } from './support/flows.js';
import { ADMIN_EMAIL, PASSWORD, startE2eServer, type E2eServer } from './support/server.js';

describe('the incident’s risks, controls and review in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let reviewed: { id: string; riskNumber: string } | null = null;
  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('links a risk and a failed control, writes a review with five whys and an action item, completes it and lists the proposals', async () => {
    const gary = await server.addPerson('Gone Gary', 'responder');
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);

    expect((await callApi(page, 'POST', '/api/v1/control-catalogs/starter', {})).status).toBe(200);
    const risk = await callApi<{ id: string; number: string }>(page, 'POST', '/api/v1/risks', {
      title: 'Stolen VPN credentials',
      category: 'cyber_attack',
      inherent_likelihood: 'moderate',
      inherent_impact: 'high',
      playbooks: [{ title: 'Credential phishing playbook', url: 'https://wiki.example/phishing' }],
    });
    expect(risk.status).toBe(201);
    const incident = await openIncidentThroughApi(page, { title: 'VPN login from an unknown country', summary: 'A phished password was used on the VPN.', category: 'account_compromise', severity: 2 });

    // Risks & controls: the category match is suggested with its reason; the picker links it.
    await page.goto(`/incidents/${incident.id}`);
    await openTab(page, 'Risks & controls');
    const suggestions = page.getByRole('region', { name: 'Suggested risks' });
    await suggestions.getByText(risk.body.number, { exact: false }).waitFor();
    const picker = page.getByRole('combobox', { name: 'Link a risk' });
    await picker.fill('VPN');
    await page.getByRole('option', { name: `${risk.body.number} Stolen VPN credentials` }).click();
    const linked = page.getByRole('table', { name: 'Linked risks' });
    await linked.getByRole('link', { name: `${risk.body.number} Stolen VPN credentials` }).waitFor();
    // Once linked it is no longer offered as a suggestion, and its playbook is.
    await suggestions.waitFor({ state: 'detached' });
    await page.getByRole('list', { name: 'Suggested playbooks' }).getByRole('link', { name: 'Credential phishing playbook' }).waitFor();

    const control = page.getByRole('combobox', { name: 'Control', exact: true });
    await control.fill('PR.AA');
    await page.getByRole('option', { name: /^PR\.AA / }).click();
    await page.getByLabel('Outcome', { exact: true }).selectOption('failed');
    await page.getByRole('textbox', { name: 'Outcome note' }).fill('MFA was not enforced on the VPN');
    await page.getByRole('button', { name: 'Record outcome' }).click();
    const outcomes = page.getByRole('table', { name: 'Control outcomes' });
    await outcomes.getByText('Failed', { exact: true }).waitFor();
    await outcomes.getByText('MFA was not enforced on the VPN').waitFor();
    await screenshot(page, 'incident-risks-controls');

    // Review: completing an empty review is refused, naming what is missing.
    await openTab(page, 'Review');
    await page.getByText('Not started').waitFor();
    await page.getByRole('button', { name: 'Complete review' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'The review cannot be completed yet' });
    await refusal.getByText(/Summary, Root causes, Lessons learned/).waitFor();

    await page.getByRole('textbox', { name: 'Review summary' }).fill('A phished password opened the **VPN**.');
    await page.getByRole('textbox', { name: 'Response loss' }).fill('12 500');
    // The review's timeline: ticked entries, listed in the order they happened whatever the ticking order.
    const entries = page.getByRole('group', { name: 'Incident timeline entries' });
    await entries.getByRole('checkbox', { name: /^Linked risk / }).check();
    await entries.getByRole('checkbox', { name: /^Opened INC-/ }).check();
    await expect.poll(async () => page.getByRole('list', { name: 'Review timeline' }).getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringContaining('Opened INC-'),
      expect.stringContaining('Linked risk'),
    ]);
    await page.getByRole('button', { name: 'Add a root cause' }).click();
    const cause = page.getByRole('group', { name: 'Cause 1' });
    await cause.getByRole('textbox', { name: 'Why 1' }).fill('The attacker had a valid password');
    await cause.getByRole('button', { name: 'Ask why again' }).click();
    await cause.getByText('2. Why: “The attacker had a valid password”?').waitFor();
    await cause.getByRole('textbox', { name: 'Why 2' }).fill('The VPN accepted a password without MFA');
    await cause.getByRole('button', { name: 'Use the last answer as the statement' }).click();
    expect(await cause.getByRole('textbox', { name: 'Cause statement' }).inputValue()).toBe('The VPN accepted a password without MFA');
    await cause.getByLabel('Risk it shows').selectOption(risk.body.id);
    await page.getByRole('textbox', { name: 'Lessons learned' }).fill('Enforce MFA on every remote access path\n\nPhishing drills each quarter');
    await page.getByText('Unsaved changes').waitFor();
    await page.getByRole('button', { name: 'Save review' }).click();
    await page.getByText(/^Saved /).waitFor();

    const saved = await callApi<{ status: string; root_causes: unknown[]; lessons: string[]; impact: { realised_loss: { response: number } }; timeline: Array<{ body: string }> }>(page, 'GET', `/api/v1/incidents/${incident.id}/review`);
    expect(saved.body).toMatchObject({
      status: 'draft',
      lessons: ['Enforce MFA on every remote access path', 'Phishing drills each quarter'],
      root_causes: [{ statement: 'The VPN accepted a password without MFA', kind: 'root', whys: ['The attacker had a valid password', 'The VPN accepted a password without MFA'], risk_id: risk.body.id }],
      impact: { realised_loss: { response: 12500 } },
    });
    expect(saved.body.timeline.map((e) => e.body)).toEqual([expect.stringMatching(/^Opened INC-/), expect.stringMatching(/^Linked risk/)]);

    // Gary was offered as an owner when the page loaded; disabled since, the server refuses him and says why.
    const garyNow = (await callApi<{ items: Array<{ id: string; version: number }> }>(page, 'GET', '/api/v1/users')).body.items.find((u) => u.id === gary.id)!;
    expect((await callApi(page, 'PATCH', `/api/v1/users/${gary.id}`, { disabled: true }, { 'if-match': `"${garyNow.version}"` })).status).toBe(200);
    const item = page.getByRole('form', { name: 'New action item' });
    await item.getByRole('textbox', { name: 'Action item' }).fill('Enforce MFA on the VPN');
    await item.getByLabel('Kind').selectOption('control_improvement');
    await item.getByRole('combobox', { name: 'Owner' }).click();
    await page.getByRole('option', { name: /Gone Gary/ }).click();
    await item.getByRole('button', { name: 'Add action item' }).click();
    await item.getByRole('alert').getByText('Gone Gary cannot own this action item: their account is disabled.').waitFor();
    await item.getByRole('combobox', { name: 'Owner' }).click();
    await page.getByRole('option', { name: /admin@example\.test/ }).click();
    await item.getByLabel('Due').fill('2026-12-31');
    await item.getByRole('button', { name: 'Add action item' }).click();
    const items = page.getByRole('table', { name: 'Action items' });
    await items.getByText('Enforce MFA on the VPN').waitFor();
    await items.getByRole('button', { name: 'Edit Enforce MFA on the VPN' }).click();
    await items.getByLabel('Due').fill('2027-01-15');
    await items.getByRole('button', { name: 'Save', exact: true }).click();
    await items.getByText(/15 Jan 2027/).waitFor();
    await screenshot(page, 'incident-review-draft');

    await page.getByRole('button', { name: 'Complete review' }).click();
    await page.getByText('Completed', { exact: true }).waitFor();
    const proposals = page.getByRole('list', { name: 'Proposals' });
    await proposals.getByText('Risk frequency').waitFor();
    await proposals.getByText('Control effectiveness').waitFor();
    await page.getByRole('link', { name: 'Decide proposals' }).waitFor();
    // Completed: read-only, no more saving.
    expect(await page.getByRole('button', { name: 'Save review' }).count()).toBe(0);
    expect(await page.getByRole('textbox', { name: 'Review summary' }).count()).toBe(0);
    await page.getByRole('group', { name: 'Export the review' }).getByRole('link', { name: 'Export as PDF' }).waitFor();
    await screenshot(page, 'incident-review-completed');

    const after = await callApi<{ review_completed_at: string | null }>(page, 'GET', `/api/v1/incidents/${incident.id}`);
    expect(after.body.review_completed_at).not.toBeNull();
    reviewed = { id: incident.id, riskNumber: risk.body.number };
    await context.close();
  });

  it('shows a stakeholder the links and the completed review without anything to edit', async () => {
    expect(reviewed).not.toBeNull();
    const person = await server.addPerson('Stella Stakeholder', 'stakeholder');
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, person.email, PASSWORD);
    await page.goto(`/incidents/${reviewed!.id}?tab=risks`);
    await page.getByRole('table', { name: 'Linked risks' }).getByRole('link', { name: new RegExp(reviewed!.riskNumber) }).waitFor();
    await page.getByRole('table', { name: 'Control outcomes' }).getByText('Failed', { exact: true }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Link a risk' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Record outcome' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Unlink / }).count()).toBe(0);

    await openTab(page, 'Review');
    await page.getByRole('list', { name: 'Proposals' }).getByText('Risk frequency').waitFor();
    await page.getByText('The VPN accepted a password without MFA', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Complete review' }).count()).toBe(0);
    expect(await page.getByRole('form', { name: 'New action item' }).count()).toBe(0);
    await context.close();
  });
});
