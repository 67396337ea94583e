import { expect, it } from 'vitest';
import { describeApiOnEachEngine } from '../../support/test-app.js';

describeApiOnEachEngine('incident observables API', (t) => {
  const openIncident = async (body: Record<string, unknown> = {}, token?: string) => {
    const res = await t().call('POST', '/api/v1/incidents', { token, body: { title: 'Phishing wave', category: 'phishing', ...body } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const add = (incidentId: string, observables: unknown[], token?: string) => t().call('POST', `/api/v1/incidents/${incidentId}/observables`, { token, body: { observables } });
  const list = async (incidentId: string, token?: string) => (await t().call('GET', `/api/v1/incidents/${incidentId}/observables`, { token })).json().items;
  const timelineKinds = async (incidentId: string) => (await t().call('GET', `/api/v1/incidents/${incidentId}/timeline`, { query: { limit: '200' } })).json().items.map((e: { kind: string }) => e.kind);

  it('adds observables normalised, with flags, and records it on the timeline and in the audit log', async () => {
    const incident = await openIncident({ tlp: 'green' });
    const res = await add(incident.id, [
      { type: 'ip', value: '185.220.101[.]4', ioc: true, tags: ['C2 ', 'tor'] },
      { type: 'url', value: 'hxxps://Login-Micros0ft[.]example/auth', note: 'from the phishing mail' },
      { type: 'sha256', value: 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855', tlp: 'red', sighted: true },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const items = res.json().items;
    expect(items.map((s: { observable: { type: string; value: string } }) => `${s.observable.type} ${s.observable.value}`)).toEqual([
      'ip 185.220.101.4',
      'sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'url https://login-micros0ft.example/auth',
    ]);
    const ip = items[0];
    expect(ip).toMatchObject({ ioc: true, sighted: false, tlp: 'green', tags: ['c2', 'tor'], count: 1, seen_elsewhere: 0, subject: { type: 'incident', id: incident.id, number: incident.number } });
    expect(items[1]).toMatchObject({ tlp: 'red', sighted: true });
    expect(items[2].note).toBe('from the phishing mail');
    expect(await list(incident.id)).toHaveLength(3);
    expect(await timelineKinds(incident.id)).toContain('observables_added');
    const audit = (await t().call('GET', '/api/v1/audit', { query: { target_type: 'incident', target_id: incident.id } })).json();
    const entry = audit.items.find((e: { action: string }) => e.action === 'observable.add');
    expect(JSON.stringify(entry.details)).toContain('185.220.101.4');
  });

  it('counts a value seen again instead of adding it twice, and shows where else it was seen', async () => {
    const first = await openIncident();
    const second = await openIncident();
    await add(first.id, [{ type: 'domain', value: 'evil.example' }]);
    await add(first.id, [{ type: 'domain', value: 'EVIL[.]example', ioc: true }]);
    const [again] = await list(first.id);
    expect(again).toMatchObject({ count: 2, ioc: true });
    await add(second.id, [{ type: 'domain', value: 'Evil.Example.' }]);
    expect((await list(first.id))[0].seen_elsewhere).toBe(1);
    expect((await list(second.id))[0].seen_elsewhere).toBe(1);
  });

  it('refuses the whole request when any observable is malformed, naming each, and writes nothing', async () => {
    const incident = await openIncident();
    const before = await timelineKinds(incident.id);
    const res = await add(incident.id, [
      { type: 'ip', value: '10.0.0.1' },
      { type: 'ip', value: '999.1.1.1' },
      { type: 'md5', value: 'd41d8cd98f00b204e9800998ecf8427' },
    ]);
    expect(res.statusCode).toBe(400);
    const problem = res.json();
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(problem.errors).toEqual([
      { path: 'observables.1.value', message: '999 is larger than 255' },
      { path: 'observables.2.value', message: 'an MD5 hash is 32 hexadecimal characters, not 31' },
    ]);
    expect(await list(incident.id)).toEqual([]);
    expect(await timelineKinds(incident.id)).toEqual(before);
    const lookup = (await t().call('GET', '/api/v1/observables/lookup', { query: { type: 'ip', value: '10.0.0.1' } })).json();
    expect(lookup.observable).toBeNull();
  });

  it('validates the body shape: type, lengths, unknown fields, list size', async () => {
    const incident = await openIncident();
    const cases: [unknown, string][] = [
      [{ observables: [{ type: 'ipv4', value: '1.2.3.4' }] }, 'observables.0.type'],
      [{ observables: [{ type: 'other', value: 'x'.repeat(4097) }] }, 'observables.0.value'],
      [{ observables: [{ type: 'ip', value: '1.2.3.4', colour: 'red' }] }, 'observables.0'],
      [{ observables: [{ type: 'ip', value: '1.2.3.4', tlp: 'white' }] }, 'observables.0.tlp'],
      [{ observables: [] }, 'observables'],
      [{ observables: Array.from({ length: 1001 }, (_, i) => ({ type: 'other', value: `v${i}` })) }, 'observables'],
      [{}, 'observables'],
    ];
    for (const [body, path] of cases) {
      const res = await t().call('POST', `/api/v1/incidents/${incident.id}/observables`, { body });
      expect(res.statusCode, path).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path).join(' '), path).toContain(path);
    }
    expect(await list(incident.id)).toEqual([]);
  });

  it('edits flags, TLP, tags and note at the version seen, and removes an observable', async () => {
    const incident = await openIncident();
    const [sighting] = (await add(incident.id, [{ type: 'hostname', value: 'WS-042' }])).json().items;
    const url = `/api/v1/incidents/${incident.id}/observables/${sighting.id}`;
    expect((await t().call('PATCH', url, { body: { ioc: true } })).statusCode).toBe(428);
    const edited = await t().call('PATCH', url, { body: { ioc: true, tlp: 'amber+strict', tags: ['Patient-Zero'], note: 'first host' }, headers: { 'if-match': '"1"' } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.headers.etag).toBe('"2"');
    expect(edited.json()).toMatchObject({ ioc: true, tlp: 'amber+strict', tags: ['patient-zero'], note: 'first host', version: 2 });
    expect((await t().call('PATCH', url, { body: { sighted: true, version: 1 } })).statusCode).toBe(412);
    for (const [body, path] of [[{ ioc: 'yes', version: 2 }, 'ioc'], [{ tlp: 'purple', version: 2 }, 'tlp'], [{ value: 'x', version: 2 }, 'body']] as const) {
      const res = await t().call('PATCH', url, { body });
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json().errors)).toContain(path);
    }
    expect((await list(incident.id))[0].version).toBe(2);

    const removed = await t().call('DELETE', url);
    expect(removed.statusCode).toBe(204);
    expect(await list(incident.id)).toEqual([]);
    expect((await t().call('DELETE', url)).statusCode).toBe(404);
    expect(await timelineKinds(incident.id)).toEqual(expect.arrayContaining(['observables_added', 'observable_updated', 'observable_removed']));
    const other = await openIncident();
    expect((await t().call('DELETE', `/api/v1/incidents/${other.id}/observables/${sighting.id}`)).statusCode).toBe(404);
  });

  it('lets analysts and responders write, the read-only roles only read, and nobody without a token', async () => {
    const incident = await openIncident();
    const [sighting] = (await add(incident.id, [{ type: 'ip', value: '192.0.2.10' }])).json().items;
    const sightingUrl = `/api/v1/incidents/${incident.id}/observables/${sighting.id}`;
    for (const role of ['analyst', 'responder', 'incident_manager'] as const) {
      const user = await t().user(role);
      expect((await add(incident.id, [{ type: 'ip', value: '192.0.2.11' }], user.token)).statusCode, role).toBe(201);
    }
    for (const role of ['risk_owner', 'stakeholder', 'auditor'] as const) {
      const user = await t().user(role);
      expect((await t().call('GET', `/api/v1/incidents/${incident.id}/observables`, { token: user.token })).statusCode, role).toBe(200);
      expect((await add(incident.id, [{ type: 'ip', value: '192.0.2.12' }], user.token)).statusCode, role).toBe(403);
      expect((await t().call('PATCH', sightingUrl, { token: user.token, body: { ioc: true, version: 1 } })).statusCode, role).toBe(403);
      expect((await t().call('DELETE', sightingUrl, { token: user.token })).statusCode, role).toBe(403);
    }
    expect((await t().call('GET', `/api/v1/incidents/${incident.id}/observables`, { token: null })).statusCode).toBe(401);
    expect((await add(incident.id, [{ type: 'ip', value: '192.0.2.13' }], null as unknown as string)).statusCode).toBe(401);
    expect((await t().call('PATCH', sightingUrl, { token: null, body: { ioc: true, version: 1 } })).statusCode).toBe(401);
    expect((await t().call('DELETE', sightingUrl, { token: null })).statusCode).toBe(401);
    expect((await list(incident.id)).map((s: { observable: { value: string } }) => s.observable.value)).not.toContain('192.0.2.12');
  });

  it('answers 404 on a restricted incident to a non-member, and serves its members', async () => {
    const member = await t().user('responder');
    const outsider = await t().user('incident_manager');
    const secret = await openIncident({ restricted: true }, member.token);
    const [sighting] = (await add(secret.id, [{ type: 'email', value: 'insider@corp.example' }], member.token)).json().items;
    const sightingUrl = `/api/v1/incidents/${secret.id}/observables/${sighting.id}`;
    expect((await t().call('GET', `/api/v1/incidents/${secret.id}/observables`, { token: outsider.token })).statusCode).toBe(404);
    expect((await add(secret.id, [{ type: 'ip', value: '192.0.2.99' }], outsider.token)).statusCode).toBe(404);
    expect((await t().call('PATCH', sightingUrl, { token: outsider.token, body: { ioc: true, version: 1 } })).statusCode).toBe(404);
    expect((await t().call('DELETE', sightingUrl, { token: outsider.token })).statusCode).toBe(404);
    expect(await list(secret.id, member.token)).toHaveLength(1);
    expect((await list(secret.id)).length).toBe(1);
  });
});
