import { beforeAll, expect, it } from 'vitest';
import { describeApiOnEachEngine, type TestUser } from '../../support/test-app.js';
import { openIncident, uploadEvidence } from './fixtures.js';

describeApiOnEachEngine('evidence legal hold', (t) => {
  let incident: any;
  let manager: TestUser;
  let responder: TestUser;
  beforeAll(async () => {
    incident = await openIncident(t());
    manager = await t().user('incident_manager', 'Mia Manager');
    responder = await t().user('responder');
  });
  const hold = (id: string, body: unknown, token?: string) => t().call('POST', `/api/v1/evidence/${id}/hold`, { body, ...(token === undefined ? {} : { token }) });
  const lift = (id: string, body: unknown, token?: string) => t().call('DELETE', `/api/v1/evidence/${id}/hold`, { body, ...(token === undefined ? {} : { token }) });
  const custody = async (id: string) => (await t().call('GET', `/api/v1/evidence/${id}/custody`)).json().items as any[];
  const timeline = async () => (await t().call('GET', `/api/v1/incidents/${incident.id}/timeline`, { query: { limit: '200' } })).json().items as any[];
  const audit = (id: string, action: string) => t().system.database.db.selectFrom('audit_log').selectAll().where('target_id', '=', id).where('action', '=', action).execute();
  const item = (name: string) => uploadEvidence(t(), incident.id, { name, content: `content of ${name}` });

  it('places a hold that blocks deletion for everyone, administrators included, until it is lifted', async () => {
    const evidence = await item('held.bin');
    const placed = await hold(evidence.id, { reason: 'Litigation hold, matter 2026-117' }, manager.token);
    expect(placed.statusCode, placed.body).toBe(200);
    expect(placed.json()).toMatchObject({ legal_hold: true, legal_hold_reason: 'Litigation hold, matter 2026-117', version: evidence.version + 1 });
    expect((await custody(evidence.id)).at(-1)).toMatchObject({ action: 'hold_placed', actor: { id: manager.id }, details: { reason: 'Litigation hold, matter 2026-117' } });
    expect((await timeline()).filter((e) => e.kind === 'evidence_hold')).toHaveLength(1);
    expect(await audit(evidence.id, 'evidence.hold_place')).toHaveLength(1);

    for (const token of [t().admin.token, manager.token]) {
      for (const [method, url] of [['DELETE', `/api/v1/evidence/${evidence.id}`], ['POST', `/api/v1/evidence/${evidence.id}/release`]] as const) {
        const refused = await t().call(method, url, { token, body: { reason: 'no longer needed' } });
        expect(refused.statusCode, refused.body).toBe(409);
        expect(refused.json().detail).toMatch(/under legal hold since \S+Z, reason: Litigation hold, matter 2026-117/);
        expect(refused.json()).toMatchObject({ legal_hold: true, legal_hold_reason: 'Litigation hold, matter 2026-117' });
      }
    }
    expect((await hold(evidence.id, { reason: 'again' })).statusCode).toBe(409);

    const lifted = await lift(evidence.id, { reason: 'Matter settled' }, manager.token);
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(lifted.json()).toMatchObject({ legal_hold: false, legal_hold_reason: '' });
    expect((await custody(evidence.id)).at(-1)).toMatchObject({ action: 'hold_lifted', details: { reason: 'Matter settled', hold_reason: 'Litigation hold, matter 2026-117' } });
    expect((await lift(evidence.id, { reason: 'again' })).statusCode).toBe(409);
    expect((await t().call('DELETE', `/api/v1/evidence/${evidence.id}`, { body: { reason: 'no longer needed' } })).statusCode).toBe(202);
  });

  it('cancels a disposal request waiting for approval (a custody event by the system)', async () => {
    const evidence = await item('pending.bin');
    const requested = await t().call('DELETE', `/api/v1/evidence/${evidence.id}`, { token: manager.token, body: { reason: 'duplicate copy' } });
    expect(requested.statusCode, requested.body).toBe(202);
    expect(requested.json().disposal_request).toMatchObject({ action: 'destroy' });
    const placed = await hold(evidence.id, { reason: 'Regulator inquiry' });
    expect(placed.statusCode, placed.body).toBe(200);
    expect(placed.json().disposal_request).toBeNull();
    const events = await custody(evidence.id);
    expect(events.slice(-2).map((e) => e.action)).toEqual(['hold_placed', 'disposal_rejected']);
    expect(events.at(-1)).toMatchObject({ actor: { id: 'system' }, details: { note: 'legal hold placed', action: 'destroy' } });
    const approve = await t().call('POST', `/api/v1/evidence/${evidence.id}/disposal/approve`, { body: {} });
    expect(approve.statusCode).toBe(409);
  });

  it('refuses without a reason (400, nothing written), to roles without evidence.manage (403) and to strangers (401)', async () => {
    const evidence = await item('refused.bin');
    const before = (await custody(evidence.id)).length;
    for (const body of [{}, { reason: '   ' }, { reason: 'x', extra: 1 }]) {
      const res = await hold(evidence.id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await hold(evidence.id, { reason: 'r' }, responder.token)).statusCode).toBe(403);
    expect((await lift(evidence.id, { reason: 'r' }, responder.token)).statusCode).toBe(403);
    expect((await hold(evidence.id, { reason: 'r' }, null as unknown as string)).statusCode).toBe(401);
    expect((await hold('evd_unknown', { reason: 'r' })).statusCode).toBe(404);
    expect(await custody(evidence.id)).toHaveLength(before);
    expect((await t().call('GET', `/api/v1/evidence/${evidence.id}`)).json()).toMatchObject({ legal_hold: false, version: evidence.version });
  });
});
