import { describe, expect, it } from 'vitest';
import { readStixBundle } from '../../../src/domain/stix-import.js';
import { stixFixture } from '../../support/stix-fixture.js';
import { describeApiOnEachEngine } from '../../support/test-app.js';

describeApiOnEachEngine('STIX import and export API', (t) => {
  const open = async (body: Record<string, unknown> = {}, token?: string) => {
    const res = await t().call('POST', '/api/v1/incidents', { body: { title: 'Dropper campaign', category: 'malware', tlp: 'green', ...body }, ...(token ? { token } : {}) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; number: string };
  };
  const importBundle = (body: unknown, query: Record<string, string> = {}, token?: string | null) =>
    t().call('POST', '/api/v1/stix/import', { body, query, ...(token !== undefined ? { token } : {}) });
  const exportBundle = (incidentId: string, token?: string | null) => t().call('GET', `/api/v1/incidents/${incidentId}/export/stix`, { ...(token !== undefined ? { token } : {}) });
  const db = () => t().runtime.deps.database.db;
  const sightingsOn = async (incidentId: string) =>
    db().selectFrom('sightings').innerJoin('observables', 'observables.id', 'sightings.observable_id').select(['observables.type', 'observables.value', 'sightings.ioc', 'sightings.sighted', 'sightings.tlp']).where('sightings.subject_id', '=', incidentId).orderBy('observables.value').execute();
  const observableCount = async () => Number((await db().selectFrom('observables').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  describe('import', () => {
    it('attaches a bundle to an incident: IOCs flagged, sightings marked, TLP from markings or the incident, on the timeline', async () => {
      const incident = await open();
      const manager = await t().user('incident_manager');
      const res = await importBundle(stixFixture(), { incident_id: incident.number }, manager.token);
      expect(res.statusCode, res.body).toBe(200);
      const result = res.json();
      expect(result.incident_id).toBe(incident.id);
      expect(result.observables).toHaveLength(7);
      expect(result.skipped.map((s: { stix_id: string }) => s.stix_id.slice(-2))).toEqual(['03', '04', '05']);
      const rows = new Map((await sightingsOn(incident.id)).map((r) => [r.value, r]));
      expect(rows.size).toBe(7);
      expect(rows.get('198.51.100.7')).toMatchObject({ type: 'ip', tlp: 'amber' });
      expect(Boolean(rows.get('198.51.100.7')!.ioc) && Boolean(rows.get('198.51.100.7')!.sighted)).toBe(true);
      expect(rows.get('evil.example')).toMatchObject({ type: 'domain', tlp: 'red' });
      expect(rows.get('payroll@evil.example')).toMatchObject({ tlp: 'green' });
      expect(Boolean(rows.get('payroll@evil.example')!.ioc)).toBe(false);
      const timeline = (await t().call('GET', `/api/v1/incidents/${incident.id}/timeline`)).json().items;
      expect(timeline.at(-1)).toMatchObject({ kind: 'observables_added', body: 'Imported 7 observables (4 IOCs) from a STIX bundle' });
      const audit = await db().selectFrom('audit_log').select(['action', 'actor_id']).where('action', '=', 'stix.import').where('target_id', '=', incident.id).execute();
      expect(audit).toEqual([{ action: 'stix.import', actor_id: manager.id }]);
    });

    it('without an incident makes the observables known organisation-wide, without sightings', async () => {
      const bundle = { type: 'bundle', id: 'bundle--1', objects: [{ type: 'domain-name', id: 'domain-name--1', value: 'Only-Intel.Example' }] };
      const res = await importBundle(bundle);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().incident_id).toBeNull();
      const row = await db().selectFrom('observables').selectAll().where('value', '=', 'only-intel.example').executeTakeFirstOrThrow();
      expect(row).toMatchObject({ type: 'domain', sighting_count: 0 });
      expect(res.json().observables[0].observable_id).toBe(row.id);
      expect((await importBundle(bundle)).statusCode).toBe(200);
      expect(await db().selectFrom('observables').select('id').where('value', '=', 'only-intel.example').execute()).toHaveLength(1);
    });

    it.each([
      ['not a bundle', { type: 'indicator', objects: [] }, {}, 400, 'body.type'],
      ['objects that are not an array', { type: 'bundle', objects: 'x' }, {}, 400, 'body.objects'],
      ['an unknown query parameter', { type: 'bundle', objects: [] }, { incident: 'x' }, 400, 'querystring'],
    ])('refuses %s with a problem naming the field, and writes nothing', async (_label, body, query, status, path) => {
      const before = await observableCount();
      const res = await importBundle(body, query as Record<string, string>);
      expect(res.statusCode).toBe(status);
      expect(res.json().errors.map((e: { path: string }) => e.path).join(' ')).toContain(path);
      expect(await observableCount()).toBe(before);
    });

    it('refuses more than 10,000 observables with 413 and the limit, writing nothing', async () => {
      const objects = Array.from({ length: 10_001 }, (_, i) => ({ type: 'ipv4-addr', id: `ipv4-addr--${i}`, value: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` }));
      const before = await observableCount();
      const res = await importBundle({ type: 'bundle', id: 'bundle--big', objects });
      expect(res.statusCode).toBe(413);
      expect(res.json().detail).toContain('10000');
      expect(await observableCount()).toBe(before);
    });

    it('answers 404 for an unknown incident, writing nothing', async () => {
      const before = await observableCount();
      expect((await importBundle(stixFixture(), { incident_id: 'inc_01aaaaaaaaaaaaaaaaaaaaaaaa' })).statusCode).toBe(404);
      expect(await observableCount()).toBe(before);
    });

    it('refuses roles other than incident managers and administrators, and callers without a token', async () => {
      const incident = await open();
      for (const role of ['responder', 'analyst', 'auditor', 'stakeholder', 'risk_owner'] as const) {
        expect((await importBundle(stixFixture(), { incident_id: incident.id }, (await t().user(role)).token)).statusCode, role).toBe(403);
      }
      expect((await importBundle(stixFixture(), { incident_id: incident.id }, null)).statusCode).toBe(401);
      expect(await sightingsOn(incident.id)).toHaveLength(0);
    });

    it('hides a restricted incident from a non-member incident manager (404), writing nothing', async () => {
      const member = await t().user('incident_manager');
      const outsider = await t().user('incident_manager');
      const secret = await open({ restricted: true }, member.token);
      expect((await importBundle(stixFixture(), { incident_id: secret.id }, outsider.token)).statusCode).toBe(404);
      expect(await sightingsOn(secret.id)).toHaveLength(0);
      expect((await importBundle(stixFixture(), { incident_id: secret.id }, member.token)).statusCode).toBe(200);
    });
  });

  describe('export', () => {
    it("exports an incident's observables as a STIX 2.1 bundle that imports back to the same IOCs", async () => {
      const incident = await open({ tlp: 'amber' });
      await importBundle(stixFixture(), { incident_id: incident.id });
      const res = await exportBundle(incident.id, (await t().user('stakeholder')).token);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-disposition']).toContain(`${incident.number}.stix.json`);
      const bundle = res.json();
      expect(bundle.type).toBe('bundle');
      const types = bundle.objects.map((o: { type: string }) => o.type);
      expect(types.filter((x: string) => x === 'indicator')).toHaveLength(4);
      expect(types.filter((x: string) => x === 'relationship')).toHaveLength(4);
      expect(types).toContain('grouping');
      expect(types).toContain('identity');
      const markings = bundle.objects.filter((o: { type: string }) => o.type === 'marking-definition').map((o: { name: string }) => o.name);
      expect(markings).toEqual(['TLP:AMBER', 'TLP:RED']);
      for (const o of bundle.objects) if (o.type !== 'marking-definition' && !['ipv4-addr', 'domain-name', 'url', 'email-addr', 'file', 'autonomous-system'].includes(o.type)) expect(o.spec_version).toBe('2.1');
      const back = readStixBundle(bundle).observables.filter((o) => o.ioc).map((o) => o.value).sort();
      expect(back).toEqual(['198.51.100.7', 'ef537f25c895bfa782526529a9b63d97aa631564d5d789c2b765448c8635fb6c', 'evil.example', 'http://evil.example/a']);
      // Stable ids: a consumer importing twice de-duplicates.
      expect((await exportBundle(incident.id)).json().objects.map((o: { id: string }) => o.id)).toEqual(bundle.objects.map((o: { id: string }) => o.id));
    });

    it('exports restricted incidents only to members, and nothing without a token', async () => {
      const member = await t().user('responder');
      const outsider = await t().user('incident_manager');
      const secret = await open({ restricted: true }, member.token);
      expect((await exportBundle(secret.id, outsider.token)).statusCode).toBe(404);
      expect((await exportBundle(secret.id, member.token)).statusCode).toBe(200);
      expect((await exportBundle(secret.id, null)).statusCode).toBe(401);
      expect((await exportBundle('INC-1999-9999')).statusCode).toBe(404);
    });
  });
});
