import { expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids.js';
import type { ObservableType } from '../../../src/domain/observables.js';
import { upsertObservablesAndSightings } from '../../../src/store/repositories/observables.js';
import { describeApiOnEachEngine } from '../../support/test-app.js';

describeApiOnEachEngine('observable lookup API ("seen before")', (t) => {
  const openIncident = async (body: Record<string, unknown> = {}, token?: string) => {
    const res = await t().call('POST', '/api/v1/incidents', { token, body: { title: 'Credential phishing', category: 'phishing', ...body } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const add = async (incidentId: string, observables: unknown[], token?: string) => {
    const res = await t().call('POST', `/api/v1/incidents/${incidentId}/observables`, { token, body: { observables } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().items;
  };
  const lookup = (query: Record<string, string>, token?: string) => t().call('GET', '/api/v1/observables/lookup', { token, query });

  /** An alert as ingestion stores it, with its observables (written through the store, as ingestion does). */
  const storeAlert = async (observables: { type: ObservableType; value: string }[], seenAt: string, incidentId: string | null = null) => {
    const { db } = t().runtime.deps.database;
    const id = newId('alert');
    const organisation = t().system.actor.organisationId;
    await db.insertInto('alerts').values({
      id, organisation_id: organisation, source: 'siem', source_ref: id, type: 'detection', title: `Alert ${id}`, description: '', severity: 2,
      occurred_at: seenAt, tags: '[]', tlp: 'amber', pap: 'amber', status: incidentId ? 'merged' : 'new', fingerprint: null, group_id: null,
      incident_id: incidentId, dismiss_reason: null, triaged_at: null, triaged_by: null, repeat_count: 1, first_seen_at: seenAt, last_seen_at: seenAt,
      raw: null, created_at: seenAt, updated_at: seenAt, version: 1,
    }).execute();
    await db.transaction().execute((trx) => upsertObservablesAndSightings(trx, organisation, 'system', seenAt, observables.map((o) => ({
      ...o, subject_type: 'alert' as const, subject_id: id, ioc: false, sighted: true, tlp: 'amber', tags: [], note: '', seen_at: seenAt,
    }))));
    return id;
  };

  it('answers the normalised value and every sighting, with first and last seen and counts', async () => {
    const a = await openIncident({ title: 'Phish A' });
    const b = await openIncident({ title: 'Phish B' });
    await add(a.id, [{ type: 'ip', value: '203.0.113.7', ioc: true }]);
    await add(b.id, [{ type: 'ip', value: '203.0.113.7' }]);
    const alertId = await storeAlert([{ type: 'ip', value: '203.0.113.7' }], '2026-11-01T10:00:00.000Z');
    await storeAlert([{ type: 'ip', value: '203.0.113.8' }], '2026-11-01T10:00:00.000Z');

    const res = await lookup({ type: 'ip', value: ' 203[.]0[.]113[.]7 ' });
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json();
    expect(answer).toMatchObject({ type: 'ip', value: '203.0.113.7', observable: { type: 'ip', value: '203.0.113.7', ignore_similarity: false } });
    expect(answer.summary).toMatchObject({ incidents: 2, alerts: 1, times_seen: 3, first_seen_at: '2026-11-01T10:00:00.000Z' });
    expect(answer.summary.last_seen_at > '2026-11-01T10:00:00.000Z').toBe(true);
    expect(answer.sightings.items.map((s: { subject: { id: string } }) => s.subject.id).sort()).toEqual([a.id, b.id, alertId].sort());
    expect(answer.sightings.items.at(-1)).toMatchObject({ subject: { type: 'alert', id: alertId, source: 'siem', status: 'new' }, sighted: true });
    expect(answer.sightings.items.find((s: { subject: { id: string } }) => s.subject.id === a.id)).toMatchObject({ ioc: true, subject: { type: 'incident', number: a.number, title: 'Phish A' } });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = { type: 'ip', value: '203.0.113.7', limit: '1', ...(cursor ? { cursor } : {}) };
      const page: { sightings: { items: { id: string }[]; next_cursor: string | null } } = (await lookup(query)).json();
      seen.push(...page.sightings.items.map((s) => s.id));
      cursor = page.sightings.next_cursor;
    } while (cursor);
    expect(seen).toEqual(answer.sightings.items.map((s: { id: string }) => s.id));

    const byId = await t().call('GET', `/api/v1/observables/${answer.observable.id}`);
    expect(byId.json().summary).toEqual(answer.summary);
    // With more sightings than one page the summary is counted by the database; both ways agree.
    const paged = (await lookup({ type: 'ip', value: '203.0.113.7', limit: '1' })).json();
    expect(paged.summary).toEqual(answer.summary);
  });

  it('hides sightings on restricted incidents from non-members, and alerts from roles without alert.read', async () => {
    const member = await t().user('responder');
    const outsider = await t().user('analyst');
    const stakeholder = await t().user('stakeholder');
    const secret = await openIncident({ title: 'Insider case', restricted: true }, member.token);
    const open = await openIncident({ title: 'Open case' });
    await add(secret.id, [{ type: 'email', value: 'leaker@corp.example' }], member.token);
    await add(open.id, [{ type: 'email', value: 'leaker@corp.example' }]);
    await storeAlert([{ type: 'email', value: 'leaker@corp.example' }], '2026-11-02T08:00:00.000Z');
    const mergedIntoSecret = await storeAlert([{ type: 'email', value: 'leaker@corp.example' }], '2026-11-02T09:00:00.000Z', secret.id);

    const subjects = async (token: string) => (await lookup({ type: 'email', value: 'Leaker@CORP.example' }, token)).json().sightings.items.map((s: { subject: { id: string } }) => s.subject.id);
    const outsiderView = await subjects(outsider.token);
    expect(outsiderView).toHaveLength(2);
    expect(outsiderView).not.toContain(secret.id);
    expect(outsiderView).not.toContain(mergedIntoSecret);
    expect((await lookup({ type: 'email', value: 'leaker@corp.example' }, outsider.token)).json().summary).toMatchObject({ incidents: 1, alerts: 1 });
    expect(await subjects(member.token)).toHaveLength(4);
    expect(await subjects(t().admin.token)).toHaveLength(4);
    expect(await subjects(stakeholder.token)).toEqual([open.id]);
    // Seen before, as counted on the open incident, leaves out what the viewer may not see too.
    const onOpen = (await t().call('GET', `/api/v1/incidents/${open.id}/observables`, { token: outsider.token })).json().items[0];
    expect(onOpen.seen_elsewhere).toBe(1);
    const onOpenForMember = (await t().call('GET', `/api/v1/incidents/${open.id}/observables`, { token: member.token })).json().items[0];
    expect(onOpenForMember.seen_elsewhere).toBe(3);
  });

  it('guesses the type of a pasted value and says never seen when it was not', async () => {
    const unseen = (await lookup({ value: 'hxxp://never-seen[.]example/x' })).json();
    expect(unseen).toMatchObject({ type: 'url', value: 'http://never-seen.example/x', observable: null, summary: { incidents: 0, alerts: 0, times_seen: 0, first_seen_at: null } });
    expect(unseen.sightings).toEqual({ items: [], next_cursor: null });
    const incident = await openIncident();
    await add(incident.id, [{ type: 'sha1', value: 'da39a3ee5e6b4b0d3255bfef95601890afd80709' }]);
    expect((await lookup({ value: 'DA39A3EE5E6B4B0D3255BFEF95601890AFD80709' })).json()).toMatchObject({ type: 'sha1', summary: { incidents: 1 } });
  });

  it('refuses malformed values, free text without a type, unknown types and bad cursors, naming the field', async () => {
    const cases: [Record<string, string>, string, RegExp?][] = [
      [{ type: 'ip', value: '300.1.1.1' }, 'value', /larger than 255/],
      [{ type: 'md5', value: 'abc' }, 'value', /32 hexadecimal/],
      [{ value: 'some free text' }, 'type'],
      [{ type: 'ipv4', value: '1.2.3.4' }, 'querystring.type'],
      [{ type: 'ip' }, 'querystring.value'],
      [{ type: 'other', value: 'x'.repeat(4097) }, 'querystring.value'],
      [{ type: 'ip', value: '1.2.3.4', colour: 'red' }, 'querystring'],
      [{ type: 'ip', value: '1.2.3.4', cursor: 'garbage!' }, 'cursor'],
      [{ type: 'ip', value: '1.2.3.4', limit: '1000' }, 'querystring.limit'],
    ];
    for (const [query, path, message] of cases) {
      const res = await lookup(query);
      expect(res.statusCode, JSON.stringify(query)).toBe(400);
      const errors = res.json().errors as { path: string; message: string }[];
      expect(errors.map((e) => e.path).join(' '), JSON.stringify(query)).toContain(path);
      if (message) expect(errors[0]!.message).toMatch(message);
    }
  });

  it('lets every role look up, and nobody without a token', async () => {
    for (const role of ['incident_manager', 'responder', 'analyst', 'risk_owner', 'stakeholder', 'auditor'] as const) {
      const user = await t().user(role);
      expect((await lookup({ type: 'ip', value: '192.0.2.1' }, user.token)).statusCode, role).toBe(200);
    }
    expect((await lookup({ type: 'ip', value: '192.0.2.1' }, null as unknown as string)).statusCode).toBe(401);
    expect((await t().call('GET', '/api/v1/observables/obs_nope', { token: null })).statusCode).toBe(401);
    expect((await t().call('GET', '/api/v1/observables/obs_nope')).statusCode).toBe(404);
  });
});
