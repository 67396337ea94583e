import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getRiskMatrix } from '../../../services/risks/get-risk-matrix.js';
import { setRiskMatrix } from '../../../services/risks/set-risk-matrix.js';
import { serviceContext } from '../../context.js';
import { presentRiskMatrix } from '../../presenters/risk-settings.js';
import { problemResponses } from '../../schemas.js';
import { riskMatrixSchema } from './schema.js';

const tags = ['Risk register'];

export async function riskMatrixRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/risk-matrix', {
    schema: { tags, summary: "The organisation's likelihood × impact matrix", description: 'NIST SP 800-30 Rev. 1 five levels and Table I-2 until changed. All lists lowest first.', response: { 200: riskMatrixSchema, ...problemResponses } },
  }, async (request) => presentRiskMatrix(await getRiskMatrix(serviceContext(request))));

  api.put('/api/v1/risk-matrix', {
    schema: { tags, summary: 'Replace the risk matrix (risk owners, administrators)', description: 'Re-scores every risk in the same transaction; the Risks-Rescored header says how many changed.', body: riskMatrixSchema, response: { 200: riskMatrixSchema, ...problemResponses } },
  }, async (request, reply) => {
    const { matrix, rescore } = await setRiskMatrix(serviceContext(request), request.body);
    reply.header('risks-rescored', String(rescore.changed.length));
    return presentRiskMatrix(matrix);
  });
}
