import { describe, expect, it } from 'vitest';
import { describeApiOnEachEngine } from '../../support/test-app.js';
import { incidentSightings, seedAlert } from '../../support/triage-fixtures.js';
import { triageProbes } from './triage-probes.js';

describeApiOnEachEngine('promoting alerts', (t) => {
  const { status, timelineKinds, auditActions } = triageProbes(t);

  describe('promote', () => {
    it('opens an incident from the alerts, with the chosen observables, the most severe severity and the earliest detection', async () => {
      const a = await seedAlert(t(), { severity: 3, tlp: 'green', tags: ['c2'], first_seen_at: '2026-11-23T07:00:00.000Z', observables: [{ type: 'ip', value: '198.51.100.9', ioc: true }, { type: 'domain', value: 'bad.example' }] });
      const b = await seedAlert(t(), { severity: 2, tlp: 'red', tags: ['beacon'], observables: [{ type: 'ip', value: '198.51.100.9' }] });
      const detail = (await t().call('GET', `/api/v1/alerts/${a.id}`)).json();
      const ip = detail.observables.find((o: { type: string }) => o.type === 'ip').observable_id;

      const res = await t().call('POST', '/api/v1/alerts/promote', { body: { alert_ids: [a.id, b.id], observable_ids: [ip], incident: { category: 'malware' } } });
      expect(res.statusCode, res.body).toBe(201);
      const { incident, alerts } = res.json();
      expect(res.headers.location).toBe(`/api/v1/incidents/${incident.id}`);
      expect(incident).toMatchObject({ title: `${a.title} (+1 related alerts)`, severity: 2, tlp: 'red', tags: ['beacon', 'c2'], detected_at: '2026-11-23T07:00:00.000Z' });
      expect(alerts.map((x: { status: string; incident_id: string }) => [x.status, x.incident_id])).toEqual([['promoted', incident.id], ['promoted', incident.id]]);

      const sightings = await incidentSightings(t(), incident.id);
      expect(sightings.map((s) => [s.value, Number(s.count)])).toEqual([['198.51.100.9', 2]]);
      expect(await timelineKinds(incident.id)).toEqual(expect.arrayContaining(['incident_opened', 'alerts_merged']));
      expect(await auditActions()).toEqual(expect.arrayContaining(['alert.promote', 'incident.create']));
      expect((await t().call('GET', '/api/v1/alerts', { query: { incident: incident.id } })).json().items).toHaveLength(2);
    });

    it.each([
      ['no alerts', { alert_ids: [], incident: { category: 'malware' } }, 'alert_ids'],
      ['more than 500 alerts', { alert_ids: Array.from({ length: 501 }, (_, i) => `alr_${i}`), incident: { category: 'malware' } }, 'alert_ids'],
      ['an unknown field', { alert_ids: ['x'], incident: { category: 'malware' }, bogus: 1 }, 'body'],
      ['an unknown incident field', { alert_ids: ['x'], incident: { category: 'malware', phase: 'closed' } }, 'incident'],
      ['a severity of 9', { alert_ids: ['x'], incident: { category: 'malware', severity: 9 } }, 'incident.severity'],
      ['a missing category', { alert_ids: ['x'], incident: {} }, 'incident.category'],
    ])('refuses %s with a problem naming the field', async (_label, body, path) => {
      const res = await t().call('POST', '/api/v1/alerts/promote', { body });
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json().errors)).toContain(path);
    });

    it('writes nothing when one alert cannot be promoted, or a chosen observable is not on the alerts, or the category is unknown', async () => {
      const fresh = await seedAlert(t(), { observables: [{ type: 'ip', value: '192.0.2.44' }] });
      const gone = await seedAlert(t(), { status: 'dismissed' });
      const before = (await t().call('GET', '/api/v1/incidents/count')).json().count;

      const mixed = await t().call('POST', '/api/v1/alerts/promote', { body: { alert_ids: [fresh.id, gone.id], incident: { category: 'malware' } } });
      expect(mixed.statusCode).toBe(409);
      expect(mixed.json().errors).toEqual([{ path: 'alert_ids.1', message: expect.stringContaining('reopen it first') }]);

      const unknown = await t().call('POST', '/api/v1/alerts/promote', { body: { alert_ids: [fresh.id, 'alr_missing'], incident: { category: 'malware' } } });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().errors[0].path).toBe('alert_ids.1');

      const foreign = await t().call('POST', '/api/v1/alerts/promote', { body: { alert_ids: [fresh.id], observable_ids: ['obs_elsewhere'], incident: { category: 'malware' } } });
      expect(foreign.statusCode).toBe(400);
      expect(foreign.json().errors[0].path).toBe('observable_ids.0');

      const category = await t().call('POST', '/api/v1/alerts/promote', { body: { alert_ids: [fresh.id], incident: { category: 'alien_invasion' } } });
      expect(category.statusCode).toBe(400);

      expect((await t().call('GET', '/api/v1/incidents/count')).json().count).toBe(before);
      expect(await status(fresh.id)).toBe('new');
    });

    it('needs incident.create as well as alert.triage', async () => {
      const alert = await seedAlert(t());
      for (const role of ['stakeholder', 'auditor', 'risk_owner'] as const) {
        const res = await t().call('POST', '/api/v1/alerts/promote', { token: (await t().user(role)).token, body: { alert_ids: [alert.id], incident: { category: 'malware' } } });
        expect(res.statusCode, role).toBe(403);
      }
      expect((await t().call('POST', '/api/v1/alerts/promote', { token: null, body: { alert_ids: [alert.id], incident: { category: 'malware' } } })).statusCode).toBe(401);
      const analyst = await t().user('analyst');
      expect((await t().call('POST', '/api/v1/alerts/promote', { token: analyst.token, body: { alert_ids: [alert.id], incident: { category: 'malware' } } })).statusCode).toBe(201);
    });
  });
});
