import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createActionItem } from '../../../services/action-items/create-action-item.js';
import { listActionItems } from '../../../services/action-items/list-action-items.js';
import { listIncidentActionItems } from '../../../services/action-items/list-incident-action-items.js';
import { updateActionItem } from '../../../services/action-items/update-action-item.js';
import { serviceContext } from '../../context.js';
import { presentActionItem } from '../../presenters/action-item.js';
import { etag, idParam, ifMatchHeaders, problemResponses, requiredVersion } from '../../schemas.js';
import { actionItemListSchema, actionItemPageSchema, actionItemSchema, createActionItemBody, listActionItemsQuery, updateActionItemBody } from './schema.js';

const tags = ['Post-incident review'];

export async function actionItemRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/incidents/:id/action-items', {
    schema: { tags, summary: "An incident's action items", description: 'Soonest due first, undated last.', params: idParam, response: { 200: actionItemListSchema, ...problemResponses } },
  }, async (request) => ({ items: (await listIncidentActionItems(serviceContext(request), request.params.id)).map(presentActionItem) }));

  api.post('/api/v1/incidents/:id/action-items', {
    schema: { tags, summary: 'Add an action item', description: 'The owner must be able to see the incident (400 naming them and why otherwise).', params: idParam, body: createActionItemBody, response: { 201: actionItemSchema, ...problemResponses } },
  }, async (request, reply) => {
    const item = await createActionItem(serviceContext(request), request.params.id, request.body);
    reply.code(201).header('etag', etag(item.version)).header('location', `/api/v1/action-items/${item.id}`);
    return presentActionItem(item);
  });

  api.patch('/api/v1/action-items/:id', {
    schema: { tags, summary: 'Edit an action item, or (its owner) change its status', description: 'Needs the version you saw, as If-Match: "<version>" or a version field; answers 412 when someone changed it since.', params: idParam, headers: ifMatchHeaders, body: updateActionItemBody, response: { 200: actionItemSchema, ...problemResponses } },
  }, async (request, reply) => {
    const { version, ...changes } = request.body;
    const item = await updateActionItem(serviceContext(request), request.params.id, requiredVersion(request.headers['if-match'], version), changes);
    reply.header('etag', etag(item.version));
    return presentActionItem(item);
  });

  api.get('/api/v1/action-items', {
    schema: { tags, summary: 'Action items across reviews (owner_id=me&overdue=true: my overdue list)', description: 'Soonest due first, undated last; only items of incidents the caller may see.', querystring: listActionItemsQuery, response: { 200: actionItemPageSchema, ...problemResponses } },
  }, async (request) => {
    const { owner_id, status, overdue, limit, cursor } = request.query;
    const page = await listActionItems(serviceContext(request), { owner_id, statuses: status, overdue, limit, cursor });
    return { items: page.items.map(presentActionItem), next_cursor: page.next_cursor };
  });
}
