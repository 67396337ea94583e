import { describe, expect, it } from 'vitest';
import { describeApiOnEachEngine } from '../../support/test-app.js';
import { incidentSightings, seedAlert } from '../../support/triage-fixtures.js';
import { triageProbes } from './triage-probes.js';

describeApiOnEachEngine('merging, unmerging, dismissing and reopening alerts', (t) => {
  const { status, timelineKinds, auditActions, openIncident } = triageProbes(t);

  describe('merge and unmerge', () => {
    it('merges alerts into an open incident, and an unmerge withdraws only what the alert brought', async () => {
      const incident = await openIncident();
      const add = await t().call('POST', `/api/v1/incidents/${incident.id}/observables`, { body: { observables: [{ type: 'ip', value: '203.0.113.50' }] } });
      expect(add.statusCode, add.body).toBe(201);
      const a = await seedAlert(t(), { observables: [{ type: 'ip', value: '203.0.113.50' }, { type: 'domain', value: 'evil.example' }] });
      const b = await seedAlert(t(), { observables: [{ type: 'domain', value: 'evil.example' }] });

      const merged = await t().call('POST', '/api/v1/alerts/merge', { body: { alert_ids: [a.id, b.id], incident_id: incident.number } });
      expect(merged.statusCode, merged.body).toBe(200);
      expect(merged.json().incident_id).toBe(incident.id);
      expect(await status(a.id)).toBe('merged');
      const afterMerge = Object.fromEntries((await incidentSightings(t(), incident.id)).map((s) => [s.value, Number(s.count)]));
      expect(afterMerge).toEqual({ '203.0.113.50': 2, 'evil.example': 2 });

      const undo = await t().call('POST', `/api/v1/alerts/${a.id}/unmerge`);
      expect(undo.statusCode, undo.body).toBe(200);
      expect(undo.json().alerts[0]).toMatchObject({ status: 'new', incident_id: null });
      const afterUndo = Object.fromEntries((await incidentSightings(t(), incident.id)).map((s) => [s.value, Number(s.count)]));
      // The IP an analyst added by hand stays; the domain the other merged alert also brought stays, once.
      expect(afterUndo).toEqual({ '203.0.113.50': 1, 'evil.example': 1 });
      expect(await timelineKinds(incident.id)).toEqual(expect.arrayContaining(['alerts_merged', 'alert_unmerged']));
      expect(await auditActions()).toEqual(expect.arrayContaining(['alert.merge', 'alert.unmerge']));

      const again = await t().call('POST', `/api/v1/alerts/${a.id}/unmerge`);
      expect(again.statusCode).toBe(409);
    });

    it('undoes a merge an attach rule made at ingest, withdrawing the observables it brought', async () => {
      const incident = await openIncident({ title: 'Known C2 campaign' });
      const rule = await t().call('POST', '/api/v1/alert-rules', { body: { kind: 'attach', name: 'C2 campaign', conditions: { tags: ['campaign-x'] }, incident_id: incident.id } });
      expect(rule.statusCode, rule.body).toBe(201);
      const sent = await t().call('POST', '/api/v1/alerts', { body: { source: 'zeek', source_ref: `attach-${Date.now()}`, type: 'nids', title: 'Beacon matching campaign X', severity: 2, tags: ['campaign-x'], observables: [{ type: 'domain', value: 'c2.campaign-x.example' }] } });
      expect(sent.statusCode, sent.body).toBeLessThan(300);
      const [alert] = (await t().call('GET', '/api/v1/alerts', { query: { incident: incident.id } })).json().items;
      expect(alert).toMatchObject({ status: 'merged' });
      expect((await incidentSightings(t(), incident.id)).map((s) => s.value)).toEqual(['c2.campaign-x.example']);

      const undo = await t().call('POST', `/api/v1/alerts/${alert.id}/unmerge`);
      expect(undo.statusCode, undo.body).toBe(200);
      expect(await incidentSightings(t(), incident.id)).toEqual([]);
    });

    it('refuses closed incidents (409), unknown ones (404) and restricted ones the caller is not a member of (404)', async () => {
      const alert = await seedAlert(t());
      expect((await t().call('POST', '/api/v1/alerts/merge', { body: { alert_ids: [alert.id], incident_id: 'inc_missing' } })).statusCode).toBe(404);
      const secret = await openIncident({ restricted: true });
      const manager = await t().user('incident_manager');
      expect((await t().call('POST', '/api/v1/alerts/merge', { token: manager.token, body: { alert_ids: [alert.id], incident_id: secret.id } })).statusCode).toBe(404);
      const closed = await openIncident({ severity: 4 });
      const close = await t().call('POST', `/api/v1/incidents/${closed.id}/transitions`, { body: { to: 'closed', reason: 'duplicate report', resolution: 'duplicate' } });
      expect(close.statusCode, close.body).toBe(200);
      const res = await t().call('POST', '/api/v1/alerts/merge', { body: { alert_ids: [alert.id], incident_id: closed.id } });
      expect(res.statusCode).toBe(409);
      expect(await status(alert.id)).toBe('new');
    });

    it('hides alerts merged into a restricted incident from non-members, in the list, the detail and unmerge', async () => {
      const secret = await openIncident({ restricted: true, title: 'HR investigation' });
      const alert = await seedAlert(t(), { title: 'DLP: payroll export' });
      expect((await t().call('POST', '/api/v1/alerts/merge', { body: { alert_ids: [alert.id], incident_id: secret.id } })).statusCode).toBe(200);
      const analyst = await t().user('analyst');
      const list = await t().call('GET', '/api/v1/alerts', { token: analyst.token, query: { limit: '200' } });
      expect(list.json().items.map((a: { id: string }) => a.id)).not.toContain(alert.id);
      expect((await t().call('GET', `/api/v1/alerts/${alert.id}`, { token: analyst.token })).statusCode).toBe(404);
      expect((await t().call('POST', `/api/v1/alerts/${alert.id}/unmerge`, { token: analyst.token })).statusCode).toBe(404);
      expect((await t().call('GET', `/api/v1/alerts/${alert.id}`)).json().incident).toMatchObject({ id: secret.id });
    });

    it.each([
      ['a missing incident_id', { alert_ids: ['x'] }, 'incident_id'],
      ['alert_ids that is not a list', { alert_ids: 'x', incident_id: 'y' }, 'alert_ids'],
      ['an unknown field', { alert_ids: ['x'], incident_id: 'y', why: 'z' }, 'body'],
    ])('refuses %s', async (_label, body, path) => {
      const res = await t().call('POST', '/api/v1/alerts/merge', { body });
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json().errors)).toContain(path);
    });
  });

  describe('dismiss and reopen', () => {
    it('dismisses with a reason and reopens, in bulk', async () => {
      const a = await seedAlert(t());
      const b = await seedAlert(t());
      const res = await t().call('POST', '/api/v1/alerts/dismiss', { body: { alert_ids: [a.id, b.id, a.id], reason: '  False positive  ' } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().alerts.map((x: { status: string; dismiss_reason: string }) => [x.status, x.dismiss_reason])).toEqual([['dismissed', 'False positive'], ['dismissed', 'False positive']]);
      expect((await t().call('POST', '/api/v1/alerts/dismiss', { body: { alert_ids: [a.id], reason: 'again' } })).statusCode).toBe(409);
      const reopened = await t().call('POST', '/api/v1/alerts/reopen', { body: { alert_ids: [a.id, b.id] } });
      expect(reopened.statusCode).toBe(200);
      expect(await status(a.id)).toBe('new');
      expect((await t().call('GET', `/api/v1/alerts/${a.id}`)).json()).toMatchObject({ dismiss_reason: null, version: 3 });
      expect(await auditActions()).toEqual(expect.arrayContaining(['alert.dismiss', 'alert.reopen']));
    });

    it.each([
      ['no reason', { reason: '' }, 'reason'],
      ['a blank reason', { reason: '   ' }, 'reason'],
      ['a reason over 500 characters', { reason: 'x'.repeat(501) }, 'reason'],
    ])('refuses %s and dismisses nothing', async (_label, body, path) => {
      const alert = await seedAlert(t());
      const res = await t().call('POST', '/api/v1/alerts/dismiss', { body: { alert_ids: [alert.id], ...body } });
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json().errors)).toContain(path);
      expect(await status(alert.id)).toBe('new');
    });

    it('refuses reopening an alert that is new, and roles that cannot triage', async () => {
      const alert = await seedAlert(t());
      expect((await t().call('POST', '/api/v1/alerts/reopen', { body: { alert_ids: [alert.id] } })).statusCode).toBe(409);
      for (const role of ['stakeholder', 'auditor', 'risk_owner'] as const) {
        const token = (await t().user(role)).token;
        expect((await t().call('POST', '/api/v1/alerts/dismiss', { token, body: { alert_ids: [alert.id], reason: 'no' } })).statusCode, role).toBe(403);
        expect((await t().call('POST', `/api/v1/alerts/${alert.id}/unmerge`, { token })).statusCode, role).toBe(403);
      }
      expect((await t().call('POST', '/api/v1/alerts/dismiss', { token: null, body: { alert_ids: [alert.id], reason: 'no' } })).statusCode).toBe(401);
      expect(await status(alert.id)).toBe('new');
    });
  });
});
