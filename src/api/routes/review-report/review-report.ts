import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportReviewReport } from '../../../services/review-report/export-review-report.js';
import { serviceContext } from '../../context.js';
import { idParam, problemResponses } from '../../schemas.js';
import { reportQuery } from './schema.js';

/** The review report for management (docs/reviews.md, "Report"). */
export async function reviewReportRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/incidents/:id/review/export', {
    schema: {
      tags: ['Post-incident review'],
      summary: "Export an incident's review as HTML, PDF or Markdown",
      description:
        'The review (summary, impact and realised loss, root causes with their five whys, what went well and badly, lessons, participants), the incident\'s response metrics, the chosen timeline entries, the risks that materialised and what the controls did, the action items, and the proposals with their decisions. HTML is one self-contained page (inline CSS, no scripts); the PDF is streamed. 404 before the review\'s first draft, and for restricted incidents the caller is not a member of. Everyone who reads incidents.',
      params: idParam,
      querystring: reportQuery,
      response: { 200: z.string().describe('text/html, application/pdf or text/markdown'), ...problemResponses },
    },
  }, async (request, reply) => {
    const report = await exportReviewReport(serviceContext(request), request.params.id, request.query.format);
    reply.header('content-type', report.content_type).header('content-disposition', `attachment; filename="${report.filename}"`);
    // A PDF is pdfkit's stream, which Fastify pipes as it is; the schema documents the text formats.
    return reply.send(report.body as string);
  });
}
