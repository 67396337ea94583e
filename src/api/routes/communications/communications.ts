import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { approveCommunication } from '../../../services/communications/approve-communication.js';
import { draftCommunication } from '../../../services/communications/draft-communication.js';
import { getCommunication } from '../../../services/communications/get-communication.js';
import { holdingStatements } from '../../../services/communications/holding-statements.js';
import { listIncidentCommunications } from '../../../services/communications/list-communications.js';
import { reviewCommunication } from '../../../services/communications/review-communication.js';
import { sendCommunication } from '../../../services/communications/send-communication.js';
import { submitCommunication } from '../../../services/communications/submit-communication.js';
import { updateCommunication } from '../../../services/communications/update-communication.js';
import { withdrawCommunication } from '../../../services/communications/withdraw-communication.js';
import { serviceContext } from '../../context.js';
import { presentCommunication } from '../../presenters/communication.js';
import { etag, idempotencyHeaders, idempotencyOf, idParam, ifMatchHeaders, optionalVersion, problemResponses, requiredVersion } from '../../schemas.js';
import {
  communicationSchema,
  draftCommunicationBody,
  holdingStatementsSchema,
  incidentCommunicationsSchema,
  listCommunicationsQuery,
  reviewBody,
  sendBody,
  sentCommunicationSchema,
  stepBody,
  updateCommunicationBody,
  withdrawBody,
} from './schema.js';

const tags = ['Communications'];
const stepResponses = { 200: communicationSchema, ...problemResponses };

export async function communicationRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/incidents/:id/communications', {
    schema: { tags, summary: "An incident's stakeholder communications, its status-update cadence and the templates to draft from", description: '?status=sent is the sent log: who drafted, reviewed, approved and sent each, and when.', params: idParam, querystring: listCommunicationsQuery, response: { 200: incidentCommunicationsSchema, ...problemResponses } },
  }, async (request) => {
    const answer = await listIncidentCommunications(serviceContext(request), request.params.id, request.query.status);
    return { ...answer, items: answer.items.map(presentCommunication) };
  });

  api.post('/api/v1/incidents/:id/communications', {
    schema: { tags, summary: 'Draft a communication, from a template of the plan in force or by hand', description: 'Variables are filled with the incident\'s values now; unknown variables answer 400 naming them and nothing is saved. Send an Idempotency-Key header to make retries safe.', params: idParam, headers: idempotencyHeaders, body: draftCommunicationBody, response: { 201: communicationSchema, ...problemResponses } },
  }, async (request, reply) => {
    const idempotency = idempotencyOf(request.headers['idempotency-key'], { incident: request.params.id, body: request.body });
    const { communication, replayed } = await draftCommunication(serviceContext(request), request.params.id, request.body, idempotency);
    if (replayed) reply.header('idempotent-replayed', 'true');
    reply.code(201).header('etag', etag(communication.version)).header('location', `/api/v1/communications/${communication.id}`);
    return presentCommunication(communication);
  });

  api.get('/api/v1/incidents/:id/communications/holding-statements', {
    schema: { tags, summary: "The plan's holding statements filled in for this incident", description: 'Nothing is saved; draft one with POST …/communications and its template_id. Media first.', params: idParam, response: { 200: holdingStatementsSchema, ...problemResponses } },
  }, async (request) => holdingStatements(serviceContext(request), request.params.id));

  api.get('/api/v1/communications/:id', {
    schema: { tags, summary: 'One communication', params: idParam, response: { 200: communicationSchema, ...problemResponses } },
  }, async (request, reply) => {
    const communication = await getCommunication(serviceContext(request), request.params.id);
    reply.header('etag', etag(communication.version));
    return presentCommunication(communication);
  });

  api.patch('/api/v1/communications/:id', {
    schema: { tags, summary: 'Edit a communication not yet sent', description: 'Needs the version you saw (If-Match or version; 428 without, 412 when stale). Changing the text, audience, channel or recipients after submission, review or approval returns it to draft.', params: idParam, headers: ifMatchHeaders, body: updateCommunicationBody, response: stepResponses },
  }, async (request, reply) => {
    const { version, ...changes } = request.body;
    const communication = await updateCommunication(serviceContext(request), request.params.id, requiredVersion(request.headers['if-match'], version), changes);
    reply.header('etag', etag(communication.version));
    return presentCommunication(communication);
  });

  api.post('/api/v1/communications/:id/submit', {
    schema: { tags, summary: 'Submit a draft for legal review', params: idParam, headers: ifMatchHeaders, body: stepBody, response: stepResponses },
  }, async (request, reply) => {
    const communication = await submitCommunication(serviceContext(request), request.params.id, optionalVersion(request.headers['if-match'], request.body?.version));
    reply.header('etag', etag(communication.version));
    return presentCommunication(communication);
  });

  api.post('/api/v1/communications/:id/review', {
    schema: { tags, summary: 'Legal review: pass it, or return it to draft with a comment', description: 'Only someone holding the Legal role on the incident (403 otherwise).', params: idParam, headers: ifMatchHeaders, body: reviewBody, response: stepResponses },
  }, async (request, reply) => {
    const { version, ...decision } = request.body;
    const communication = await reviewCommunication(serviceContext(request), request.params.id, decision, optionalVersion(request.headers['if-match'], version));
    reply.header('etag', etag(communication.version));
    return presentCommunication(communication);
  });

  api.post('/api/v1/communications/:id/approve', {
    schema: { tags, summary: 'Approve a communication for sending', description: 'Only the incident commander, executive sponsor or communications lead of the incident, and not the drafter (403). Outside audiences need the legal review first (409).', params: idParam, headers: ifMatchHeaders, body: stepBody, response: stepResponses },
  }, async (request, reply) => {
    const communication = await approveCommunication(serviceContext(request), request.params.id, optionalVersion(request.headers['if-match'], request.body?.version), request.body?.comment);
    reply.header('etag', etag(communication.version));
    return presentCommunication(communication);
  });

  api.post('/api/v1/communications/:id/send', {
    schema: { tags, summary: 'Send an approved communication', description: 'Channel email with recipients: one e-mail per recipient through the outbox. Other channels: records that it was sent by hand, with your note.', params: idParam, headers: ifMatchHeaders, body: sendBody, response: { 200: sentCommunicationSchema, ...problemResponses } },
  }, async (request, reply) => {
    const communication = await sendCommunication(serviceContext(request), request.params.id, request.body?.note, optionalVersion(request.headers['if-match'], request.body?.version));
    reply.header('etag', etag(communication.version));
    return presentCommunication(communication);
  });

  api.post('/api/v1/communications/:id/withdraw', {
    schema: { tags, summary: 'Withdraw a communication not yet sent', params: idParam, headers: ifMatchHeaders, body: withdrawBody, response: stepResponses },
  }, async (request, reply) => {
    const communication = await withdrawCommunication(serviceContext(request), request.params.id, request.body?.reason, optionalVersion(request.headers['if-match'], request.body?.version));
    reply.header('etag', etag(communication.version));
    return presentCommunication(communication);
  });
}
