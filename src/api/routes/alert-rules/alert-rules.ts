import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createAlertRule } from '../../../services/alert-rules/create-alert-rule.js';
import { deleteAlertRule } from '../../../services/alert-rules/delete-alert-rule.js';
import { getAlertRule, listAlertRules } from '../../../services/alert-rules/list-alert-rules.js';
import { updateAlertRule } from '../../../services/alert-rules/update-alert-rule.js';
import { serviceContext } from '../../context.js';
import { presentAlertRule } from '../../presenters/alert-rule.js';
import { etag, idParam, ifMatchHeaders, problemResponses, requiredVersion } from '../../schemas.js';
import { alertRuleListSchema, alertRuleSchema, createAlertRuleBody, listAlertRulesQuery, updateAlertRuleBody } from './schema.js';

const tags = ['Alert rules'];

export async function alertRuleRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/alert-rules', {
    schema: { tags, summary: 'List ingestion rules (fingerprint, snooze, correlate, attach)', description: 'Oldest first: the order they apply in. One page holds them all.', querystring: listAlertRulesQuery, response: { 200: alertRuleListSchema, ...problemResponses } },
  }, async (request) => ({ items: (await listAlertRules(serviceContext(request), request.query.kind)).map(presentAlertRule), next_cursor: null }));

  api.post('/api/v1/alert-rules', {
    schema: { tags, summary: 'Add an ingestion rule', description: 'Incident managers and administrators. See docs/alerts.md for what each kind needs.', body: createAlertRuleBody, response: { 201: alertRuleSchema, ...problemResponses } },
  }, async (request, reply) => {
    const rule = await createAlertRule(serviceContext(request), request.body);
    reply.code(201).header('etag', etag(rule.version)).header('location', `/api/v1/alert-rules/${rule.id}`);
    return presentAlertRule(rule);
  });

  api.get('/api/v1/alert-rules/:id', {
    schema: { tags, summary: 'One ingestion rule', params: idParam, response: { 200: alertRuleSchema, ...problemResponses } },
  }, async (request, reply) => {
    const rule = await getAlertRule(serviceContext(request), request.params.id);
    reply.header('etag', etag(rule.version));
    return presentAlertRule(rule);
  });

  api.patch('/api/v1/alert-rules/:id', {
    schema: { tags, summary: 'Edit an ingestion rule', description: 'Its kind cannot change. Needs If-Match: "<version>" or a version field.', params: idParam, headers: ifMatchHeaders, body: updateAlertRuleBody, response: { 200: alertRuleSchema, ...problemResponses } },
  }, async (request, reply) => {
    const { version, ...changes } = request.body;
    const rule = await updateAlertRule(serviceContext(request), request.params.id, requiredVersion(request.headers['if-match'], version), changes);
    reply.header('etag', etag(rule.version));
    return presentAlertRule(rule);
  });

  api.delete('/api/v1/alert-rules/:id', {
    schema: { tags, summary: 'Remove an ingestion rule', description: 'Alerts it already shaped stay as they are.', params: idParam, response: { 204: z.null(), ...problemResponses } },
  }, async (request, reply) => {
    await deleteAlertRule(serviceContext(request), request.params.id);
    return reply.code(204).send(null);
  });
}
