import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { BlobReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { evidenceBlobPath } from '../../../src/store/evidence-files.js';
import { describeApiOnEachEngine, type TestUser } from '../../support/test-app.js';
import { addPhysicalEvidence, openIncident, uploadEvidence } from './fixtures.js';

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** The local file headers of a ZIP: general-purpose flag, compression method and extra-field ids of each. */
function localHeaders(zip: Buffer): Array<{ flags: number; method: number; extraIds: number[] }> {
  const headers = [];
  for (let at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04])); at !== -1; at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), at + 4)) {
    const nameLength = zip.readUInt16LE(at + 26);
    const extraLength = zip.readUInt16LE(at + 28);
    const extraIds: number[] = [];
    for (let e = at + 30 + nameLength; e < at + 30 + nameLength + extraLength; e += 4 + zip.readUInt16LE(e + 2)) extraIds.push(zip.readUInt16LE(e));
    headers.push({ flags: zip.readUInt16LE(at + 6), method: zip.readUInt16LE(at + 8), extraIds });
    break; // one entry per archive; the data after it could contain the signature by chance
  }
  return headers;
}

async function readZip(zip: Buffer, password: string) {
  const reader = new ZipReader(new BlobReader(new Blob([new Uint8Array(zip)])), { useWebWorkers: false });
  try {
    const entries = await reader.getEntries();
    const entry = entries[0]!;
    if (entry.directory) throw new Error('the archive holds a folder, not the sample');
    const data = await entry.getData(new Uint8ArrayWriter(), { password, useWebWorkers: false });
    return { names: entries.map((e) => e.filename), data: Buffer.from(data), entry };
  } finally {
    await reader.close();
  }
}

describeApiOnEachEngine('evidence download', (t) => {
  let incident: any;
  let stakeholder: TestUser;
  let riskOwner: TestUser;
  beforeAll(async () => {
    incident = await openIncident(t());
    stakeholder = await t().user('stakeholder', 'Sam Stakeholder');
    riskOwner = await t().user('risk_owner');
  });
  const custody = async (id: string) => (await t().call('GET', `/api/v1/evidence/${id}/custody`)).json().items as any[];
  const download = (id: string, options: { token?: string; query?: Record<string, string>; headers?: Record<string, string> } = {}) => t().call('GET', `/api/v1/evidence/${id}/download`, options);

  it('streams the stored bytes with the recorded hash and a safe file name, and records the download first', async () => {
    const content = Buffer.from(`syslog ${'x'.repeat(100_000)}`);
    const item = await uploadEvidence(t(), incident.id, { name: 'Bericht über Vorfall; 1.log', content, kind: 'log', mediaType: 'text/plain' });
    const res = await download(item.id, { token: stakeholder.token, headers: { 'user-agent': 'curl/8.5.0' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(Buffer.compare(res.rawPayload, content)).toBe(0);
    expect(res.headers['x-evidence-sha256']).toBe(sha256(content));
    expect(res.headers['content-length']).toBe(String(content.length));
    expect(res.headers['content-disposition']).toBe(`attachment; filename="Bericht uber Vorfall; 1.log"; filename*=UTF-8''Bericht%20%C3%BCber%20Vorfall%3B%201.log`);
    const events = await custody(item.id);
    expect(events.at(-1)).toMatchObject({ action: 'downloaded', actor: { id: stakeholder.id, name: 'Sam Stakeholder' }, details: { client_ip: '127.0.0.1', user_agent: 'curl/8.5.0', disposition: 'attachment', sha256: sha256(content) } });
  });

  it('shows a file inline in a sandbox and records it as accessed', async () => {
    const item = await uploadEvidence(t(), incident.id, { name: 'phish.html', content: '<script>alert(1)</script>', kind: 'email', mediaType: 'text/html' });
    const res = await download(item.id, { query: { disposition: 'inline' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="phish.html"/);
    expect(res.headers['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
    expect((await custody(item.id)).at(-1)).toMatchObject({ action: 'accessed', details: { disposition: 'inline' } });
  });

  describe('malware samples', () => {
    const sample = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(300_000, 0x41), Buffer.from('X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*')]);
    let item: any;
    beforeAll(async () => {
      item = await uploadEvidence(t(), incident.id, { name: 'invoice.pdf.exe', content: sample, kind: 'malware_sample' });
    });

    it('only come as a ZipCrypto archive that opens with the password "infected" and not without it', async () => {
      const res = await download(item.id);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/zip');
      expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''invoice.pdf.exe.zip`);
      expect(res.headers['x-evidence-sha256']).toBe(sha256(sample));
      const zip = res.rawPayload;
      expect(zip.includes(Buffer.from('EICAR-STANDARD'))).toBe(false);

      const opened = await readZip(zip, 'infected');
      expect(opened.names).toEqual(['invoice.pdf.exe']);
      expect(sha256(opened.data)).toBe(sha256(sample));
      expect(opened.entry.encrypted).toBe(true);
      await expect(readZip(zip, 'wrong password')).rejects.toThrow();

      // ZipCrypto, not AES: encryption bit set, a normal compression method (AES entries say 99) and no AES extra field (0x9901).
      const [header] = localHeaders(zip);
      expect(header!.flags & 0x1).toBe(1);
      expect([0, 8]).toContain(header!.method);
      expect(header!.extraIds).not.toContain(0x9901);
      expect((await custody(item.id)).at(-1)).toMatchObject({ action: 'downloaded', details: { archive: 'zip (ZipCrypto, password-protected)' } });
    });

    it('are never shown inline (400), and that refusal records nothing', async () => {
      const before = (await custody(item.id)).length;
      const res = await download(item.id, { query: { disposition: 'inline' } });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().detail).toMatch(/malware sample/);
      expect(await custody(item.id)).toHaveLength(before);
    });
  });

  it('answers 409 for an item without a file', async () => {
    const laptop = await addPhysicalEvidence(t(), incident.id);
    const res = await download(laptop.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/no(thing| stored file)/);
  });

  it('answers 409 "stored file missing" (not 500) when the file is gone, and records the integrity failure', async () => {
    const item = await uploadEvidence(t(), incident.id, { name: 'memory.raw', content: 'memory image that will vanish', kind: 'memory_image' });
    rmSync(evidenceBlobPath(t().runtime.deps.evidence!.dir, item.sha256));
    const res = await download(item.id);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().detail).toMatch(/stored file of .* is missing — run verify/);
    const record = (await t().call('GET', `/api/v1/evidence/${item.id}`)).json();
    expect(record).toMatchObject({ last_verification: 'missing' });
    expect((await custody(item.id)).at(-1)).toMatchObject({ action: 'integrity_failed', details: { status: 'missing', trigger: 'download' } });
    const alerts = await t().system.database.db.selectFrom('alerts').select(['title', 'incident_id', 'status']).where('incident_id', '=', incident.id).where('type', '=', 'evidence-integrity').execute();
    expect(alerts).toContainEqual({ title: `Evidence ${item.number} failed its integrity check`, incident_id: incident.id, status: 'merged' });
  });

  it('refuses roles without evidence.read (403), strangers (401), unknown items and restricted incidents (404)', async () => {
    const item = await uploadEvidence(t(), incident.id, { name: 'a.txt', content: 'a' });
    expect((await download(item.id, { token: riskOwner.token })).statusCode).toBe(403);
    const anonymous = await t().call('GET', `/api/v1/evidence/${item.id}/download`, { token: null });
    expect(anonymous.statusCode).toBe(401);
    expect((await download('evd_nope')).statusCode).toBe(404);
    const secret = await openIncident(t(), { restricted: true });
    const hidden = await uploadEvidence(t(), secret.id, { name: 'b.txt', content: 'b' });
    const res = await download(hidden.id, { token: stakeholder.token });
    expect(res.statusCode).toBe(404);
    expect((await download(item.id, { query: { disposition: 'sideways' } })).statusCode).toBe(400);
  });
});
