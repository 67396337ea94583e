import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { addTimelineNote } from '../../../services/timeline/add-timeline-note.js';
import { listTimeline } from '../../../services/timeline/list-timeline.js';
import { serviceContext } from '../../context.js';
import { presentTimelineEntry } from '../../presenters/timeline-entry.js';
import { idParam, problemResponses } from '../../schemas.js';
import { addNoteBody, timelineEntrySchema, timelinePageSchema, timelineQuery } from './schema.js';

const tags = ['Timeline'];

export async function timelineRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/incidents/:id/timeline', {
    schema: { tags, summary: "An incident's timeline", description: 'Notes and the automatic record of every change, oldest first by when it happened; cursor-paginated.', params: idParam, querystring: timelineQuery, response: { 200: timelinePageSchema, ...problemResponses } },
  }, async (request) => {
    const page = await listTimeline(serviceContext(request), request.params.id, request.query);
    return { items: page.items.map(presentTimelineEntry), next_cursor: page.next_cursor };
  });

  api.post('/api/v1/incidents/:id/timeline', {
    schema: { tags, summary: 'Write a note on the timeline', description: 'occurred_at records what happened when; it may precede detection but not lie in the future.', params: idParam, body: addNoteBody, response: { 201: timelineEntrySchema, ...problemResponses } },
  }, async (request, reply) => {
    const entry = await addTimelineNote(serviceContext(request), request.params.id, request.body);
    reply.code(201);
    return presentTimelineEntry(entry);
  });
}
