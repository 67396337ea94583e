import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listAuditEntries } from '../../../services/audit/list-audit-entries.js';
import { serviceContext } from '../../context.js';
import { problemResponses } from '../../schemas.js';
import { auditPageSchema, listAuditQuery } from './schema.js';

export async function auditRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/audit', {
    schema: { tags: ['Audit'], summary: 'Read the audit log (auditors, administrators)', description: 'Newest first, cursor-paginated; filter by target.', querystring: listAuditQuery, response: { 200: auditPageSchema, ...problemResponses } },
  }, async (request) => listAuditEntries(serviceContext(request), request.query));
}
