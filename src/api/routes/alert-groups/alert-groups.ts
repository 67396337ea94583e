import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getAlertGroup } from '../../../services/triage/get-alert-group.js';
import { serviceContext } from '../../context.js';
import { presentAlert } from '../../presenters/alert.js';
import { idParam, problemResponses } from '../../schemas.js';
import { alertGroupDetailSchema } from './schema.js';

export async function alertGroupRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/alert-groups/:id', {
    schema: { tags: ['Alerts'], summary: 'A correlation group: why its alerts belong together, and its newest alerts', params: idParam, response: { 200: alertGroupDetailSchema, ...problemResponses } },
  }, async (request) => {
    const { group, alerts, more } = await getAlertGroup(serviceContext(request), request.params.id);
    return { ...group, alerts: alerts.map(presentAlert), more_alerts: more };
  });
}
