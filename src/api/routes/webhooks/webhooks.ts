import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createWebhook } from '../../../services/webhooks/create-webhook.js';
import { deleteWebhook } from '../../../services/webhooks/delete-webhook.js';
import { listWebhookDeliveries } from '../../../services/webhooks/list-webhook-deliveries.js';
import { getWebhook, listWebhooks } from '../../../services/webhooks/list-webhooks.js';
import { pingWebhook, redeliverWebhook } from '../../../services/webhooks/redeliver-webhook.js';
import { updateWebhook } from '../../../services/webhooks/update-webhook.js';
import { serviceContext } from '../../context.js';
import { presentDelivery, presentWebhook } from '../../presenters/webhook.js';
import { etag, idParam, ifMatchHeaders, problemResponses, requiredVersion } from '../../schemas.js';
import { createdWebhookSchema, createWebhookBody, deliveryPageSchema, deliveryParams, deliverySchema, listDeliveriesQuery, updateWebhookBody, webhookSchema } from './schema.js';

const tags = ['Webhooks'];
const signing = 'Each delivery is a JSON POST with X-Bulwark-Event, X-Bulwark-Delivery, X-Bulwark-Timestamp and X-Bulwark-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">.';

export async function webhookRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/webhooks', {
    schema: { tags, summary: 'List webhooks (administrators)', response: { 200: z.object({ items: z.array(webhookSchema) }), ...problemResponses } },
  }, async (request) => ({ items: (await listWebhooks(serviceContext(request))).map(presentWebhook) }));

  api.post('/api/v1/webhooks', {
    schema: { tags, summary: 'Create a webhook (administrators)', description: `Events of the subscribed types are queued in the same transaction as the change and delivered at least once, with retries and backoff. ${signing} The secret is answered once.`, body: createWebhookBody, response: { 201: createdWebhookSchema, ...problemResponses } },
  }, async (request, reply) => {
    const { webhook, secret } = await createWebhook(serviceContext(request), request.body);
    reply.code(201).header('etag', etag(webhook.version)).header('location', `/api/v1/webhooks/${webhook.id}`);
    return { webhook: presentWebhook(webhook), secret };
  });

  api.get('/api/v1/webhooks/:id', {
    schema: { tags, summary: 'Read a webhook (administrators)', params: idParam, response: { 200: webhookSchema, ...problemResponses } },
  }, async (request, reply) => {
    const webhook = await getWebhook(serviceContext(request), request.params.id);
    reply.header('etag', etag(webhook.version));
    return presentWebhook(webhook);
  });

  api.patch('/api/v1/webhooks/:id', {
    schema: { tags, summary: 'Change a webhook (administrators)', description: 'Needs the version you saw, as If-Match: "<version>" or a version field. Pausing (enabled: false) keeps queued deliveries waiting.', params: idParam, headers: ifMatchHeaders, body: updateWebhookBody, response: { 200: webhookSchema, ...problemResponses } },
  }, async (request, reply) => {
    const { version, ...changes } = request.body;
    const webhook = await updateWebhook(serviceContext(request), request.params.id, requiredVersion(request.headers['if-match'], version), changes);
    reply.header('etag', etag(webhook.version));
    return presentWebhook(webhook);
  });

  api.delete('/api/v1/webhooks/:id', {
    schema: { tags, summary: 'Delete a webhook (administrators)', description: 'Its delivery log and queued deliveries go with it.', params: idParam, response: { 204: z.null(), ...problemResponses } },
  }, async (request, reply) => {
    await deleteWebhook(serviceContext(request), request.params.id);
    return reply.code(204).send(null);
  });

  api.get('/api/v1/webhooks/:id/deliveries', {
    schema: { tags, summary: 'Delivery log of a webhook (administrators)', description: 'Newest first; each delivery with its attempts (status code, error, duration) and the body sent.', params: idParam, querystring: listDeliveriesQuery, response: { 200: deliveryPageSchema, ...problemResponses } },
  }, async (request) => {
    const page = await listWebhookDeliveries(serviceContext(request), request.params.id, request.query);
    return { items: page.items.map(presentDelivery), next_cursor: page.next_cursor };
  });

  api.post('/api/v1/webhooks/:id/deliveries/:delivery_id/redeliver', {
    schema: { tags, summary: 'Send a delivery again (administrators)', description: 'Queues a new delivery (new X-Bulwark-Delivery) with the same body, so the event id stays the same.', params: deliveryParams, response: { 201: deliverySchema, ...problemResponses } },
  }, async (request, reply) => {
    const delivery = await redeliverWebhook(serviceContext(request), request.params.id, request.params.delivery_id);
    reply.code(201);
    return presentDelivery(delivery);
  });

  api.post('/api/v1/webhooks/:id/ping', {
    schema: { tags, summary: 'Send a test event (administrators)', description: 'Queues a webhook.ping delivery, to check the receiver and its signature verification. 409 when the webhook is paused.', params: idParam, response: { 201: deliverySchema, ...problemResponses } },
  }, async (request, reply) => {
    const delivery = await pingWebhook(serviceContext(request), request.params.id);
    reply.code(201);
    return presentDelivery(delivery);
  });
}
