import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listCustody } from '../../../services/evidence/list-custody.js';
import { recordCustody } from '../../../services/evidence/record-custody.js';
import { serviceContext } from '../../context.js';
import { presentCustodyEvent } from '../../presenters/custody-event.js';
import { idParam, problemResponses } from '../../schemas.js';
import { custodyEventSchema, custodyLogSchema, recordCustodyBody } from './schema.js';

const tags = ['Evidence'];

export async function custodyRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/evidence/:id/custody', {
    schema: {
      tags,
      summary: "An item's chain of custody",
      description: 'Every event, oldest first, with who, when, where and why, and whether the hash chain and the receipt signatures still verify.',
      params: idParam,
      response: { 200: custodyLogSchema, ...problemResponses },
    },
  }, async (request) => {
    const log = await listCustody(serviceContext(request), request.params.id);
    return { items: log.items.map(presentCustodyEvent), next_cursor: null, chain: log.chain };
  });

  api.post('/api/v1/evidence/:id/custody', {
    schema: {
      tags,
      summary: 'Record a custody event (hand-over, receipt, check-out/in, analysis, copy, return)',
      description:
        'The holder records transferred (to_user_id), checked_out, checked_in, copied and returned; the person it is handed to records received with their signature and becomes the holder; anyone working on it records analysed. ' +
        'Someone else → 403 naming the holder; released or destroyed items → 409.',
      params: idParam,
      body: recordCustodyBody,
      response: { 201: custodyEventSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const event = await recordCustody(serviceContext(request), request.params.id, request.body);
    reply.code(201);
    return presentCustodyEvent(event);
  });
}
