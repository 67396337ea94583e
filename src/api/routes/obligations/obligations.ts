import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listIncidentObligations } from '../../../services/obligations/list-incident-obligations.js';
import { listObligations } from '../../../services/obligations/list-obligations.js';
import { getOrganisationProfile, setOrganisationProfile } from '../../../services/obligations/organisation-profile.js';
import { previewObligations } from '../../../services/obligations/preview-obligations.js';
import { updateObligation } from '../../../services/obligations/update-obligation.js';
import { serviceContext } from '../../context.js';
import { presentObligation } from '../../presenters/obligation.js';
import { etag, idParam, ifMatchHeaders, problemResponses, requiredVersion } from '../../schemas.js';
import { listObligationsQuery, obligationListSchema, obligationViewSchema, organisationProfileBody, organisationProfileSchema, previewObligationsAnswer, previewObligationsBody, savedProfileSchema, updateObligationBody } from './schema.js';

const tags = ['Obligations'];

export async function obligationRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/v1/obligations/preview', {
    schema: {
      tags,
      summary: 'The obligations incident facts would create (not saved)',
      description: 'GDPR Art. 33/34, UK GDPR, NIS2 Art. 23, DORA, SEC Form 8-K Item 1.05 and HIPAA, plus any custom_regimes in the body, each with its deadline in the recipient’s time zone and the article it comes from. Contradictory facts answer 400 naming the field. See docs/obligations.md.',
      body: previewObligationsBody,
      response: { 200: previewObligationsAnswer, ...problemResponses },
    },
  }, async (request) => previewObligations(serviceContext(request), request.body));

  api.get('/api/v1/obligations/profile', {
    schema: { tags, summary: 'The organisation profile the regimes read', description: 'Who the organisation is for GDPR, UK GDPR, NIS2, DORA, SEC and HIPAA, its contact point and lead supervisory authority, and its own regimes. Everyone signed in may read it.', response: { 200: organisationProfileSchema, ...problemResponses } },
  }, async (request) => getOrganisationProfile(serviceContext(request)));

  api.put('/api/v1/obligations/profile', {
    schema: {
      tags,
      summary: 'Replace the organisation profile (administrators)',
      description: 'Recomputes the obligations of every open incident with facts in the same transaction. Bad custom regimes answer 400 naming each field (body.custom_regimes.0.stages.1…).',
      body: organisationProfileBody,
      response: { 200: savedProfileSchema, ...problemResponses },
    },
  }, async (request) => setOrganisationProfile(serviceContext(request), request.body));

  api.get('/api/v1/obligations', {
    schema: { tags, summary: 'Obligations across incidents, due soonest first', description: 'Only incidents the caller sees (restricted ones for their members). status=open (default): pending, drafted or late.', querystring: listObligationsQuery, response: { 200: obligationListSchema, ...problemResponses } },
  }, async (request) => ({ items: (await listObligations(serviceContext(request), request.query)).map(presentObligation) }));

  api.get('/api/v1/incidents/:id/obligations', {
    schema: { tags, summary: "The incident's obligations", description: 'Each with its deadline in UTC, in the recipient\'s and in the organisation\'s zone, the time left (negative when late) and its status now.', params: idParam, response: { 200: obligationListSchema, ...problemResponses } },
  }, async (request) => ({ items: (await listIncidentObligations(serviceContext(request), request.params.id)).map(presentObligation) }));

  api.patch('/api/v1/obligations/:id', {
    schema: {
      tags,
      summary: 'Record what happened to an obligation',
      description: 'drafted; submitted (reference and submitted_at required; delay_reason too when after the deadline); not_required (reason required). Needs the version (If-Match or version). Allowed with obligation.write or to the legal counsel of the incident.',
      params: idParam,
      headers: ifMatchHeaders,
      body: updateObligationBody,
      response: { 200: obligationViewSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const { version, ...change } = request.body;
    const updated = await updateObligation(serviceContext(request), request.params.id, requiredVersion(request.headers['if-match'], version), change);
    reply.header('etag', etag(updated.version));
    return presentObligation(updated);
  });
}
