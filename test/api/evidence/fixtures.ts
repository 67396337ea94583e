import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { TestApp } from '../../support/test-app.js';

export interface UploadOptions {
  /** The file name of the `file` part. */
  name: string;
  content: Buffer | string;
  kind?: string;
  /** Whose token; the admin's by default. */
  token?: string;
  /** More metadata fields, sent before the file (arrays as repeated fields). */
  fields?: Record<string, string | string[]>;
  /** Send these fields after the file part (to test that they are refused). */
  fieldsAfterFile?: Record<string, string>;
  mediaType?: string;
}

/** A multipart/form-data body as a browser or curl would send it. */
export function multipartBody(options: Omit<UploadOptions, 'token'>): { body: Buffer; contentType: string } {
  const boundary = `----bulwark${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  const field = (name: string, value: string) => parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  const fields: Record<string, string | string[]> = { ...(options.kind ? { kind: options.kind } : {}), ...(options.fields ?? {}) };
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) field(name, v);
  const quoted = options.name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${quoted}"\r\nContent-Type: ${options.mediaType ?? 'application/octet-stream'}\r\n\r\n`));
  parts.push(Buffer.isBuffer(options.content) ? options.content : Buffer.from(options.content));
  parts.push(Buffer.from('\r\n'));
  for (const [name, value] of Object.entries(options.fieldsAfterFile ?? {})) field(name, value);
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Uploads a file as evidence on the incident; answers the raw response (check statusCode yourself). */
export async function postEvidence(t: TestApp, incidentId: string, options: UploadOptions) {
  const { body, contentType } = multipartBody(options);
  const headers: Record<string, string> = { 'content-type': contentType };
  const token = options.token ?? t.admin.token;
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${incidentId}/evidence`, headers, payload: body });
  return response;
}

/** Uploads a file as evidence and answers the created record (fails the test unless 201). */
export async function uploadEvidence(t: TestApp, incidentId: string, options: UploadOptions): Promise<any> {
  const response = await postEvidence(t, incidentId, options);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** Opens an incident (as the admin unless a token is given) and answers it. */
export async function openIncident(t: TestApp, body: Record<string, unknown> = {}, token?: string): Promise<any> {
  const response = await t.call('POST', '/api/v1/incidents', { ...(token ? { token } : {}), body: { title: 'Ransomware on file server FS-01', category: 'malware', severity: 2, ...body } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** Records an item without a file (JSON) and answers it. */
export async function addPhysicalEvidence(t: TestApp, incidentId: string, body: Record<string, unknown> = {}, token?: string): Promise<any> {
  const response = await t.call('POST', `/api/v1/incidents/${incidentId}/evidence`, { ...(token ? { token } : {}), body: { kind: 'physical', title: 'Finance laptop', serial_numbers: ['5CG1234XYZ'], physical_location: 'Safe 2, room 4.12', ...body } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}
