import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BulwarkError } from '../../../domain/errors.js';
import { RISK_EXPORT_COLUMNS } from '../../../domain/risk-csv.js';
import { exportRisks } from '../../../services/risk-io/export-risks.js';
import { importRisks, type RegisterFile } from '../../../services/risk-io/import-risks.js';
import { serviceContext } from '../../context.js';
import { problemResponses, problemSchema } from '../../schemas.js';
import { exportQuery, importQuery, importResultSchema, RISK_IMPORT_BODY_LIMIT } from './schema.js';

const tags = ['Risks'];

/** Register import and export (docs/risks.md, "Import and export"). */
export async function riskIoRoutes(app: FastifyInstance) {
  // CSV bodies arrive as text; this parser serves only the routes of this plugin.
  app.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'string', bodyLimit: RISK_IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body));
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/risks/export', {
    schema: {
      tags,
      summary: 'Export the risk register as CSV or JSON',
      description: `Every risk, by number, in the columns an import reads back (${RISK_EXPORT_COLUMNS.join(', ')}); owners by e-mail, assets by name. Everyone who reads the register.`,
      querystring: exportQuery,
      response: { 200: z.string().describe('text/csv or application/json'), ...problemResponses },
    },
  }, async (request, reply) => {
    const format = request.query.format;
    const { body, exported_at: exportedAt } = await exportRisks(serviceContext(request), format);
    const day = exportedAt.slice(0, 10);
    reply
      .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="risk-register-${day}.${format}"`);
    return body;
  });

  api.post('/api/v1/risks/import', {
    bodyLimit: RISK_IMPORT_BODY_LIMIT,
    schema: {
      tags,
      summary: 'Import risks from CSV or JSON (all or nothing)',
      description: `Content-Type text/csv (a header row naming the columns) or application/json (an array of objects). A row with a number updates that risk, one without creates a risk. Any problem refuses the whole file: 400 with every problem's row and column. Up to ${RISK_IMPORT_BODY_LIMIT / 1024 / 1024} MB (413 beyond). Risk owners and administrators.`,
      querystring: importQuery,
      response: { 200: importResultSchema, 413: problemSchema, 415: problemSchema, ...problemResponses },
    },
  }, async (request) => {
    const type = String(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    let file: RegisterFile;
    if (type === 'text/csv' || type === 'application/csv') file = { format: 'csv', text: String(request.body ?? '') };
    else if (type === 'application/json') file = { format: 'json', body: request.body };
    else throw new BulwarkError('validation', 'Send the register as text/csv or application/json.');
    return importRisks(serviceContext(request), file, { dry_run: request.query.dry_run, create_missing_assets: request.query.create_missing_assets });
  });
}
