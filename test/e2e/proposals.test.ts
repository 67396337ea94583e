import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPerson, screenshot, signIn } from './support/browser.js';
import { callApi, openIncidentThroughApi } from './support/flows.js';
import { ADMIN_EMAIL, PASSWORD, startE2eServer, type E2eServer } from './support/server.js';

interface ProposalJson {
  id: string;
  kind: string;
  target_id: string;
  status: string;
  after: Record<string, unknown>;
  decision_note: string | null;
}

async function ok<T>(answer: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const { status, body } = await answer;
  if (status >= 300) throw new Error(`${what} answered ${status}: ${JSON.stringify(body)}`);
  return body;
}

/** Through the API: a risk and a control, an incident that materialised the risk with the control failing, and its review completed. */
async function seedCompletedReview(page: Page): Promise<{ riskId: string; controlId: string; incidentId: string; incidentNumber: string }> {
  const risk = await ok(
    callApi<{ id: string }>(page, 'POST', '/api/v1/risks', {
      title: 'Phishing leads to account takeover',
      category: 'cyber_attack',
      inherent_likelihood: 'moderate',
      inherent_impact: 'high',
      fair_inputs: { threat_event_frequency: 2, vulnerability: 0.5, primary_loss: { low: 2000, high: 200000 }, seed: 1, iterations: 2000 },
    }),
    'creating the risk',
  );
  await ok(callApi(page, 'POST', `/api/v1/risks/${risk.id}/simulations`, {}), 'simulating the risk');
  const control = await ok(callApi<{ id: string }>(page, 'POST', '/api/v1/controls', { ref: 'ACME-MFA-1', title: 'Phishing-resistant MFA', implementation_status: 'implemented', effectiveness: 80 }), 'creating the control');
  const incident = await openIncidentThroughApi(page, { title: 'Mailbox takeover at finance', category: 'phishing', severity: 2 });
  await ok(callApi(page, 'POST', `/api/v1/incidents/${incident.id}/risks`, { risk_id: risk.id, note: 'Credentials phished' }), 'linking the risk');
  await ok(callApi(page, 'POST', `/api/v1/incidents/${incident.id}/control-outcomes`, { control_id: control.id, outcome: 'failed', note: 'MFA push fatigue' }), 'recording the outcome');
  await ok(
    callApi(page, 'PUT', `/api/v1/incidents/${incident.id}/review`, {
      summary: 'A finance mailbox was taken over after a phishing e-mail.',
      impact: { realised_loss: { response: 40000, productivity: 10000 } },
      root_causes: [{ statement: 'MFA accepted a push approval', kind: 'root', whys: ['The user approved a push'], risk_id: risk.id }],
      lessons: ['Number matching for MFA pushes'],
    }),
    'writing the review',
  );
  await ok(callApi(page, 'POST', `/api/v1/incidents/${incident.id}/review/complete`, {}), 'completing the review');
  return { riskId: risk.id, controlId: control.id, incidentId: incident.id, incidentNumber: incident.number };
}

describe('proposals inbox in the web app', () => {
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

  it('accepts a frequency proposal with an edited rate and rejects a control proposal; the risk’s history shows the change', async () => {
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    const seeded = await seedCompletedReview(page);
    const proposals = await ok(callApi<{ items: ProposalJson[] } | ProposalJson[]>(page, 'GET', `/api/v1/incidents/${seeded.incidentId}/review/proposals`), 'listing the proposals');
    const list = Array.isArray(proposals) ? proposals : proposals.items;
    const frequency = list.find((p) => p.kind === 'risk_frequency');
    const effectiveness = list.find((p) => p.kind === 'control_effectiveness');
    expect(frequency, JSON.stringify(list)).toBeDefined();
    expect(effectiveness, JSON.stringify(list)).toBeDefined();

    await page.goto('/');
    // The navigation counts what waits for a risk owner.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: /Proposals/ }).getByLabel(`${list.filter((p) => p.status === 'pending').length} pending`).waitFor();
    await nav.getByRole('link', { name: /Proposals/ }).click();
    const review = page.getByRole('region', { name: new RegExp(`Review of ${seeded.incidentNumber}`) });
    await review.waitFor();

    await screenshot(page, 'proposals-inbox');

    // The loss calibration is accepted as proposed.
    const lossCard = review.getByRole('article', { name: /^Loss calibration: RISK-\d+ Phishing leads to account takeover/ });
    await lossCard.getByRole('table', { name: 'Proposed change' }).getByRole('cell', { name: 'Realised loss', exact: true }).waitFor();
    await lossCard.getByRole('button', { name: 'Accept', exact: true }).click();
    await lossCard.waitFor({ state: 'detached' });

    // Accept the frequency proposal with an edited annual rate.
    const freqCard = review.getByRole('article', { name: /^Risk frequency: RISK-\d+ Phishing leads to account takeover/ });
    await freqCard.getByRole('table', { name: 'Reasoning steps' }).getByRole('cell', { name: 'Posterior', exact: true }).waitFor();
    await freqCard.getByRole('table', { name: 'Proposed change' }).getByRole('cell', { name: 'Annual rate', exact: true }).waitFor();
    await freqCard.getByRole('button', { name: 'Edit and accept' }).click();
    const rate = freqCard.getByRole('textbox', { name: 'Annual rate', exact: true });
    await rate.fill('2.5');
    await freqCard.getByRole('textbox', { name: 'Decision note' }).fill('Two more near misses this year');
    await freqCard.getByRole('button', { name: 'Accept with changes' }).click();
    await page.getByText(/Proposal accepted/).first().waitFor();
    await freqCard.waitFor({ state: 'detached' });

    // Reject the control proposal with a note.
    const controlCard = review.getByRole('article', { name: /^Control effectiveness: ACME-MFA-1 Phishing-resistant MFA/ });
    await controlCard.getByRole('button', { name: 'Reject' }).click();
    await controlCard.getByRole('textbox', { name: 'Why reject it?' }).fill('The control worked as designed; the user overrode it');
    await controlCard.getByRole('button', { name: 'Reject proposal' }).click();
    await page.getByText(/Proposal rejected/).first().waitFor();
    await controlCard.waitFor({ state: 'detached' });

    const decided = await ok(callApi<{ items: ProposalJson[] } | ProposalJson[]>(page, 'GET', `/api/v1/incidents/${seeded.incidentId}/review/proposals`), 'listing again');
    const after = Array.isArray(decided) ? decided : decided.items;
    expect(after.find((p) => p.id === frequency!.id)).toMatchObject({ status: 'accepted', decision_note: 'Two more near misses this year' });
    expect(after.find((p) => p.id === effectiveness!.id)).toMatchObject({ status: 'rejected', decision_note: 'The control worked as designed; the user overrode it' });
    const risk = await ok(callApi<{ annual_rate: number | null }>(page, 'GET', `/api/v1/risks/${seeded.riskId}`), 'reading the risk');
    expect(risk.annual_rate).toBe(2.5);
    const control = await ok(callApi<{ effectiveness: number }>(page, 'GET', `/api/v1/controls/${seeded.controlId}`), 'reading the control');
    expect(control.effectiveness).toBe(80);

    // The risk's history shows the accepted change; its Incidents tab shows where it materialised.
    await page.goto(`/risks/${seeded.riskId}?tab=history`);
    const history = page.getByRole('table', { name: 'History' });
    await history.getByText(/2\.5/).first().waitFor();
    await page.getByRole('tab', { name: 'Incidents' }).click();
    await page.getByRole('table', { name: 'Incidents of this risk' }).getByRole('link', { name: new RegExp(seeded.incidentNumber) }).waitFor();
    await page.getByLabel('Times materialised ever').getByText('1').waitFor();
    const scores = page.getByTestId('score-history');
    await scores.locator('.recharts-reference-line').first().waitFor({ state: 'attached' });
    await scores.locator('svg').getByText(seeded.incidentNumber, { exact: true }).waitFor();
    await screenshot(page, 'risk-incidents-tab');

    // The risk dashboard's calibration places the realised loss against the estimate.
    await page.goto('/risks/dashboard');
    const calibration = page.getByRole('region', { name: 'Calibration' });
    await calibration.getByRole('table', { name: 'Calibration by risk' }).getByRole('link', { name: seeded.incidentNumber }).waitFor();
    await calibration.getByText('€50K').first().waitFor();
    await calibration.locator('.recharts-scatter-symbol').first().waitFor({ state: 'attached' });
    await screenshot(page, 'risk-calibration');

    // The control's page lists the incident where it failed.
    await page.goto(`/controls/${seeded.controlId}`);
    await page.getByRole('table', { name: 'Outcomes in incidents' }).getByText('Failed').waitFor();
    await context.close();
  });

  it('hides the inbox from people who cannot decide, and shows action items with inline status changes', async () => {
    const responder = await server.addPerson('Rob Responder', 'responder');
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    const incident = await openIncidentThroughApi(page, { title: 'Lost laptop', category: 'other', severity: 3 });
    await ok(
      callApi(page, 'POST', `/api/v1/incidents/${incident.id}/action-items`, { title: 'Enable disk encryption everywhere', kind: 'control_improvement', owner_id: responder.id, due_at: '2020-01-01T00:00:00.000Z' }),
      'adding an action item',
    );
    await context.close();

    const theirs = await newPerson(browser, server.url);
    await signIn(theirs.page, responder.email, PASSWORD);
    const nav = theirs.page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: /Proposals/ }).count()).toBe(0);
    await nav.getByRole('link', { name: 'Action items' }).click();
    const table = theirs.page.getByRole('table', { name: 'Action items' });
    await table.getByText('Enable disk encryption everywhere').waitFor();
    await table.getByText(/Overdue \d+ d/).waitFor();
    await theirs.page.getByRole('region', { name: 'Overdue per owner' }).getByText('Rob Responder').waitFor();
    await theirs.page.getByRole('combobox', { name: 'Status of Enable disk encryption everywhere' }).selectOption('in_progress');
    await expect
      .poll(async () => (await callApi<{ items: Array<{ status: string }> }>(theirs.page, 'GET', '/api/v1/action-items?owner_id=me')).body.items[0]?.status)
      .toBe('in_progress');
    await screenshot(theirs.page, 'action-items');
    await theirs.context.close();
  });
  it('explains a stale proposal when the risk changed meanwhile, and accepts the fresh one', async () => {
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    const risk = await ok(callApi<{ id: string }>(page, 'POST', '/api/v1/risks', { title: 'Supplier portal breach', category: 'third_party', inherent_likelihood: 'low', inherent_impact: 'high' }), 'creating the risk');
    const incident = await openIncidentThroughApi(page, { title: 'Supplier portal credentials leaked', category: 'supply_chain', severity: 3 });
    await ok(callApi(page, 'POST', `/api/v1/incidents/${incident.id}/risks`, { risk_id: risk.id }), 'linking the risk');
    await ok(callApi(page, 'PUT', `/api/v1/incidents/${incident.id}/review`, { summary: 'Leaked credentials', root_causes: [{ statement: 'No MFA on the portal', kind: 'root', whys: [] }], lessons: ['MFA for suppliers'] }), 'writing the review');
    await ok(callApi(page, 'POST', `/api/v1/incidents/${incident.id}/review/complete`, {}), 'completing the review');

    await page.goto('/reviews/proposals');
    const card = page.getByRole('article', { name: /^Risk frequency: RISK-\d+ Supplier portal breach/ });
    await card.waitFor();
    // Meanwhile, someone else changes the risk.
    const current = await ok(callApi<{ version: number }>(page, 'GET', `/api/v1/risks/${risk.id}`), 'reading the risk');
    await ok(callApi(page, 'PATCH', `/api/v1/risks/${risk.id}`, { annual_rate: 0.2, reason: 'Supplier audit' }, { 'if-match': `"${current.version}"` }), 'changing the risk');

    await card.getByRole('button', { name: 'Accept', exact: true }).click();
    const stale = card.getByRole('alert').filter({ hasText: 'The target changed since this proposal was made' });
    await stale.waitFor();
    await stale.getByRole('table', { name: 'Fresh proposal' }).getByRole('cell', { name: 'Annual rate', exact: true }).waitFor();
    await screenshot(page, 'proposal-stale');
    await stale.getByRole('button', { name: 'Accept the fresh proposal' }).click();
    await page.getByText(/Proposal accepted/).first().waitFor();
    await expect
      .poll(async () => {
        const list = await callApi<{ items: ProposalJson[] } | ProposalJson[]>(page, 'GET', `/api/v1/incidents/${incident.id}/review/proposals`);
        const items = Array.isArray(list.body) ? list.body : list.body.items;
        return items.filter((p) => p.kind === 'risk_frequency').map((p) => p.status).sort();
      })
      .toEqual(['accepted', 'stale']);
    await context.close();
  });
});
