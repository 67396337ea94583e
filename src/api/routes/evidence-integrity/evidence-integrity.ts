import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { decideDisposal } from '../../../services/evidence/decide-disposal.js';
import { liftLegalHold } from '../../../services/evidence/lift-legal-hold.js';
import { placeLegalHold } from '../../../services/evidence/place-legal-hold.js';
import { requestDisposal } from '../../../services/evidence/request-disposal.js';
import { verifyEvidence } from '../../../services/evidence/verify-evidence.js';
import { verifyIncidentEvidence } from '../../../services/evidence/verify-incident-evidence.js';
import { serviceContext } from '../../context.js';
import { presentEvidence } from '../../presenters/evidence.js';
import { etag, idParam, problemResponses, problemSchema } from '../../schemas.js';
import { evidenceSchema } from '../evidence/schema.js';
import { approveBody, incidentVerificationSchema, reasonBody, rejectBody, verificationSchema } from './schema.js';

const tags = ['Evidence'];
const withGone = { 410: problemSchema, ...problemResponses };

/** Integrity checks, legal hold and disposal with a second person's approval (docs/evidence.md). */
export async function evidenceIntegrityRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/v1/evidence/:id/verify', {
    schema: {
      tags,
      summary: 'Check that the stored file still matches its recorded SHA-256',
      description: 'Re-reads the stored file and hashes it. Recorded in the chain of custody (`verified` or `integrity_failed`); a mismatch or a missing file also goes on the incident timeline, into the audit log, and raises a high-severity alert on the incident. Anyone who may read evidence may verify it. 409: an item without a file; 410: destroyed.',
      params: idParam,
      response: { 200: verificationSchema, ...withGone },
    },
  }, async (request) => verifyEvidence(serviceContext(request), request.params.id));

  api.post('/api/v1/incidents/:id/evidence/verify', {
    schema: {
      tags,
      summary: "Verify all of the incident's stored evidence",
      description: 'Every item with a stored file that has not been destroyed, one after the other; each answers like POST /evidence/{id}/verify, and mismatches counts the failures.',
      params: idParam,
      response: { 200: incidentVerificationSchema, ...problemResponses },
    },
  }, async (request) => verifyIncidentEvidence(serviceContext(request), request.params.id));

  api.post('/api/v1/evidence/:id/hold', {
    schema: {
      tags,
      summary: 'Place a legal hold (incident managers, administrators)',
      description: 'While held, nobody (administrators included) can have the item destroyed or released. A disposal request waiting for approval is cancelled. 409 when already held.',
      params: idParam,
      body: reasonBody,
      response: { 200: evidenceSchema, ...withGone },
    },
  }, async (request, reply) => {
    const record = await placeLegalHold(serviceContext(request), request.params.id, request.body.reason);
    reply.header('etag', etag(record.version));
    return presentEvidence(record);
  });

  api.delete('/api/v1/evidence/:id/hold', {
    schema: { tags, summary: 'Lift the legal hold (incident managers, administrators)', description: '409 when the item is not held.', params: idParam, body: reasonBody, response: { 200: evidenceSchema, ...problemResponses } },
  }, async (request, reply) => {
    const record = await liftLegalHold(serviceContext(request), request.params.id, request.body.reason);
    reply.header('etag', etag(record.version));
    return presentEvidence(record);
  });

  api.delete('/api/v1/evidence/:id', {
    schema: {
      tags,
      summary: 'Request destruction (needs a second person to approve)',
      description: '202 with the record showing `disposal_request`; nothing is destroyed until another incident manager or administrator approves (POST …/disposal/approve). 409 under legal hold (for anyone), before `retain_until`, when a request is already waiting, or when the item is no longer active.',
      params: idParam,
      body: reasonBody,
      response: { 202: evidenceSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const record = await requestDisposal(serviceContext(request), request.params.id, 'destroy', request.body.reason);
    reply.code(202).header('etag', etag(record.version));
    return presentEvidence(record);
  });

  api.post('/api/v1/evidence/:id/release', {
    schema: {
      tags,
      summary: 'Request release to its owner (needs a second person to approve)',
      description: 'Like DELETE /evidence/{id}, for returning the item instead of destroying it.',
      params: idParam,
      body: reasonBody,
      response: { 202: evidenceSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const record = await requestDisposal(serviceContext(request), request.params.id, 'release', request.body.reason);
    reply.code(202).header('etag', etag(record.version));
    return presentEvidence(record);
  });

  api.post('/api/v1/evidence/:id/disposal/approve', {
    schema: {
      tags,
      summary: 'Approve the pending destruction or release (a second person)',
      description: 'By an incident manager or administrator other than the one who asked (403 otherwise). Destruction marks the item destroyed and removes the stored file unless another existing item has the same content; release marks it released. The record and its chain of custody stay.',
      params: idParam,
      body: approveBody,
      response: { 200: evidenceSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const record = await decideDisposal(serviceContext(request), request.params.id, 'approve', request.body.note);
    reply.header('etag', etag(record.version));
    return presentEvidence(record);
  });

  api.post('/api/v1/evidence/:id/disposal/reject', {
    schema: { tags, summary: 'Reject the pending destruction or release (a second person)', description: 'The item stays as it is; the note says why.', params: idParam, body: rejectBody, response: { 200: evidenceSchema, ...problemResponses } },
  }, async (request, reply) => {
    const record = await decideDisposal(serviceContext(request), request.params.id, 'reject', request.body.note);
    reply.header('etag', etag(record.version));
    return presentEvidence(record);
  });
}
