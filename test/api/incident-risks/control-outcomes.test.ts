import { describe, expect, it, vi } from 'vitest';
import type { DomainEvent } from '../../../src/services/events.js';
import { describeApiOnEachEngine } from '../../support/test-app.js';

let sequence = 0;
const unique = () => `${Date.now().toString(36)}${(sequence += 1)}`;

describeApiOnEachEngine('control outcomes API', (t) => {
  const open = async (body: Record<string, unknown> = {}, token?: string) => {
    const res = await t().call('POST', '/api/v1/incidents', { body: { title: 'VPN account takeover', category: 'account_compromise', ...body }, ...(token ? { token } : {}) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; number: string };
  };
  const newControl = async (title = 'Account management') => {
    const res = await t().call('POST', '/api/v1/controls', { body: { ref: `AC-${unique()}`, title } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; ref: string; title: string };
  };
  const record = (incidentId: string, body: unknown, token?: string | null) => t().call('POST', `/api/v1/incidents/${incidentId}/control-outcomes`, { body, ...(token !== undefined ? { token } : {}) });
  const change = (incidentId: string, outcomeId: string, body: unknown, options: { token?: string | null; ifMatch?: string } = {}) =>
    t().call('PATCH', `/api/v1/incidents/${incidentId}/control-outcomes/${outcomeId}`, { body, ...(options.token !== undefined ? { token: options.token } : {}), ...(options.ifMatch ? { headers: { 'if-match': options.ifMatch } } : {}) });
  const remove = (incidentId: string, outcomeId: string, token?: string | null) => t().call('DELETE', `/api/v1/incidents/${incidentId}/control-outcomes/${outcomeId}`, { ...(token !== undefined ? { token } : {}) });
  const get = (url: string, token?: string | null) => t().call('GET', url, { ...(token !== undefined ? { token } : {}) });
  const timeline = async (incidentId: string) => ((await get(`/api/v1/incidents/${incidentId}/timeline`)).json().items as Array<{ kind: string; body: string }>).filter((e) => e.kind === 'control_outcomes_changed').map((e) => e.body);
  const audit = (incidentId: string) => t().runtime.deps.database.db.selectFrom('audit_log').select(['action', 'actor_id', 'details']).where('target_id', '=', incidentId).where('action', 'like', 'incident.control_outcome_%').orderBy('at').execute();
  const rows = (incidentId: string) => t().runtime.deps.database.db.selectFrom('control_outcomes').selectAll().where('incident_id', '=', incidentId).execute();

  it('records what a control did, on the timeline, in the audit log and as a live event; changes it with the version checked; removes it', async () => {
    const incident = await open();
    const control = await newControl();
    const responder = await t().user('responder', 'Rita Responder');
    const events: DomainEvent[] = [];
    const stop = t().runtime.deps.events.subscribe((e) => events.push(e));

    const res = await record(incident.id, { control_id: control.id, outcome: 'failed', note: 'MFA was not enforced for the VPN' }, responder.token);
    expect(res.statusCode, res.body).toBe(201);
    const outcome = res.json();
    expect(outcome).toMatchObject({ incident_id: incident.id, control_id: control.id, control: { id: control.id, ref: control.ref, title: 'Account management' }, outcome: 'failed', note: 'MFA was not enforced for the VPN', recorded_by: responder.id, recorded_by_name: 'Rita Responder', version: 1 });
    expect(outcome.id).toMatch(/^cto_/);
    expect(res.headers.etag).toBe('"1"');
    await vi.waitFor(() => expect(events.filter((e) => e.type === 'incident.control_outcomes_changed').map((e) => [e.incident_id, e.entity_id])).toEqual([[incident.id, outcome.id]]));
    stop();
    expect(await timeline(incident.id)).toEqual([`Control ${control.ref} failed: MFA was not enforced for the VPN`]);
    expect(await audit(incident.id)).toMatchObject([{ action: 'incident.control_outcome_recorded', actor_id: responder.id }]);

    const list = await get(`/api/v1/incidents/${incident.id}/control-outcomes`, (await t().user('stakeholder')).token);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toMatchObject([{ id: outcome.id, outcome: 'failed', control: { ref: control.ref }, recorded_by_name: 'Rita Responder' }]);

    const twice = await record(incident.id, { control_id: control.id, outcome: 'worked' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().outcome_id).toBe(outcome.id);

    const changed = await change(incident.id, outcome.id, { outcome: 'bypassed' }, { token: responder.token, ifMatch: '"1"' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ outcome: 'bypassed', note: 'MFA was not enforced for the VPN', version: 2, recorded_at: outcome.recorded_at, recorded_by_name: 'Rita Responder', control: { ref: control.ref } });
    expect(changed.headers.etag).toBe('"2"');
    const stale = await change(incident.id, outcome.id, { note: 'late edit' }, { ifMatch: '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current_version).toBe(2);
    const unchanged = await change(incident.id, outcome.id, { outcome: 'bypassed' });
    expect(unchanged.json().version).toBe(2);
    expect(await timeline(incident.id)).toEqual([`Control ${control.ref} failed: MFA was not enforced for the VPN`, `Control ${control.ref} was bypassed: MFA was not enforced for the VPN (was failed)`]);

    expect((await remove(incident.id, outcome.id, responder.token)).statusCode).toBe(204);
    expect(await rows(incident.id)).toHaveLength(0);
    expect((await timeline(incident.id)).at(-1)).toBe(`Removed the outcome of control ${control.ref} (bypassed)`);
    expect((await audit(incident.id)).map((a) => a.action)).toEqual(['incident.control_outcome_recorded', 'incident.control_outcome_changed', 'incident.control_outcome_removed']);
    expect((await remove(incident.id, outcome.id)).statusCode).toBe(404);
    expect((await change(incident.id, outcome.id, { note: 'gone' })).statusCode).toBe(404);
  });

  it('refuses bad input: an unknown control, a wrong outcome, extra fields (400); an outcome of another incident (404)', async () => {
    const incident = await open();
    const control = await newControl();
    const unknown = await record(incident.id, { control_id: 'ctl_nope', outcome: 'failed' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json().errors).toEqual([{ path: 'body.control_id', message: 'unknown control' }]);
    const wrong = await record(incident.id, { control_id: control.id, outcome: 'partially' });
    expect(wrong.statusCode).toBe(400);
    expect(JSON.stringify(wrong.json().errors)).toContain('outcome');
    expect((await record(incident.id, { control_id: control.id })).statusCode).toBe(400);
    expect((await record(incident.id, { control_id: control.id, outcome: 'failed', severity: 3 })).statusCode).toBe(400);
    expect(await rows(incident.id)).toHaveLength(0);

    const outcome = (await record(incident.id, { control_id: control.id, outcome: 'detected' })).json();
    expect((await change(incident.id, outcome.id, { outcome: 'sort of' })).statusCode).toBe(400);
    expect((await change(incident.id, outcome.id, { note: 'x' }, { ifMatch: 'yesterday' })).statusCode).toBe(400);
    const other = await open();
    expect((await change(other.id, outcome.id, { outcome: 'failed' })).statusCode).toBe(404);
    expect((await remove(other.id, outcome.id)).statusCode).toBe(404);
    expect((await record('INC-9999-99999', { control_id: control.id, outcome: 'failed' })).statusCode).toBe(404);
    expect((await rows(incident.id)).map((r) => r.outcome)).toEqual(['detected']);
  });

  describe('authorisation', () => {
    it('lets admins, incident managers and responders record and change outcomes; refuses other roles (403) and anonymous callers (401)', async () => {
      const incident = await open();
      const control = await newControl();
      const outcome = (await record(incident.id, { control_id: control.id, outcome: 'worked' }, (await t().user('incident_manager')).token)).json();
      for (const role of ['analyst', 'risk_owner', 'stakeholder', 'auditor'] as const) {
        const caller = await t().user(role);
        expect((await record(incident.id, { control_id: (await newControl()).id, outcome: 'failed' }, caller.token)).statusCode, role).toBe(403);
        expect((await change(incident.id, outcome.id, { outcome: 'failed' }, { token: caller.token })).statusCode, role).toBe(403);
        expect((await remove(incident.id, outcome.id, caller.token)).statusCode, role).toBe(403);
        expect((await get(`/api/v1/incidents/${incident.id}/control-outcomes`, caller.token)).statusCode, role).toBe(200);
      }
      expect((await record(incident.id, { control_id: control.id, outcome: 'failed' }, null)).statusCode).toBe(401);
      expect((await change(incident.id, outcome.id, { outcome: 'failed' }, { token: null })).statusCode).toBe(401);
      expect((await rows(incident.id)).map((r) => r.outcome)).toEqual(['worked']);
    });

    it('hides a restricted incident from non-members (404) for reading, recording, changing and removing', async () => {
      const member = await t().user('responder');
      const outsider = await t().user('incident_manager');
      const secret = await open({ restricted: true }, member.token);
      const control = await newControl();
      const outcome = (await record(secret.id, { control_id: control.id, outcome: 'absent' }, member.token)).json();
      expect((await get(`/api/v1/incidents/${secret.id}/control-outcomes`, outsider.token)).statusCode).toBe(404);
      expect((await record(secret.id, { control_id: (await newControl()).id, outcome: 'failed' }, outsider.token)).statusCode).toBe(404);
      expect((await change(secret.id, outcome.id, { outcome: 'worked' }, { token: outsider.token })).statusCode).toBe(404);
      expect((await remove(secret.id, outcome.id, outsider.token)).statusCode).toBe(404);
      expect((await rows(secret.id)).map((r) => r.outcome)).toEqual(['absent']);
    });
  });

  it('shows per control its outcomes across incidents, counting all and listing those the viewer may see', async () => {
    const control = await newControl('Multi-factor authentication');
    const member = await t().user('responder');
    const first = await open({ title: 'First' });
    const second = await open({ title: 'Second' });
    const secret = await open({ title: 'Secret', restricted: true }, member.token);
    expect((await record(first.id, { control_id: control.id, outcome: 'failed', note: 'push fatigue' })).statusCode).toBe(201);
    expect((await record(second.id, { control_id: control.id, outcome: 'worked' })).statusCode).toBe(201);
    expect((await record(secret.id, { control_id: control.id, outcome: 'failed' }, member.token)).statusCode).toBe(201);

    const res = await get(`/api/v1/controls/${control.id}/outcomes`, (await t().user('risk_owner')).token);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ control_id: control.id, counts: { worked: 1, detected: 0, failed: 2, bypassed: 0, absent: 0 }, not_shown: 1 });
    expect(body.items.map((i: { incident: { id: string }; outcome: string }) => [i.incident.id, i.outcome]).sort()).toEqual([[first.id, 'failed'], [second.id, 'worked']].sort());
    expect(body.items.find((i: { incident: { id: string } }) => i.incident.id === first.id)).toMatchObject({ note: 'push fatigue', incident: { number: first.number, title: 'First' } });
    expect((await get(`/api/v1/controls/${control.id}/outcomes`, member.token)).json().items).toHaveLength(3);
    expect((await get('/api/v1/controls/ctl_nope/outcomes')).statusCode).toBe(404);
  });
});
