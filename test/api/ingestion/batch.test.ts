import { expect, it, vi } from 'vitest';
import type { DomainEvent } from '../../../src/services/events.js';
import { describeApiOnEachEngine } from '../../support/test-app.js';
import { alert, alertCount, ref, storedAlert } from './ingest-support.js';

describeApiOnEachEngine('alert ingestion: batches', (t) => {
  const batch = (alerts: unknown[], token?: string) => t().call('POST', '/api/v1/alerts/batch', { body: { alerts }, ...(token ? { token } : {}) });

  it('stores a batch in one request with one result per alert, in order', async () => {
    const events: DomainEvent[] = [];
    const stop = t().runtime.deps.events.subscribe((e) => events.push(e));
    const repeated = alert();
    const alerts = [repeated, ...Array.from({ length: 250 }, (_, i) => alert({ observables: [{ type: 'ip', value: `198.51.100.${i % 250}` }] })), repeated];
    const res = await batch(alerts);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.received).toBe(252);
    expect(report.counts).toMatchObject({ created: 251, repeated: 1, rejected: 0 });
    expect(report.results).toHaveLength(252);
    expect(report.results[251]).toMatchObject({ index: 251, outcome: 'repeated', alert_id: report.results[0].alert_id });
    expect((await storedAlert(t(), report.results[0].alert_id)).repeat_count).toBe(2);
    await vi.waitFor(() => expect(events.filter((e) => e.type === 'alerts.ingested').map((e) => e.count)).toEqual([251]));
    stop();
    // One event for the batch, none per alert: a 10,000-alert batch must not flood live subscribers.
    expect(events.filter((e) => e.type === 'alert.created')).toHaveLength(0);
  });

  it('answers 207 and stores only the valid alerts when some are malformed, saying which and why', async () => {
    const before = await alertCount(t());
    const res = await batch([
      alert(),
      alert({ observables: [{ type: 'md5', value: 'a'.repeat(31) }] }),
      { source: 'x' },
      alert({ observables: [{ type: 'domain', value: 'evil[.]example' }] }),
    ]);
    expect(res.statusCode, res.body).toBe(207);
    const { results, counts } = res.json();
    expect(counts).toMatchObject({ created: 2, rejected: 2 });
    expect(results.map((r: { outcome: string }) => r.outcome)).toEqual(['created', 'rejected', 'rejected', 'created']);
    expect(results[1].errors).toEqual([{ path: 'body.alerts.1.observables.0.value', message: expect.stringContaining('32 hexadecimal characters') }]);
    expect(results[2].errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['body.alerts.2.source_ref', 'body.alerts.2.title']));
    expect(results[1].alert_id).toBeNull();
    expect(await alertCount(t())).toBe(before + 2);
  });

  it('answers 400 and stores nothing when every alert is rejected', async () => {
    const before = await alertCount(t());
    const res = await batch([alert({ observables: [{ type: 'ip', value: '1.2.3' }] }), alert({ severity: 9 })]);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.alerts.0.observables.0.value', 'body.alerts.1.severity']);
    expect(res.json().results).toHaveLength(2);
    expect(await alertCount(t())).toBe(before);
  });

  it('refuses more than 10,000 alerts with 413 stating the limit', async () => {
    const before = await alertCount(t());
    const small = { source: 's', source_ref: 'r', title: 't' };
    const res = await batch(Array.from({ length: 10_001 }, () => small));
    expect(res.statusCode).toBe(413);
    expect(res.json().detail).toContain('at most 10000 alerts');
    expect(await alertCount(t())).toBe(before);
  });

  it('refuses an empty batch, an unknown field and a body that is not JSON', async () => {
    expect((await batch([])).json().errors[0].path).toBe('body.alerts');
    const unknown = await t().call('POST', '/api/v1/alerts/batch', { body: { alerts: [alert()], extra: 1 } });
    expect(unknown.statusCode).toBe(400);
    const broken = await t().call('POST', '/api/v1/alerts/batch', { body: '{"alerts": [', headers: { 'content-type': 'application/json' } });
    expect(broken.statusCode).toBe(400);
  });

  it('refuses roles that cannot ingest (403) and anonymous callers (401), storing nothing', async () => {
    const before = await alertCount(t());
    for (const role of ['stakeholder', 'risk_owner', 'auditor'] as const) {
      expect((await batch([alert({ source_ref: ref('no') })], (await t().user(role)).token)).statusCode).toBe(403);
    }
    expect((await t().call('POST', '/api/v1/alerts/batch', { token: null, body: { alerts: [alert()] } })).statusCode).toBe(401);
    expect(await alertCount(t())).toBe(before);
    expect((await batch([alert()], (await t().user('analyst')).token)).statusCode).toBe(200);
  });
});
