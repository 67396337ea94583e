import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportIncidentReport } from '../../../services/incident-reports/export-incident-report.js';
import { serviceContext } from '../../context.js';
import { problemResponses } from '../../schemas.js';
import { reportParams, reportQuery } from './schema.js';

/** Reports on a running incident for management, the regulator and the board (docs/reports.md). */
export async function incidentReportRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/incidents/:id/reports/:kind', {
    schema: {
      tags: ['Incident reports'],
      summary: 'Download a management report, a GDPR Art. 33 notification draft or the executive one-page status',
      description:
        'management: summary, severity, phase, response times so far, impact, timeline highlights, signed decisions, obligations, communications sent, third parties engaged, open tasks and next steps. gdpr-art33: everything Art. 33(3) asks for from the recorded facts and the organisation profile, with awareness time, deadline and (when late) the reasons for delay; gaps are marked "[To be completed: …]". executive: one A4 page. Every download is recorded in the audit log. 404 for restricted incidents the caller is not a member of.',
      params: reportParams,
      querystring: reportQuery,
      response: { 200: z.string().describe('text/html, application/pdf or text/markdown'), ...problemResponses },
    },
  }, async (request, reply) => {
    const report = await exportIncidentReport(serviceContext(request), request.params.id, request.params.kind, request.query.format);
    reply.header('content-type', report.content_type).header('content-disposition', `attachment; filename="${report.filename}"`);
    // A PDF is pdfkit's stream, which Fastify pipes as it is; the schema documents the text formats.
    return reply.send(report.body as string);
  });
}
