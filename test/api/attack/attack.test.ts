import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../src/services/events.js';
import { attackFixture } from '../../support/attack-fixture.js';
import { describeApiOnEachEngine } from '../../support/test-app.js';

describeApiOnEachEngine('ATT&CK catalogue API', (t) => {
  const importBundle = (body: unknown, token?: string | null) => t().call('POST', '/api/v1/attack/import', { body, ...(token !== undefined ? { token } : {}) });
  const search = (query: Record<string, string>, token?: string) => t().call('GET', '/api/v1/attack/techniques', { query, ...(token ? { token } : {}) });
  const ids = async (query: Record<string, string>) => (await search(query)).json().items.map((x: { id: string }) => x.id);
  const techniqueCount = async () => Number((await t().runtime.deps.database.db.selectFrom('attack_techniques').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  describe('before any import', () => {
    it('answers an empty catalogue and an empty picker', async () => {
      expect((await t().call('GET', '/api/v1/attack')).json()).toEqual({ last_import: null, tactics: [] });
      expect((await search({ q: 'phish' })).json().items).toEqual([]);
    });

    it('refuses roles other than incident managers and administrators, and writes nothing', async () => {
      for (const role of ['responder', 'analyst', 'auditor', 'stakeholder', 'risk_owner'] as const) {
        const res = await importBundle(attackFixture(), (await t().user(role)).token);
        expect(res.statusCode, role).toBe(403);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
      expect((await importBundle(attackFixture(), null)).statusCode).toBe(401);
      expect(await techniqueCount()).toBe(0);
    });

    it.each([
      ['not a bundle', { type: 'indicator', objects: [] }, 'body.type'],
      ['objects that are not an array', { type: 'bundle', objects: {} }, 'body.objects'],
      ['an object without an id', { type: 'bundle', objects: [{ type: 'attack-pattern' }] }, 'body.objects.0.id'],
      ['a bundle with no ATT&CK technique', { type: 'bundle', objects: [{ type: 'malware', id: 'malware--1' }] }, 'objects'],
    ])('refuses %s with a problem naming the field, and writes nothing', async (_label, body, path) => {
      const res = await importBundle(body);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
      expect(await techniqueCount()).toBe(0);
      expect((await t().call('GET', '/api/v1/attack')).json().last_import).toBeNull();
    });

    it('refuses a body that is not JSON', async () => {
      const res = await t().call('POST', '/api/v1/attack/import', { body: '{"type": "bundle", ', headers: { 'content-type': 'application/json' } });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    });
  });

  describe('import', () => {
    it('imports a STIX 2.0 bundle: counts, tactics in matrix order, an audit entry and an event', async () => {
      const manager = await t().user('incident_manager');
      const events: DomainEvent[] = [];
      const stop = t().runtime.deps.events.subscribe((e) => events.push(e));
      const res = await importBundle(attackFixture('2.0'), manager.token);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ source: 'upload', spec_version: '2.0', release: null, tactics: 3, techniques: 5, sub_techniques: 2, deprecated: 1, revoked: 1, retired: 0 });
      const catalogue = (await t().call('GET', '/api/v1/attack', { token: (await t().user('stakeholder')).token })).json();
      expect(catalogue.tactics.map((x: { shortname: string }) => x.shortname)).toEqual(['initial-access', 'execution', 'defense-evasion']);
      expect(catalogue.last_import.techniques).toBe(5);
      const audit = await t().runtime.deps.database.db.selectFrom('audit_log').select(['action', 'actor_id']).where('action', '=', 'attack.import').execute();
      expect(audit).toEqual([{ action: 'attack.import', actor_id: manager.id }]);
      await expect.poll(() => events.map((e) => e.type)).toContain('attack.imported');
      stop();
    });

    it('finds techniques by id prefix or name, best match first, retired ones only when asked', async () => {
      expect(await ids({ q: 't1059' })).toEqual(['T1059', 'T1059.001']);
      expect((await ids({ q: 'power' }))[0]).toBe('T1059.001');
      expect(await ids({ q: 'scripting' })).toEqual(['T1059']);
      // A name starting with the query ranks above one merely containing it.
      expect(await ids({ q: 'scripting', include_retired: 'true' })).toEqual(['T1064', 'T1059']);
      expect(await ids({ tactic: 'defense-evasion' })).toEqual(['T1055']);
      expect(await ids({ q: '%' })).toEqual([]);
      expect(await ids({ limit: '2' })).toHaveLength(2);
      const revoked = (await search({ q: 'T1086', include_retired: 'true' })).json().items[0];
      expect(revoked).toMatchObject({ id: 'T1086', revoked: true, revoked_by: 'T1059.001' });
      const sub = (await search({ q: 'T1566.001' })).json().items[0];
      expect(sub).toMatchObject({ parent_id: 'T1566', tactics: ['initial-access'], url: 'https://attack.mitre.org/techniques/T1566/001' });
    });

    it.each([
      ['an unknown parameter', { bogus: '1' }, 'querystring'],
      ['a limit of 0', { limit: '0' }, 'querystring.limit'],
      ['a tactic that is not a short name', { tactic: 'Execution!' }, 'querystring.tactic'],
      ['include_retired that is not a boolean', { include_retired: 'yes' }, 'querystring.include_retired'],
    ])('refuses a search with %s', async (_label, query, path) => {
      const res = await search(query);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path).join(' ')).toContain(path);
    });

    it('re-imports a STIX 2.1 bundle: release named, a technique it no longer lists kept but retired', async () => {
      const bundle = attackFixture('2.1');
      bundle.objects = bundle.objects.filter((o) => o.name !== 'Process Injection');
      const res = await importBundle(bundle);
      expect(res.json()).toMatchObject({ spec_version: '2.1', release: '99.1', techniques: 4, retired: 1 });
      expect(await ids({ q: 'T1055' })).toEqual([]);
      expect((await search({ q: 'T1055', include_retired: 'true' })).json().items[0]).toMatchObject({ id: 'T1055', deprecated: true });
      expect(await techniqueCount()).toBe(7);
    });

    it('lets every signed-in role use the picker but nobody without a token', async () => {
      for (const role of ['stakeholder', 'auditor', 'risk_owner', 'analyst'] as const) expect((await search({ q: 'T1059' }, (await t().user(role)).token)).statusCode, role).toBe(200);
      expect((await t().call('GET', '/api/v1/attack/techniques', { token: null })).statusCode).toBe(401);
      expect((await t().call('GET', '/api/v1/attack', { token: null })).statusCode).toBe(401);
    });
  });
});
