import { describe, expect, it } from 'vitest';
import { createRisk } from '../../../src/services/risks/create-risk.js';
import { describeApiOnEachEngine, type TestApp } from '../../support/test-app.js';

let sequence = 0;
const nextRef = () => `ACME-${(sequence += 1)}-${Math.random().toString(36).slice(2, 6)}`;

async function customControl(t: TestApp, extra: Record<string, unknown> = {}) {
  const res = await t.call('POST', '/api/v1/controls', { body: { ref: nextRef(), title: 'Offline backups', ...extra } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; ref: string; version: number };
}

/** A risk at high likelihood × high impact: inherent level high on the default matrix. */
async function highRisk(t: TestApp, title = 'Ransomware encrypts the file servers') {
  return (await createRisk(t.system, { title, category: 'cyber_attack', inherent_likelihood: 'high', inherent_impact: 'high' })).risk;
}

describeApiOnEachEngine('controls API', (t) => {
  const residual = async (riskId: string) => (await t().system.database.db.selectFrom('risks').select(['residual_level', 'version']).where('id', '=', riskId).executeTakeFirstOrThrow()).residual_level;
  const history = async (riskId: string) => (await t().system.database.db.selectFrom('risk_history').select(['action', 'residual_level', 'reason']).where('risk_id', '=', riskId).orderBy('at').orderBy('id').execute());
  const controlCount = async () => Number((await t().system.database.db.selectFrom('controls').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('adds a custom control, reads it, records its assessment with If-Match, and audits each change', async () => {
    const owner = await t().user('risk_owner');
    const created = await t().call('POST', '/api/v1/controls', { body: { ref: 'ACME-BACKUP-1', title: 'Offline backups', family: 'Resilience', description: 'Weekly, off site', implementation_status: 'planned', owner_id: owner.id } });
    expect(created.statusCode, created.body).toBe(201);
    const control = created.json();
    expect(control).toMatchObject({ catalog_id: null, catalog_name: null, ref: 'ACME-BACKUP-1', family: 'Resilience', implementation_status: 'planned', owner_id: owner.id, effectiveness: null, version: 1 });
    expect((await t().call('POST', '/api/v1/controls', { body: { ref: 'ACME-BACKUP-1', title: 'Again' } })).statusCode).toBe(409);

    const patched = await t().call('PATCH', `/api/v1/controls/${control.id}`, {
      body: { implementation_status: 'implemented', effectiveness: 80, maturity: 4, last_tested_at: '2026-11-01T10:00:00+01:00', next_test_at: '2027-05-01T00:00:00Z', evidence_notes: 'Restore test passed', title: 'Offline, immutable backups' },
      headers: { 'if-match': '"1"' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ implementation_status: 'implemented', effectiveness: 80, maturity: 4, last_tested_at: '2026-11-01T09:00:00.000Z', title: 'Offline, immutable backups', version: 2 });
    expect(patched.headers.etag).toBe('"2"');
    expect((await t().call('PATCH', `/api/v1/controls/${control.id}`, { body: { maturity: 5 }, headers: { 'if-match': '"1"' } })).statusCode).toBe(412);
    expect((await t().call('PATCH', `/api/v1/controls/${control.id}`, { body: { maturity: 5 } })).statusCode).toBe(428);
    const detail = (await t().call('GET', `/api/v1/controls/${control.id}`)).json();
    expect(detail).toMatchObject({ id: control.id, risks: [], evidence_notes: 'Restore test passed' });
    const audit = await t().system.database.db.selectFrom('audit_log').select('action').where('target_id', '=', control.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['control.created', 'control.updated']);
  });

  it('keeps the text of a catalog control to its catalog', async () => {
    const starter = (await t().call('POST', '/api/v1/control-catalogs/starter')).json();
    const gv = (await t().call('GET', '/api/v1/controls', { query: { catalog_id: starter.catalog.id, q: 'GV.OC' } })).json().items[0];
    const res = await t().call('PATCH', `/api/v1/controls/${gv.id}`, { body: { title: 'Mine now' }, headers: { 'if-match': `"${gv.version}"` } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'body.title', message: 'only custom controls can change it' }]);
  });

  it('lists controls by catalog, family, status, text and reliance, paged', async () => {
    const family = `Family ${nextRef()}`;
    const a = await customControl(t(), { family, title: 'Endpoint detection', implementation_status: 'implemented' });
    const b = await customControl(t(), { family, title: 'Phishing training' });
    const c = await customControl(t(), { family, title: 'Endpoint hardening', implementation_status: 'partially_implemented' });
    const ids = async (query: Record<string, string>) => (await t().call('GET', '/api/v1/controls', { query: { family, ...query } })).json().items.map((x: { id: string }) => x.id);
    expect(await ids({})).toEqual([a.id, b.id, c.id]);
    expect(await ids({ catalog_id: 'custom' })).toEqual([a.id, b.id, c.id]);
    expect(await ids({ implementation_status: 'implemented,partially_implemented' })).toEqual([a.id, c.id]);
    expect(await ids({ q: 'endpoint' })).toEqual([a.id, c.id]);
    expect(await ids({ q: b.ref })).toEqual([b.id]);
    const risk = await highRisk(t(), 'Phishing steals credentials');
    expect((await t().call('POST', `/api/v1/risks/${risk.id}/controls`, { body: { control_id: b.id } })).statusCode).toBe(201);
    expect(await ids({ relied_on: 'true' })).toEqual([b.id]);
    expect(await ids({ relied_on: 'false' })).toEqual([a.id, c.id]);
    const first = (await t().call('GET', '/api/v1/controls', { query: { family, limit: '2' } })).json();
    expect(first.items).toHaveLength(2);
    const second = (await t().call('GET', '/api/v1/controls', { query: { family, limit: '2', cursor: first.next_cursor } })).json();
    expect(second.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
    expect(second.next_cursor).toBeNull();
  });

  it('re-scores a risk when it starts or stops relying on a control, and when the control\'s effectiveness or status changes', async () => {
    const risk = await highRisk(t());
    expect(await residual(risk.id)).toBe('high');
    const control = await customControl(t());

    const linked = await t().call('POST', `/api/v1/risks/${risk.number}/controls`, { body: { control_id: control.id, status: 'in_progress', due_at: '2027-01-31T00:00:00Z', note: 'Roll out to all sites' } });
    expect(linked.statusCode, linked.body).toBe(201);
    expect(linked.json()).toMatchObject({ risk_id: risk.id, control_id: control.id, ref: control.ref, status: 'in_progress', due_at: '2027-01-31T00:00:00.000Z', implementation_status: 'not_implemented', version: 1 });
    // Not implemented yet: no reduction, but the link is in the risk's history.
    expect(await residual(risk.id)).toBe('high');
    expect((await history(risk.id)).at(-1)).toMatchObject({ action: 'risk.control_linked', residual_level: 'high' });

    // Implemented at 50 %: likelihood two steps down (high → low), and low × high is low on SP 800-30's table.
    const patched = await t().call('PATCH', `/api/v1/controls/${control.id}`, { body: { implementation_status: 'implemented', effectiveness: 50 }, headers: { 'if-match': '"1"' } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(await residual(risk.id)).toBe('low');
    expect((await history(risk.id)).at(-1)).toMatchObject({ action: 'control.update', residual_level: 'low' });
    expect((await history(risk.id)).at(-1)!.reason).toContain(control.ref);

    // Only partially implemented: half the effect (25 %), one step: moderate × high = moderate.
    await t().call('PATCH', `/api/v1/controls/${control.id}`, { body: { implementation_status: 'partially_implemented' }, headers: { 'if-match': '"2"' } });
    expect(await residual(risk.id)).toBe('moderate');
    // Evidence notes do not score: no new history entry.
    const entries = (await history(risk.id)).length;
    await t().call('PATCH', `/api/v1/controls/${control.id}`, { body: { evidence_notes: 'Pilot sites only' }, headers: { 'if-match': '"3"' } });
    expect((await history(risk.id)).length).toBe(entries);

    const risks = (await t().call('GET', `/api/v1/controls/${control.id}`)).json().risks;
    expect(risks).toEqual([expect.objectContaining({ id: risk.id, number: risk.number, residual_level: 'moderate', link_status: 'in_progress', due_at: '2027-01-31T00:00:00.000Z', note: 'Roll out to all sites' })]);

    const moved = await t().call('PATCH', `/api/v1/risks/${risk.id}/controls/${control.id}`, { body: { status: 'done' }, headers: { 'if-match': '"1"' } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'done', version: 2 });
    expect((await t().call('PATCH', `/api/v1/risks/${risk.id}/controls/${control.id}`, { body: { status: 'planned' }, headers: { 'if-match': '"1"' } })).statusCode).toBe(412);
    expect((await history(risk.id)).at(-1)).toMatchObject({ action: 'risk.control_updated' });

    expect((await t().call('DELETE', `/api/v1/risks/${risk.id}/controls/${control.id}`)).statusCode).toBe(204);
    expect(await residual(risk.id)).toBe('high');
    expect((await history(risk.id)).at(-1)).toMatchObject({ action: 'risk.control_unlinked', residual_level: 'high' });
    expect((await t().call('DELETE', `/api/v1/risks/${risk.id}/controls/${control.id}`)).statusCode).toBe(404);
  });

  it('shows coverage: risks with their controls, controls by how many risks rely on them, and uncovered risks', async () => {
    const before = (await t().call('GET', '/api/v1/controls/coverage')).json();
    const shared = await customControl(t(), { title: 'MFA everywhere', implementation_status: 'implemented', effectiveness: 60 });
    const single = await customControl(t(), { title: 'Payment approval', implementation_status: 'implemented', effectiveness: 30 });
    const r1 = await highRisk(t(), 'Account takeover');
    const r2 = await highRisk(t(), 'Invoice fraud');
    await highRisk(t(), 'Nothing covers this');
    for (const [risk, control] of [[r1, shared], [r2, shared], [r2, single]] as const) {
      expect((await t().call('POST', `/api/v1/risks/${risk.id}/controls`, { body: { control_id: control.id } })).statusCode).toBe(201);
    }
    const coverage = (await t().call('GET', '/api/v1/controls/coverage')).json();
    expect(coverage.uncovered_risks).toBe(before.uncovered_risks + 1);
    const byId = new Map(coverage.risks.map((r: { id: string }) => [r.id, r]));
    expect(byId.get(r2.id)).toMatchObject({ number: r2.number, title: 'Invoice fraud', controls: expect.arrayContaining([{ id: shared.id, ref: shared.ref, title: 'MFA everywhere', effectiveness: 60 }, { id: single.id, ref: single.ref, title: 'Payment approval', effectiveness: 30 }]) });
    expect(byId.get(r1.id)).toMatchObject({ residual_level: 'low', controls: [expect.objectContaining({ id: shared.id })] });
    const ranks = coverage.controls.map((c: { id: string }) => c.id);
    expect(ranks.indexOf(shared.id)).toBeLessThan(ranks.indexOf(single.id));
    expect(coverage.controls.find((c: { id: string }) => c.id === shared.id)).toEqual({ id: shared.id, ref: shared.ref, title: 'MFA everywhere', implementation_status: 'implemented', effectiveness: 60, risk_count: 2 });
    const levels = coverage.risks.map((r: { residual_level: string }) => ['very_low', 'low', 'moderate', 'high', 'very_high'].indexOf(r.residual_level));
    expect(levels).toEqual([...levels].sort((a, b) => b - a));
  });

  describe('bad input: a problem naming the field, and nothing written', () => {
    it.each([
      ['effectiveness 101', { effectiveness: 101 }, 'body.effectiveness'],
      ['effectiveness -1', { effectiveness: -1 }, 'body.effectiveness'],
      ['a fractional effectiveness', { effectiveness: 50.5 }, 'body.effectiveness'],
      ['maturity 6', { maturity: 6 }, 'body.maturity'],
      ['maturity 0', { maturity: 0 }, 'body.maturity'],
      ['an unknown status', { implementation_status: 'sort_of' }, 'body.implementation_status'],
      ['a test date that is no date', { next_test_at: 'next tuesday' }, 'body.next_test_at'],
      ['an owner who is no user', { owner_id: 'usr_nobody' }, 'body.owner_id'],
      ['an unknown field', { colour: 'red' }, 'body'],
    ])('refuses %s on a new control and on an edit', async (_label, fields, path) => {
      const before = await controlCount();
      const created = await t().call('POST', '/api/v1/controls', { body: { ref: nextRef(), title: 'Bad', ...fields } });
      expect(created.statusCode, created.body).toBe(400);
      expect(created.json().errors.map((e: { path: string }) => e.path).join(' ')).toContain(path);
      expect(await controlCount()).toBe(before);
      const control = await customControl(t());
      const edited = await t().call('PATCH', `/api/v1/controls/${control.id}`, { body: fields, headers: { 'if-match': '"1"' } });
      expect(edited.statusCode, edited.body).toBe(400);
      expect((await t().call('GET', `/api/v1/controls/${control.id}`)).json().version).toBe(1);
    });

    it('refuses a link to an unknown control (400), a second link (409), an unknown risk (404), and a bad link status', async () => {
      const risk = await highRisk(t());
      const control = await customControl(t());
      const unknown = await t().call('POST', `/api/v1/risks/${risk.id}/controls`, { body: { control_id: 'ctl_nothing' } });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().errors).toEqual([{ path: 'body.control_id', message: 'unknown control' }]);
      expect((await t().call('POST', `/api/v1/risks/rsk_nothing/controls`, { body: { control_id: control.id } })).statusCode).toBe(404);
      expect((await t().call('POST', `/api/v1/risks/${risk.id}/controls`, { body: { control_id: control.id, status: 'someday' } })).statusCode).toBe(400);
      expect((await t().call('POST', `/api/v1/risks/${risk.id}/controls`, { body: { control_id: control.id } })).statusCode).toBe(201);
      expect((await t().call('POST', `/api/v1/risks/${risk.id}/controls`, { body: { control_id: control.id } })).statusCode).toBe(409);
      expect((await t().call('PATCH', `/api/v1/risks/${risk.id}/controls/ctl_nothing`, { body: { status: 'done' } })).statusCode).toBe(404);
      expect((await t().call('GET', '/api/v1/controls/ctl_nothing')).statusCode).toBe(404);
    });
  });

  it('lets risk owners and administrators change controls and links; every role reads them', async () => {
    const control = await customControl(t());
    const risk = await highRisk(t());
    for (const role of ['incident_manager', 'responder', 'analyst', 'stakeholder', 'auditor'] as const) {
      const { token } = await t().user(role);
      expect((await t().call('POST', '/api/v1/controls', { token, body: { ref: nextRef(), title: 'x' } })).statusCode, role).toBe(403);
      expect((await t().call('PATCH', `/api/v1/controls/${control.id}`, { token, body: { maturity: 2 }, headers: { 'if-match': '"1"' } })).statusCode, role).toBe(403);
      expect((await t().call('POST', `/api/v1/risks/${risk.id}/controls`, { token, body: { control_id: control.id } })).statusCode, role).toBe(403);
      expect((await t().call('GET', `/api/v1/controls/${control.id}`, { token })).statusCode, role).toBe(200);
      expect((await t().call('GET', '/api/v1/controls/coverage', { token })).statusCode, role).toBe(200);
    }
    const owner = await t().user('risk_owner');
    expect((await t().call('POST', `/api/v1/risks/${risk.id}/controls`, { token: owner.token, body: { control_id: control.id } })).statusCode).toBe(201);
    expect((await t().call('GET', '/api/v1/controls', { token: null })).statusCode).toBe(401);
  });
});
