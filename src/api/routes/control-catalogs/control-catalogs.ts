import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { importOscalCatalog } from '../../../services/catalogs/import-catalog.js';
import { installStarterCatalog } from '../../../services/catalogs/install-starter-catalog.js';
import { listCatalogs } from '../../../services/catalogs/list-catalogs.js';
import { serviceContext } from '../../context.js';
import { presentCatalog } from '../../presenters/control.js';
import { problemResponses, problemSchema } from '../../schemas.js';
import { CATALOG_BODY_LIMIT, catalogImportSchema, catalogListSchema, oscalCatalogBody } from './schema.js';

const tags = ['Controls'];

export async function controlCatalogRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/control-catalogs', {
    schema: { tags, summary: 'List control catalogs', description: 'By name; one page holds them all.', response: { 200: catalogListSchema, ...problemResponses } },
  }, async (request) => ({ items: (await listCatalogs(serviceContext(request))).map(presentCatalog), next_cursor: null }));

  api.post('/api/v1/control-catalogs/import', {
    bodyLimit: CATALOG_BODY_LIMIT,
    schema: {
      tags,
      summary: 'Import an OSCAL catalog',
      description: `The catalog's JSON as the body, up to ${CATALOG_BODY_LIMIT / 1024 / 1024} MB (NIST's SP 800-53 and CSF 2.0 catalogs fit). All or nothing; a document that is not an OSCAL catalog is refused with the reason. Importing a catalog of the same title again updates its text and keeps the organisation's implementation fields. Withdrawn controls are left out. Risk owners and administrators.`,
      body: oscalCatalogBody,
      response: { 200: catalogImportSchema, 413: problemSchema, ...problemResponses },
    },
  }, async (request) => {
    const summary = await importOscalCatalog(serviceContext(request), request.body);
    return { ...summary, catalog: presentCatalog(summary.catalog) };
  });

  api.post('/api/v1/control-catalogs/starter', {
    schema: {
      tags,
      summary: 'Install the NIST CSF 2.0 starter catalog',
      description: 'The 6 Functions and 22 Categories of the NIST Cybersecurity Framework 2.0 (GV, GV.OC …), built in. Installing it again changes nothing the organisation recorded. Risk owners and administrators.',
      response: { 200: catalogImportSchema, ...problemResponses },
    },
  }, async (request) => {
    const summary = await installStarterCatalog(serviceContext(request));
    return { ...summary, catalog: presentCatalog(summary.catalog) };
  });
}
