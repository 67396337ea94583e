import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { completeReview } from '../../../services/reviews/complete-review.js';
import { getIncidentMetrics } from '../../../services/reviews/incident-metrics.js';
import { getReview } from '../../../services/reviews/get-review.js';
import { saveReview } from '../../../services/reviews/save-review.js';
import { serviceContext } from '../../context.js';
import { presentReview } from '../../presenters/review.js';
import { etag, idParam, ifMatchHeaders, optionalVersion, problemResponses } from '../../schemas.js';
import { completedReviewSchema, completeReviewBody, incidentMetricsSchema, reviewSchema, saveReviewBody } from './schema.js';

const tags = ['Post-incident review'];

export async function reviewRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/incidents/:id/review', {
    schema: { tags, summary: "The incident's post-incident review", description: '404 until the first draft is saved (PUT).', params: idParam, response: { 200: reviewSchema, ...problemResponses } },
  }, async (request, reply) => {
    const review = await getReview(serviceContext(request), request.params.id);
    reply.header('etag', etag(review.version));
    return presentReview(review);
  });

  api.put('/api/v1/incidents/:id/review', {
    schema: {
      tags,
      summary: 'Save the review (the first save creates the draft)',
      description: 'Fields left out keep their value. Once the review exists, needs the version you saw (If-Match or version; 428 without, 412 when someone saved since); a completed review answers 409.',
      params: idParam,
      headers: ifMatchHeaders,
      body: saveReviewBody,
      response: { 200: reviewSchema, 201: reviewSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const { version, ...changes } = request.body;
    const { review, created } = await saveReview(serviceContext(request), request.params.id, optionalVersion(request.headers['if-match'], version), changes);
    reply.code(created ? 201 : 200).header('etag', etag(review.version));
    return presentReview(review);
  });

  api.post('/api/v1/incidents/:id/review/complete', {
    schema: {
      tags,
      summary: 'Complete the review (incident managers, administrators)',
      description: "400 listing the missing required fields (errors and missing_fields). Sets the incident's review-completed marker the close policy checks and generates the register proposals, in one transaction. If-Match is optional.",
      params: idParam,
      headers: ifMatchHeaders,
      body: completeReviewBody,
      response: { 200: completedReviewSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const { review, proposals } = await completeReview(serviceContext(request), request.params.id, optionalVersion(request.headers['if-match'], request.body?.version));
    reply.header('etag', etag(review.version));
    return { review: presentReview(review), proposals: proposals.map((proposal) => ({ ...proposal })) };
  });

  api.get('/api/v1/incidents/:id/metrics', {
    schema: { tags, summary: "The incident's response metrics beside the organisation's medians", description: 'Time to detect, acknowledge, contain, eradicate, recover and close, and the time spent in each phase.', params: idParam, response: { 200: incidentMetricsSchema, ...problemResponses } },
  }, async (request) => getIncidentMetrics(serviceContext(request), request.params.id));
}
