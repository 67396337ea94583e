import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getRiskAppetite } from '../../../services/risks/get-risk-appetite.js';
import { setRiskAppetite } from '../../../services/risks/set-risk-appetite.js';
import { serviceContext } from '../../context.js';
import { presentRiskAppetite } from '../../presenters/risk-settings.js';
import { problemResponses } from '../../schemas.js';
import { riskAppetiteSchema } from './schema.js';

const tags = ['Risk register'];

export async function riskAppetiteRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/risk-appetite', {
    schema: { tags, summary: "The organisation's risk appetite", response: { 200: riskAppetiteSchema, ...problemResponses } },
  }, async (request) => presentRiskAppetite(await getRiskAppetite(serviceContext(request))));

  api.put('/api/v1/risk-appetite', {
    schema: { tags, summary: 'Replace the risk appetite (risk owners, administrators)', description: 'Re-evaluates over_appetite for every risk in the same transaction; the Risks-Rescored header says how many changed.', body: riskAppetiteSchema, response: { 200: riskAppetiteSchema, ...problemResponses } },
  }, async (request, reply) => {
    const { appetite, rescore } = await setRiskAppetite(serviceContext(request), request.body);
    reply.header('risks-rescored', String(rescore.changed.length));
    return presentRiskAppetite(appetite);
  });
}
