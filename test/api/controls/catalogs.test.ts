import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeApiOnEachEngine } from '../../support/test-app.js';

const fixture = () => JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'oscal', 'mini-catalog.json'), 'utf8')) as { catalog: Record<string, any> };
const retitled = (title: string) => {
  const document = fixture();
  document.catalog.metadata.title = title;
  return document;
};

describeApiOnEachEngine('control catalogs API', (t) => {
  const count = async (table: 'controls' | 'control_catalogs') => Number((await t().system.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const controlsOf = async (catalogId: string) => (await t().call('GET', '/api/v1/controls', { query: { catalog_id: catalogId, limit: '200' } })).json().items as Array<Record<string, any>>;

  it('imports an OSCAL catalog: its controls in catalog order, enhancements under their parent, withdrawn ones left out', async () => {
    const res = await t().call('POST', '/api/v1/control-catalogs/import', { body: fixture() });
    expect(res.statusCode, res.body).toBe(200);
    const summary = res.json();
    expect(summary).toMatchObject({ created: 6, updated: 0, unchanged: 0, not_in_import: 0, withdrawn: 1 });
    expect(summary.catalog).toMatchObject({ name: 'Bulwark Test Catalog', source: 'oscal', catalog_version: '1.0', oscal_uuid: '6f1c3b64-1a8e-4a4f-9d6e-2d1b7c0e9a11', control_count: 6 });

    const listed = (await t().call('GET', '/api/v1/control-catalogs')).json();
    expect(listed.items.map((c: { id: string }) => c.id)).toContain(summary.catalog.id);
    const controls = await controlsOf(summary.catalog.id);
    expect(controls.map((c) => [c.ref, c.parent_ref, c.family])).toEqual([
      ['AC-1', null, 'Access Control'],
      ['AC-2', null, 'Access Control'],
      ['AC-2(1)', 'AC-2', 'Access Control'],
      ['GV.OC', null, 'Govern'],
      ['GV.OC-01', 'GV.OC', 'Govern'],
      ['nested-1', null, 'Nested Group'],
    ]);
    expect(controls[0]).toMatchObject({ catalog_name: 'Bulwark Test Catalog', implementation_status: 'not_implemented', effectiveness: null, maturity: null, version: 1 });
    expect(controls[0]!.description).toContain('[Assignment: organization-defined personnel or roles]');
    const audit = await t().system.database.db.selectFrom('audit_log').select('action').where('target_id', '=', summary.catalog.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['control_catalog.imported']);
  });

  it('re-importing the same catalog updates its text and keeps what the organisation recorded', async () => {
    const first = (await t().call('POST', '/api/v1/control-catalogs/import', { body: retitled('Re-import catalog') })).json();
    const ac1 = (await controlsOf(first.catalog.id)).find((c) => c.ref === 'AC-1')!;
    const owner = await t().user('risk_owner');
    const assessed = await t().call('PATCH', `/api/v1/controls/${ac1.id}`, {
      body: { implementation_status: 'implemented', effectiveness: 70, maturity: 3, owner_id: owner.id, evidence_notes: 'Policy v3 signed', last_tested_at: '2026-10-01T00:00:00Z' },
      headers: { 'if-match': '"1"' },
    });
    expect(assessed.statusCode, assessed.body).toBe(200);

    const next = retitled('Re-import catalog');
    next.catalog.metadata.version = '1.1';
    const accessControl = next.catalog.groups[0];
    accessControl.controls[0].title = 'Policy and Procedures (revised)';
    accessControl.controls.push({ id: 'ac-3', title: 'Access Enforcement', props: [{ name: 'label', value: 'AC-3' }] });
    next.catalog.groups[1].groups = [];
    const again = await t().call('POST', '/api/v1/control-catalogs/import', { body: next });
    expect(again.statusCode, again.body).toBe(200);
    // AC-1 retitled; GV.OC and GV.OC-01 moved down one place behind the new AC-3; AC-2 and AC-2(1) as they were.
    expect(again.json()).toMatchObject({ created: 1, updated: 3, unchanged: 2, not_in_import: 1, catalog: { id: first.catalog.id, catalog_version: '1.1', control_count: 7 } });

    const after = (await t().call('GET', `/api/v1/controls/${ac1.id}`)).json();
    expect(after).toMatchObject({ title: 'Policy and Procedures (revised)', implementation_status: 'implemented', effectiveness: 70, maturity: 3, owner_id: owner.id, evidence_notes: 'Policy v3 signed', last_tested_at: '2026-10-01T00:00:00.000Z', version: 3 });
    const refs = (await controlsOf(first.catalog.id)).map((c) => c.ref);
    expect(refs).toContain('AC-3');
    expect(refs).toContain('nested-1');
    expect((await t().call('GET', '/api/v1/control-catalogs')).json().items.filter((c: { name: string }) => c.name === 'Re-import catalog')).toHaveLength(1);
  });

  it('installs the NIST CSF 2.0 starter catalog once: 6 Functions and 22 Categories; installing again changes nothing', async () => {
    const first = await t().call('POST', '/api/v1/control-catalogs/starter');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ created: 28, catalog: { name: 'NIST CSF 2.0 (Functions and Categories)', source: 'builtin:nist-csf-2.0', control_count: 28 } });
    const controls = await controlsOf(first.json().catalog.id);
    expect(controls.slice(0, 3).map((c) => [c.ref, c.title, c.parent_ref])).toEqual([['GV', 'Govern', null], ['GV.OC', 'Organizational Context', 'GV'], ['GV.RM', 'Risk Management Strategy', 'GV']]);
    const gv = controls[0]!;
    await t().call('PATCH', `/api/v1/controls/${gv.id}`, { body: { implementation_status: 'partially_implemented' }, headers: { 'if-match': '"1"' } });

    const second = await t().call('POST', '/api/v1/control-catalogs/starter');
    expect(second.json()).toMatchObject({ created: 0, updated: 0, unchanged: 28, catalog: { id: first.json().catalog.id, control_count: 28 } });
    expect((await t().call('GET', `/api/v1/controls/${gv.id}`)).json().implementation_status).toBe('partially_implemented');
  });

  describe('refuses what is not an OSCAL catalog, with the reason, and writes nothing', () => {
    it.each([
      ['a STIX bundle', { type: 'bundle', objects: [] }, 'no top-level "catalog"'],
      ['an OSCAL profile', { profile: { uuid: 'x', imports: [] } }, 'OSCAL profile'],
      ['a catalog without uuid', { catalog: { metadata: { title: 'No uuid' }, groups: [] } }, 'catalog.uuid'],
      ['a catalog without a title', { catalog: { uuid: 'u', metadata: {}, controls: [] } }, 'catalog.metadata.title'],
      ['a catalog without groups or controls', { catalog: { uuid: 'u', metadata: { title: 'Empty' } } }, 'catalog.groups'],
    ])('%s', async (_label, body, reason) => {
      const before = [await count('control_catalogs'), await count('controls')];
      const res = await t().call('POST', '/api/v1/control-catalogs/import', { body });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().detail).toMatch(/^Not an OSCAL catalog: /);
      expect(JSON.stringify(res.json().errors) + res.json().detail).toContain(reason);
      expect([await count('control_catalogs'), await count('controls')]).toEqual(before);
    });

    it('refuses a catalog with one malformed control deep inside: all or nothing', async () => {
      const document = retitled('Half good');
      delete document.catalog.groups[1].controls[0].controls[0].title;
      const before = [await count('control_catalogs'), await count('controls')];
      const res = await t().call('POST', '/api/v1/control-catalogs/import', { body: document });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([{ path: 'catalog.groups.1.controls.0.controls.0.title', message: 'every control needs a title' }]);
      expect([await count('control_catalogs'), await count('controls')]).toEqual(before);
    });

    it('refuses a body that is not JSON, or not an object', async () => {
      expect((await t().call('POST', '/api/v1/control-catalogs/import', { body: '{"catalog": ', headers: { 'content-type': 'application/json' } })).statusCode).toBe(400);
      expect((await t().call('POST', '/api/v1/control-catalogs/import', { body: [] })).statusCode).toBe(400);
    });
  });

  it('lets only risk owners and administrators import; every role lists catalogs', async () => {
    for (const role of ['incident_manager', 'responder', 'analyst', 'stakeholder', 'auditor'] as const) {
      const { token } = await t().user(role);
      expect((await t().call('POST', '/api/v1/control-catalogs/import', { token, body: retitled(`Refused ${role}`) })).statusCode, role).toBe(403);
      expect((await t().call('POST', '/api/v1/control-catalogs/starter', { token })).statusCode, role).toBe(403);
      expect((await t().call('GET', '/api/v1/control-catalogs', { token })).statusCode, role).toBe(200);
    }
    const owner = await t().user('risk_owner');
    expect((await t().call('POST', '/api/v1/control-catalogs/import', { token: owner.token, body: retitled('By a risk owner') })).statusCode).toBe(200);
    expect((await t().call('POST', '/api/v1/control-catalogs/import', { token: null, body: fixture() })).statusCode).toBe(401);
  });
});
