import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { describeAttackCatalogue } from '../../../services/attack/attack-catalogue.js';
import { importAttack } from '../../../services/attack/import-attack.js';
import { searchTechniques } from '../../../services/attack/search-techniques.js';
import { serviceContext } from '../../context.js';
import { problemResponses, problemSchema } from '../../schemas.js';
import { ATTACK_BODY_LIMIT, attackImportSchema, catalogueSchema, stixBundleBody, techniqueListSchema, techniqueQuery } from './schema.js';

const tags = ['MITRE ATT&CK'];

export async function attackRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/v1/attack/import', {
    bodyLimit: ATTACK_BODY_LIMIT,
    schema: {
      tags,
      summary: 'Import the ATT&CK Enterprise bundle',
      description: `The STIX 2.0 (mitre/cti) or 2.1 (attack-stix-data) bundle as the body, up to ${ATTACK_BODY_LIMIT / 1024 / 1024} MB. Replaces the organisation's techniques and tactics; incident tags are kept. Incident managers and administrators.`,
      body: stixBundleBody,
      response: { 200: attackImportSchema, 413: problemSchema, ...problemResponses },
    },
  }, async (request) => importAttack(serviceContext(request), request.body, 'upload'));

  api.get('/api/v1/attack', {
    schema: { tags, summary: 'The imported ATT&CK catalogue', description: 'The last import (null before the first) and the tactics in matrix order.', response: { 200: catalogueSchema, ...problemResponses } },
  }, async (request) => describeAttackCatalogue(serviceContext(request)));

  api.get('/api/v1/attack/techniques', {
    schema: { tags, summary: 'Find techniques (the picker)', description: 'By id prefix or part of the name, best matches first; deprecated and revoked techniques only when asked.', querystring: techniqueQuery, response: { 200: techniqueListSchema, ...problemResponses } },
  }, async (request) => ({ items: await searchTechniques(serviceContext(request), request.query) }));
}
