import { expect, it } from 'vitest';
import { describeApiOnEachEngine } from '../../support/test-app.js';

const alert = (ref: string) => ({ source: 'siem', source_ref: ref, title: `Alert ${ref}`, severity: 2 });

describeApiOnEachEngine('ingestion rate limit', (t) => {
  it('answers 429 with problem+json once a caller exceeds its limit on an endpoint, and counts each caller apart', async () => {
    const siem = await t().user('analyst', 'Runaway SIEM');
    const other = await t().user('analyst', 'Other sender');
    for (let i = 0; i < 3; i += 1) {
      const answer = await t().call('POST', '/api/v1/alerts', { token: siem.token, body: alert(`ok-${i}`) });
      expect(answer.statusCode).toBe(201);
    }
    const limited = await t().call('POST', '/api/v1/alerts', { token: siem.token, body: alert('over') });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json().detail).toMatch(/wait \d+ seconds/);
    for (let i = 0; i < 3; i += 1) {
      expect((await t().call('POST', '/api/v1/alerts/batch', { token: siem.token, body: { alerts: [alert(`batch-${i}`)] } })).statusCode).toBe(200);
    }
    expect((await t().call('POST', '/api/v1/alerts/batch', { token: siem.token, body: { alerts: [alert('batch-over')] } })).statusCode).toBe(429);
    // Nothing was stored for the refused requests.
    const stored = await t().call('GET', '/api/v1/alerts', { token: siem.token, query: { limit: '50' } });
    expect(stored.json().items.map((a: { source_ref: string }) => a.source_ref).sort()).toEqual(['batch-0', 'batch-1', 'batch-2', 'ok-0', 'ok-1', 'ok-2']);

    const elsewhere = await t().call('POST', '/api/v1/alerts', { token: other.token, body: alert('other-0') });
    expect(elsewhere.statusCode).toBe(201);
    // Reading is not limited.
    expect((await t().call('GET', '/api/v1/alerts', { token: siem.token })).statusCode).toBe(200);
  });
}, { ingestRateLimit: 3 });

describeApiOnEachEngine('ingestion rate limit turned off', (t) => {
  it('takes every request when the limit is 0', async () => {
    const siem = await t().user('analyst');
    for (let i = 0; i < 5; i += 1) {
      expect((await t().call('POST', '/api/v1/alerts', { token: siem.token, body: alert(`free-${i}`) })).statusCode).toBe(201);
    }
  });
}, { ingestRateLimit: 0 });
