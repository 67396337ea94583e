import { expect, it } from 'vitest';
import { describeApiOnEachEngine, type TestApp } from '../../support/test-app.js';

/** Proposal kinds beyond the main loop, visibility of restricted incidents, and bad input. */
describeApiOnEachEngine('review proposals', (t) => {
  const review = { summary: 'Reviewed', root_causes: [{ statement: 'Cause', kind: 'root', whys: [] }], lessons: ['Lesson'] };

  async function ok(app: TestApp, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, body?: unknown, token?: string, status = 200) {
    const res = await app.call(method, url, { ...(body !== undefined ? { body } : {}), ...(token ? { token } : {}) });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    return res.json();
  }

  async function reviewed(app: TestApp, setup: (incidentId: string) => Promise<void>, incident: Record<string, unknown> = {}) {
    const created = await ok(app, 'POST', '/api/v1/incidents', { title: 'Data leak from CRM export', category: 'data_breach', severity: 2, ...incident }, undefined, 201);
    await setup(created.id);
    await ok(app, 'PUT', `/api/v1/incidents/${created.id}/review`, review, undefined, 201);
    const done = await ok(app, 'POST', `/api/v1/incidents/${created.id}/review/complete`, {});
    return { incident: created, proposals: done.proposals as Array<Record<string, any>> };
  }

  const newRisk = (app: TestApp, extra: Record<string, unknown> = {}) => ok(app, 'POST', '/api/v1/risks', { title: `CRM data exposure ${Math.random()}`, category: 'data_breach', inherent_likelihood: 'low', inherent_impact: 'moderate', ...extra }, undefined, 201);

  it('absent control, treatment change and new risk: each proposal applied through the register', async () => {
    const app = t();
    const owner = await app.user('risk_owner');
    const risk = await newRisk(app, { treatment: 'accept', treatment_details: { accepted_by: app.admin.id, reason: 'Low value data', until: '2027-12-31T00:00:00Z' } });
    const dlp = await ok(app, 'POST', '/api/v1/controls', { ref: `DLP-${Date.now()}`, title: 'Data loss prevention', implementation_status: 'planned', effectiveness: 50 }, undefined, 201);
    const { incident, proposals } = await reviewed(app, async (id) => {
      await ok(app, 'POST', `/api/v1/incidents/${id}/control-outcomes`, { control_id: dlp.id, outcome: 'absent' }, undefined, 201);
      await ok(app, 'POST', `/api/v1/incidents/${id}/action-items`, { title: 'Mask exports', description: 'Mask personal data in CRM exports', kind: 'treatment_change', risk_id: risk.id }, undefined, 201);
      await ok(app, 'POST', `/api/v1/incidents/${id}/action-items`, { title: 'Insider misuse of exports', kind: 'new_risk' }, undefined, 201);
      await ok(app, 'POST', `/api/v1/incidents/${id}/action-items`, { title: 'Tell the team', kind: 'other' }, undefined, 201);
    });
    // No linked risk: no frequency proposal; "other" action items change nothing in the register.
    expect(proposals.map((p) => `${p.kind}:${p.target_type}`).sort()).toEqual(['action_item:action_item', 'action_item:risk', 'control_effectiveness:control']);

    const absent = proposals.find((p) => p.kind === 'control_effectiveness')!;
    expect(absent.after).toMatchObject({ effectiveness: 0 });
    expect(absent.reasoning.text).toContain('absent');
    await ok(app, 'POST', `/api/v1/proposals/${absent.id}/accept`, {}, owner.token);
    expect(await ok(app, 'GET', `/api/v1/controls/${dlp.id}`)).toMatchObject({ effectiveness: 0, implementation_status: 'planned' });

    const treatment = proposals.find((p) => p.kind === 'action_item' && p.target_type === 'risk')!;
    expect(treatment.after).toEqual({ treatment: 'mitigate', treatment_details: { plan: 'Mask exports: Mask personal data in CRM exports' } });
    await ok(app, 'POST', `/api/v1/proposals/${treatment.id}/accept`, {}, owner.token);
    expect(await ok(app, 'GET', `/api/v1/risks/${risk.id}`)).toMatchObject({ treatment: 'mitigate', status: 'treating', treatment_details: { plan: 'Mask exports: Mask personal data in CRM exports' } });

    const draft = proposals.find((p) => p.kind === 'action_item' && p.target_type === 'action_item')!;
    expect(draft.after).toMatchObject({ title: 'Insider misuse of exports', category: 'data_breach', inherent_likelihood: 'moderate', inherent_impact: 'moderate' });
    const bad = await app.call('POST', `/api/v1/proposals/${draft.id}/accept`, { token: owner.token, body: { after: { inherent_impact: 'catastrophic' } } });
    expect(bad.statusCode).toBe(400);
    const accepted = await ok(app, 'POST', `/api/v1/proposals/${draft.id}/accept`, { after: { inherent_impact: 'high' } }, owner.token);
    expect(accepted.applied).toMatchObject({ created_type: 'risk' });
    const created = await ok(app, 'GET', `/api/v1/risks/${accepted.applied.created_id}`);
    expect(created).toMatchObject({ title: 'Insider misuse of exports', status: 'identified', inherent_likelihood: 'moderate', inherent_impact: 'high' });
    const links = await ok(app, 'GET', `/api/v1/incidents/${incident.id}/risks`);
    expect(JSON.stringify(links)).toContain(created.id);
    const history = (await ok(app, 'GET', `/api/v1/risks/${created.id}/history`)).items as Array<{ action: string; source: unknown }>;
    expect(history.find((h) => h.action === 'risk.proposed_by_review')!.source).toEqual({ incident_id: incident.id, review_id: accepted.review_id, proposal_id: draft.id });
  });

  it('takes the owner\'s stated rate and its confidence as the prior', async () => {
    const app = t();
    const risk = await newRisk(app);
    const stated = await ok(app, 'PATCH', `/api/v1/risks/${risk.id}`, { annual_rate: 2, rate_confidence_years: 4, version: risk.version });
    expect(stated).toMatchObject({ annual_rate: 2, rate_confidence_years: 4 });
    expect((await app.call('PATCH', `/api/v1/risks/${risk.id}`, { body: { annual_rate: -1, version: stated.version } })).statusCode).toBe(400);
    const { proposals } = await reviewed(app, async (id) => {
      await ok(app, 'POST', `/api/v1/incidents/${id}/risks`, { risk_id: risk.id }, undefined, 201);
    });
    // Prior Gamma(α = 2 × 4 = 8, β = 4); one incident within the first month (t = 1/12):
    // Gamma(9, 4.083333), mean 9 / 4.083333 = 2.204082 a year: in the moderate band [1, 10), so the
    // residual likelihood (low, from the risk's inherent pair) moves to moderate.
    const frequency = proposals.find((p) => p.kind === 'risk_frequency')!;
    expect(frequency.after).toEqual({ annual_rate: 2.204, rate_confidence_years: 4.083, residual_likelihood: 'moderate', residual_impact: 'moderate' });
    expect(frequency.reasoning.steps[0].value).toContain('the stated estimate');
  });

  it('places the realised loss in the latest simulation: a loss at the estimated p90 lands near the 90th percentile', async () => {
    const app = t();
    const risk = await newRisk(app, { fair_inputs: { threat_event_frequency: { min: 0.5, most_likely: 2, max: 6 }, vulnerability: 0.4, primary_loss: { min: 5000, most_likely: 20000, max: 150000 } } });
    const simulation = await ok(app, 'POST', `/api/v1/risks/${risk.id}/simulations`, { iterations: 20_000, seed: 11 }, undefined, 201);
    const p90 = simulation.result.p90 as number;
    const created = await ok(app, 'POST', '/api/v1/incidents', { title: 'CRM export leaked', category: 'data_breach' }, undefined, 201);
    await ok(app, 'POST', `/api/v1/incidents/${created.id}/risks`, { risk_id: risk.id }, undefined, 201);
    await ok(app, 'PUT', `/api/v1/incidents/${created.id}/review`, { ...review, impact: { realised_loss: { response: p90 } } }, undefined, 201);
    const { proposals } = await ok(app, 'POST', `/api/v1/incidents/${created.id}/review/complete`, {});
    const loss = (proposals as Array<Record<string, any>>).find((p) => p.kind === 'loss_calibration')!;
    expect(loss.before).toMatchObject({ annual_loss_mean: simulation.result.mean, annual_loss_p90: p90, simulation_id: simulation.id });
    // Read off a 50-point loss exceedance curve with log-linear interpolation: within a few points of 0.9.
    expect(Math.abs(loss.after.percentile - 0.9)).toBeLessThan(0.03);
    await ok(app, 'POST', `/api/v1/proposals/${loss.id}/accept`, {});
    const calibration = await ok(app, 'GET', '/api/v1/risks/calibration');
    const entry = calibration.items.find((i: { risk_id: string }) => i.risk_id === risk.id);
    expect(entry.points).toEqual([expect.objectContaining({ realised_loss: p90, estimated_p90: p90, percentile: loss.after.percentile, incident_number: created.number })]);
    const history = (await ok(app, 'GET', `/api/v1/risks/${risk.id}/history`)).items as Array<{ action: string; changes: Record<string, unknown> }>;
    expect(history.find((h) => h.action === 'risk.loss_calibration')!.changes).toEqual({ realised_loss: { before: null, after: p90 }, loss_percentile: { before: null, after: loss.after.percentile } });
  });

  it('a playbook without an address is refused until the owner adds one; a new control ref must be free', async () => {
    const app = t();
    const risk = await newRisk(app);
    const taken = await ok(app, 'POST', '/api/v1/controls', { ref: `TAKEN-${Date.now()}`, title: 'Existing' }, undefined, 201);
    const { proposals } = await reviewed(app, async (id) => {
      await ok(app, 'POST', `/api/v1/incidents/${id}/action-items`, { title: 'Data leak playbook', kind: 'playbook_change', risk_id: risk.id }, undefined, 201);
      await ok(app, 'POST', `/api/v1/incidents/${id}/action-items`, { title: 'Export approval', kind: 'new_control' }, undefined, 201);
    });
    const playbook = proposals.find((p) => p.target_type === 'risk')!;
    expect(playbook.reasoning.text).toContain('URL');
    const refused = await app.call('POST', `/api/v1/proposals/${playbook.id}/accept`, { body: {} });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ path: 'after.playbooks.0.url', message: 'an http(s) address is required' }]);
    await ok(app, 'POST', `/api/v1/proposals/${playbook.id}/accept`, { after: { playbooks: [{ title: 'Data leak playbook', url: 'https://wiki.example.test/leak' }] } });
    expect((await ok(app, 'GET', `/api/v1/risks/${risk.id}`)).playbooks).toEqual([{ title: 'Data leak playbook', url: 'https://wiki.example.test/leak' }]);

    const control = proposals.find((p) => p.target_type === 'action_item')!;
    const clash = await app.call('POST', `/api/v1/proposals/${control.id}/accept`, { body: { after: { ref: taken.ref } } });
    expect(clash.statusCode).toBe(409);
    // Refused decisions leave the proposal pending.
    const rejected = await ok(app, 'POST', `/api/v1/proposals/${control.id}/reject`, {});
    expect(rejected).toMatchObject({ status: 'rejected', decision_note: null });
    expect((await app.call('POST', `/api/v1/proposals/${control.id}/reject`, { body: {} })).statusCode).toBe(409);
  });

  it('proposals of a restricted incident are hidden from non-members, in lists and decisions', async () => {
    const app = t();
    const owner = await app.user('risk_owner');
    const risk = await newRisk(app);
    const { incident, proposals } = await reviewed(app, async (id) => {
      await ok(app, 'POST', `/api/v1/incidents/${id}/risks`, { risk_id: risk.id }, undefined, 201);
    }, { restricted: true });
    expect(proposals.map((p) => p.kind).sort()).toEqual(['risk_frequency']);
    expect((await app.call('GET', `/api/v1/incidents/${incident.id}/review/proposals`, { token: owner.token })).statusCode).toBe(404);
    expect((await app.call('POST', `/api/v1/proposals/${proposals[0]!.id}/accept`, { token: owner.token, body: {} })).statusCode).toBe(404);
    const inbox = await ok(app, 'GET', '/api/v1/proposals?status=pending&limit=200', undefined, owner.token);
    expect(inbox.items.map((p: { id: string }) => p.id)).not.toContain(proposals[0]!.id);
    const adminInbox = await ok(app, 'GET', `/api/v1/proposals?status=pending&incident_id=${incident.id}`);
    expect(adminInbox.items.map((p: { id: string }) => p.id)).toEqual([proposals[0]!.id]);
    // Before a review exists the list is a 404; bad query values are 400.
    const fresh = await ok(app, 'POST', '/api/v1/incidents', { title: 'No review yet', category: 'malware' }, undefined, 201);
    expect((await app.call('GET', `/api/v1/incidents/${fresh.id}/review/proposals`)).statusCode).toBe(404);
    expect((await app.call('GET', '/api/v1/proposals?status=maybe')).statusCode).toBe(400);
    expect((await app.call('GET', '/api/v1/proposals?cursor=garbage')).statusCode).toBe(400);
    expect((await app.call('GET', '/api/v1/risks/RISK-9999/score-history')).statusCode).toBe(404);
  });
});
