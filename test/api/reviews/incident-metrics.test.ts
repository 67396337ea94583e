import { afterAll, beforeAll, expect, it } from 'vitest';
import { HOUR_MS, fixedClock } from '../../../src/domain/time.js';
import { describeEachEngine } from '../../support/engines.js';
import { startTestApp } from '../../support/test-app.js';

const NOW = '2026-11-23T09:00:00.000Z';
const at = (iso: string, plusHours = 0) => new Date(Date.parse(iso) + plusHours * HOUR_MS).toISOString();

describeEachEngine('incident metrics API', (database) => {
  const clock = fixedClock(NOW);
  let app: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    app = await startTestApp(database(), { clock });
  });
  afterAll(async () => {
    await app?.close();
  });

  /** An incident detected at `detected`, with the other stamps given as hours after detection (occurred: hours before). */
  const incident = async (detected: string, stamps: { occurredBefore?: number; contained?: number; recovered?: number }) => {
    const created = await app.call('POST', '/api/v1/incidents', {
      body: { title: `Metrics ${detected}`, category: 'malware', detected_at: detected, ...(stamps.occurredBefore !== undefined ? { occurred_at: at(detected, -stamps.occurredBefore) } : {}) },
    });
    expect(created.statusCode, created.body).toBe(201);
    const patch: Record<string, string> = {};
    if (stamps.contained !== undefined) patch.contained_at = at(detected, stamps.contained);
    if (stamps.recovered !== undefined) patch.recovered_at = at(detected, stamps.recovered);
    if (Object.keys(patch).length === 0) return created.json();
    const res = await app.call('PATCH', `/api/v1/incidents/${created.json().id}`, { body: patch, headers: { 'if-match': '"1"' } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it("answers the incident's metrics beside the organisation's medians over the last 12 months, and its time per phase", async () => {
    const a = await incident('2026-10-01T09:00:00.000Z', { occurredBefore: 1, contained: 1, recovered: 10 });
    await incident('2026-09-01T09:00:00.000Z', { occurredBefore: 3, contained: 2 });
    await incident('2026-03-01T09:00:00.000Z', { contained: 6 });
    // Detected more than twelve months ago: not in the medians.
    await incident('2025-06-01T09:00:00.000Z', { occurredBefore: 50, contained: 100 });

    const res = await app.call('GET', `/api/v1/incidents/${a.id}/metrics`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.metrics).toMatchObject({ time_to_detect_ms: HOUR_MS, time_to_contain_ms: HOUR_MS, time_to_recover_ms: 10 * HOUR_MS, time_to_close_ms: null });
    expect(body.medians_since).toBe('2025-11-23T09:00:00.000Z');
    expect(body.medians.time_to_detect_ms).toEqual({ median_ms: 2 * HOUR_MS, incidents: 2 });
    expect(body.medians.time_to_contain_ms).toEqual({ median_ms: 2 * HOUR_MS, incidents: 3 });
    expect(body.medians.time_to_recover_ms).toEqual({ median_ms: 10 * HOUR_MS, incidents: 1 });
    expect(body.medians.time_to_close_ms).toEqual({ median_ms: null, incidents: 0 });
    expect(body.phases).toEqual([{ phase: 'detection', entered_at: NOW, left_at: null, duration_ms: null }]);

    clock.advance(HOUR_MS);
    expect((await app.call('POST', `/api/v1/incidents/${a.id}/transitions`, { body: { to: 'containment' } })).statusCode).toBe(200);
    clock.advance(2 * HOUR_MS);
    expect((await app.call('POST', `/api/v1/incidents/${a.id}/transitions`, { body: { to: 'eradication' } })).statusCode).toBe(200);
    const phases = (await app.call('GET', `/api/v1/incidents/${a.id}/metrics`)).json().phases;
    expect(phases).toEqual([
      { phase: 'detection', entered_at: NOW, left_at: at(NOW, 1), duration_ms: HOUR_MS },
      { phase: 'containment', entered_at: at(NOW, 1), left_at: at(NOW, 3), duration_ms: 2 * HOUR_MS },
      { phase: 'eradication', entered_at: at(NOW, 3), left_at: null, duration_ms: null },
    ]);
  });

  it('refuses unknown incidents and callers without a token', async () => {
    expect((await app.call('GET', '/api/v1/incidents/inc_nope/metrics')).statusCode).toBe(404);
    const stakeholder = await app.user('stakeholder');
    const plain = await incident('2026-11-01T09:00:00.000Z', {});
    expect((await app.call('GET', `/api/v1/incidents/${plain.id}/metrics`, { token: stakeholder.token })).statusCode).toBe(200);
    expect((await app.call('GET', `/api/v1/incidents/${plain.id}/metrics`, { token: null })).statusCode).toBe(401);
  });
});
