import { beforeAll, describe, expect, it } from 'vitest';
import { attackFixture } from '../../support/attack-fixture.js';
import { describeApiOnEachEngine } from '../../support/test-app.js';

describeApiOnEachEngine('incident techniques API', (t) => {
  beforeAll(async () => {
    expect((await t().call('POST', '/api/v1/attack/import', { body: attackFixture() })).statusCode).toBe(200);
  });

  const open = async (body: Record<string, unknown> = {}, token?: string) => {
    const res = await t().call('POST', '/api/v1/incidents', { body: { title: 'Macro dropper', category: 'malware', ...body }, ...(token ? { token } : {}) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; number: string };
  };
  const tag = (incidentId: string, body: unknown, token?: string | null) => t().call('POST', `/api/v1/incidents/${incidentId}/techniques`, { body, ...(token !== undefined ? { token } : {}) });
  const untag = (incidentId: string, techniqueId: string, query: Record<string, string> = {}, token?: string | null) =>
    t().call('DELETE', `/api/v1/incidents/${incidentId}/techniques/${techniqueId}`, { query, ...(token !== undefined ? { token } : {}) });
  const list = (incidentId: string, token?: string) => t().call('GET', `/api/v1/incidents/${incidentId}/techniques`, { ...(token ? { token } : {}) });
  const timeline = async (incidentId: string) => (await t().call('GET', `/api/v1/incidents/${incidentId}/timeline`)).json().items as Array<{ id: string; kind: string; body: string; details: Record<string, unknown> }>;
  const tagRows = async (incidentId: string) => t().runtime.deps.database.db.selectFrom('incident_techniques').selectAll().where('incident_id', '=', incidentId).execute();

  it('tags an incident with a technique, records it on the timeline and in the audit log, and shows it by tactic', async () => {
    const incident = await open();
    const analyst = await t().user('analyst', 'Ana Lyst');
    const res = await tag(incident.id, { technique_id: 't1059.001' }, analyst.token);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ technique_id: 'T1059.001', timeline_entry_id: null, added_by: analyst.id });
    expect(res.json().id).toMatch(/^itq_/);
    expect((await tag(incident.id, { technique_id: 'T1055' })).statusCode).toBe(201);

    const entries = (await timeline(incident.id)).filter((e) => e.kind === 'techniques_changed');
    expect(entries.map((e) => e.body)).toEqual(['Tagged T1059.001 PowerShell', 'Tagged T1055 Process Injection']);
    const audit = await t().runtime.deps.database.db.selectFrom('audit_log').select(['action', 'actor_id']).where('target_id', '=', incident.id).where('action', '=', 'incident.technique_tag').execute();
    expect(audit).toHaveLength(2);

    const view = (await list(incident.id, (await t().user('stakeholder')).token)).json();
    expect(view.count).toBe(2);
    expect(view.by_tactic.map((g: { tactic: { shortname: string }; techniques: Array<{ technique_id: string }> }) => [g.tactic.shortname, g.techniques.map((x) => x.technique_id)])).toEqual([
      ['execution', ['T1055', 'T1059.001']],
      ['defense-evasion', ['T1055']],
    ]);
    const powershell = view.by_tactic[0].techniques[1];
    expect(powershell).toMatchObject({ name: 'PowerShell', parent_id: 'T1059', known: true, tags: [{ timeline_entry_id: null, added_by: { id: analyst.id, name: 'Ana Lyst' } }] });
  });

  it('answers the existing tag when tagged again, writing nothing', async () => {
    const incident = await open();
    const first = (await tag(incident.id, { technique_id: 'T1566' })).json();
    const again = await tag(incident.id, { technique_id: 'T1566' });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.id);
    expect(await tagRows(incident.id)).toHaveLength(1);
    expect((await timeline(incident.id)).filter((e) => e.kind === 'techniques_changed')).toHaveLength(1);
  });

  it('tags one timeline entry, separately from the incident, and refuses an entry of another incident', async () => {
    const incident = await open();
    const other = await open();
    const note = (await t().call('POST', `/api/v1/incidents/${incident.id}/timeline`, { body: { body: 'Encoded PowerShell seen on WS-12' } })).json();
    const res = await tag(incident.id, { technique_id: 'T1059.001', timeline_entry_id: note.id });
    expect(res.statusCode).toBe(201);
    expect(res.json().timeline_entry_id).toBe(note.id);
    expect((await tag(incident.id, { technique_id: 'T1059.001' })).statusCode).toBe(201);
    const view = (await list(incident.id)).json();
    expect(view.count).toBe(1);
    expect(view.by_tactic[0].techniques[0].tags.map((x: { timeline_entry_id: string | null }) => x.timeline_entry_id)).toEqual([note.id, null]);
    expect((await tag(other.id, { technique_id: 'T1566', timeline_entry_id: note.id })).statusCode).toBe(404);
    expect(await tagRows(other.id)).toHaveLength(0);
  });

  it('removes a tag (the timeline keeps the record) and answers 404 for a tag that is not there', async () => {
    const incident = await open();
    await tag(incident.id, { technique_id: 'T1566.001' });
    const res = await untag(incident.id, 't1566.001');
    expect(res.statusCode).toBe(204);
    expect(await tagRows(incident.id)).toHaveLength(0);
    expect((await timeline(incident.id)).at(-1)).toMatchObject({ kind: 'techniques_changed', body: 'Removed T1566.001 Spearphishing Attachment' });
    expect((await untag(incident.id, 'T1566.001')).statusCode).toBe(404);
    expect((await untag(incident.id, 'T1566', { timeline_entry_id: 'tle_nope' })).statusCode).toBe(404);
  });

  it.each([
    ['a malformed technique id', { technique_id: 'X1' }, 'technique_id'],
    ['a technique not in the catalogue', { technique_id: 'T9999' }, 'technique_id'],
    ['a revoked technique', { technique_id: 'T1086' }, 'technique_id'],
    ['a deprecated technique', { technique_id: 'T1064' }, 'technique_id'],
    ['a missing technique id', {}, 'body.technique_id'],
    ['an unknown field', { technique_id: 'T1059', tactic: 'execution' }, 'body'],
    ['an over-long id', { technique_id: 'T'.repeat(21) }, 'body.technique_id'],
  ])('refuses %s with a problem naming the field, and writes nothing', async (_label, body, path) => {
    const incident = await open();
    const before = (await timeline(incident.id)).length;
    const res = await tag(incident.id, body);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { path: string }) => e.path).join(' ')).toContain(path);
    expect(await tagRows(incident.id)).toHaveLength(0);
    expect(await timeline(incident.id)).toHaveLength(before);
  });

  it('says which technique replaces a revoked one', async () => {
    const incident = await open();
    expect((await tag(incident.id, { technique_id: 'T1086' })).json().detail).toContain('T1059.001');
  });

  describe('authorisation', () => {
    it('refuses roles that cannot write on incidents, lets them read, and needs a token', async () => {
      const incident = await open();
      await tag(incident.id, { technique_id: 'T1059' });
      for (const role of ['stakeholder', 'auditor', 'risk_owner'] as const) {
        const user = await t().user(role);
        expect((await tag(incident.id, { technique_id: 'T1566' }, user.token)).statusCode, role).toBe(403);
        expect((await untag(incident.id, 'T1059', {}, user.token)).statusCode, role).toBe(403);
        expect((await list(incident.id, user.token)).statusCode, role).toBe(200);
      }
      expect((await tag(incident.id, { technique_id: 'T1566' }, null)).statusCode).toBe(401);
      expect((await untag(incident.id, 'T1059', {}, null)).statusCode).toBe(401);
      expect((await t().call('GET', `/api/v1/incidents/${incident.id}/techniques`, { token: null })).statusCode).toBe(401);
      expect(await tagRows(incident.id)).toHaveLength(1);
    });

    it('hides a restricted incident from non-members (404) for reading, tagging and removing', async () => {
      const member = await t().user('responder');
      const outsider = await t().user('incident_manager');
      const secret = await open({ restricted: true }, member.token);
      expect((await tag(secret.id, { technique_id: 'T1059' }, member.token)).statusCode).toBe(201);
      expect((await list(secret.id, outsider.token)).statusCode).toBe(404);
      expect((await tag(secret.id, { technique_id: 'T1566' }, outsider.token)).statusCode).toBe(404);
      expect((await untag(secret.id, 'T1059', {}, outsider.token)).statusCode).toBe(404);
      expect(await tagRows(secret.id)).toHaveLength(1);
      expect((await list(secret.id, member.token)).json().count).toBe(1);
    });
  });
});
