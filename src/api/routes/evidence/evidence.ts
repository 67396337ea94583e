import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { BulwarkError, invalid } from '../../../domain/errors.js';
import { addEvidenceFile } from '../../../services/evidence/add-evidence-file.js';
import { addEvidenceItem } from '../../../services/evidence/add-evidence-item.js';
import { getEvidence } from '../../../services/evidence/get-evidence.js';
import { listIncidentEvidence } from '../../../services/evidence/list-incident-evidence.js';
import { updateEvidence } from '../../../services/evidence/update-evidence.js';
import { serviceContext } from '../../context.js';
import { presentEvidence } from '../../presenters/evidence.js';
import { etag, idParam, ifMatchHeaders, problemResponses, problemSchema, requiredVersion } from '../../schemas.js';
import { addEvidenceBodyDoc, addEvidenceItemBody, evidenceListQuery, evidencePage, evidenceSchema, updateEvidenceBody, uploadFields } from './schema.js';

const tags = ['Evidence'];
/** Room for the metadata fields and multipart framing around the file. */
const FORM_OVERHEAD_BYTES = 1024 * 1024;

export async function evidenceRoutes(app: FastifyInstance) {
  const maxBytes = app.deps.evidence?.maxBytes ?? 0;
  // Scoped to these routes: the file part is handed over as a stream, never buffered. One byte over the
  // limit is let through so the storage writer is the one that refuses it (and deletes what it wrote).
  await app.register(multipart, { preservePath: true, limits: { fileSize: maxBytes + 1, files: 1, fields: 30, fieldSize: 64 * 1024, parts: 32 } });
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/v1/incidents/:id/evidence', {
    schema: {
      tags,
      summary: 'Add evidence: upload a file (multipart) or record an item without one (JSON)',
      description:
        'multipart/form-data: the metadata fields first, then one part named `file` (streamed to storage and hashed with SHA-256, SHA-1 and MD5 on the way; fields after the file answer 400). Larger than BULWARK_EVIDENCE_MAX_BYTES: 413; an interrupted upload leaves nothing — send it again. application/json: an item without a file (a seized laptop), with serial numbers and physical location. The uploader becomes the holder; the custody log starts with `collected`.',
      consumes: ['multipart/form-data', 'application/json'],
      params: idParam,
      body: addEvidenceBodyDoc,
      response: { 201: evidenceSchema, 413: problemSchema, ...problemResponses },
    },
    // The body is read by the handler: streamed for multipart, checked against the JSON schema otherwise.
    validatorCompiler: (route) => (route.httpPart === 'body' ? () => true : validatorCompiler(route as unknown as Parameters<typeof validatorCompiler>[0])),
  }, async (request, reply) => {
    const ctx = serviceContext(request);
    const record = request.isMultipart() ? await receiveUpload(request, request.params.id, maxBytes) : await addEvidenceItem(ctx, request.params.id, parse(addEvidenceItemBody, request.body, 'body'));
    reply.code(201).header('etag', etag(record.version)).header('location', `/api/v1/evidence/${record.id}`);
    return presentEvidence(record);
  });

  api.get('/api/v1/incidents/:id/evidence', {
    schema: { tags, summary: "The incident's evidence, newest first", params: idParam, querystring: evidenceListQuery, response: { 200: evidencePage, ...problemResponses } },
  }, async (request) => {
    const page = await listIncidentEvidence(serviceContext(request), request.params.id, request.query);
    return { items: page.items.map(presentEvidence), next_cursor: page.next_cursor };
  });

  api.get('/api/v1/evidence/:id', {
    schema: { tags, summary: 'One evidence item', params: idParam, response: { 200: evidenceSchema, ...problemResponses } },
  }, async (request, reply) => {
    const record = await getEvidence(serviceContext(request), request.params.id);
    reply.header('etag', etag(record.version));
    return presentEvidence(record);
  });

  api.patch('/api/v1/evidence/:id', {
    schema: {
      tags,
      summary: "Edit an item's metadata",
      description: 'Needs the version you saw (If-Match or version; 428 without, 412 when someone changed it since). The file, its hashes and the holder are not editable (custody changes go through /custody). retain_until: administrators and incident managers.',
      params: idParam,
      headers: ifMatchHeaders,
      body: updateEvidenceBody,
      response: { 200: evidenceSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const { version, ...changes } = request.body;
    const record = await updateEvidence(serviceContext(request), request.params.id, requiredVersion(request.headers['if-match'], version), changes);
    reply.header('etag', etag(record.version));
    return presentEvidence(record);
  });
}

/**
 * Reads the form in order: metadata fields, then the file, whose bytes go straight to the service
 * (and from there to disk). Anything after the file refuses the whole upload before it is recorded.
 */
async function receiveUpload(request: FastifyRequest, incidentId: string, maxBytes: number) {
  const ctx = serviceContext(request);
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes + FORM_OVERHEAD_BYTES) throw tooLargeUpload(maxBytes);
  const parts = request.parts()[Symbol.asyncIterator]();
  const fields: Record<string, string | string[]> = {};
  let file: NodeJS.ReadableStream | undefined;
  try {
    for (;;) {
      const next = await parts.next();
      if (next.done) throw invalid('The form has no file part: send the file as a part named "file" (or send JSON for an item without a file).', [{ path: 'file', message: 'missing' }]);
      const part = next.value;
      if (part.type === 'field') {
        const value = String(part.value);
        const existing = fields[part.fieldname];
        fields[part.fieldname] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
        continue;
      }
      if (part.fieldname !== 'file') {
        part.file.resume();
        throw invalid(`Send the file as a part named "file" (got "${part.fieldname}").`, [{ path: part.fieldname, message: 'unexpected file part' }]);
      }
      file = part.file;
      const metadata = parse(uploadFields, fields, 'body');
      return await addEvidenceFile(ctx, incidentId, metadata, {
        fileName: part.filename,
        mediaType: part.mimetype,
        stream: part.file,
        expectedBytes: Number.isFinite(declared) ? declared : undefined,
        afterFile: async () => {
          if (part.file.truncated) throw tooLargeUpload(maxBytes);
          const after = await parts.next();
          if (!after.done) throw invalid('Send metadata fields before the file: fields after the file part are not read, so nothing was kept.', [{ path: after.value.fieldname, message: 'after the file part' }]);
        },
      });
    }
  } catch (error) {
    // Refused before its bytes were read (a bad name, an unknown incident): let the rest of the body drain.
    file?.resume();
    throw multipartProblem(error, maxBytes);
  }
}

function tooLargeUpload(maxBytes: number) {
  return new BulwarkError('payload_too_large', `The file is larger than this server accepts (${maxBytes.toLocaleString('en')} bytes, BULWARK_EVIDENCE_MAX_BYTES). Nothing was kept.`, { extra: { max_bytes: maxBytes } });
}

/** The multipart parser's own limits, in the words of the API. */
function multipartProblem(error: unknown, maxBytes: number): unknown {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLargeUpload(maxBytes);
  if (code === 'FST_FILES_LIMIT') return invalid('Send one file per upload: fields after the file part, or a second file, are refused and nothing was kept.', [{ path: 'file', message: 'more than one file' }]);
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') return invalid('The form has too many fields.', [{ path: 'body', message: 'too many fields' }]);
  return error;
}

function parse<T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? `.${issue.keys.join(',')}` : '';
    return { path: [where, ...issue.path.map(String)].join('.') + keys, message: issue.message };
  });
  return (() => {
    throw invalid(`The ${where} has ${errors.length === 1 ? 'an invalid field' : `${errors.length} invalid fields`}: ${errors.map((e) => `${e.path} (${e.message})`).join('; ')}.`, errors);
  })();
}
