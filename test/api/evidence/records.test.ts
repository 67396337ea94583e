import { expect, it } from 'vitest';
import { describeApiOnEachEngine } from '../../support/test-app.js';
import { addPhysicalEvidence, openIncident, uploadEvidence } from './fixtures.js';

describeApiOnEachEngine('evidence records', (t) => {
  it('records an item without a file (JSON): serial numbers, location, no hashes; held by whoever recorded it', async () => {
    const incident = await openIncident(t());
    const responder = await t().user('responder', 'Rita Responder');
    const record = await addPhysicalEvidence(t(), incident.id, { title: 'Finance laptop (Dell Latitude 7440)', serial_numbers: ['5CG1234XYZ', ' bag 0042 ', '5CG1234XYZ'], physical_location: 'Safe 2, room 4.12', collected_at: '2026-11-20T13:40:00Z' }, responder.token);
    expect(record).toMatchObject({
      kind: 'physical',
      title: 'Finance laptop (Dell Latitude 7440)',
      file_name: null,
      size_bytes: null,
      sha256: null,
      sha1: null,
      md5: null,
      serial_numbers: ['5CG1234XYZ', 'bag 0042'],
      physical_location: 'Safe 2, room 4.12',
      collected_by: 'Rita Responder',
      tlp: 'amber',
      holder: { id: responder.id, name: 'Rita Responder' },
    });
    const custody = await t().runtime.deps.database.db.selectFrom('custody_events').select(['action', 'location']).where('evidence_id', '=', record.id).execute();
    expect(custody).toEqual([{ action: 'collected', location: 'Safe 2, room 4.12' }]);
  });

  it('refuses bad JSON items with 400 and writes nothing', async () => {
    const incident = await openIncident(t());
    for (const body of [{}, { title: '' }, { title: 'x', kind: 'crystal_ball' }, { title: 'x', tlp: 'white' }, { title: 'x', colour: 'red' }, { title: 'x', collected_at: 'yesterday' }, { title: 'x', serial_numbers: 'ABC' }]) {
      const response = await t().call('POST', `/api/v1/incidents/${incident.id}/evidence`, { body });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const list = await t().call('GET', `/api/v1/incidents/${incident.id}/evidence`);
    expect(list.json().items).toEqual([]);
  });

  it('lists an incident\'s evidence newest first, in pages, and gets one item with its ETag', async () => {
    const incident = await openIncident(t());
    const first = await addPhysicalEvidence(t(), incident.id, { title: 'USB key' });
    const second = await uploadEvidence(t(), incident.id, { name: 'mail.eml', content: 'From: ceo@example.test', kind: 'email' });
    const third = await addPhysicalEvidence(t(), incident.id, { title: 'Phone' });
    const page1 = await t().call('GET', `/api/v1/incidents/${incident.id}/evidence`, { query: { limit: '2' } });
    expect(page1.statusCode).toBe(200);
    expect(page1.json().items.map((i: { id: string }) => i.id)).toEqual([third.id, second.id]);
    const page2 = await t().call('GET', `/api/v1/incidents/${incident.id}/evidence`, { query: { limit: '2', cursor: page1.json().next_cursor } });
    expect(page2.json()).toEqual({ items: [expect.objectContaining({ id: first.id })], next_cursor: null });
    expect(page1.json().items[1].sha256).toBe(second.sha256);

    const one = await t().call('GET', `/api/v1/evidence/${second.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.headers.etag).toBe('"1"');
    expect(one.json()).toEqual(second);
    expect((await t().call('GET', '/api/v1/evidence/evd_nothere')).statusCode).toBe(404);
    expect((await t().call('GET', `/api/v1/incidents/${incident.id}/evidence`, { query: { cursor: 'garbage' } })).statusCode).toBe(400);
  });

  it('edits metadata at the version seen (412 when stale, 428 without), never the file, hashes or holder', async () => {
    const incident = await openIncident(t());
    const item = await uploadEvidence(t(), incident.id, { name: 'auth.log', content: 'log line', kind: 'log' });
    const patch = (body: Record<string, unknown>, headers: Record<string, string> = {}, token?: string) => t().call('PATCH', `/api/v1/evidence/${item.id}`, { body, headers, ...(token ? { token } : {}) });

    expect((await patch({ title: 'x' })).statusCode).toBe(428);
    const updated = await patch({ title: 'SSH log of FS-01', tags: ['SSH'], acquisition_notes: 'copied with scp -p', tlp: 'red' }, { 'if-match': '"1"' });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.headers.etag).toBe('"2"');
    expect(updated.json()).toMatchObject({ title: 'SSH log of FS-01', tags: ['ssh'], tlp: 'red', version: 2, sha256: item.sha256, file_name: 'auth.log', holder: item.holder });

    const staleAnswer = await patch({ title: 'again' }, { 'if-match': '"1"' });
    expect(staleAnswer.statusCode).toBe(412);
    expect(staleAnswer.json().current_version).toBe(2);
    for (const body of [{ sha256: 'a'.repeat(64), version: 2 }, { file_name: 'other.log', version: 2 }, { holder_id: t().admin.id, version: 2 }, { status: 'destroyed', version: 2 }]) {
      expect((await patch(body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    const audit = await t().runtime.deps.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'evidence.update').where('target_id', '=', item.id).execute();
    expect(audit).toHaveLength(1);
    const details = audit[0]!.details;
    expect(typeof details === 'string' ? JSON.parse(details) : details).toMatchObject({ changes: { title: { from: 'auth.log', to: 'SSH log of FS-01' } } });
  });

  it('lets only evidence managers set the retention date', async () => {
    const incident = await openIncident(t());
    const item = await addPhysicalEvidence(t(), incident.id);
    const analyst = await t().user('analyst');
    const refused = await t().call('PATCH', `/api/v1/evidence/${item.id}`, { token: analyst.token, body: { retain_until: '2033-01-01T00:00:00Z', version: 1 } });
    expect(refused.statusCode).toBe(403);
    const byAnalyst = await t().call('PATCH', `/api/v1/evidence/${item.id}`, { token: analyst.token, body: { description: 'Seized at desk 4.12', version: 1 } });
    expect(byAnalyst.statusCode).toBe(200);
    const manager = await t().user('incident_manager');
    const set = await t().call('PATCH', `/api/v1/evidence/${item.id}`, { token: manager.token, body: { retain_until: '2033-01-01T00:00:00+01:00', version: 2 } });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().retain_until).toBe('2032-12-31T23:00:00.000Z');
  });

  it('keeps the evidence of a restricted incident invisible to non-members (404) and visible to members', async () => {
    const incident = await openIncident(t(), { restricted: true });
    const item = await addPhysicalEvidence(t(), incident.id);
    const outsider = await t().user('responder');
    expect((await t().call('GET', `/api/v1/evidence/${item.id}`, { token: outsider.token })).statusCode).toBe(404);
    expect((await t().call('GET', `/api/v1/incidents/${incident.id}/evidence`, { token: outsider.token })).statusCode).toBe(404);
    expect((await t().call('PATCH', `/api/v1/evidence/${item.id}`, { token: outsider.token, body: { title: 'x', version: 1 } })).statusCode).toBe(404);
    expect((await t().call('POST', `/api/v1/incidents/${incident.id}/evidence`, { token: outsider.token, body: { title: 'x' } })).statusCode).toBe(404);
    expect((await t().call('GET', `/api/v1/evidence/${item.id}`)).statusCode).toBe(200);
  });

  it('refuses risk owners (403) and callers without credentials (401)', async () => {
    const incident = await openIncident(t());
    const item = await addPhysicalEvidence(t(), incident.id);
    const riskOwner = await t().user('risk_owner');
    const stakeholder = await t().user('stakeholder');
    expect((await t().call('GET', `/api/v1/evidence/${item.id}`, { token: riskOwner.token })).statusCode).toBe(403);
    expect((await t().call('GET', `/api/v1/incidents/${incident.id}/evidence`, { token: riskOwner.token })).statusCode).toBe(403);
    expect((await t().call('GET', `/api/v1/evidence/${item.id}`, { token: stakeholder.token })).statusCode).toBe(200);
    expect((await t().call('PATCH', `/api/v1/evidence/${item.id}`, { token: stakeholder.token, body: { title: 'x', version: 1 } })).statusCode).toBe(403);
    expect((await t().call('POST', `/api/v1/incidents/${incident.id}/evidence`, { token: stakeholder.token, body: { title: 'x' } })).statusCode).toBe(403);
    for (const [method, url] of [['GET', `/api/v1/evidence/${item.id}`], ['GET', `/api/v1/incidents/${incident.id}/evidence`], ['PATCH', `/api/v1/evidence/${item.id}`], ['POST', `/api/v1/incidents/${incident.id}/evidence`]] as const) {
      expect((await t().call(method, url, { token: null, body: { title: 'x', version: 1 } })).statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('documents the upload in OpenAPI as multipart with a binary file, and JSON', async () => {
    const spec = (await t().app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const content = spec.paths['/api/v1/incidents/{id}/evidence'].post.requestBody.content;
    expect(Object.keys(content).sort()).toEqual(['application/json', 'multipart/form-data']);
    expect(JSON.stringify(content['multipart/form-data'])).toContain('"format":"binary"');
  });
});
