import { expect, it } from 'vitest';
import { describeApiOnEachEngine } from '../../support/test-app.js';

describeApiOnEachEngine('ignoring an observable for similarity', (t) => {
  const openIncident = async () => (await t().call('POST', '/api/v1/incidents', { body: { title: 'DNS noise', category: 'malware' } })).json();
  const add = async (incidentId: string, value = '8.8.8.8') =>
    (await t().call('POST', `/api/v1/incidents/${incidentId}/observables`, { body: { observables: [{ type: 'ip', value }] } })).json().items[0];

  it('stops counting it as seen before, at the version seen, with an audit entry', async () => {
    const a = await openIncident();
    const b = await openIncident();
    const sighting = await add(a.id);
    await add(b.id);
    const url = `/api/v1/observables/${sighting.observable.id}`;
    expect((await t().call('GET', `/api/v1/incidents/${a.id}/observables`)).json().items[0].seen_elsewhere).toBe(1);
    const current = await t().call('GET', url);
    expect(current.headers.etag).toBe('"1"');

    expect((await t().call('PATCH', url, { body: { ignore_similarity: true } })).statusCode).toBe(428);
    const res = await t().call('PATCH', url, { body: { ignore_similarity: true }, headers: { 'if-match': '"1"' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ignore_similarity: true, version: 2, value: '8.8.8.8' });
    expect(res.headers.etag).toBe('"2"');
    const onIncident = (await t().call('GET', `/api/v1/incidents/${a.id}/observables`)).json().items[0];
    expect(onIncident).toMatchObject({ seen_elsewhere: 0, observable: { ignore_similarity: true } });
    // The history is still there for whoever looks it up on purpose.
    expect((await t().call('GET', '/api/v1/observables/lookup', { query: { type: 'ip', value: '8.8.8.8' } })).json().summary.incidents).toBe(2);

    expect((await t().call('PATCH', url, { body: { ignore_similarity: false, version: 1 } })).statusCode).toBe(412);
    const audit = (await t().call('GET', '/api/v1/audit', { query: { target_type: 'observable', target_id: sighting.observable.id } })).json();
    expect(audit.items[0]).toMatchObject({ action: 'observable.update', details: { changes: { ignore_similarity: { from: false, to: true } } } });
  });

  it('refuses bad input, read-only roles, unknown ids and callers without a token', async () => {
    const incident = await openIncident();
    const sighting = await add(incident.id, '1.1.1.1');
    const url = `/api/v1/observables/${sighting.observable.id}`;
    for (const [body, path] of [[{ ignore_similarity: 'yes', version: 1 }, 'ignore_similarity'], [{ value: '1.1.1.1', version: 1 }, 'body'], [{ ignore_similarity: true, version: 0 }, 'version']] as const) {
      const res = await t().call('PATCH', url, { body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.json().errors)).toContain(path);
    }
    for (const role of ['risk_owner', 'stakeholder', 'auditor'] as const) {
      const user = await t().user(role);
      expect((await t().call('PATCH', url, { token: user.token, body: { ignore_similarity: true, version: 1 } })).statusCode, role).toBe(403);
    }
    const analyst = await t().user('analyst');
    expect((await t().call('PATCH', '/api/v1/observables/obs_nope', { token: analyst.token, body: { ignore_similarity: true, version: 1 } })).statusCode).toBe(404);
    expect((await t().call('PATCH', url, { token: null, body: { ignore_similarity: true, version: 1 } })).statusCode).toBe(401);
    expect((await t().call('GET', url)).json().observable).toMatchObject({ ignore_similarity: false, version: 1 });
    expect((await t().call('PATCH', url, { token: analyst.token, body: { ignore_similarity: true, version: 1 } })).statusCode).toBe(200);
  });
});
