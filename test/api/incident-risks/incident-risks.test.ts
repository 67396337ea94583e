import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DomainEvent } from '../../../src/services/events.js';
import { attackFixture } from '../../support/attack-fixture.js';
import { describeApiOnEachEngine } from '../../support/test-app.js';

let sequence = 0;
const unique = () => `${Date.now().toString(36)}${(sequence += 1)}`;

describeApiOnEachEngine('incident risks API', (t) => {
  beforeAll(async () => {
    expect((await t().call('POST', '/api/v1/attack/import', { body: attackFixture() })).statusCode).toBe(200);
  });

  const open = async (body: Record<string, unknown> = {}, token?: string) => {
    const res = await t().call('POST', '/api/v1/incidents', { body: { title: 'Macro dropper', category: 'malware', ...body }, ...(token ? { token } : {}) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; number: string };
  };
  const newRisk = async (body: Record<string, unknown> = {}) => {
    const res = await t().call('POST', '/api/v1/risks', { body: { title: `Risk ${unique()}`, category: 'compliance', inherent_likelihood: 'low', inherent_impact: 'low', ...body } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; number: string; title: string };
  };
  const newAsset = async (name: string) => {
    const res = await t().call('POST', '/api/v1/assets', { body: { name, kind: 'system', criticality: 'high' } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; name: string };
  };
  const link = (incidentId: string, body: unknown, token?: string | null) => t().call('POST', `/api/v1/incidents/${incidentId}/risks`, { body, ...(token !== undefined ? { token } : {}) });
  const unlink = (incidentId: string, riskId: string, token?: string | null) => t().call('DELETE', `/api/v1/incidents/${incidentId}/risks/${riskId}`, { ...(token !== undefined ? { token } : {}) });
  const get = (url: string, token?: string | null) => t().call('GET', url, { ...(token !== undefined ? { token } : {}) });
  const timeline = async (incidentId: string) => ((await get(`/api/v1/incidents/${incidentId}/timeline`)).json().items as Array<{ kind: string; body: string; details: Record<string, unknown> }>).filter((e) => e.kind === 'risks_changed');
  const audit = (incidentId: string) => t().runtime.deps.database.db.selectFrom('audit_log').select(['action', 'actor_id', 'details']).where('target_id', '=', incidentId).where('action', 'like', 'incident.risk_%').orderBy('at').execute();
  const linkRows = (incidentId: string) => t().runtime.deps.database.db.selectFrom('incident_risks').selectAll().where('incident_id', '=', incidentId).execute();

  it('links a risk by number, with its note on the timeline, in the audit log and as a live event; lists it; unlinks it', async () => {
    const incident = await open();
    const risk = await newRisk({ title: 'Ransomware encrypts the file servers', category: 'cyber_attack' });
    const responder = await t().user('responder', 'Rita Responder');
    const events: DomainEvent[] = [];
    const stop = t().runtime.deps.events.subscribe((e) => events.push(e));

    const res = await link(incident.id, { risk_id: risk.number.toLowerCase(), note: ' Encrypted FS01 ' }, responder.token);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ incident_id: incident.id, risk_id: risk.id, note: 'Encrypted FS01', linked_by: responder.id, risk: { id: risk.id, number: risk.number, title: risk.title, category: 'cyber_attack' } });
    // On PostgreSQL live events travel through the notification channel, so they arrive a moment later.
    await vi.waitFor(() => expect(events.filter((e) => e.type === 'incident.risks_changed').map((e) => e.incident_id)).toEqual([incident.id]));
    stop();

    expect((await timeline(incident.id)).map((e) => e.body)).toEqual([`Linked risk ${risk.number} Ransomware encrypts the file servers: Encrypted FS01`]);
    expect(await audit(incident.id)).toMatchObject([{ action: 'incident.risk_linked', actor_id: responder.id }]);

    const list = await get(`/api/v1/incidents/${incident.id}/risks`, (await t().user('stakeholder')).token);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toMatchObject([{ risk_id: risk.id, note: 'Encrypted FS01', linked_by_name: 'Rita Responder', risk: { number: risk.number } }]);

    const again = await link(incident.id, { risk_id: risk.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain(risk.number);
    expect(await linkRows(incident.id)).toHaveLength(1);

    expect((await unlink(incident.id, risk.number, responder.token)).statusCode).toBe(204);
    expect((await get(`/api/v1/incidents/${incident.id}/risks`)).json().items).toEqual([]);
    expect((await timeline(incident.id)).map((e) => e.body)).toEqual([`Linked risk ${risk.number} Ransomware encrypts the file servers: Encrypted FS01`, `Unlinked risk ${risk.number} Ransomware encrypts the file servers`]);
    expect((await audit(incident.id)).map((a) => a.action)).toEqual(['incident.risk_linked', 'incident.risk_unlinked']);
    expect((await unlink(incident.id, risk.id)).statusCode).toBe(404);
  });

  it('refuses bad input: an unknown risk (400), a missing or extra field (400), an unknown incident (404)', async () => {
    const incident = await open();
    const unknown = await link(incident.id, { risk_id: 'RISK-9999' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json().errors).toEqual([{ path: 'body.risk_id', message: 'unknown risk' }]);
    expect((await link(incident.id, {})).statusCode).toBe(400);
    const risk = await newRisk();
    expect((await link(incident.id, { risk_id: risk.id, weight: 3 })).statusCode).toBe(400);
    expect((await link(incident.id, { risk_id: risk.id, note: 'x'.repeat(5001) })).statusCode).toBe(400);
    expect((await link('INC-9999-99999', { risk_id: risk.id })).statusCode).toBe(404);
    expect((await unlink(incident.id, 'RISK-9999')).statusCode).toBe(404);
    expect(await linkRows(incident.id)).toHaveLength(0);
    expect(await timeline(incident.id)).toHaveLength(0);
  });

  describe('authorisation', () => {
    it('lets admins, incident managers and responders link; refuses other roles (403) and anonymous callers (401)', async () => {
      const incident = await open();
      const risk = await newRisk();
      for (const role of ['analyst', 'risk_owner', 'stakeholder', 'auditor'] as const) {
        const caller = await t().user(role);
        const res = await link(incident.id, { risk_id: risk.id }, caller.token);
        expect(res.statusCode, role).toBe(403);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
      expect((await link(incident.id, { risk_id: risk.id }, null)).statusCode).toBe(401);
      expect((await link(incident.id, { risk_id: risk.id }, (await t().user('incident_manager')).token)).statusCode).toBe(201);
      for (const role of ['analyst', 'risk_owner'] as const) expect((await unlink(incident.id, risk.id, (await t().user(role)).token)).statusCode, role).toBe(403);
      expect((await unlink(incident.id, risk.id, null)).statusCode).toBe(401);
      expect(await linkRows(incident.id)).toHaveLength(1);
    });

    it('hides a restricted incident from non-members (404) for reading, linking, unlinking and suggestions', async () => {
      const member = await t().user('responder');
      const outsider = await t().user('incident_manager');
      const secret = await open({ restricted: true }, member.token);
      const risk = await newRisk();
      expect((await link(secret.id, { risk_id: risk.id }, member.token)).statusCode).toBe(201);
      expect((await link(secret.id, { risk_id: (await newRisk()).id }, outsider.token)).statusCode).toBe(404);
      expect((await unlink(secret.id, risk.id, outsider.token)).statusCode).toBe(404);
      for (const path of ['risks', 'risks/suggested', 'playbooks/suggested']) expect((await get(`/api/v1/incidents/${secret.id}/${path}`, outsider.token)).statusCode, path).toBe(404);
      expect(await linkRows(secret.id)).toHaveLength(1);
      expect((await get(`/api/v1/incidents/${secret.id}/risks`, member.token)).json().items).toHaveLength(1);
    });
  });

  it('suggests open, unlinked risks by shared technique, category and asset named in the incident, with reasons, strongest first', async () => {
    const host = `fs${unique()}`;
    const named = `crm${unique()}`;
    const fileServer = await newAsset(host);
    const crm = await newAsset(named);
    const technique = await newRisk({ title: 'Script execution', techniques: ['T1059'] });
    const category = await newRisk({ title: 'Generic attack', category: 'cyber_attack' });
    const byHost = await newRisk({ title: 'File server lost', asset_ids: [fileServer.id] });
    const byName = await newRisk({ title: 'CRM data leak', asset_ids: [crm.id] });
    const closed = await newRisk({ title: 'Closed one', techniques: ['T1059'], status: 'closed' });
    const unrelated = await newRisk({ title: 'Invoice fraud', category: 'fraud', techniques: ['T1566'] });

    const incident = await open({ title: `Dropper touched ${named}`, summary: 'PowerShell ran from a macro' });
    expect((await t().call('POST', `/api/v1/incidents/${incident.id}/techniques`, { body: { technique_id: 'T1059.001' } })).statusCode).toBe(201);
    const observed = await t().call('POST', `/api/v1/incidents/${incident.id}/observables`, { body: { observables: [{ type: 'hostname', value: `${host}.corp.example` }] } });
    expect(observed.statusCode, observed.body).toBeLessThan(300);

    const res = await get(`/api/v1/incidents/${incident.id}/risks/suggested`, (await t().user('auditor')).token);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Array<{ risk_id: string; score: number; reasons: Array<Record<string, unknown>> }>;
    const byRisk = new Map(items.map((s) => [s.risk_id, s]));
    expect(byRisk.get(technique.id)?.reasons).toEqual([{ kind: 'technique', techniques: ['T1059.001'], text: 'Shares ATT&CK technique T1059.001' }]);
    expect(byRisk.get(category.id)?.reasons).toEqual([{ kind: 'category', category: 'cyber_attack', incident_category: 'malware', text: 'Category cyber_attack fits a malware incident' }]);
    expect(byRisk.get(byHost.id)?.reasons).toEqual([{ kind: 'asset', asset_id: fileServer.id, asset_name: host, found_in: 'hostname', value: `${host}.corp.example`, text: `Asset ${host} is the host ${host}.corp.example seen in the incident` }]);
    expect(byRisk.get(byName.id)?.reasons).toMatchObject([{ kind: 'asset', asset_id: crm.id, found_in: 'title' }]);
    expect(byRisk.has(closed.id)).toBe(false);
    expect(byRisk.has(unrelated.id)).toBe(false);
    const scores = items.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(items.findIndex((s) => s.risk_id === technique.id)).toBeLessThan(items.findIndex((s) => s.risk_id === category.id));

    expect((await link(incident.id, { risk_id: technique.id })).statusCode).toBe(201);
    const after = (await get(`/api/v1/incidents/${incident.id}/risks/suggested`)).json().items as Array<{ risk_id: string }>;
    expect(after.some((s) => s.risk_id === technique.id)).toBe(false);
    expect(after.some((s) => s.risk_id === byHost.id)).toBe(true);
  });

  it('suggests the playbooks of linked risks first, then those of suggested risks, with the risks naming them', async () => {
    const incident = await open({ category: 'supply_chain', title: 'Vendor portal breach' });
    const shared = { title: 'Vendor incident runbook', url: `https://wiki.example/vendor-${unique()}` };
    const own = { title: 'Contract escalation', url: `https://wiki.example/contract-${unique()}` };
    const linkedRisk = await newRisk({ title: 'Linked vendor risk', category: 'fraud', playbooks: [own, shared] });
    const suggestedRisk = await newRisk({ title: 'Suggested vendor risk', category: 'third_party', playbooks: [shared, { title: 'Suggested only', url: `https://wiki.example/s-${unique()}` }] });
    expect((await link(incident.id, { risk_id: linkedRisk.id })).statusCode).toBe(201);

    const res = await get(`/api/v1/incidents/${incident.id}/playbooks/suggested`, (await t().user('stakeholder')).token);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Array<{ title: string; url: string; linked: boolean; risks: Array<{ id: string }> }>;
    const mine = items.filter((p) => [own.url, shared.url].includes(p.url) || p.risks.some((r) => r.id === suggestedRisk.id));
    expect(mine.map((p) => [p.title, p.linked, p.risks.map((r) => r.id)])).toEqual([
      ['Contract escalation', true, [linkedRisk.id]],
      ['Vendor incident runbook', true, [linkedRisk.id, suggestedRisk.id]],
      ['Suggested only', false, [suggestedRisk.id]],
    ]);
  });

  it('shows per risk the times it materialised (last 12 months and ever) and the incidents the viewer may see', async () => {
    const risk = await newRisk({ title: 'Phishing leads to account takeover' });
    const member = await t().user('responder');
    const recent = await open({ title: 'Recent', occurred_at: new Date(Date.now() - 30 * 86_400_000).toISOString() });
    const old = await open({ title: 'Old', occurred_at: '2020-03-01T10:00:00Z' });
    const secret = await open({ title: 'Secret', restricted: true }, member.token);
    for (const incident of [recent, old, secret]) expect((await link(incident.id, { risk_id: risk.id, note: `in ${incident.number}` })).statusCode).toBe(201);

    const owner = await t().user('risk_owner');
    const res = await get(`/api/v1/risks/${risk.number}/incidents`, owner.token);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ risk_id: risk.id, materialised: { last_12_months: 2, ever: 3 }, not_shown: 1 });
    expect(body.items.map((i: { incident: { number: string } }) => i.incident.number).sort()).toEqual([recent.number, old.number].sort());
    const oldItem = body.items.find((i: { incident: { id: string } }) => i.incident.id === old.id);
    expect(oldItem).toMatchObject({ materialised_at: '2020-03-01T10:00:00.000Z', note: `in ${old.number}`, incident: { title: 'Old', category: 'malware' } });

    const seenByMember = (await get(`/api/v1/risks/${risk.id}/incidents`, member.token)).json();
    expect(seenByMember).toMatchObject({ materialised: { ever: 3 }, not_shown: 0 });
    expect(seenByMember.items).toHaveLength(3);
    expect((await get('/api/v1/risks/RISK-9999/incidents')).statusCode).toBe(404);
    expect((await get(`/api/v1/risks/${risk.id}/incidents`, null)).statusCode).toBe(401);
  });
});
