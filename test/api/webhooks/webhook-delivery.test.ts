import { expect, it, onTestFinished } from 'vitest';
import { verifyWebhookSignature } from '../../../src/domain/webhooks.js';
import { dispatchDueWebhooks, type DispatchOptions } from '../../../src/services/webhooks/dispatch-webhooks.js';
import { describeApiOnEachEngine } from '../../support/test-app.js';
import { startReceiver } from './receiver.js';

/** Fast retries so a test can walk through failure → retry → success. */
const FAST: DispatchOptions = { retry: { maxAttempts: 3, baseDelayMs: 2, maxDelayMs: 4 }, random: () => 1 };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeApiOnEachEngine('webhooks: delivery through the outbox', (t) => {
  /** Each test its own receiver, so one test's scripted failures never answer another's deliveries. */
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const listen = async () => {
    const started = await startReceiver();
    onTestFinished(() => started.close());
    receiver = started;
  };

  const dispatch = () => dispatchDueWebhooks(t().runtime.deps, FAST);
  const subscribe = async (body: Record<string, unknown>) => {
    const res = await t().call('POST', '/api/v1/webhooks', { body: { name: 'Receiver', url: receiver.url, ...body } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { webhook: { id: string }; secret: string };
  };
  const openIncident = async (extra: Record<string, unknown> = {}) => {
    const res = await t().call('POST', '/api/v1/incidents', { body: { title: 'Ransomware on FS01', category: 'malware', ...extra } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; number: string };
  };
  const deliveries = async (webhookId: string) => (await t().call('GET', `/api/v1/webhooks/${webhookId}/deliveries`)).json().items as Array<Record<string, any>>;
  const receivedFor = (incidentId: string) => receiver.received.filter((r) => r.json.incident_id === incidentId);

  it('queues the event with the change and POSTs it signed; the receiver can verify the signature', async () => {
    await listen();
    const { webhook, secret } = await subscribe({ event_types: ['incident.created'] });
    const incident = await openIncident();
    const [queued] = await deliveries(webhook.id);
    expect(queued).toMatchObject({ state: 'pending', event_type: 'incident.created', attempt_count: 0 });

    await dispatch();
    const [request, ...more] = receivedFor(incident.id);
    expect(more).toEqual([]);
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['x-bulwark-event']).toBe('incident.created');
    expect(request!.headers['x-bulwark-delivery']).toBe(queued!.id);
    const timestamp = String(request!.headers['x-bulwark-timestamp']);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    const signature = String(request!.headers['x-bulwark-signature']);
    expect(verifyWebhookSignature({ secret, timestamp, body: request!.body, signature, nowSeconds: Math.floor(Date.now() / 1000) })).toBe(true);
    expect(verifyWebhookSignature({ secret: 'not the secret at all', timestamp, body: request!.body, signature, nowSeconds: Math.floor(Date.now() / 1000) })).toBe(false);
    expect(request!.json).toMatchObject({
      id: queued!.event_id,
      type: 'incident.created',
      entity_id: incident.id,
      actor_id: t().admin.id,
      incident: { id: incident.id, number: incident.number, title: 'Ransomware on FS01', category: 'malware', restricted: false },
    });

    const [delivered] = await deliveries(webhook.id);
    expect(delivered).toMatchObject({ state: 'delivered', attempt_count: 1, last_error: null, next_attempt_at: null });
    expect(delivered!.attempts).toMatchObject([{ attempt: 1, status_code: 200, error: null }]);
  });

  it('retries a failing receiver with backoff and records every attempt until it succeeds', async () => {
    await listen();
    const { webhook } = await subscribe({ event_types: ['incident.transitioned'] });
    const incident = await openIncident();
    expect((await t().call('POST', `/api/v1/incidents/${incident.id}/transitions`, { body: { to: 'containment' } })).statusCode).toBe(200);
    receiver.answer(500, 503);

    await dispatch();
    const [afterFirst] = await deliveries(webhook.id);
    expect(afterFirst).toMatchObject({ state: 'pending', attempt_count: 1 });
    expect(afterFirst!.last_error).toContain('HTTP 500');
    expect(afterFirst!.next_attempt_at > afterFirst!.attempts[0].at).toBe(true);

    for (let i = 0; i < 2; i += 1) {
      await pause(20);
      await dispatch();
    }
    const [done] = await deliveries(webhook.id);
    expect(done).toMatchObject({ state: 'delivered', attempt_count: 3, last_error: null });
    expect(done!.attempts.map((a: { status_code: number }) => a.status_code)).toEqual([500, 503, 200]);
    const requests = receiver.received.filter((r) => r.headers['x-bulwark-delivery'] === done!.id);
    expect(requests.map((r) => r.headers['x-bulwark-attempt'])).toEqual(['1', '2', '3']);
    expect(new Set(requests.map((r) => r.json.id)).size).toBe(1);
  });

  it('gives up after the last attempt, and a redelivery sends the same event under a new delivery id', async () => {
    await listen();
    const { webhook } = await subscribe({ event_types: ['task.created'] });
    const incident = await openIncident();
    expect((await t().call('POST', `/api/v1/incidents/${incident.id}/tasks`, { body: { title: 'Isolate FS01' } })).statusCode).toBe(201);
    receiver.answer(500, 500, 500);
    for (let i = 0; i < 4; i += 1) {
      await dispatch();
      await pause(20);
    }
    const [failed] = await deliveries(webhook.id);
    expect(failed).toMatchObject({ state: 'failed', attempt_count: 3 });
    expect(failed!.attempts).toHaveLength(3);

    const again = await t().call('POST', `/api/v1/webhooks/${webhook.id}/deliveries/${failed!.id}/redeliver`);
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({ state: 'pending', event_id: failed!.event_id });
    expect(again.json().id).not.toBe(failed!.id);
    await dispatch();
    const log = await deliveries(webhook.id);
    expect(log.map((d) => d.state)).toEqual(['delivered', 'failed']);
    const redelivered = receiver.received.filter((r) => r.headers['x-bulwark-delivery'] === again.json().id);
    expect(redelivered.map((r) => r.json.id)).toEqual([failed!.event_id]);
  });

  it('records an unreachable receiver as an attempt without a status code', async () => {
    await listen();
    const dead = await startReceiver();
    await dead.close();
    const res = await t().call('POST', '/api/v1/webhooks', { body: { name: 'Gone', url: dead.url, event_types: ['incident.created'] } });
    const id = res.json().webhook.id as string;
    await openIncident();
    await dispatch();
    const [attempted] = await deliveries(id);
    expect(attempted!.attempts[0]).toMatchObject({ attempt: 1, status_code: null });
    expect(attempted!.last_error).toContain('Could not reach the receiver');
    await t().call('DELETE', `/api/v1/webhooks/${id}`);
  });

  it('queues nothing for unsubscribed types, paused webhooks, or a change that was refused', async () => {
    await listen();
    const { webhook } = await subscribe({ event_types: ['incident.updated'] });
    const paused = await subscribe({ event_types: ['incident.*'], enabled: false });
    const incident = await openIncident();
    const stale = await t().call('PATCH', `/api/v1/incidents/${incident.id}`, { body: { severity: 1 }, headers: { 'if-match': '"9"' } });
    expect(stale.statusCode).toBe(412);
    expect(await deliveries(webhook.id)).toEqual([]);
    expect(await deliveries(paused.webhook.id)).toEqual([]);
    expect((await t().call('PATCH', `/api/v1/incidents/${incident.id}`, { body: { severity: 1 }, headers: { 'if-match': '"1"' } })).statusCode).toBe(200);
    expect((await deliveries(webhook.id)).map((d) => d.event_type)).toEqual(['incident.updated']);
    expect(await deliveries(paused.webhook.id)).toEqual([]);
  });

  it('sends events about restricted incidents only to webhooks that opted in', async () => {
    await listen();
    const plain = await subscribe({ event_types: ['incident.created'] });
    const cleared = await subscribe({ event_types: ['incident.created'], include_restricted: true });
    const incident = await openIncident({ restricted: true });
    expect(await deliveries(plain.webhook.id)).toEqual([]);
    const [queued] = await deliveries(cleared.webhook.id);
    expect(queued!.body).toMatchObject({ incident_id: incident.id, incident: { restricted: true } });
  });

  it('delivers a test event (webhook.ping)', async () => {
    await listen();
    const { webhook, secret } = await subscribe({ event_types: ['alert.*'] });
    const ping = await t().call('POST', `/api/v1/webhooks/${webhook.id}/ping`);
    expect(ping.statusCode).toBe(201);
    await dispatch();
    const request = receiver.received.find((r) => r.headers['x-bulwark-delivery'] === ping.json().id);
    expect(request?.json).toMatchObject({ type: 'webhook.ping', entity_id: webhook.id });
    expect(verifyWebhookSignature({ secret, timestamp: String(request!.headers['x-bulwark-timestamp']), body: request!.body, signature: String(request!.headers['x-bulwark-signature']), nowSeconds: Math.floor(Date.now() / 1000) })).toBe(true);
  });

  it('carries alert facts on alert events, and the batch size on alerts.ingested, queued in the ingesting transaction', async () => {
    await listen();
    const { webhook } = await subscribe({ event_types: ['alert.created', 'alerts.ingested'] });
    const single = await t().call('POST', '/api/v1/alerts', { body: { source: 'wazuh', source_ref: `w-${Date.now()}`, title: 'Brute force on VPN', severity: 2 } });
    expect(single.statusCode, single.body).toBe(201);
    const batch = await t().call('POST', '/api/v1/alerts/batch', { body: { alerts: [1, 2, 3].map((n) => ({ source: 'elastalert', source_ref: `e-${Date.now()}-${n}`, title: `Beacon ${n}` })) } });
    expect(batch.statusCode, batch.body).toBe(200);
    const log = await deliveries(webhook.id);
    expect(log.filter((d) => d.event_type === 'alert.created')).toHaveLength(4);
    expect(log.filter((d) => d.event_type === 'alerts.ingested').map((d) => d.body.data)).toEqual([{ count: 3 }]);
    await dispatch();
    const vpn = receiver.received.find((r) => r.json.alert?.title === 'Brute force on VPN');
    expect(vpn?.json).toMatchObject({ type: 'alert.created', alert: { source: 'wazuh', severity: 2, status: 'new' } });
    expect(receiver.received).toHaveLength(5);
  });
});
