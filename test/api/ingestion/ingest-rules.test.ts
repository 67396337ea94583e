import { expect, it } from 'vitest';
import { describeApiOnEachEngine, type TestApp } from '../../support/test-app.js';
import { alert, alertCount, ref, sightingsOf, storedAlert } from './ingest-support.js';

async function rule(t: TestApp, body: Record<string, unknown>): Promise<string> {
  const res = await t.call('POST', '/api/v1/alert-rules', { body: { name: `rule ${ref()}`, ...body } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** Moves an alert back in time, as if it had been last seen `seconds` ago. */
async function age(t: TestApp, alertId: string, seconds: number) {
  const at = new Date(Date.now() - seconds * 1000).toISOString();
  await t.system.database.db.updateTable('alerts').set({ last_seen_at: at }).where('id', '=', alertId).execute();
}

describeApiOnEachEngine('ingestion rules at work', (t) => {
  const send = async (body: unknown) => {
    const res = await t().call('POST', '/api/v1/alerts', { body });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };

  it('folds alerts with the same fingerprint fields within the window, and not after it', async () => {
    const source = ref('fp-source');
    const id = await rule(t(), { kind: 'fingerprint', fields: ['source', 'title', 'observable:ip'], window_seconds: 600, conditions: { source: [source] } });
    const body = () => alert({ source, title: 'Port scan', observables: [{ type: 'ip', value: '192.0.2.10' }] });
    const first = await send(body());
    const second = await send(body());
    expect(second).toMatchObject({ outcome: 'deduplicated', alert_id: first.alert_id, rule_id: id });
    expect((await storedAlert(t(), first.alert_id)).repeat_count).toBe(2);
    const otherIp = await send(alert({ source, title: 'Port scan', observables: [{ type: 'ip', value: '192.0.2.11' }] }));
    expect(otherIp.outcome).toBe('created');
    await age(t(), first.alert_id, 601);
    expect((await send(body())).outcome).toBe('created');
    expect((await t().call('GET', `/api/v1/alert-rules/${id}`)).json().matched_count).toBe(1);
  });

  it('snoozes matching alerts until the rule ends, counting what it dropped', async () => {
    const source = ref('noisy');
    const id = await rule(t(), { kind: 'snooze', conditions: { source: [source], severity: [4] }, until: '2099-01-01T00:00:00Z' });
    const before = await alertCount(t());
    const res = await t().call('POST', '/api/v1/alerts', { body: alert({ source, severity: 4 }) });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ outcome: 'snoozed', alert_id: null, rule_id: id });
    expect(await alertCount(t())).toBe(before);
    expect((await send(alert({ source, severity: 1 }))).outcome).toBe('created');
    expect((await t().call('GET', `/api/v1/alert-rules/${id}`)).json().matched_count).toBe(1);
    await rule(t(), { kind: 'snooze', conditions: { source: [`${source}-old`] }, until: '2020-01-01T00:00:00Z' });
    expect((await send(alert({ source: `${source}-old` }))).outcome).toBe('created');
  });

  it('groups alerts that share an observable within a day, in one request and across requests', async () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 200)}`;
    const a = await send(alert({ observables: [{ type: 'ip', value: ip }] }));
    const batch = await t().call('POST', '/api/v1/alerts/batch', { body: { alerts: [alert({ observables: [{ type: 'ip', value: ip }, { type: 'domain', value: 'x.example' }] }), alert()] } });
    const [b, lonely] = batch.json().results;
    const group = (await storedAlert(t(), a.alert_id)).group_id;
    expect(group).toMatch(/^alg_/);
    expect((await storedAlert(t(), b.alert_id)).group_id).toBe(group);
    expect((await storedAlert(t(), lonely.alert_id)).group_id).toBeNull();
    const c = await send(alert({ observables: [{ type: 'ip', value: ip }] }));
    expect((await storedAlert(t(), c.alert_id)).group_id).toBe(group);
    const row = await t().system.database.db.selectFrom('alert_groups').selectAll().where('id', '=', group!).executeTakeFirstOrThrow();
    expect(row.alert_count).toBe(3);
    expect(row.title).toContain(ip);
  });

  it('does not group on an observable marked to ignore similarity', async () => {
    const ip = '10.0.0.1';
    const a = await send(alert({ observables: [{ type: 'ip', value: ip }] }));
    await t().system.database.db.updateTable('observables').set({ ignore_similarity: true }).where('value', '=', ip).execute();
    const b = await send(alert({ observables: [{ type: 'ip', value: ip }] }));
    expect((await storedAlert(t(), b.alert_id)).group_id).toBeNull();
    expect((await storedAlert(t(), a.alert_id)).group_id).toBeNull();
  });

  it('groups by a correlate rule\'s fields within its window', async () => {
    const source = ref('corr');
    await rule(t(), { kind: 'correlate', fields: ['source', 'type'], window_seconds: 3600, conditions: { source: [source] } });
    const a = await send(alert({ source, type: 'phishing-report', title: 'Report 1' }));
    const b = await send(alert({ source, type: 'phishing-report', title: 'Report 2' }));
    const other = await send(alert({ source, type: 'edr', title: 'Report 3' }));
    const group = (await storedAlert(t(), a.alert_id)).group_id;
    expect(group).not.toBeNull();
    expect((await storedAlert(t(), b.alert_id)).group_id).toBe(group);
    expect((await storedAlert(t(), other.alert_id)).group_id).toBeNull();
  });

  it('attaches matching alerts to an open incident, with a timeline entry and the observables', async () => {
    const incident = (await t().call('POST', '/api/v1/incidents', { body: { title: 'Ongoing phishing wave', category: 'phishing' } })).json();
    const tag = ref('wave');
    const id = await rule(t(), { kind: 'attach', conditions: { tags: [tag] }, incident_id: incident.id });
    const res = await send(alert({ tags: [tag], observables: [{ type: 'domain', value: 'login-micros0ft.example' }] }));
    expect(res).toMatchObject({ outcome: 'attached', rule_id: id, incident_id: incident.id });
    expect(await storedAlert(t(), res.alert_id)).toMatchObject({ status: 'merged', incident_id: incident.id });
    const timeline = (await t().call('GET', `/api/v1/incidents/${incident.id}/timeline`)).json();
    const entry = timeline.items.find((e: { kind: string }) => e.kind === 'alerts_merged');
    expect(entry.body).toContain('attached by the alert rule');
    expect((await sightingsOf(t(), incident.id)).map((s) => s.value)).toEqual(['login-micros0ft.example']);
  });
});
