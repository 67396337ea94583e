import { expect, it } from 'vitest';
import { describeApiOnEachEngine } from '../../support/test-app.js';

describeApiOnEachEngine('incident members API: who may do what', (t) => {
  const openIncident = async (body: Record<string, unknown> = {}, token?: string) =>
    (await t().call('POST', '/api/v1/incidents', { body: { title: 'Data exfiltration', category: 'data_breach', ...body }, ...(token ? { token } : {}) })).json();
  const assign = (incidentId: string, body: Record<string, unknown>, token?: string | null) =>
    t().call('POST', `/api/v1/incidents/${incidentId}/members`, { body, ...(token !== undefined ? { token } : {}) });
  const release = (incidentId: string, memberId: string, token?: string | null) =>
    t().call('DELETE', `/api/v1/incidents/${incidentId}/members/${memberId}`, token !== undefined ? { token } : {});
  const activeCount = async (incidentId: string) => (await t().call('GET', `/api/v1/incidents/${incidentId}/members`)).json().items.length;

  it('needs a token for every members endpoint', async () => {
    const incident = await openIncident();
    const tenure = (await assign(incident.id, { user_id: t().admin.id, role: 'scribe' })).json();
    expect((await t().call('GET', `/api/v1/incidents/${incident.id}/members`, { token: null })).statusCode).toBe(401);
    expect((await assign(incident.id, { user_id: t().admin.id, role: 'observer' }, null)).statusCode).toBe(401);
    expect((await release(incident.id, tenure.id, null)).statusCode).toBe(401);
    expect(await activeCount(incident.id)).toBe(1);
  });

  it('lets only incident managers and administrators assign others or release anyone', async () => {
    const incident = await openIncident();
    const target = await t().user('responder');
    const tenure = (await assign(incident.id, { user_id: target.id, role: 'technical_lead' })).json();
    for (const role of ['responder', 'analyst', 'stakeholder', 'auditor', 'risk_owner'] as const) {
      const user = await t().user(role);
      expect((await assign(incident.id, { user_id: target.id, role: 'scribe' }, user.token)).statusCode, role).toBe(403);
      expect((await release(incident.id, tenure.id, user.token)).statusCode, role).toBe(403);
      expect((await t().call('GET', `/api/v1/incidents/${incident.id}/members`, { token: user.token })).statusCode, role).toBe(200);
    }
    expect(await activeCount(incident.id)).toBe(1);
    const manager = await t().user('incident_manager');
    expect((await assign(incident.id, { user_id: target.id, role: 'scribe' }, manager.token)).statusCode).toBe(201);
  });

  it('lets a responder take command of an incident without a commander, but not take it from someone', async () => {
    const incident = await openIncident();
    const night = await t().user('responder');
    const colleague = await t().user('responder');
    const analyst = await t().user('analyst');
    expect((await assign(incident.id, { user_id: colleague.id, role: 'incident_commander' }, night.token)).statusCode).toBe(403);
    expect((await assign(incident.id, { user_id: night.id, role: 'scribe' }, night.token)).statusCode).toBe(403);
    expect((await assign(incident.id, { user_id: analyst.id, role: 'incident_commander' }, analyst.token)).statusCode).toBe(403);
    const taken = await assign(incident.id, { user_id: night.id, role: 'incident_commander' }, night.token);
    expect(taken.statusCode).toBe(201);
    expect((await t().call('GET', `/api/v1/incidents/${incident.id}`)).json().acknowledged_at).toBe(taken.json().assigned_at);
    const grab = await assign(incident.id, { user_id: colleague.id, role: 'incident_commander' }, colleague.token);
    expect(grab.statusCode).toBe(403);
    const members = (await t().call('GET', `/api/v1/incidents/${incident.id}/members`)).json().items;
    expect(members.map((m: { user_id: string }) => m.user_id)).toEqual([night.id]);
  });

  it('releases a tenure once, keeps it in the history, and records it', async () => {
    const incident = await openIncident();
    const scribe = await t().user('responder', 'Sam Scribe');
    const tenure = (await assign(incident.id, { user_id: scribe.id, role: 'scribe' })).json();
    const released = await release(incident.id, tenure.id);
    expect(released.statusCode).toBe(200);
    expect(released.json()).toMatchObject({ id: tenure.id, released_by: t().admin.id });
    expect(released.json().released_at).not.toBeNull();
    expect((await release(incident.id, tenure.id)).statusCode).toBe(409);
    expect(await activeCount(incident.id)).toBe(0);
    const history = (await t().call('GET', `/api/v1/incidents/${incident.id}/members`, { query: { history: 'true' } })).json().items;
    expect(history).toHaveLength(1);
    const entries = (await t().call('GET', `/api/v1/incidents/${incident.id}/timeline`)).json().items;
    expect(entries.at(-1)).toMatchObject({ kind: 'role_released', body: 'Sam Scribe released as Scribe' });
    const other = await openIncident();
    expect((await release(other.id, tenure.id)).statusCode).toBe(404);
    expect((await release(incident.id, 'mem_01aaaaaaaaaaaaaaaaaaaaaaaa')).statusCode).toBe(404);
  });

  it('hides a restricted incident from non-members (404) and lets its last member be released', async () => {
    const owner = await t().user('incident_manager');
    const outsider = await t().user('incident_manager');
    const secret = await openIncident({ restricted: true }, owner.token);
    const ownTenure = (await t().call('GET', `/api/v1/incidents/${secret.id}/members`, { token: owner.token })).json().items[0];
    expect(ownTenure.user_id).toBe(owner.id);
    expect((await t().call('GET', `/api/v1/incidents/${secret.id}/members`, { token: outsider.token })).statusCode).toBe(404);
    expect((await assign(secret.id, { user_id: outsider.id, role: 'observer' }, outsider.token)).statusCode).toBe(404);
    expect((await release(secret.id, ownTenure.id, outsider.token)).statusCode).toBe(404);
    expect((await release(secret.id, ownTenure.id, owner.token)).statusCode).toBe(200);
    expect((await t().call('GET', `/api/v1/incidents/${secret.id}`, { token: owner.token })).statusCode).toBe(404);
    expect((await t().call('GET', `/api/v1/incidents/${secret.id}/members`, { query: { history: 'true' } })).json().items).toHaveLength(1);
  });
});
