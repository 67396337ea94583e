import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { exportIncidentStix } from '../../../services/stix/export-incident-stix.js';
import { importStix, STIX_OBSERVABLES_MAX } from '../../../services/stix/import-stix.js';
import { serviceContext } from '../../context.js';
import { idParam, problemResponses, problemSchema } from '../../schemas.js';
import { stixBundleBody } from '../attack/schema.js';
import { STIX_BODY_LIMIT, stixBundleSchema, stixImportQuery, stixImportSchema } from './schema.js';

const tags = ['STIX'];

export async function stixRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/v1/stix/import', {
    bodyLimit: STIX_BODY_LIMIT,
    schema: {
      tags,
      summary: 'Import a STIX 2.1 bundle as observables',
      description: `Indicators with equality patterns (OR-ed or not) become IOCs; cyber-observable objects and observed-data become observables; sightings mark what they saw as sighted. Other patterns are listed under skipped. Up to ${STIX_BODY_LIMIT / 1024 / 1024} MB and ${STIX_OBSERVABLES_MAX} observables; all or nothing. Incident managers and administrators.`,
      querystring: stixImportQuery,
      body: stixBundleBody,
      response: { 200: stixImportSchema, 413: problemSchema, ...problemResponses },
    },
  }, async (request) => importStix(serviceContext(request), request.body, { incident_id: request.query.incident_id }));

  api.get('/api/v1/incidents/:id/export/stix', {
    schema: {
      tags,
      summary: "Export an incident's observables as STIX 2.1",
      description: 'A bundle with a cyber-observable object per observable, an indicator and a based-on relationship per IOC, a grouping for the incident and TLP marking definitions. Ids are stable across exports. Observables STIX has no object for (user agent, other) are left out; the X-Bulwark-Omitted header counts them.',
      params: idParam,
      response: { 200: stixBundleSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const { bundle, number, omitted } = await exportIncidentStix(serviceContext(request), request.params.id);
    reply.header('content-disposition', `attachment; filename="${number}.stix.json"`).header('x-bulwark-omitted', String(omitted));
    return bundle as { type: 'bundle'; id: string; objects: Array<{ type: string; id: string }> };
  });
}
