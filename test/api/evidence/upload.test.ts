import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { BODY_LIMIT } from '../../../src/api/app.js';
import { evidenceBlobPath, PARALLEL_HASHING_FROM_BYTES } from '../../../src/store/evidence-files.js';
import { describeApiOnEachEngine, type TestApp } from '../../support/test-app.js';
import { multipartBody, openIncident, postEvidence, uploadEvidence } from './fixtures.js';

const sha256 = (content: Buffer | string) => createHash('sha256').update(content).digest('hex');

/** Every file under the evidence folder (uploads in progress included), relative to it. */
function storedFiles(t: TestApp): string[] {
  const dir = t.runtime.deps.evidence!.dir;
  const walk = (path: string): string[] => (existsSync(path) ? readdirSync(path, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(path, e.name)) : [join(path, e.name).slice(dir.length + 1)])) : []);
  return walk(dir);
}

async function evidenceCount(t: TestApp): Promise<number> {
  const row = await t.runtime.deps.database.db.selectFrom('evidence_items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describeApiOnEachEngine('evidence uploads', (t) => {
  it('streams a file to its content address, hashes it three ways, and starts the custody log with the uploader holding it', async () => {
    const incident = await openIncident(t());
    const content = Buffer.from('2026-11-20 14:02:11 sshd[811]: Accepted publickey for root from 185.220.101.4\n'.repeat(200));
    const record = await uploadEvidence(t(), incident.id, {
      name: 'auth.log',
      content,
      kind: 'log',
      mediaType: 'text/plain',
      fields: { title: 'SSH auth log of FS-01', source: 'FS-01', collected_by: 'A. Jansen, ACME CSIRT', collected_at: '2026-11-20T14:05:00+01:00', acquisition_tool: 'scp', tlp: 'red', tags: ['SSH', 'linux,Auth'] },
    });
    expect(record).toMatchObject({
      number: expect.stringMatching(/^EVD-\d{4}-0001$/),
      incident_id: incident.id,
      incident_number: incident.number,
      kind: 'log',
      title: 'SSH auth log of FS-01',
      file_name: 'auth.log',
      media_type: 'text/plain',
      size_bytes: content.length,
      sha256: sha256(content),
      sha1: createHash('sha1').update(content).digest('hex'),
      md5: createHash('md5').update(content).digest('hex'),
      collected_by: 'A. Jansen, ACME CSIRT',
      collected_at: '2026-11-20T13:05:00.000Z',
      tlp: 'red',
      tags: ['auth', 'linux', 'ssh'],
      status: 'active',
      holder: { id: t().admin.id, name: 'Ada Admin' },
      pending_holder: null,
      legal_hold: false,
      disposal_request: null,
      version: 1,
    });
    expect(record).not.toHaveProperty('organisation_id');
    const path = evidenceBlobPath(t().runtime.deps.evidence!.dir, record.sha256);
    expect(readFileSync(path).equals(content)).toBe(true);

    const custody = await t().runtime.deps.database.db.selectFrom('custody_events').selectAll().where('evidence_id', '=', record.id).execute();
    expect(custody.map((e) => [e.action, e.actor_id, e.occurred_at])).toEqual([['collected', t().admin.id, '2026-11-20T13:05:00.000Z']]);
    const timeline = (await t().call('GET', `/api/v1/incidents/${incident.id}/timeline`)).json().items as Array<{ kind: string; body: string }>;
    expect(timeline.find((e) => e.kind === 'evidence_added')?.body).toContain(record.number);
    const audit = await t().runtime.deps.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'evidence.add').where('target_id', '=', record.id).execute();
    expect(audit).toHaveLength(1);
  });

  it('stores identical content once: two uploads make two items sharing one file', async () => {
    const incident = await openIncident(t());
    const content = `invoice.pdf.exe ${Math.random()}`;
    const first = await uploadEvidence(t(), incident.id, { name: 'invoice.pdf.exe', content, kind: 'malware_sample' });
    const second = await uploadEvidence(t(), incident.id, { name: 'copy of invoice.pdf.exe', content });
    expect(second.id).not.toBe(first.id);
    expect(second.sha256).toBe(first.sha256);
    expect(storedFiles(t()).filter((f) => f.endsWith(first.sha256))).toHaveLength(1);
    const blobs = await t().runtime.deps.database.db.selectFrom('evidence_blobs').selectAll().where('sha256', '=', first.sha256).execute();
    expect(blobs).toHaveLength(1);
    expect(storedFiles(t()).filter((f) => f.startsWith('.incoming'))).toEqual([]);
  });

  it('takes a file larger than the JSON body limit without holding it in memory', async () => {
    const incident = await openIncident(t());
    // Past the API's body limit, and large enough to be hashed on a worker thread.
    const content = Buffer.alloc(Math.max(BODY_LIMIT, PARALLEL_HASHING_FROM_BYTES) + 1024 * 1024, 7);
    const record = await uploadEvidence(t(), incident.id, { name: 'memory.raw', content, kind: 'memory_image' });
    expect(record.size_bytes).toBe(content.length);
    expect(record.sha256).toBe(sha256(content));
    expect(record.md5).toBe(createHash('md5').update(content).digest('hex'));
  });

  it('refuses bad file names with 400 naming the problem, keeping nothing', async () => {
    const incident = await openIncident(t());
    const before = await evidenceCount(t());
    for (const [name, problem] of [
      ['../etc/passwd', 'path separators'],
      ['C:\\evil.exe', 'path separators'],
      ['bad\u0007name.txt', 'control characters'],
      ['a'.repeat(1000), 'at most 255 characters'],
    ] as const) {
      const response = await postEvidence(t(), incident.id, { name, content: 'x' });
      expect(response.statusCode, name).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().detail).toContain(problem);
    }
    expect(await evidenceCount(t())).toBe(before);
    expect(storedFiles(t()).filter((f) => f.startsWith('.incoming'))).toEqual([]);
  });

  it('refuses metadata after the file, a second file, a missing file part and bad fields, keeping nothing', async () => {
    const incident = await openIncident(t());
    const before = await evidenceCount(t());
    const filesBefore = storedFiles(t()).length;
    const after = await postEvidence(t(), incident.id, { name: 'late.txt', content: `late ${Math.random()}`, fieldsAfterFile: { title: 'too late' } });
    expect(after.statusCode, after.body).toBe(400);
    expect(after.json().detail).toContain('Send metadata fields before the file');
    const { body: twoFiles, contentType } = multipartBody({ name: 'one.txt', content: `one ${Math.random()}` });
    const second = Buffer.from(twoFiles.toString('latin1').replace(/--([^\r]+)--\r\n$/, '--$1\r\nContent-Disposition: form-data; name="file"; filename="two.txt"\r\n\r\ntwo\r\n--$1--\r\n'), 'latin1');
    const both = await t().app.inject({ method: 'POST', url: `/api/v1/incidents/${incident.id}/evidence`, headers: { authorization: `Bearer ${t().admin.token}`, 'content-type': contentType }, payload: second });
    expect(both.statusCode, both.body).toBe(400);
    expect(both.json().detail).toMatch(/one file per upload|before the file/);
    const badKind = await postEvidence(t(), incident.id, { name: 'a.txt', content: 'a', kind: 'crystal_ball' });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().errors[0].path).toBe('body.kind');
    const unknownField = await postEvidence(t(), incident.id, { name: 'a.txt', content: 'a', fields: { colour: 'red' } });
    expect(unknownField.statusCode).toBe(400);
    const future = await postEvidence(t(), incident.id, { name: 'a.txt', content: 'a', fields: { collected_at: '2999-01-01T00:00:00Z' } });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([{ path: 'collected_at', message: 'must not be in the future' }]);
    const noObservable = await postEvidence(t(), incident.id, { name: 'a.txt', content: 'a', fields: { observable_ids: 'obs_nothere' } });
    expect(noObservable.statusCode).toBe(400);
    const noAsset = await postEvidence(t(), incident.id, { name: 'a.txt', content: 'a', fields: { asset_id: 'ast_nothere' } });
    expect(noAsset.statusCode).toBe(400);
    const boundary = 'xyz';
    const onlyFields = await t().app.inject({ method: 'POST', url: `/api/v1/incidents/${incident.id}/evidence`, headers: { authorization: `Bearer ${t().admin.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nno file\r\n--${boundary}--\r\n` });
    expect(onlyFields.statusCode, onlyFields.body).toBe(400);
    expect(onlyFields.json().detail).toContain('no file part');
    expect(await evidenceCount(t())).toBe(before);
    expect(storedFiles(t()).length).toBe(filesBefore);
  });

  it('links observables and an asset of the organisation', async () => {
    const incident = await openIncident(t());
    const observables = await t().call('POST', `/api/v1/incidents/${incident.id}/observables`, { body: { observables: [{ type: 'ip', value: '185.220.101.4' }] } });
    expect(observables.statusCode, observables.body).toBe(201);
    const observableId = observables.json().items[0].observable.id as string;
    const asset = await t().call('POST', '/api/v1/assets', { body: { name: 'FS-01', kind: 'system', criticality: 'high' } });
    expect(asset.statusCode, asset.body).toBe(201);
    const record = await uploadEvidence(t(), incident.id, { name: 'pcap.pcapng', content: 'pcap', kind: 'network_capture', fields: { observable_ids: observableId, asset_id: asset.json().id } });
    expect(record.observable_ids).toEqual([observableId]);
    expect(record.asset_id).toBe(asset.json().id);
  });

  it('lets analysts upload; refuses stakeholders (403) and callers without credentials (401)', async () => {
    const incident = await openIncident(t());
    const analyst = await t().user('analyst');
    const record = await uploadEvidence(t(), incident.id, { name: 'shot.png', content: 'png', kind: 'screenshot', token: analyst.token });
    expect(record.holder.id).toBe(analyst.id);
    const stakeholder = await t().user('stakeholder');
    expect((await postEvidence(t(), incident.id, { name: 'shot.png', content: 'png', token: stakeholder.token })).statusCode).toBe(403);
    const { body, contentType } = multipartBody({ name: 'shot.png', content: 'png' });
    const anonymous = await t().app.inject({ method: 'POST', url: `/api/v1/incidents/${incident.id}/evidence`, headers: { 'content-type': contentType }, payload: body });
    expect(anonymous.statusCode).toBe(401);
  });

  it('hides uploads to a restricted incident from non-members (404)', async () => {
    const incident = await openIncident(t(), { restricted: true });
    const responder = await t().user('responder');
    const response = await postEvidence(t(), incident.id, { name: 'a.txt', content: 'a', token: responder.token });
    expect(response.statusCode).toBe(404);
  });
});

describeApiOnEachEngine('evidence uploads over the limit', (t) => {
  it('answers 413 and keeps nothing: no record, no stored file, no partial upload', async () => {
    const incident = await openIncident(t());
    const before = await evidenceCount(t());
    const response = await postEvidence(t(), incident.id, { name: 'disk.E01', content: Buffer.alloc(4096 + 1, 1), kind: 'disk_image' });
    expect(response.statusCode, response.body).toBe(413);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().detail).toContain('BULWARK_EVIDENCE_MAX_BYTES');
    expect(await evidenceCount(t())).toBe(before);
    expect(storedFiles(t())).toEqual([]);
    // A declared length far over the limit is refused before the body is read.
    const huge = await postEvidence(t(), incident.id, { name: 'disk.E01', content: Buffer.alloc(2 * 1024 * 1024, 1) });
    expect(huge.statusCode, huge.body).toBe(413);
    expect(await evidenceCount(t())).toBe(before);
    expect(storedFiles(t())).toEqual([]);
    // exactly at the limit is fine
    const exact = await uploadEvidence(t(), incident.id, { name: 'disk.E01', content: Buffer.alloc(4096, 1) });
    expect(exact.size_bytes).toBe(4096);
  });
}, { evidenceMaxBytes: 4096 });
