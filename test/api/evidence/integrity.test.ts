import { createHash } from 'node:crypto';
import { appendFileSync, rmSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { evidenceBlobPath } from '../../../src/store/evidence-files.js';
import { describeApiOnEachEngine, type TestUser } from '../../support/test-app.js';
import { addPhysicalEvidence, openIncident, uploadEvidence } from './fixtures.js';

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

describeApiOnEachEngine('evidence integrity', (t) => {
  let incident: any;
  let auditor: TestUser;
  let riskOwner: TestUser;
  beforeAll(async () => {
    incident = await openIncident(t());
    auditor = await t().user('auditor', 'Aud Itor');
    riskOwner = await t().user('risk_owner');
  });
  const stored = (item: { sha256: string }) => evidenceBlobPath(t().runtime.deps.evidence!.dir, item.sha256);
  const verify = (id: string, token?: string) => t().call('POST', `/api/v1/evidence/${id}/verify`, token === undefined ? {} : { token });
  const record = async (id: string) => (await t().call('GET', `/api/v1/evidence/${id}`)).json();
  const custody = async (id: string) => (await t().call('GET', `/api/v1/evidence/${id}/custody`)).json().items as any[];
  const timeline = async (incidentId: string) => (await t().call('GET', `/api/v1/incidents/${incidentId}/timeline`, { query: { limit: '200' } })).json().items as any[];
  const db = () => t().system.database.db;
  const integrityAlerts = (incidentId: string) => db().selectFrom('alerts').selectAll().where('incident_id', '=', incidentId).where('type', '=', 'evidence-integrity').execute();

  it('answers match for an untouched file and records the check (custody, last verification, version, timeline)', async () => {
    const content = 'disk image bytes';
    const item = await uploadEvidence(t(), incident.id, { name: 'disk.E01', content, kind: 'disk_image' });
    const res = await verify(item.id, auditor.token);
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(result).toEqual({ evidence_id: item.id, status: 'match', expected_sha256: sha256(content), actual_sha256: sha256(content), checked_at: expect.stringMatching(/Z$/) });
    expect(await record(item.id)).toMatchObject({ last_verification: 'match', last_verified_at: result.checked_at, version: item.version + 1 });
    expect((await custody(item.id)).at(-1)).toMatchObject({ action: 'verified', actor: { id: auditor.id }, details: { status: 'match', trigger: 'request' } });
    expect((await timeline(incident.id)).map((e) => e.kind)).toContain('evidence_verified');
  });

  it('finds a tampered file: mismatch, an alert on the incident, an audit entry and a timeline entry', async () => {
    const own = await openIncident(t(), { title: 'Tampering case' });
    const content = 'original evidence';
    const item = await uploadEvidence(t(), own.id, { name: 'mail.eml', content, kind: 'email' });
    appendFileSync(stored(item), 'X');

    const res = await verify(item.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'mismatch', expected_sha256: sha256(content), actual_sha256: sha256(`${content}X`) });
    expect(await record(item.id)).toMatchObject({ last_verification: 'mismatch' });
    expect((await custody(item.id)).at(-1)).toMatchObject({ action: 'integrity_failed', details: { status: 'mismatch', actual_sha256: sha256(`${content}X`) } });

    const alerts = await integrityAlerts(own.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ source: 'bulwark', type: 'evidence-integrity', severity: 2, status: 'merged', title: `Evidence ${item.number} failed its integrity check` });
    const alert = await t().call('GET', `/api/v1/alerts/${alerts[0]!.id}`);
    expect(alert.statusCode, alert.body).toBe(200);

    const audit = await db().selectFrom('audit_log').selectAll().where('action', '=', 'evidence.integrity_failed').where('target_id', '=', item.id).execute();
    expect(audit).toHaveLength(1);
    const kinds = (await timeline(own.id)).map((e) => e.kind);
    expect(kinds).toContain('evidence_integrity_failed');
    expect(kinds).toContain('alerts_merged');
  });

  it('finds a deleted file: missing, with its own alert', async () => {
    const own = await openIncident(t(), { title: 'Deleted file case' });
    const item = await uploadEvidence(t(), own.id, { name: 'capture.pcap', content: 'pcap', kind: 'network_capture' });
    rmSync(stored(item));
    const res = await verify(item.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'missing', actual_sha256: null });
    expect(await integrityAlerts(own.id)).toHaveLength(1);
    expect((await custody(item.id)).at(-1)).toMatchObject({ action: 'integrity_failed', details: { status: 'missing' } });
  });

  it("verifies all of an incident's stored files at once and counts the failures", async () => {
    const own = await openIncident(t(), { title: 'Bulk check' });
    const good = await uploadEvidence(t(), own.id, { name: 'a.log', content: 'aaa', kind: 'log' });
    const bad = await uploadEvidence(t(), own.id, { name: 'b.log', content: 'bbb-unique-to-this-test', kind: 'log' });
    await addPhysicalEvidence(t(), own.id);
    appendFileSync(stored(bad), '!');
    const res = await t().call('POST', `/api/v1/incidents/${own.id}/evidence/verify`, { token: auditor.token });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.mismatches).toBe(1);
    expect(body.items.map((r: any) => [r.evidence_id, r.status])).toEqual([[good.id, 'match'], [bad.id, 'mismatch']]);
    expect(await integrityAlerts(own.id)).toHaveLength(1);
  });

  it('refuses items without a file (409), unknown items (404), roles without evidence.read (403) and strangers (401)', async () => {
    const laptop = await addPhysicalEvidence(t(), incident.id);
    const physical = await verify(laptop.id);
    expect(physical.statusCode).toBe(409);
    expect(physical.headers['content-type']).toContain('application/problem+json');
    expect((await verify('evd_missing')).statusCode).toBe(404);
    const item = await uploadEvidence(t(), incident.id, { name: 'c.txt', content: 'c' });
    const before = await custody(item.id);
    expect((await verify(item.id, riskOwner.token)).statusCode).toBe(403);
    expect((await verify(item.id, null as unknown as string)).statusCode).toBe(401);
    expect(await custody(item.id)).toHaveLength(before.length);
    expect((await t().call('POST', `/api/v1/incidents/${incident.id}/evidence/verify`, { token: riskOwner.token })).statusCode).toBe(403);
  });

  it('hides restricted incidents from non-members (404)', async () => {
    const secret = await openIncident(t(), { restricted: true });
    const item = await uploadEvidence(t(), secret.id, { name: 'd.txt', content: 'd' });
    expect((await verify(item.id, auditor.token)).statusCode).toBe(404);
    expect((await t().call('POST', `/api/v1/incidents/${secret.id}/evidence/verify`, { token: auditor.token })).statusCode).toBe(404);
  });
});
