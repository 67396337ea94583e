import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../src/services/events.js';
import { updateUser } from '../../../src/services/users/update-user.js';
import { describeApiOnEachEngine } from '../../support/test-app.js';

describeApiOnEachEngine('incident members API', (t) => {
  const openIncident = async (body: Record<string, unknown> = {}, token?: string) =>
    (await t().call('POST', '/api/v1/incidents', { body: { title: 'Ransomware at branch office', category: 'ransomware', ...body }, ...(token ? { token } : {}) })).json();
  const assign = (incidentId: string, body: Record<string, unknown>, token?: string | null) =>
    t().call('POST', `/api/v1/incidents/${incidentId}/members`, { body, ...(token !== undefined ? { token } : {}) });
  const members = async (incidentId: string, history = false, token?: string) =>
    (await t().call('GET', `/api/v1/incidents/${incidentId}/members`, { ...(history ? { query: { history: 'true' } } : {}), ...(token ? { token } : {}) })).json().items;
  const timeline = async (incidentId: string) => (await t().call('GET', `/api/v1/incidents/${incidentId}/timeline`)).json().items;

  describe('assign and hand over', () => {
    it('assigns a role, acknowledges the incident with its first commander, and hands over single-holder roles', async () => {
      const incident = await openIncident();
      expect(incident.acknowledged_at).toBeNull();
      const sofia = await t().user('responder', 'Sofia Lind');
      const malik = await t().user('responder', 'Malik Osei');
      const events: DomainEvent[] = [];
      const stop = t().runtime.deps.events.subscribe((e) => events.push(e));

      const first = await assign(incident.id, { user_id: sofia.id, role: 'incident_commander' });
      expect(first.statusCode).toBe(201);
      const sofiaTenure = first.json();
      expect(sofiaTenure).toMatchObject({ user_id: sofia.id, user_name: 'Sofia Lind', user_email: sofia.email, role: 'incident_commander', assigned_by: t().admin.id, released_at: null });
      expect(sofiaTenure.id).toMatch(/^mem_/);
      const acknowledged = (await t().call('GET', `/api/v1/incidents/${incident.id}`)).json();
      expect(acknowledged.acknowledged_at).toBe(sofiaTenure.assigned_at);
      expect(acknowledged.version).toBe(2);

      const handover = (await assign(incident.id, { user_id: malik.id, role: 'incident_commander' })).json();
      expect((await t().call('GET', `/api/v1/incidents/${incident.id}`)).json()).toMatchObject({ version: 2, acknowledged_at: acknowledged.acknowledged_at });
      expect((await members(incident.id)).map((m: { user_id: string }) => m.user_id)).toEqual([malik.id]);
      const history = await members(incident.id, true);
      expect(history.map((m: { user_id: string; released_at: string | null }) => [m.user_id, m.released_at === null])).toEqual([[sofia.id, false], [malik.id, true]]);
      expect(history[0].released_at).toBe(handover.assigned_at);
      expect(history[0].released_by).toBe(t().admin.id);

      const entries = (await timeline(incident.id)).filter((e: { kind: string }) => e.kind === 'role_assigned');
      expect(entries.map((e: { body: string }) => e.body)).toEqual(['Sofia Lind assigned as Incident commander', 'Incident commander handed over from Sofia Lind to Malik Osei']);
      expect(entries[1].details.handed_over_from).toEqual([{ member_id: sofiaTenure.id, user_id: sofia.id }]);
      const audit = await t().runtime.deps.database.db.selectFrom('audit_log').select('action').where('target_id', 'in', [sofiaTenure.id, handover.id]).orderBy('seq').execute();
      expect(audit.map((a) => a.action)).toEqual(['member.assign', 'member.assign']);
      await expect.poll(() => events.filter((e) => e.incident_id === incident.id).map((e) => e.type).sort()).toEqual(
        ['incident.updated', 'member.assigned', 'member.assigned', 'member.released', 'timeline.entry_added', 'timeline.entry_added'].sort(),
      );
      stop();
    });

    it('lets several people hold a multi-holder role, and refuses assigning the same person twice (409)', async () => {
      const incident = await openIncident();
      const [a, b] = [await t().user('stakeholder'), await t().user('stakeholder')];
      expect((await assign(incident.id, { user_id: a.id, role: 'observer' })).statusCode).toBe(201);
      expect((await assign(incident.id, { user_id: b.id, role: 'observer' })).statusCode).toBe(201);
      expect((await assign(incident.id, { user_id: a.id, role: 'legal' })).statusCode).toBe(201);
      expect((await assign(incident.id, { user_id: a.id, role: 'observer' })).statusCode).toBe(409);
      expect((await members(incident.id)).map((m: { role: string }) => m.role)).toEqual(['observer', 'observer', 'legal']);
    });

    it('makes the person assigned to a restricted incident able to see it', async () => {
      const owner = await t().user('incident_manager');
      const legal = await t().user('stakeholder');
      const secret = await openIncident({ restricted: true }, owner.token);
      expect((await t().call('GET', `/api/v1/incidents/${secret.id}`, { token: legal.token })).statusCode).toBe(404);
      expect((await assign(secret.id, { user_id: legal.id, role: 'legal' }, owner.token)).statusCode).toBe(201);
      expect((await t().call('GET', `/api/v1/incidents/${secret.id}`, { token: legal.token })).statusCode).toBe(200);
    });

    it.each([
      ['an unknown field', { user_id: 'x', role: 'scribe', bogus: 1 }, 'body'],
      ['an unknown role', { user_id: 'x', role: 'hero' }, 'body.role'],
      ['no user', { role: 'scribe' }, 'body.user_id'],
      ['a user who does not exist', { user_id: 'usr_01aaaaaaaaaaaaaaaaaaaaaaaa', role: 'scribe' }, 'user_id'],
    ])('refuses %s, naming the field, and assigns nobody', async (_label, body, path) => {
      const incident = await openIncident();
      const res = await assign(incident.id, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path).join(' ')).toContain(path);
      expect(await members(incident.id, true)).toEqual([]);
      expect((await timeline(incident.id)).map((e: { kind: string }) => e.kind)).toEqual(['incident_opened']);
    });

    it('refuses a disabled user', async () => {
      const incident = await openIncident();
      const leaver = await t().user('responder');
      await updateUser(t().system, leaver.id, undefined, { disabled: true });
      const res = await assign(incident.id, { user_id: leaver.id, role: 'scribe' });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toBe('user_id');
      expect(await members(incident.id, true)).toEqual([]);
    });
  });
});
