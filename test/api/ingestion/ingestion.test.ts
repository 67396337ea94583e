import { describe, expect, it, vi } from 'vitest';
import type { DomainEvent } from '../../../src/services/events.js';
import { describeApiOnEachEngine } from '../../support/test-app.js';
import { alert, alertCount, auditCount, ref, sightingsOf, storedAlert } from './ingest-support.js';

describeApiOnEachEngine('alert ingestion: one alert', (t) => {
  const send = (body: unknown, token?: string) => t().call('POST', '/api/v1/alerts', { body, ...(token ? { token } : {}) });

  it('stores an alert with normalised observables and answers 201 with its location', async () => {
    const events: DomainEvent[] = [];
    const stop = t().runtime.deps.events.subscribe((e) => events.push(e));
    const res = await send(alert({
      tags: ['edr', 'edr'],
      tlp: 'green',
      occurred_at: '2026-11-23T09:00:00+01:00',
      raw: { vendor: { id: 7 } },
      observables: [
        { type: 'url', value: 'hxxps://Evil[.]Example/Payload', ioc: true },
        { type: 'ip', value: '2001:DB8:0:0:0:0:0:1' },
        { type: 'md5', value: 'D41D8CD98F00B204E9800998ECF8427E' },
      ],
    }));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.outcome).toBe('created');
    expect(body.alert_id).toMatch(/^alr_/);
    expect(res.headers.location).toBe(`/api/v1/alerts/${body.alert_id}`);
    const row = await storedAlert(t(), body.alert_id);
    expect(row).toMatchObject({ status: 'new', severity: 2, tlp: 'green', pap: 'amber', repeat_count: 1, occurred_at: '2026-11-23T08:00:00.000Z' });
    expect(JSON.parse(String(typeof row.raw === 'string' ? row.raw : JSON.stringify(row.raw)))).toEqual({ vendor: { id: 7 } });
    const sightings = await sightingsOf(t(), body.alert_id);
    expect(sightings.map((s) => `${s.type}:${s.value}`)).toEqual(['ip:2001:db8::1', 'md5:d41d8cd98f00b204e9800998ecf8427e', 'url:https://evil.example/Payload']);
    // On PostgreSQL live events travel through LISTEN/NOTIFY, so they arrive a moment later.
    await vi.waitFor(() => expect(events.filter((e) => e.type === 'alert.created').map((e) => e.entity_id)).toEqual([body.alert_id]));
    stop();
  });

  it('stores the same (source, source_ref) once: a repeat moves last_seen_at and counts', async () => {
    const first = alert();
    const a = await send(first);
    const b = await send({ ...first, title: 'changed title is ignored' });
    expect(b.statusCode).toBe(200);
    expect(b.json()).toMatchObject({ outcome: 'repeated', alert_id: a.json().alert_id });
    const row = await storedAlert(t(), a.json().alert_id);
    expect(row.repeat_count).toBe(2);
    expect(row.title).toBe(first.title);
    const other = await send({ ...first, source: 'another-siem' });
    expect(other.json().alert_id).not.toBe(a.json().alert_id);
  });

  it('writes one audit entry per request', async () => {
    const before = await auditCount(t(), 'alerts.ingested');
    await send(alert());
    expect(await auditCount(t(), 'alerts.ingested')).toBe(before + 1);
  });

  describe('bad input: a problem naming the field, and nothing stored', () => {
    it.each([
      ['an "ip" that is not an IP', { observables: [{ type: 'ip', value: '999.1.1.1' }] }, 'body.observables.0.value'],
      ['a 31-character md5', { observables: [{ type: 'domain', value: 'ok.example' }, { type: 'md5', value: 'a'.repeat(31) }] }, 'body.observables.1.value'],
      ['an unknown observable type', { observables: [{ type: 'colour', value: 'red' }] }, 'body.observables.0.type'],
      ['an unknown field', { bogus: 1 }, 'body'],
      ['no source_ref', { source_ref: undefined }, 'body.source_ref'],
      ['an empty title', { title: '  ' }, 'body.title'],
      ['a severity of 5', { severity: 5 }, 'body.severity'],
      ['a title over 300 characters', { title: 'x'.repeat(301) }, 'body.title'],
      ['a TLP that is not TLP 2.0', { tlp: 'white' }, 'body.tlp'],
      ['more than 200 observables', { observables: Array.from({ length: 201 }, (_, i) => ({ type: 'other', value: `v${i}` })) }, 'body.observables'],
      ['raw JSON over 256 KB', { raw: { blob: 'x'.repeat(270_000) } }, 'body.raw'],
      ['a date without offset', { occurred_at: '2026-11-23T10:00:00' }, 'body.occurred_at'],
    ])('refuses %s', async (_label, overrides, path) => {
      const before = await alertCount(t());
      const res = await send(alert(overrides));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
      expect(await alertCount(t())).toBe(before);
    });

    it('names the reason for each bad observable', async () => {
      const res = await send(alert({ observables: [{ type: 'md5', value: 'abc' }, { type: 'ip', value: 'not-an-ip' }] }));
      const errors = res.json().errors as Array<{ path: string; message: string }>;
      expect(errors.map((e) => e.path)).toEqual(['body.observables.0.value', 'body.observables.1.value']);
      expect(errors[0]!.message).toContain('32 hexadecimal characters');
    });
  });

  describe('authorisation', () => {
    it('lets analysts, responders and incident managers send alerts', async () => {
      for (const role of ['analyst', 'responder', 'incident_manager'] as const) {
        expect((await send(alert(), (await t().user(role)).token)).statusCode).toBe(201);
      }
    });

    it('refuses stakeholders, risk owners and auditors with 403, and anonymous callers with 401', async () => {
      for (const role of ['stakeholder', 'risk_owner', 'auditor'] as const) {
        const res = await send(alert({ source_ref: ref('refused') }), (await t().user(role)).token);
        expect(res.statusCode).toBe(403);
      }
      expect((await t().call('POST', '/api/v1/alerts', { token: null, body: alert() })).statusCode).toBe(401);
    });
  });
});
