import { existsSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { evidenceBlobPath } from '../../../src/store/evidence-files.js';
import { describeApiOnEachEngine, type TestUser } from '../../support/test-app.js';
import { addPhysicalEvidence, openIncident, uploadEvidence } from './fixtures.js';

describeApiOnEachEngine('evidence disposal with approval', (t) => {
  let incident: any;
  let mia: TestUser;
  let max: TestUser;
  let responder: TestUser;
  beforeAll(async () => {
    incident = await openIncident(t());
    mia = await t().user('incident_manager', 'Mia Manager');
    max = await t().user('incident_manager', 'Max Manager');
    responder = await t().user('responder');
  });
  const stored = (sha256: string) => evidenceBlobPath(t().runtime.deps.evidence!.dir, sha256);
  const destroy = (id: string, body: unknown, token = mia.token) => t().call('DELETE', `/api/v1/evidence/${id}`, { token, body });
  const release = (id: string, body: unknown, token = mia.token) => t().call('POST', `/api/v1/evidence/${id}/release`, { token, body });
  const decide = (id: string, decision: 'approve' | 'reject', body: unknown, token = max.token) => t().call('POST', `/api/v1/evidence/${id}/disposal/${decision}`, { token, body });
  const custody = async (id: string) => (await t().call('GET', `/api/v1/evidence/${id}/custody`)).json().items as any[];
  const record = async (id: string) => (await t().call('GET', `/api/v1/evidence/${id}`)).json();
  const blob = (sha256: string) => t().system.database.db.selectFrom('evidence_blobs').selectAll().where('sha256', '=', sha256).executeTakeFirstOrThrow();

  it('destroys only after a second person approves: status destroyed, file removed, download 410, all in the custody log', async () => {
    const item = await uploadEvidence(t(), incident.id, { name: 'old-image.dd', content: 'a disk image nobody else has', kind: 'disk_image' });
    const requested = await destroy(item.id, { reason: 'Case closed, retention over' });
    expect(requested.statusCode, requested.body).toBe(202);
    expect(requested.json()).toMatchObject({ status: 'active', disposal_request: { action: 'destroy', reason: 'Case closed, retention over', requested_by: { id: mia.id, name: 'Mia Manager' } } });
    expect((await custody(item.id)).at(-1)).toMatchObject({ action: 'disposal_requested', details: { action: 'destroy', reason: 'Case closed, retention over' } });
    expect((await destroy(item.id, { reason: 'twice' }, max.token)).statusCode).toBe(409);

    const self = await decide(item.id, 'approve', { note: 'ok' }, mia.token);
    expect(self.statusCode).toBe(403);
    expect(self.json().detail).toMatch(/second person/);
    expect(existsSync(stored(item.sha256))).toBe(true);

    const approved = await decide(item.id, 'approve', { note: 'Checked with counsel' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'destroyed', disposal_request: null });
    expect(existsSync(stored(item.sha256))).toBe(false);
    expect((await blob(item.sha256)).removed_at).not.toBeNull();
    expect((await custody(item.id)).at(-1)).toMatchObject({
      action: 'destroyed',
      actor: { id: max.id },
      details: { reason: 'Case closed, retention over', note: 'Checked with counsel', requested_by: { id: mia.id, name: 'Mia Manager' }, approved_by: { id: max.id, name: 'Max Manager' }, stored_file_removed: true },
    });
    const timeline = (await t().call('GET', `/api/v1/incidents/${incident.id}/timeline`, { query: { limit: '200' } })).json().items as any[];
    expect(timeline.find((e) => e.kind === 'evidence_disposed')?.body).toMatch(/destroyed, requested by Mia Manager and approved by Max Manager/);
    const audit = await t().system.database.db.selectFrom('audit_log').select('actor_id').where('action', '=', 'evidence.destroy').where('target_id', '=', item.id).execute();
    expect(audit).toEqual([{ actor_id: max.id }]);

    const gone = await t().call('GET', `/api/v1/evidence/${item.id}/download`);
    expect(gone.statusCode).toBe(410);
    expect(gone.headers['content-type']).toContain('application/problem+json');
    expect((await t().call('POST', `/api/v1/evidence/${item.id}/verify`)).statusCode).toBe(410);
    expect((await destroy(item.id, { reason: 'again' })).statusCode).toBe(409);
  });

  it('keeps the stored file while another item that still exists has the same content', async () => {
    const content = 'the same log, collected twice';
    const first = await uploadEvidence(t(), incident.id, { name: 'first.log', content, kind: 'log' });
    const second = await uploadEvidence(t(), incident.id, { name: 'second.log', content, kind: 'log' });
    expect((await destroy(first.id, { reason: 'duplicate' })).statusCode).toBe(202);
    const approved = await decide(first.id, 'approve', {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await custody(first.id)).at(-1)).toMatchObject({ action: 'destroyed', details: { stored_file_removed: false } });
    expect(existsSync(stored(first.sha256))).toBe(true);
    expect((await blob(first.sha256)).removed_at).toBeNull();
    const download = await t().call('GET', `/api/v1/evidence/${second.id}/download`);
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe(content);
  });

  it('releases to the owner after approval, and a rejection leaves the item as it was', async () => {
    const laptop = await addPhysicalEvidence(t(), incident.id, { title: 'Loan laptop' });
    const asked = await release(laptop.id, { reason: 'Return to the finance department' });
    expect(asked.statusCode, asked.body).toBe(202);
    expect(asked.json().disposal_request).toMatchObject({ action: 'release' });
    expect((await decide(laptop.id, 'reject', {})).statusCode).toBe(400);
    const rejected = await decide(laptop.id, 'reject', { note: 'Still needed for imaging' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'active', disposal_request: null });
    expect((await custody(laptop.id)).at(-1)).toMatchObject({ action: 'disposal_rejected', actor: { id: max.id }, details: { note: 'Still needed for imaging', action: 'release' } });
    expect((await decide(laptop.id, 'approve', {})).statusCode).toBe(409);

    expect((await release(laptop.id, { reason: 'Imaging done' }, max.token)).statusCode).toBe(202);
    const approved = await decide(laptop.id, 'approve', { note: 'Signed receipt from finance' }, mia.token);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'released', disposal_request: null });
    expect((await custody(laptop.id)).at(-1)).toMatchObject({ action: 'released', details: { requested_by: { id: max.id }, approved_by: { id: mia.id } } });
  });

  it('refuses disposal before the retention date (409)', async () => {
    const item = await uploadEvidence(t(), incident.id, { name: 'kept.txt', content: 'kept until 2099' });
    const patched = await t().call('PATCH', `/api/v1/evidence/${item.id}`, { body: { retain_until: '2099-01-01T00:00:00Z', version: item.version } });
    expect(patched.statusCode, patched.body).toBe(200);
    const refused = await destroy(item.id, { reason: 'tidy up' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/before 2099-01-01T00:00:00.000Z/);
    expect((await record(item.id)).disposal_request).toBeNull();
  });

  it('refuses bad input (400, nothing written), roles without evidence.manage (403) and strangers (401)', async () => {
    const item = await uploadEvidence(t(), incident.id, { name: 'guarded.txt', content: 'guarded' });
    const before = (await custody(item.id)).length;
    for (const body of [{}, { reason: '' }, { reason: 'x'.repeat(2001) }, { reason: 'ok', action: 'destroy' }]) expect((await destroy(item.id, body)).statusCode, JSON.stringify(body)).toBe(400);
    expect((await destroy(item.id, { reason: 'r' }, responder.token)).statusCode).toBe(403);
    expect((await release(item.id, { reason: 'r' }, responder.token)).statusCode).toBe(403);
    expect((await decide(item.id, 'approve', {}, responder.token)).statusCode).toBe(403);
    expect((await destroy(item.id, { reason: 'r' }, null as unknown as string)).statusCode).toBe(401);
    expect((await decide(item.id, 'approve', {})).statusCode).toBe(409);
    expect(await custody(item.id)).toHaveLength(before);
    expect((await record(item.id)).status).toBe('active');
  });
});
