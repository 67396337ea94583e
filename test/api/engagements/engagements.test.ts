import { beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../src/services/events.js';
import { insertApprovedPlan } from '../../support/plan-fixture.js';
import { describeApiOnEachEngine } from '../../support/test-app.js';

const INSURER = { id: 'insurer', kind: 'cyber_insurer' as const, name: 'Aegis Mutual', contact_name: 'Claims desk', phone: '+44 20 7946 0000', policy_number: 'CY-2026-88412', hotline: '+44 800 123 4567' };
const COUNSEL = { id: 'counsel', kind: 'outside_counsel' as const, name: 'Hartley & Byrne LLP', email: 'breach@hartley.example', contract_reference: 'Engagement letter 2025-17' };

describeApiOnEachEngine('third-party engagements API', (t) => {
  const openIncident = async (body: Record<string, unknown> = {}, token?: string) => {
    const res = await t().call('POST', '/api/v1/incidents', { body: { title: 'Ransomware on file servers', category: 'ransomware', severity: 1, ...body }, ...(token ? { token } : {}) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; number: string };
  };
  const engage = (incidentId: string, body: Record<string, unknown>, token?: string | null) =>
    t().call('POST', `/api/v1/incidents/${incidentId}/engagements`, { body, ...(token !== undefined ? { token } : {}) });
  const list = async (incidentId: string) => (await t().call('GET', `/api/v1/incidents/${incidentId}/engagements`)).json();
  const patch = (id: string, body: Record<string, unknown>, version?: number, token?: string | null) =>
    t().call('PATCH', `/api/v1/engagements/${id}`, { body, ...(version !== undefined ? { headers: { 'if-match': `"${version}"` } } : {}), ...(token !== undefined ? { token } : {}) });

  beforeAll(async () => {
    await insertApprovedPlan(t().system, { third_parties: [INSURER, COUNSEL] });
  });

  describe('add and list', () => {
    it('lists the plan in force with its third parties beside an empty list', async () => {
      const incident = await openIncident();
      const body = await list(incident.id);
      expect(body.items).toEqual([]);
      expect(body.plan.third_parties.map((p: { id: string }) => p.id)).toEqual(['insurer', 'counsel']);
      expect(body.plan.third_parties[0]).toMatchObject({ hotline: '+44 800 123 4567', policy_number: 'CY-2026-88412' });
    });

    it('engages the insurer from the plan: hotline and policy number copied, with timeline, audit entry and event', async () => {
      const incident = await openIncident();
      const events: DomainEvent[] = [];
      const stop = t().runtime.deps.events.subscribe((e) => events.push(e));
      const res = await engage(incident.id, { party_id: 'insurer' });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.headers.etag).toBe('"1"');
      const engagement = res.json();
      expect(engagement.id).toMatch(/^eng_/);
      expect(res.headers.location).toBe(`/api/v1/engagements/${engagement.id}`);
      expect(engagement).toMatchObject({ incident_id: incident.id, party_id: 'insurer', kind: 'cyber_insurer', name: 'Aegis Mutual', status: 'requested', privileged: false, version: 1 });
      expect(engagement.contact).toBe('Hotline +44 800 123 4567 · Claims desk · +44 20 7946 0000');
      expect(engagement.contract_reference).toBe('Policy CY-2026-88412');
      expect(engagement).not.toHaveProperty('organisation_id');

      expect((await list(incident.id)).items.map((e: { id: string }) => e.id)).toEqual([engagement.id]);
      const timeline = (await t().call('GET', `/api/v1/incidents/${incident.id}/timeline`)).json().items;
      expect(timeline.map((e: { kind: string }) => e.kind)).toContain('engagement_added');
      expect(timeline.find((e: { kind: string }) => e.kind === 'engagement_added').body).toBe('Cyber insurer Aegis Mutual: requested');
      const audit = await t().runtime.deps.database.db.selectFrom('audit_log').select(['action']).where('target_id', '=', engagement.id).execute();
      expect(audit).toEqual([{ action: 'engagement.create' }]);
      await expect.poll(() => events.find((e) => e.type === 'engagement.created' && e.entity_id === engagement.id)).toMatchObject({ incident_id: incident.id, restricted: false });
      stop();
    });

    it('records a party typed by hand, under privilege, at a time in the past', async () => {
      const incident = await openIncident();
      const res = await engage(incident.id, { kind: 'forensics', name: '  Sleuth Forensics  ', contract_reference: 'Via counsel, SOW 4', privileged: true, engaged_at: '2026-01-05T03:10:00+01:00', status: 'engaged', notes: 'Imaging FS01 and FS02' });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ party_id: null, kind: 'forensics', name: 'Sleuth Forensics', privileged: true, status: 'engaged', engaged_at: '2026-01-05T02:10:00.000Z', contact: '' });
      const entry = (await t().call('GET', `/api/v1/incidents/${incident.id}/timeline`)).json().items.find((e: { kind: string }) => e.kind === 'engagement_added');
      expect(entry.body).toBe('Forensics firm Sleuth Forensics: engaged (under legal privilege)');
      expect(entry.occurred_at).toBe('2026-01-05T02:10:00.000Z');
    });

    it.each([
      ['an unknown status', { kind: 'forensics', name: 'X', status: 'hired' }, 'body.status'],
      ['released as the first status', { kind: 'forensics', name: 'X', status: 'released' }, 'body.status'],
      ['an unknown kind', { kind: 'psychic', name: 'X' }, 'body.kind'],
      ['an engagement time in the future', { kind: 'forensics', name: 'X', engaged_at: '2999-01-01T00:00:00Z' }, 'body.engaged_at'],
      ['an engagement time without offset', { kind: 'forensics', name: 'X', engaged_at: '2026-01-01T00:00:00' }, 'body.engaged_at'],
      ['a party id the plan does not have', { party_id: 'retainer' }, 'body.party_id'],
      ['neither a party nor a name', { kind: 'forensics' }, 'body.name'],
      ['neither a party nor a kind', { name: 'Sleuth' }, 'body.kind'],
      ['an unknown field', { kind: 'forensics', name: 'X', fee: 100 }, 'body'],
      ['privileged as text', { kind: 'forensics', name: 'X', privileged: 'yes' }, 'body.privileged'],
    ])('refuses %s (400 problem naming the field) and writes nothing', async (_label, body, path) => {
      const incident = await openIncident();
      const res = await engage(incident.id, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { path: string }) => e.path).join(' ')).toContain(path);
      expect((await list(incident.id)).items).toEqual([]);
    });
  });

  describe('status changes', () => {
    it('moves requested → engaged → active → released with versions, timeline entries and audit entries', async () => {
      const incident = await openIncident();
      const created = (await engage(incident.id, { party_id: 'counsel' })).json();
      const engaged = await patch(created.id, { status: 'engaged' }, 1);
      expect(engaged.statusCode, engaged.body).toBe(200);
      expect(engaged.headers.etag).toBe('"2"');
      expect(engaged.json()).toMatchObject({ status: 'engaged', version: 2 });
      const active = await patch(created.id, { status: 'active', privileged: true, version: 2 });
      expect(active.json()).toMatchObject({ status: 'active', privileged: true, version: 3 });
      expect((await patch(created.id, { status: 'released' }, 3)).json().status).toBe('released');

      const bodies = (await t().call('GET', `/api/v1/incidents/${incident.id}/timeline`)).json().items.filter((e: { kind: string }) => e.kind === 'engagement_updated').map((e: { body: string }) => e.body);
      expect(bodies).toEqual(['Hartley & Byrne LLP: engaged', 'Hartley & Byrne LLP: now under legal privilege, active', 'Hartley & Byrne LLP: released']);
      const audit = await t().runtime.deps.database.db.selectFrom('audit_log').select('action').where('target_id', '=', created.id).orderBy('seq').execute();
      expect(audit.map((a) => a.action)).toEqual(['engagement.create', 'engagement.update', 'engagement.update', 'engagement.update']);
    });

    it('answers 412 for a stale version, 409 for a move the course does not allow, 428 without a version, 400 for bad input; nothing changes', async () => {
      const incident = await openIncident();
      const created = (await engage(incident.id, { party_id: 'insurer', status: 'active' })).json();
      expect((await patch(created.id, { status: 'released' }, 1)).statusCode).toBe(200);

      const stale = await patch(created.id, { notes: 'late edit' }, 1);
      expect(stale.statusCode).toBe(412);
      expect(stale.json().current_version).toBe(2);

      const illegal = await patch(created.id, { status: 'declined' }, 2);
      expect(illegal.statusCode).toBe(409);
      expect(illegal.headers['content-type']).toContain('application/problem+json');
      expect(illegal.json().detail).toContain('released cannot become declined');

      expect((await patch(created.id, { status: 'engaged' })).statusCode).toBe(428);
      const unknown = await patch(created.id, { status: 'hired' }, 2);
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().errors[0].path).toBe('body.status');
      expect((await patch(created.id, { engaged_at: '2999-01-01T00:00:00Z' }, 2)).statusCode).toBe(400);
      expect((await patch(created.id, { name: '' }, 2)).statusCode).toBe(400);

      const after = (await list(incident.id)).items[0];
      expect(after).toMatchObject({ status: 'released', version: 2, notes: '' });
      expect((await patch('eng_01aaaaaaaaaaaaaaaaaaaaaaaa', { status: 'engaged' }, 1)).statusCode).toBe(404);
    });
  });

  describe('who may', () => {
    it('lets incident writers engage and everyone who reads incidents list; refuses the others (403) and anonymous callers (401)', async () => {
      const incident = await openIncident();
      const created = (await engage(incident.id, { party_id: 'insurer' })).json();
      for (const role of ['analyst', 'risk_owner', 'stakeholder', 'auditor'] as const) {
        const user = await t().user(role);
        expect((await t().call('GET', `/api/v1/incidents/${incident.id}/engagements`, { token: user.token })).statusCode, role).toBe(200);
        const refused = await engage(incident.id, { party_id: 'insurer' }, user.token);
        expect(refused.statusCode, role).toBe(403);
        expect(refused.headers['content-type']).toContain('application/problem+json');
        expect((await patch(created.id, { status: 'engaged' }, 1, user.token)).statusCode, role).toBe(403);
      }
      for (const role of ['responder', 'incident_manager'] as const) {
        const user = await t().user(role);
        expect((await engage(incident.id, { kind: 'other', name: `by ${role}` }, user.token)).statusCode, role).toBe(201);
      }
      expect((await t().call('GET', `/api/v1/incidents/${incident.id}/engagements`, { token: null })).statusCode).toBe(401);
      expect((await engage(incident.id, { party_id: 'insurer' }, null)).statusCode).toBe(401);
      expect((await patch(created.id, { status: 'engaged' }, 1, null)).statusCode).toBe(401);
      expect((await list(incident.id)).items).toHaveLength(3);
    });

    it('hides the engagements of a restricted incident from non-members (404), including PATCH by engagement id', async () => {
      const member = await t().user('responder');
      const outsider = await t().user('responder');
      const secret = await openIncident({ title: 'Insider case', restricted: true }, member.token);
      const created = await engage(secret.id, { party_id: 'counsel', privileged: true }, member.token);
      expect(created.statusCode, created.body).toBe(201);
      expect((await t().call('GET', `/api/v1/incidents/${secret.id}/engagements`, { token: outsider.token })).statusCode).toBe(404);
      expect((await engage(secret.id, { party_id: 'insurer' }, outsider.token)).statusCode).toBe(404);
      const hidden = await patch(created.json().id, { status: 'engaged' }, 1, outsider.token);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().detail).not.toContain(secret.id);
      expect((await patch(created.json().id, { status: 'engaged' }, 1, member.token)).statusCode).toBe(200);
    });
  });
});
