import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { acceptProposal, rejectProposal } from '../../../services/learning/decide-proposal.js';
import { listProposals, listReviewProposals } from '../../../services/learning/list-proposals.js';
import { serviceContext } from '../../context.js';
import { idParam, problemResponses } from '../../schemas.js';
import { acceptProposalBody, listProposalsQuery, proposalPageSchema, proposalSchema, rejectProposalBody } from './schema.js';

const tags = ['Post-incident reviews'];

export async function proposalRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/incidents/:id/review/proposals', {
    schema: { tags, summary: 'The changes a completed review proposes to the register', description: 'Each with its reasoning, before and after, and decision. 404 before the incident has a review.', params: idParam, response: { 200: proposalPageSchema, ...problemResponses } },
  }, async (request) => listReviewProposals(serviceContext(request), request.params.id));

  api.get('/api/v1/proposals', {
    schema: { tags, summary: 'Proposals across reviews (the risk owners\' inbox)', description: 'Only of incidents you may see; oldest first. ?status=pending for what is still to decide.', querystring: listProposalsQuery, response: { 200: proposalPageSchema, ...problemResponses } },
  }, async (request) => listProposals(serviceContext(request), request.query));

  api.post('/api/v1/proposals/:id/accept', {
    schema: {
      tags,
      summary: 'Accept a proposal, optionally with edited values',
      description: 'risk.write. Applies the change through the register (history and audit linked to the incident, review and proposal). 412 when the target changed since: the problem carries fresh_proposal, made from its current state.',
      params: idParam,
      body: acceptProposalBody,
      response: { 200: proposalSchema, ...problemResponses },
    },
  }, async (request) => acceptProposal(serviceContext(request), request.params.id, request.body ?? {}));

  api.post('/api/v1/proposals/:id/reject', {
    schema: { tags, summary: 'Reject a proposal', description: 'risk.write. Nothing changes in the register; the note is kept with the decision.', params: idParam, body: rejectProposalBody, response: { 200: proposalSchema, ...problemResponses } },
  }, async (request) => rejectProposal(serviceContext(request), request.params.id, request.body ?? {}));
}
