import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { riskCalibration } from '../../../services/learning/risk-calibration.js';
import { riskScoreHistory } from '../../../services/learning/risk-score-history.js';
import { serviceContext } from '../../context.js';
import { idParam, problemResponses } from '../../schemas.js';
import { calibrationSchema, scoreHistorySchema } from './schema.js';

const tags = ['Risk register'];

export async function riskLearningRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/risks/calibration', {
    schema: { tags, summary: 'Realised against estimated loss, per risk', description: 'From accepted loss-calibration proposals of incidents you may see: the realised loss, the estimate then (mean, p90) and the percentile it landed at.', response: { 200: calibrationSchema, ...problemResponses } },
  }, async (request) => riskCalibration(serviceContext(request)));

  api.get('/api/v1/risks/:id/score-history', {
    schema: { tags, summary: "A risk's scores over time, with its incidents marked", description: 'Every history entry with the levels it left the risk at; the incidents linked to the risk that you may see, at their detection time.', params: idParam, response: { 200: scoreHistorySchema, ...problemResponses } },
  }, async (request) => riskScoreHistory(serviceContext(request), request.params.id));
}
