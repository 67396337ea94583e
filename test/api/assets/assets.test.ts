import { describe, expect, it } from 'vitest';
import { readJson } from '../../../src/store/dialect.js';
import { createRisk } from '../../../src/services/risks/create-risk.js';
import { describeApiOnEachEngine, type TestApp } from '../../support/test-app.js';

let sequence = 0;
const asset = (extra: Record<string, unknown> = {}) => ({ name: `Asset ${(sequence += 1)} ${Math.random().toString(36).slice(2, 6)}`, kind: 'system', criticality: 'high', ...extra });

async function make(t: TestApp, extra: Record<string, unknown> = {}) {
  const res = await t.call('POST', '/api/v1/assets', { body: asset(extra) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string; version: number };
}

describeApiOnEachEngine('assets API', (t) => {
  const assetCount = async () => Number((await t().system.database.db.selectFrom('assets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('creates, reads, edits with If-Match and retires an asset, auditing each change', async () => {
    const owner = await t().user('risk_owner');
    const created = await t().call('POST', '/api/v1/assets', {
      body: { name: 'Payroll service', kind: 'business_service', criticality: 'very_high', owner_id: owner.id, description: 'Pays people', data_classifications: ['personal_data', 'payment', 'personal_data'], jurisdictions: ['de', 'EU'], tags: ['HR', 'hr '] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const payroll = created.json();
    expect(payroll).toMatchObject({ name: 'Payroll service', kind: 'business_service', criticality: 'very_high', owner_id: owner.id, data_classifications: ['personal_data', 'payment'], jurisdictions: ['DE', 'EU'], tags: ['hr'], retired_at: null, version: 1 });
    expect(created.headers.location).toBe(`/api/v1/assets/${payroll.id}`);

    const read = await t().call('GET', `/api/v1/assets/${payroll.id}`);
    expect(read.headers.etag).toBe('"1"');
    expect(read.json()).toMatchObject({ id: payroll.id, depends_on: [], dependents: [], risks: [] });

    const edited = await t().call('PATCH', `/api/v1/assets/${payroll.id}`, { body: { criticality: 'moderate', jurisdictions: ['FR'] }, headers: { 'if-match': '"1"' } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ criticality: 'moderate', jurisdictions: ['FR'], version: 2 });
    expect((await t().call('PATCH', `/api/v1/assets/${payroll.id}`, { body: { criticality: 'low' }, headers: { 'if-match': '"1"' } })).statusCode).toBe(412);
    expect((await t().call('PATCH', `/api/v1/assets/${payroll.id}`, { body: { criticality: 'low' } })).statusCode).toBe(428);

    expect((await t().call('DELETE', `/api/v1/assets/${payroll.id}`)).statusCode).toBe(204);
    const retired = (await t().call('GET', `/api/v1/assets/${payroll.id}`)).json();
    expect(retired.retired_at).not.toBeNull();
    expect(retired.version).toBe(3);
    const listed = (await t().call('GET', '/api/v1/assets', { query: { q: 'Payroll', limit: '200' } })).json();
    expect(listed.items.map((a: { id: string }) => a.id)).not.toContain(payroll.id);
    const withRetired = (await t().call('GET', '/api/v1/assets', { query: { q: 'Payroll', include_retired: 'true' } })).json();
    expect(withRetired.items.map((a: { id: string }) => a.id)).toContain(payroll.id);
    expect((await t().call('DELETE', `/api/v1/assets/${payroll.id}`)).statusCode).toBe(204);
    const back = await t().call('PATCH', `/api/v1/assets/${payroll.id}`, { body: { retired: false }, headers: { 'if-match': '"3"' } });
    expect(back.json()).toMatchObject({ retired_at: null, version: 4 });

    const audit = await t().system.database.db.selectFrom('audit_log').select(['action', 'details']).where('target_id', '=', payroll.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['asset.created', 'asset.updated', 'asset.retired', 'asset.updated']);
    expect(readJson<{ changes: unknown }>(audit[1]!.details).changes).toEqual({ criticality: { before: 'very_high', after: 'moderate' }, jurisdictions: { before: ['DE', 'EU'], after: ['FR'] } });
  });

  it('filters by kind, criticality, data classification and text, paged by name', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    await make(t(), { name: `${tag} alpha`, kind: 'supplier', criticality: 'low', data_classifications: ['secrets'] });
    await make(t(), { name: `${tag} bravo`, kind: 'data_store', criticality: 'high', data_classifications: ['personal_data', 'secrets'] });
    await make(t(), { name: `${tag} charlie`, kind: 'data_store', criticality: 'low', description: 'has the word zebra' });
    const names = async (query: Record<string, string>) => (await t().call('GET', '/api/v1/assets', { query: { q: tag, ...query } })).json().items.map((a: { name: string }) => a.name.replace(`${tag} `, ''));
    expect(await names({})).toEqual(['alpha', 'bravo', 'charlie']);
    expect(await names({ kind: 'data_store' })).toEqual(['bravo', 'charlie']);
    expect(await names({ kind: 'supplier,data_store', criticality: 'low' })).toEqual(['alpha', 'charlie']);
    expect(await names({ classification: 'secrets' })).toEqual(['alpha', 'bravo']);
    expect(await names({ classification: 'personal_data' })).toEqual(['bravo']);
    expect((await t().call('GET', '/api/v1/assets', { query: { q: 'zebra' } })).json().items.map((a: { name: string }) => a.name)).toEqual([`${tag} charlie`]);

    const first = (await t().call('GET', '/api/v1/assets', { query: { q: tag, limit: '2' } })).json();
    expect(first.items).toHaveLength(2);
    const second = (await t().call('GET', '/api/v1/assets', { query: { q: tag, limit: '2', cursor: first.next_cursor } })).json();
    expect(second.items.map((a: { name: string }) => a.name)).toEqual([`${tag} charlie`]);
    expect(second.next_cursor).toBeNull();
    expect((await t().call('GET', '/api/v1/assets', { query: { cursor: 'nonsense' } })).statusCode).toBe(400);
  });

  it('records dependencies both ways and refuses a cycle with a 409 naming the chain', async () => {
    const shop = await make(t(), { name: `Web shop ${sequence}` });
    const api = await make(t(), { name: `Order API ${sequence}` });
    const db = await make(t(), { name: `Orders DB ${sequence}`, kind: 'data_store' });
    const add = (from: string, to: string, note?: string) => t().call('POST', `/api/v1/assets/${from}/dependencies`, { body: { depends_on_id: to, ...(note ? { note } : {}) } });
    expect((await add(shop.id, api.id, 'checkout calls it')).statusCode).toBe(201);
    expect((await add(api.id, db.id)).statusCode).toBe(201);
    expect((await add(api.id, db.id)).statusCode).toBe(409);

    const cycle = await add(db.id, shop.id);
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json().detail).toBe(`That would make a dependency cycle: ${db.name} → ${shop.name} → ${api.name} → ${db.name}.`);
    expect(cycle.json().cycle.map((c: { id: string }) => c.id)).toEqual([db.id, shop.id, api.id, db.id]);
    expect((await add(shop.id, shop.id)).statusCode).toBe(409);

    const apiDetail = (await t().call('GET', `/api/v1/assets/${api.id}`)).json();
    expect(apiDetail.depends_on.map((a: { id: string }) => a.id)).toEqual([db.id]);
    expect(apiDetail.dependents).toEqual([expect.objectContaining({ id: shop.id, name: shop.name, note: 'checkout calls it' })]);

    expect((await t().call('DELETE', `/api/v1/assets/${api.id}/dependencies/${db.id}`)).statusCode).toBe(204);
    expect((await t().call('DELETE', `/api/v1/assets/${api.id}/dependencies/${db.id}`)).statusCode).toBe(404);
    expect((await add(db.id, shop.id)).statusCode).toBe(201);
  });

  it('lists the risks that name an asset', async () => {
    const server = await make(t(), { name: `Mail server ${sequence}` });
    const { risk } = await createRisk(t().system, { title: 'Mail server ransomware', category: 'cyber_attack', inherent_likelihood: 'high', inherent_impact: 'high', asset_ids: [server.id] });
    const detail = (await t().call('GET', `/api/v1/assets/${server.id}`)).json();
    expect(detail.risks).toEqual([{ id: risk.id, number: risk.number, title: 'Mail server ransomware', status: risk.status, residual_level: risk.residual_level }]);
  });

  describe('bad input: a problem naming the field, and nothing written', () => {
    it.each([
      ['an unknown kind', asset({ kind: 'spaceship' }), 'body.kind'],
      ['a criticality that is not a level', asset({ criticality: 'medium' }), 'body.criticality'],
      ['an unknown classification', asset({ data_classifications: ['gossip'] }), 'body.data_classifications.0'],
      ['a jurisdiction that is no country', asset({ jurisdictions: ['XX'] }), 'body.jurisdictions.0'],
      ['a missing name', { kind: 'system', criticality: 'low' }, 'body.name'],
      ['an owner who is no user', asset({ owner_id: 'usr_nobody' }), 'body.owner_id'],
      ['an unknown field', asset({ colour: 'red' }), 'body'],
    ])('refuses %s', async (_label, body, path) => {
      const before = await assetCount();
      const res = await t().call('POST', '/api/v1/assets', { body });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path).join(' ')).toContain(path);
      expect(await assetCount()).toBe(before);
    });

    it('refuses a name already taken (409), a dependency on an unknown asset (400) and an unknown asset (404)', async () => {
      const a = await make(t());
      expect((await t().call('POST', '/api/v1/assets', { body: asset({ name: a.name }) })).statusCode).toBe(409);
      const unknown = await t().call('POST', `/api/v1/assets/${a.id}/dependencies`, { body: { depends_on_id: 'ast_nothing' } });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().errors[0].path).toBe('body.depends_on_id');
      expect((await t().call('GET', '/api/v1/assets/ast_nothing')).statusCode).toBe(404);
      expect((await t().call('PATCH', '/api/v1/assets/ast_nothing', { body: { criticality: 'low' }, headers: { 'if-match': '"1"' } })).statusCode).toBe(404);
    });
  });

  it('lets risk owners and administrators change assets; every role reads them', async () => {
    const target = await make(t());
    for (const role of ['incident_manager', 'responder', 'analyst', 'stakeholder', 'auditor'] as const) {
      const { token } = await t().user(role);
      expect((await t().call('POST', '/api/v1/assets', { token, body: asset() })).statusCode, role).toBe(403);
      expect((await t().call('PATCH', `/api/v1/assets/${target.id}`, { token, body: { criticality: 'low' }, headers: { 'if-match': '"1"' } })).statusCode, role).toBe(403);
      expect((await t().call('DELETE', `/api/v1/assets/${target.id}`, { token })).statusCode, role).toBe(403);
      expect((await t().call('GET', `/api/v1/assets/${target.id}`, { token })).statusCode, role).toBe(200);
    }
    const owner = await t().user('risk_owner');
    expect((await t().call('POST', '/api/v1/assets', { token: owner.token, body: asset() })).statusCode).toBe(201);
    expect((await t().call('GET', '/api/v1/assets', { token: null })).statusCode).toBe(401);
  });
});
