import { expect, it } from 'vitest';
import { describeApiOnEachEngine } from '../../support/test-app.js';

/**
 * The whole loop through the API: an incident materialises a quantified risk and a control fails in
 * it → the review is written and completed → proposals → a risk owner accepts (one edited) and
 * rejects → the register and the control have changed, with history and audit entries that name
 * the incident, review and proposal; a target changed since its proposal is refused as stale (412)
 * with a fresh proposal.
 */
describeApiOnEachEngine('closed loop: review → proposals → register', (t) => {
  it('turns a completed review into decided register changes', async () => {
    const app = t();
    const owner = await app.user('risk_owner', 'Rita Risk');
    const manager = await app.user('incident_manager', 'Ian Manager');
    const responder = await app.user('responder', 'Rosa Responder');
    const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, body?: unknown, token?: string) => {
      const res = await app.call(method, url, { ...(body !== undefined ? { body } : {}), ...(token ? { token } : {}) });
      return res;
    };
    const ok = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, body?: unknown, token?: string, status = 200) => {
      const res = await call(method, url, body, token);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
      return res.json();
    };

    // The register: a quantified risk assessed by hand at low × high, relying on an EDR control rated 80 %.
    const risk = await ok('POST', '/api/v1/risks', {
      title: 'Ransomware through phishing',
      category: 'cyber_attack',
      inherent_likelihood: 'moderate',
      inherent_impact: 'high',
      residual_likelihood: 'low',
      residual_impact: 'high',
      fair_inputs: { threat_event_frequency: { min: 1, most_likely: 2, max: 4 }, vulnerability: 0.5, primary_loss: { min: 1000, most_likely: 5000, max: 20000 } },
    }, undefined, 201);
    const edr = await ok('POST', '/api/v1/controls', { ref: 'ACME-EDR', title: 'Endpoint detection and response', implementation_status: 'implemented', effectiveness: 80 }, undefined, 201);
    const mail = await ok('POST', '/api/v1/controls', { ref: 'ACME-MAIL', title: 'Mail filtering', implementation_status: 'implemented', effectiveness: 60 }, undefined, 201);
    await ok('POST', `/api/v1/risks/${risk.id}/controls`, { control_id: edr.id, status: 'done' }, undefined, 201);

    // The incident: linked to the risk; EDR failed, mail filtering detected it.
    const incident = await ok('POST', '/api/v1/incidents', { title: 'Ransomware on FS-01', category: 'malware', severity: 1 }, undefined, 201);
    await ok('POST', `/api/v1/incidents/${incident.id}/risks`, { risk_id: risk.id }, undefined, 201);
    await ok('POST', `/api/v1/incidents/${incident.id}/control-outcomes`, { control_id: edr.id, outcome: 'failed', note: 'EDR agent was disabled' }, undefined, 201);
    await ok('POST', `/api/v1/incidents/${incident.id}/control-outcomes`, { control_id: mail.id, outcome: 'detected' }, undefined, 201);
    await ok('POST', `/api/v1/incidents/${incident.id}/action-items`, { title: 'Ransomware playbook', kind: 'playbook_change', risk_id: risk.id, description: 'Use https://wiki.example.test/playbooks/ransomware' }, undefined, 201);
    await ok('POST', `/api/v1/incidents/${incident.id}/action-items`, { title: 'Tamper protection for EDR agents', kind: 'new_control', risk_id: risk.id, owner_id: manager.id }, undefined, 201);

    // The review, written by a responder and completed by the incident manager.
    await ok('PUT', `/api/v1/incidents/${incident.id}/review`, {
      summary: 'Ransomware encrypted FS-01 after a phishing mail.',
      root_causes: [{ statement: 'EDR agent disabled on FS-01', kind: 'root', whys: ['Agent crashed', 'No alert on agent health'], risk_id: risk.id }],
      lessons: ['Alert when an EDR agent stops reporting'],
      impact: { realised_loss: { response: 8000, productivity: 4000 } },
    }, responder.token, 201);
    const completed = await ok('POST', `/api/v1/incidents/${incident.id}/review/complete`, undefined, manager.token);
    expect(completed.proposals.length).toBe(6);

    const listed = await ok('GET', `/api/v1/incidents/${incident.id}/review/proposals`, undefined, owner.token);
    const proposals = listed.items as Array<Record<string, any>>;
    const find = (kind: string, target?: string) => proposals.find((p) => p.kind === kind && (target === undefined || p.target_id === target || p.after.ref !== undefined && target === 'new_control'))!;
    expect(proposals.map((p) => p.kind).sort()).toEqual(['action_item', 'action_item', 'control_effectiveness', 'control_evidence', 'loss_calibration', 'risk_frequency']);
    expect(proposals.every((p) => p.status === 'pending' && p.incident_number === incident.number)).toBe(true);

    // Frequency: prior from the "low" band, √(0.1 × 1) = 0.316228 a year worth 1 year → Gamma(0.316228, 1);
    // one incident within the first month counts as 1/12 year → Gamma(1.316228, 1.083333), mean 1.214979
    // (moderate: [1, 10)). The FAIR TEF scales by 1.214979 / 0.316228 = 3.842083.
    const frequency = find('risk_frequency');
    expect(frequency.target_label).toBe(`${risk.number} Ransomware through phishing`);
    expect(frequency.after).toMatchObject({ annual_rate: 1.215, rate_confidence_years: 1.083, residual_likelihood: 'moderate', residual_impact: 'high' });
    expect(frequency.after.fair_inputs.threat_event_frequency).toEqual({ min: 3.842, most_likely: 7.684, max: 15.37 });
    expect(frequency.reasoning.steps.map((s: { label: string }) => s.label)).toEqual(['Prior', 'Observed', 'Posterior', 'Likelihood level', 'FAIR threat event frequency']);
    expect(frequency.reasoning.text).toContain(incident.number);

    const failed = find('control_effectiveness');
    expect(failed).toMatchObject({ target_type: 'control', target_id: edr.id, before: { effectiveness: 80 }, after: { effectiveness: 40 } });
    const evidence = find('control_evidence');
    expect(evidence).toMatchObject({ target_type: 'control', target_id: mail.id });
    const loss = find('loss_calibration');
    expect(loss.after).toEqual({ realised_loss: 12000, percentile: null });
    const playbook = proposals.find((p) => p.kind === 'action_item' && p.target_type === 'risk')!;
    expect(playbook.after.playbooks).toEqual([{ title: 'Ransomware playbook', url: 'https://wiki.example.test/playbooks/ransomware' }]);
    const newControl = proposals.find((p) => p.kind === 'action_item' && p.target_type === 'action_item')!;
    expect(newControl.after).toMatchObject({ title: 'Tamper protection for EDR agents', implementation_status: 'planned', risk_id: risk.id, owner_id: manager.id });

    // Nothing changed in the register yet.
    expect(await ok('GET', `/api/v1/risks/${risk.id}`)).toMatchObject({ version: frequency.target_version, annual_rate: null, residual_likelihood: 'low', playbooks: [] });

    // Deciding needs risk.write; edited values are checked at the edge and against the proposal.
    expect((await call('POST', `/api/v1/proposals/${frequency.id}/accept`, {}, responder.token)).statusCode).toBe(403);
    const foreign = await call('POST', `/api/v1/proposals/${frequency.id}/accept`, { after: { effectiveness: 10 } }, owner.token);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].path).toBe('body.after.effectiveness');
    expect((await call('POST', `/api/v1/proposals/${frequency.id}/accept`, { after: { annual_rate: -1 } }, owner.token)).statusCode).toBe(400);
    expect((await call('POST', `/api/v1/proposals/${frequency.id}/accept`, { after: { bogus: 1 } }, owner.token)).statusCode).toBe(400);
    expect((await call('POST', '/api/v1/proposals/prp_nope/accept', {}, owner.token)).statusCode).toBe(404);

    // 1. Accept the frequency update, edited: 1.5 a year.
    const accepted = await ok('POST', `/api/v1/proposals/${frequency.id}/accept`, { after: { annual_rate: 1.5 }, note: 'Rounded up: two near misses last quarter' }, owner.token);
    expect(accepted).toMatchObject({ status: 'accepted', decided_by: owner.id, decision_note: 'Rounded up: two near misses last quarter', after: { annual_rate: 1.5 } });
    expect((await call('POST', `/api/v1/proposals/${frequency.id}/accept`, {}, owner.token)).statusCode).toBe(409);
    const changed = await ok('GET', `/api/v1/risks/${risk.id}`);
    expect(changed).toMatchObject({ annual_rate: 1.5, rate_confidence_years: 1.083, residual_likelihood: 'moderate', residual_impact: 'high' });
    expect(changed.fair_inputs.threat_event_frequency).toEqual({ min: 3.842, most_likely: 7.684, max: 15.37 });
    const history = (await ok('GET', `/api/v1/risks/${risk.id}/history?limit=200`)).items as Array<Record<string, any>>;
    const entry = history.find((h) => h.action === 'risk.frequency_update')!;
    expect(entry.source).toEqual({ incident_id: incident.id, review_id: completed.review.id, proposal_id: frequency.id });
    expect(entry.changes.annual_rate).toEqual({ before: null, after: 1.5 });
    expect(entry.reason).toBe('Rounded up: two near misses last quarter');
    const audit = async (targetId: string) => (await app.system.database.db.selectFrom('audit_log').select(['action', 'details']).where('target_id', '=', targetId).orderBy('id').execute()).map((a) => a.action);
    expect(await audit(frequency.id)).toEqual(['proposal.accepted']);
    expect(await audit(risk.id)).toContain('risk.frequency_update');

    // 2. The playbook proposal saw the risk before that change: stale, 412 with a fresh proposal.
    const staleAnswer = await call('POST', `/api/v1/proposals/${playbook.id}/accept`, {}, owner.token);
    expect(staleAnswer.statusCode, staleAnswer.body).toBe(412);
    const fresh = staleAnswer.json().fresh_proposal;
    expect(fresh).toMatchObject({ kind: 'action_item', status: 'pending', target_id: risk.id, target_version: changed.version, action_item_id: playbook.action_item_id });
    expect(fresh.id).not.toBe(playbook.id);
    const afterStale = (await ok('GET', `/api/v1/incidents/${incident.id}/review/proposals`, undefined, owner.token)).items as Array<Record<string, any>>;
    expect(afterStale.find((p) => p.id === playbook.id)!.status).toBe('stale');
    expect((await call('POST', `/api/v1/proposals/${playbook.id}/accept`, {}, owner.token)).statusCode).toBe(409);
    await ok('POST', `/api/v1/proposals/${fresh.id}/accept`, {}, owner.token);
    expect((await ok('GET', `/api/v1/risks/${risk.id}`)).playbooks).toEqual([{ title: 'Ransomware playbook', url: 'https://wiki.example.test/playbooks/ransomware' }]);

    // 3. Reject the evidence proposal: the control stays as it was.
    const rejected = await ok('POST', `/api/v1/proposals/${evidence.id}/reject`, { note: 'Detected too late to count' }, owner.token);
    expect(rejected).toMatchObject({ status: 'rejected', decision_note: 'Detected too late to count', applied: null });
    expect((await ok('GET', `/api/v1/controls/${mail.id}`))).toMatchObject({ version: mail.version, last_tested_at: null });

    // 4. Accept the failed control's lower effectiveness: 80 → 40, tested within 30 days, the outcome in its evidence.
    await ok('POST', `/api/v1/proposals/${failed.id}/accept`, {}, owner.token);
    const control = await ok('GET', `/api/v1/controls/${edr.id}`);
    expect(control.effectiveness).toBe(40);
    expect(Date.parse(control.next_test_at) - Date.now()).toBeLessThanOrEqual(30 * 86_400_000);
    expect(control.evidence_notes).toContain(`${incident.number}: failed — EDR agent was disabled`);
    const controlAudit = await app.system.database.db.selectFrom('audit_log').select(['action', 'details']).where('target_id', '=', edr.id).where('action', '=', 'control.updated').execute();
    expect(JSON.stringify(controlAudit.map((a) => a.details))).toContain(failed.id);

    // 5. The loss calibration is stale too (the risk moved); its fresh proposal is accepted and shows in the calibration view.
    const lossStale = await call('POST', `/api/v1/proposals/${loss.id}/accept`, {}, owner.token);
    expect(lossStale.statusCode).toBe(412);
    await ok('POST', `/api/v1/proposals/${lossStale.json().fresh_proposal.id}/accept`, {}, owner.token);
    const calibration = await ok('GET', '/api/v1/risks/calibration', undefined, owner.token);
    const point = calibration.items.find((i: { risk_id: string }) => i.risk_id === risk.id);
    expect(point.points).toEqual([expect.objectContaining({ incident_id: incident.id, realised_loss: 12000, percentile: null })]);

    // 6. The new control, with an edited ref: created as planned and relied on by the risk.
    const created = await ok('POST', `/api/v1/proposals/${newControl.id}/accept`, { after: { ref: 'ACME-EDR-TAMPER' } }, owner.token);
    expect(created.applied).toMatchObject({ created_type: 'control', ref: 'ACME-EDR-TAMPER', risk_id: risk.id });
    const detail = await ok('GET', `/api/v1/risks/${risk.id}`);
    expect(detail.controls.map((c: { ref: string }) => c.ref).sort()).toEqual(['ACME-EDR', 'ACME-EDR-TAMPER']);

    // The score over time carries the incident: entries from its proposals and a marker at its detection.
    const scores = await ok('GET', `/api/v1/risks/${risk.id}/score-history`, undefined, owner.token);
    expect(scores.incidents).toEqual([{ id: incident.id, number: incident.number, title: incident.title, at: incident.detected_at }]);
    expect(scores.points.filter((p: { incident_id: string | null }) => p.incident_id === incident.id).map((p: { action: string }) => p.action)).toEqual(expect.arrayContaining(['risk.frequency_update', 'risk.loss_calibration']));

    // Nothing is left pending for this incident.
    const pending = await ok('GET', `/api/v1/proposals?status=pending&incident_id=${incident.id}`, undefined, owner.token);
    expect(pending.items).toEqual([]);
  });
});
