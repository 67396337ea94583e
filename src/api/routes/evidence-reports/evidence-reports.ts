import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportEvidenceReport, type EvidenceReportKind } from '../../../services/evidence-reports/export-evidence-report.js';
import { serviceContext } from '../../context.js';
import { problemResponses } from '../../schemas.js';
import { evidenceReportParams, evidenceReportQuery } from './schema.js';

const DESCRIPTIONS: Record<EvidenceReportKind, { path: string; summary: string; description: string }> = {
  manifest: {
    path: '/api/v1/incidents/:id/evidence/manifest',
    summary: "Download the incident's evidence manifest",
    description:
      'Every item of evidence on the incident with its SHA-256, SHA-1 and MD5 and all its metadata (collection, acquisition, location, TLP, status, holder, legal hold, last verification), ending with the manifest digest: the SHA-256 of the CSV form, also sent as X-Report-SHA256. Every download is recorded in the audit log. 404 for restricted incidents the caller is not a member of.',
  },
  'custody-report': {
    path: '/api/v1/incidents/:id/evidence/custody-report',
    summary: "Download the incident's chain of custody report",
    description:
      "Every item's custody events, oldest first (who, from and to whom, when, where, why, signature, event hash and previous hash), and whether each item's chain verifies, naming the first broken event. X-Report-SHA256 carries the SHA-256 of the CSV form. Every download is recorded in the audit log. 404 for restricted incidents the caller is not a member of.",
  },
};

/** The evidence exports for counsel or law enforcement (docs/evidence.md, "Exports"). */
export async function evidenceReportRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  for (const kind of ['manifest', 'custody-report'] as const) {
    const { path, summary, description } = DESCRIPTIONS[kind];
    api.get(path, {
      schema: {
        tags: ['Evidence'],
        summary,
        description,
        params: evidenceReportParams,
        querystring: evidenceReportQuery,
        response: { 200: z.string().describe('text/html, application/pdf or text/csv'), ...problemResponses },
      },
    }, async (request, reply) => {
      const report = await exportEvidenceReport(serviceContext(request), request.params.id, kind, request.query.format);
      reply
        .header('content-type', report.content_type)
        .header('content-disposition', `attachment; filename="${report.filename}"`)
        .header('x-report-sha256', report.sha256)
        .header('cache-control', 'no-store');
      // A PDF is pdfkit's stream, which Fastify pipes as it is; the schema documents the text formats.
      return reply.send(report.body as string);
    });
  }
}
