import { createHash } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { mayReceiveEvent } from '../../../src/services/policies/event-visibility.js';
import { describeApiOnEachEngine, type TestUser } from '../../support/test-app.js';

const valid = { name: 'SOAR bridge', url: 'https://soar.example/bulwark', event_types: ['incident.*', 'alert.triaged'] };

describeApiOnEachEngine('webhooks: subscriptions', (t) => {
  let analyst: TestUser;
  let manager: TestUser;
  beforeAll(async () => {
    analyst = await t().user('analyst');
    manager = await t().user('incident_manager');
  });

  const list = async () => (await t().call('GET', '/api/v1/webhooks')).json().items as Array<Record<string, any>>;
  const create = async (body: Record<string, unknown> = valid) => {
    const res = await t().call('POST', '/api/v1/webhooks', { body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { webhook: Record<string, any>; secret: string };
  };

  it('creates a webhook with a generated secret shown once, and audits it', async () => {
    const { webhook, secret } = await create();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{40,}$/);
    expect(webhook).toMatchObject({ name: 'SOAR bridge', url: 'https://soar.example/bulwark', event_types: ['incident.*', 'alert.triaged'], enabled: true, include_restricted: false, version: 1 });
    expect(webhook.secret_fingerprint).toBe(createHash('sha256').update(secret).digest('hex').slice(0, 12));
    const read = await t().call('GET', `/api/v1/webhooks/${webhook.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.body).not.toContain(secret);
    expect(JSON.stringify(await list())).not.toContain(secret);
    const audit = await t().call('GET', '/api/v1/audit', { query: { target_type: 'webhook', target_id: webhook.id } });
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(['webhook.create']);
    expect(audit.body).not.toContain(secret);
  });

  it('keeps a secret the administrator chose', async () => {
    const { webhook, secret } = await create({ ...valid, secret: 'a-shared-secret-of-our-own', include_restricted: true, enabled: false });
    expect(secret).toBe('a-shared-secret-of-our-own');
    expect(webhook).toMatchObject({ enabled: false, include_restricted: true, secret_fingerprint: createHash('sha256').update('a-shared-secret-of-our-own').digest('hex').slice(0, 12) });
  });

  it.each([
    ['no url', { name: 'x', event_types: ['*'] }, 'body.url'],
    ['a url that is not http(s)', { ...valid, url: 'ftp://files.example/in' }, 'body.url'],
    ['a url that is not a url', { ...valid, url: 'not a url' }, 'body.url'],
    ['an empty name', { ...valid, name: '  ' }, 'body.name'],
    ['no event types', { ...valid, event_types: [] }, 'body.event_types'],
    ['an unknown event type', { ...valid, event_types: ['incident.created', 'incident.exploded'] }, 'event_types.1'],
    ['an unknown event family', { ...valid, event_types: ['nothing.*'] }, 'event_types.0'],
    ['a short secret', { ...valid, secret: 'short' }, 'body.secret'],
    ['an unknown field', { ...valid, colour: 'blue' }, 'body'],
  ])('refuses %s with a problem naming the field, and writes nothing', async (_name, body, path) => {
    const before = await list();
    const res = await t().call('POST', '/api/v1/webhooks', { body });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { path: string }) => e.path).some((p: string) => p.startsWith(path))).toBe(true);
    expect(await list()).toEqual(before);
  });

  it('is for administrators only: 403 for other roles, 401 without credentials', async () => {
    const { webhook } = await create();
    for (const caller of [analyst, manager]) {
      expect((await t().call('GET', '/api/v1/webhooks', { token: caller.token })).statusCode).toBe(403);
      expect((await t().call('POST', '/api/v1/webhooks', { token: caller.token, body: valid })).statusCode).toBe(403);
      expect((await t().call('GET', `/api/v1/webhooks/${webhook.id}/deliveries`, { token: caller.token })).statusCode).toBe(403);
      expect((await t().call('DELETE', `/api/v1/webhooks/${webhook.id}`, { token: caller.token })).statusCode).toBe(403);
    }
    expect((await t().call('GET', '/api/v1/webhooks', { token: null })).statusCode).toBe(401);
    expect((await t().call('POST', `/api/v1/webhooks/${webhook.id}/ping`, { token: null })).statusCode).toBe(401);
    expect((await t().call('GET', `/api/v1/webhooks/${webhook.id}`)).statusCode).toBe(200);
  });

  it('changes a webhook at the version seen: 428 without one, 412 when stale, 400 for a bad type with nothing changed', async () => {
    const { webhook } = await create();
    const url = `/api/v1/webhooks/${webhook.id}`;
    expect((await t().call('PATCH', url, { body: { enabled: false } })).statusCode).toBe(428);
    expect((await t().call('PATCH', url, { body: { enabled: false }, headers: { 'if-match': '"7"' } })).statusCode).toBe(412);
    const bad = await t().call('PATCH', url, { body: { event_types: ['bogus.type'] }, headers: { 'if-match': '"1"' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('event_types.0');
    expect((await t().call('PATCH', url, { body: { colour: 'red' }, headers: { 'if-match': '"1"' } })).statusCode).toBe(400);
    expect((await t().call('GET', url)).json().version).toBe(1);

    const res = await t().call('PATCH', url, { body: { enabled: false, name: 'Paused bridge', event_types: ['*'], secret: 'rotated-secret-value-1234' }, headers: { 'if-match': '"1"' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.json()).toMatchObject({ enabled: false, name: 'Paused bridge', event_types: ['*'], secret_fingerprint: createHash('sha256').update('rotated-secret-value-1234').digest('hex').slice(0, 12), version: 2 });
    const audit = await t().call('GET', '/api/v1/audit', { query: { target_type: 'webhook', target_id: webhook.id } });
    const update = audit.json().items.find((e: { action: string }) => e.action === 'webhook.update');
    expect(update.details.changes).toMatchObject({ enabled: { from: true, to: false }, secret: { from: 'previous', to: 'replaced' } });
    expect(audit.body).not.toContain('rotated-secret-value-1234');
  });

  it('queues the register and review events for a webhook subscribed to them', async () => {
    const { webhook } = await create({ ...valid, event_types: ['risk.*', 'incident.risks_changed'] });
    const risk = await t().call('POST', '/api/v1/risks', { body: { title: 'Ransomware on the file servers', category: 'cyber_attack', inherent_likelihood: 'high', inherent_impact: 'high' } });
    expect(risk.statusCode, risk.body).toBe(201);
    const incident = await t().call('POST', '/api/v1/incidents', { body: { title: 'Encrypted shares', category: 'malware' } });
    expect(incident.statusCode, incident.body).toBe(201);
    expect((await t().call('POST', `/api/v1/incidents/${incident.json().id}/risks`, { body: { risk_id: risk.json().id } })).statusCode).toBe(201);
    const queued = await t().runtime.deps.database.db.selectFrom('outbox').select('payload').where('topic', '=', `webhook:${webhook.id}`).execute();
    const types = queued.map((row) => (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload).type).sort();
    expect(types).toEqual(['incident.risks_changed', 'risk.created']);
  });

  it('deletes a webhook with its deliveries; unknown ones are 404', async () => {
    const { webhook } = await create();
    expect((await t().call('POST', `/api/v1/webhooks/${webhook.id}/ping`)).statusCode).toBe(201);
    expect((await t().call('DELETE', `/api/v1/webhooks/${webhook.id}`)).statusCode).toBe(204);
    expect((await t().call('GET', `/api/v1/webhooks/${webhook.id}`)).statusCode).toBe(404);
    expect((await t().call('GET', `/api/v1/webhooks/${webhook.id}/deliveries`)).statusCode).toBe(404);
    const queued = await t().runtime.deps.database.db.selectFrom('outbox').select('id').where('topic', '=', `webhook:${webhook.id}`).execute();
    expect(queued).toEqual([]);
    expect((await t().call('DELETE', '/api/v1/webhooks/whk_unknown')).statusCode).toBe(404);
    expect((await t().call('PATCH', '/api/v1/webhooks/whk_unknown', { body: { enabled: true }, headers: { 'if-match': '"1"' } })).statusCode).toBe(404);
  });

  it('refuses bad delivery-log queries, foreign deliveries and pinging a paused webhook', async () => {
    const { webhook } = await create();
    const other = (await create()).webhook;
    const ping = await t().call('POST', `/api/v1/webhooks/${other.id}/ping`);
    expect(ping.statusCode).toBe(201);
    expect((await t().call('GET', `/api/v1/webhooks/${webhook.id}/deliveries`, { query: { state: 'lost' } })).json().errors[0].path).toBe('querystring.state');
    expect((await t().call('GET', `/api/v1/webhooks/${webhook.id}/deliveries`, { query: { cursor: 'garbage' } })).statusCode).toBe(400);
    expect((await t().call('GET', `/api/v1/webhooks/${webhook.id}/deliveries`, { query: { limit: '0' } })).statusCode).toBe(400);
    expect((await t().call('POST', `/api/v1/webhooks/${webhook.id}/deliveries/${ping.json().id}/redeliver`)).statusCode).toBe(404);
    expect((await t().call('POST', `/api/v1/webhooks/${webhook.id}/deliveries/obx_unknown/redeliver`)).statusCode).toBe(404);
    expect((await t().call('POST', '/api/v1/webhooks/whk_unknown/ping')).statusCode).toBe(404);

    await t().call('PATCH', `/api/v1/webhooks/${webhook.id}`, { body: { enabled: false }, headers: { 'if-match': '"1"' } });
    const paused = await t().call('POST', `/api/v1/webhooks/${webhook.id}/ping`);
    expect(paused.statusCode).toBe(409);
    expect((await t().call('GET', `/api/v1/webhooks/${webhook.id}/deliveries`)).json().items).toEqual([]);
  });

  it('announces webhook changes live to administrators only', async () => {
    const { webhook } = await create();
    const event = { type: 'webhook.updated', organisation_id: t().system.actor.organisationId, entity_id: webhook.id, actor_id: t().admin.id, at: new Date().toISOString() };
    const as = (role: 'admin' | 'incident_manager' | 'analyst') => ({ ...t().system, actor: { ...t().system.actor, userId: `usr_${role}`, role } });
    expect(await mayReceiveEvent(as('admin'), event)).toBe(true);
    expect(await mayReceiveEvent(as('incident_manager'), event)).toBe(false);
    expect(await mayReceiveEvent(as('analyst'), event)).toBe(false);
  });
});
