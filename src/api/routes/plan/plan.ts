import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { approvePlan } from '../../../services/plan/approve-plan.js';
import { exportOfflinePlan } from '../../../services/plan/export-offline-plan.js';
import { getResponsePlanVersion } from '../../../services/plan/get-plan-version.js';
import { getResponsePlan } from '../../../services/plan/get-response-plan.js';
import { listResponsePlanVersions } from '../../../services/plan/list-plan-versions.js';
import { savePlanDraft } from '../../../services/plan/save-plan-draft.js';
import { serviceContext } from '../../context.js';
import { etag, ifMatchHeaders, optionalVersion, problemResponses } from '../../schemas.js';
import { approveBody, exportQuery, planOverviewSchema, planVersionParams, planVersionSchema, planVersionsSchema, saveDraftBody } from './schema.js';

const tags = ['Response plan'];

/** The response plan: versions, approval, and the offline export (docs/response-plan.md). */
export async function planRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/plan', {
    schema: { tags, summary: 'The plan in force, the draft being prepared, and its warnings', description: 'status.changed_since_export: the plan in force is newer than the last offline export (or was never exported); status.review_overdue: its review date has passed. Everyone reads the plan.', response: { 200: planOverviewSchema, ...problemResponses } },
  }, async (request) => getResponsePlan(serviceContext(request)));

  api.put('/api/v1/plan/draft', {
    schema: {
      tags,
      summary: 'Save the draft of the next plan version (the first save opens it)',
      description: 'The whole content each time. Refused (400, each problem named) when a deputy or escalation rule names an unknown contact, a severity is defined twice, or a template uses an unknown variable. Editing an existing draft needs its version (If-Match or version; 428 without, 412 when someone saved since). Incident managers and administrators.',
      headers: ifMatchHeaders,
      body: saveDraftBody,
      response: { 200: planVersionSchema, 201: planVersionSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const { version, ...input } = request.body;
    const { draft, created } = await savePlanDraft(serviceContext(request), optionalVersion(request.headers['if-match'], version), input);
    reply.code(created ? 201 : 200).header('etag', etag(draft.version));
    return draft;
  });

  api.post('/api/v1/plan/draft/approve', {
    schema: {
      tags,
      summary: 'Approve the draft: it comes into force, the previous version is superseded',
      description: 'Needs a review date in the future (in the body or saved with the draft; 400 otherwise). 404 without a draft. Administrators.',
      headers: ifMatchHeaders,
      body: approveBody,
      response: { 200: planVersionSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const approved = await approvePlan(serviceContext(request), optionalVersion(request.headers['if-match'], request.body?.version), { ...(request.body?.review_due_at ? { review_due_at: request.body.review_due_at } : {}) });
    reply.header('etag', etag(approved.version));
    return approved;
  });

  api.get('/api/v1/plan/versions', {
    schema: { tags, summary: 'Every version of the plan, newest first', description: 'With the sections each changed and who approved it.', response: { 200: planVersionsSchema, ...problemResponses } },
  }, async (request) => ({ items: await listResponsePlanVersions(serviceContext(request)) }));

  api.get('/api/v1/plan/versions/:plan_version', {
    schema: { tags, summary: 'One version of the plan as it was', params: planVersionParams, response: { 200: planVersionSchema, ...problemResponses } },
  }, async (request) => getResponsePlanVersion(serviceContext(request), request.params.plan_version));

  api.get('/api/v1/plan/export', {
    schema: {
      tags,
      summary: 'Download the plan in force as an offline file (HTML or PDF)',
      description: 'One self-contained HTML file (no scripts, no network) or a PDF, with the plan version, approval, review date, export date and the SHA-256 of the content. X-Content-SHA256 is the SHA-256 of the file bytes, recorded with the export. 409 before a plan is approved. Everyone reads the plan.',
      querystring: exportQuery,
      response: { 200: z.string().describe('text/html or application/pdf'), ...problemResponses },
    },
  }, async (request, reply) => {
    const file = await exportOfflinePlan(serviceContext(request), request.query.format);
    reply
      .header('content-type', file.content_type)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('x-content-sha256', file.sha256)
      .header('x-plan-version', String(file.plan_version))
      .header('access-control-expose-headers', 'X-Content-SHA256, X-Plan-Version');
    return reply.send(file.body as unknown as string);
  });
}
