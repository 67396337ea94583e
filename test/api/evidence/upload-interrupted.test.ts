import { existsSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { evidenceIncomingDir } from '../../../src/store/evidence-files.js';
import { describeApiOnEachEngine } from '../../support/test-app.js';
import { openIncident } from './fixtures.js';

describeApiOnEachEngine('interrupted evidence uploads', (t) => {
  it('keeps nothing when the client goes away mid-upload: no record, no partial file, no stored file', async () => {
    const incident = await openIncident(t());
    await t().app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t().app.server.address() as AddressInfo;
    const dir = t().runtime.deps.evidence!.dir;
    const incoming = evidenceIncomingDir(dir);
    const boundary = 'bulwarkInterrupted';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\ndisk_image\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="laptop.E01"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    const declared = 32 * 1024 * 1024;

    const req = request({ host: '127.0.0.1', port, method: 'POST', path: `/api/v1/incidents/${incident.id}/evidence`, headers: { authorization: `Bearer ${t().admin.token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(declared) } });
    const settled = new Promise<string>((resolve) => {
      req.on('error', (error) => resolve(`error: ${error.message}`));
      req.on('response', (response) => resolve(`response: ${response.statusCode}`));
    });
    req.write(head);
    const chunk = Buffer.alloc(256 * 1024, 0xab);
    for (let i = 0; i < 8; i += 1) req.write(chunk);
    // The upload is under way once its partial file sits in the incoming folder.
    await vi.waitFor(() => expect(existsSync(incoming) && readdirSync(incoming).length).toBe(1), { timeout: 10_000, interval: 20 });
    req.destroy();
    expect(await settled).toMatch(/^error/);

    await vi.waitFor(() => expect(readdirSync(incoming)).toEqual([]), { timeout: 10_000, interval: 20 });
    const stored = readdirSync(dir).filter((name) => name !== '.incoming');
    expect(stored.flatMap((sub) => readdirSync(join(dir, sub)))).toEqual([]);
    const rows = await t().runtime.deps.database.db.selectFrom('evidence_items').selectAll().where('incident_id', '=', incident.id).execute();
    expect(rows).toEqual([]);
    const blobs = await t().runtime.deps.database.db.selectFrom('evidence_blobs').selectAll().execute();
    expect(blobs).toEqual([]);
  });

  it('answers a refused upload over a real connection without waiting forever for the body', async () => {
    const incident = await openIncident(t());
    const address = t().app.server.address() as AddressInfo | null;
    const port = address ? address.port : ((await t().app.listen({ port: 0, host: '127.0.0.1' })), (t().app.server.address() as AddressInfo).port);
    const { multipartBody } = await import('./fixtures.js');
    const { body, contentType } = multipartBody({ name: '../../etc/cron.d/evil', content: Buffer.alloc(8 * 1024 * 1024, 1) });
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: `/api/v1/incidents/${incident.id}/evidence`, headers: { authorization: `Bearer ${t().admin.token}`, 'content-type': contentType, 'content-length': String(body.length) } }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      req.end(body);
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).detail).toContain('path separators');
  });
});
