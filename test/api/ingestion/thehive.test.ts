import { expect, it } from 'vitest';
import { describeApiOnEachEngine } from '../../support/test-app.js';
import { alertCount, ref, sightingsOf, storedAlert } from './ingest-support.js';

/** What TheHive4py, ElastAlert2's TheHive alerter and Wazuh's integration send. */
function theHiveAlert(overrides: Record<string, unknown> = {}) {
  return {
    type: 'external',
    source: 'elastalert',
    sourceRef: ref('hive'),
    title: 'Brute force against VPN',
    description: 'Many failed logins from one address',
    severity: 4,
    date: Date.parse('2026-11-23T07:30:00Z'),
    tags: ['vpn', 'bruteforce'],
    tlp: 3,
    pap: 0,
    caseTemplate: 'brute-force',
    customFields: { region: { string: 'eu' } },
    artifacts: [
      { dataType: 'ip', data: '203.0.113[.]9', message: 'source', tags: ['src'], ioc: true },
      { dataType: 'hash', data: 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855' },
      { dataType: 'mail', data: 'attacker@Evil.Example' },
      { dataType: 'file', data: 'invoice.pdf.exe;application/octet-stream;AAAA' },
    ],
    ...overrides,
  };
}

describeApiOnEachEngine('TheHive-compatible alert endpoints', (t) => {
  it.each(['/api/alert', '/api/v1/alert'])('POST %s stores the alert with TheHive\'s scales mapped and answers in TheHive\'s shape', async (url) => {
    const body = theHiveAlert();
    const res = await t().call('POST', url, { body });
    expect(res.statusCode, res.body).toBe(201);
    const answer = res.json();
    expect(answer).toMatchObject({ _type: 'alert', sourceRef: body.sourceRef, status: 'New', severity: 4, tlp: 3, pap: 0 });
    expect(answer._id).toMatch(/^alr_/);
    expect(answer.id).toBe(answer._id);
    const row = await storedAlert(t(), answer._id);
    // TheHive 4 (critical) is Bulwark 1 (critical); tlp 3 is red; pap 0 is clear.
    expect(row).toMatchObject({ severity: 1, tlp: 'red', pap: 'clear', type: 'external', source: 'elastalert', occurred_at: '2026-11-23T07:30:00.000Z' });
    const sightings = await sightingsOf(t(), answer._id);
    expect(sightings.map((s) => `${s.type}:${s.value}`).sort()).toEqual([
      'email:attacker@evil.example',
      'filename:invoice.pdf.exe',
      'ip:203.0.113.9',
      'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    ]);
  });

  it('accepts TheHive 5 "observables", keeps unknown fields in raw, and answers 201 to a repeat', async () => {
    const body = theHiveAlert({ artifacts: undefined, observables: [{ dataType: 'domain', data: 'c2.example' }], severity: 1 });
    const first = await t().call('POST', '/api/v1/alert', { body });
    const again = await t().call('POST', '/api/v1/alert', { body });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ _id: first.json()._id, status: 'Updated' });
    const row = await storedAlert(t(), first.json()._id);
    expect(row.severity).toBe(4);
    expect(row.repeat_count).toBe(2);
    const raw = typeof row.raw === 'string' ? JSON.parse(row.raw) : row.raw;
    expect(raw.caseTemplate).toBe('brute-force');
  });

  it.each([
    ['a hash of no known length', { artifacts: [{ dataType: 'hash', data: 'abc123' }] }, 'body.artifacts.0.data'],
    ['an ip that is not an IP', { artifacts: [{ dataType: 'ip', data: 'localhost' }] }, 'body.artifacts.0.data'],
    ['an attachment without data', { artifacts: [{ dataType: 'file', attachment: { id: 'x' } }] }, 'body.artifacts.0.data'],
    ['a severity of 5', { severity: 5 }, 'body.severity'],
    ['a tlp of 7', { tlp: 7 }, 'body.tlp'],
    ['no sourceRef', { sourceRef: undefined }, 'body.sourceRef'],
  ])('refuses %s with a problem naming the field, storing nothing', async (_label, overrides, path) => {
    const before = await alertCount(t());
    const res = await t().call('POST', '/api/alert', { body: theHiveAlert(overrides) });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await alertCount(t())).toBe(before);
  });

  it('takes the API token as a Bearer key like TheHive, and refuses roles that cannot ingest', async () => {
    const analyst = await t().user('analyst');
    expect((await t().call('POST', '/api/alert', { body: theHiveAlert(), token: analyst.token })).statusCode).toBe(201);
    const stakeholder = await t().user('stakeholder');
    expect((await t().call('POST', '/api/alert', { body: theHiveAlert(), token: stakeholder.token })).statusCode).toBe(403);
    expect((await t().call('POST', '/api/v1/alert', { body: theHiveAlert(), token: null })).statusCode).toBe(401);
  });
});
