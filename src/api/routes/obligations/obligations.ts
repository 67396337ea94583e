import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { previewObligations } from '../../../services/obligations/preview-obligations.js';
import { serviceContext } from '../../context.js';
import { problemResponses } from '../../schemas.js';
import { previewObligationsAnswer, previewObligationsBody } from './schema.js';

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
}
