import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkEventTypes, DEFAULT_RETRY_POLICY, isDelivered, retryDelayMs, subscribes, verifyWebhookSignature, webhookSignature } from '../../src/domain/webhooks.js';

describe('webhook subscriptions', () => {
  it('accepts known types, families and "*", and names each entry it refuses', () => {
    expect(checkEventTypes(['incident.created', 'alert.*', '*'])).toEqual([]);
    expect(checkEventTypes(['incident.created', 'incident.exploded', 'nothing.*'])).toEqual([
      { index: 1, message: 'unknown event type "incident.exploded"' },
      { index: 2, message: 'no event type starts with "nothing."' },
    ]);
    expect(checkEventTypes([])).toHaveLength(1);
  });

  it('matches exact types, families by prefix, and everything for "*", but never unsubscribable types', () => {
    expect(subscribes(['incident.created'], 'incident.created')).toBe(true);
    expect(subscribes(['incident.created'], 'incident.updated')).toBe(false);
    expect(subscribes(['incident.*'], 'incident.transitioned')).toBe(true);
    expect(subscribes(['alert.*'], 'alerts.ingested')).toBe(false);
    expect(subscribes(['*'], 'task.updated')).toBe(true);
    expect(subscribes(['*'], 'user.created')).toBe(false);
    expect(subscribes(['*'], 'webhook.created')).toBe(false);
  });
});

describe('webhook signatures', () => {
  const secret = 'whsec_test_secret_value';
  const body = '{"id":"evt_1","type":"incident.created"}';

  it('is sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">, computable by any receiver', () => {
    const expected = createHmac('sha256', secret).update(`1795000000.${body}`).digest('hex');
    expect(webhookSignature(secret, '1795000000', body)).toBe(`sha256=${expected}`);
  });

  it('verifies only the same secret, body and timestamp, within the tolerance', () => {
    const signature = webhookSignature(secret, '1795000000', body);
    const check = (over: Partial<Parameters<typeof verifyWebhookSignature>[0]>) => verifyWebhookSignature({ secret, timestamp: '1795000000', body, signature, nowSeconds: 1795000010, ...over });
    expect(check({})).toBe(true);
    expect(check({ secret: 'another secret value' })).toBe(false);
    expect(check({ body: body.replace('created', 'updated') })).toBe(false);
    expect(check({ timestamp: '1795000001' })).toBe(false);
    expect(check({ nowSeconds: 1795000000 + 301 })).toBe(false);
    expect(check({ signature: 'sha256=00' })).toBe(false);
  });
});

describe('webhook retries', () => {
  const policy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 5000 };

  it('doubles the wait per attempt up to the cap, with half of it jittered', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, policy, 1))).toEqual([1000, 2000, 4000, 5000]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, policy, 0))).toEqual([500, 1000, 2000, 2500]);
    expect(retryDelayMs(2, policy, 0.5)).toBe(1500);
  });

  it('gives up after the last attempt', () => {
    expect(retryDelayMs(5, policy, 0.5)).toBeNull();
    expect(retryDelayMs(DEFAULT_RETRY_POLICY.maxAttempts, DEFAULT_RETRY_POLICY, 0.5)).toBeNull();
    expect(retryDelayMs(DEFAULT_RETRY_POLICY.maxAttempts - 1, DEFAULT_RETRY_POLICY, 1)).toBe(DEFAULT_RETRY_POLICY.maxDelayMs);
  });

  it('counts only 2xx answers as delivered', () => {
    expect([200, 202, 204].every(isDelivered)).toBe(true);
    expect([301, 400, 410, 500].some(isDelivered)).toBe(false);
  });
});
