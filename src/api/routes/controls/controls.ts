import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { controlCoverage } from '../../../services/controls/control-coverage.js';
import { createControl } from '../../../services/controls/create-control.js';
import { getControl } from '../../../services/controls/get-control.js';
import { listControls } from '../../../services/controls/list-controls.js';
import { updateControl } from '../../../services/controls/update-control.js';
import { serviceContext } from '../../context.js';
import { presentControl, presentControlDetail } from '../../presenters/control.js';
import { etag, idParam, ifMatchHeaders, problemResponses, requiredVersion } from '../../schemas.js';
import { controlDetailSchema, controlPageSchema, controlSchema, coverageSchema, createControlBody, listControlsQuery, updateControlBody } from './schema.js';

const tags = ['Controls'];

export async function controlRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/controls', {
    schema: { tags, summary: 'List controls', description: 'In the order they were added (an imported catalog in its own order).', querystring: listControlsQuery, response: { 200: controlPageSchema, ...problemResponses } },
  }, async (request) => {
    const { implementation_status, ...rest } = request.query;
    const page = await listControls(serviceContext(request), { ...rest, implementation_statuses: implementation_status });
    return { items: page.items.map(presentControl), next_cursor: page.next_cursor };
  });

  api.post('/api/v1/controls', {
    schema: { tags, summary: 'Add a custom control', description: 'A control of your own, outside any catalog. Risk owners and administrators.', body: createControlBody, response: { 201: controlSchema, ...problemResponses } },
  }, async (request, reply) => {
    const control = await createControl(serviceContext(request), request.body);
    reply.code(201).header('etag', etag(control.version)).header('location', `/api/v1/controls/${control.id}`);
    return presentControl(control);
  });

  api.get('/api/v1/controls/coverage', {
    schema: { tags, summary: 'Which risks rely on which controls', description: 'Risks that are not closed with their controls, the controls relied on by most risks, and how many risks rely on none.', response: { 200: coverageSchema, ...problemResponses } },
  }, async (request) => controlCoverage(serviceContext(request)));

  api.get('/api/v1/controls/:id', {
    schema: { tags, summary: 'One control', description: 'With the risks relying on it.', params: idParam, response: { 200: controlDetailSchema, ...problemResponses } },
  }, async (request, reply) => {
    const control = await getControl(serviceContext(request), request.params.id);
    reply.header('etag', etag(control.version));
    return presentControlDetail(control);
  });

  api.patch('/api/v1/controls/:id', {
    schema: {
      tags,
      summary: 'Record how a control is implemented and how well it works',
      description: 'Needs If-Match: "<version>" or a version field. A change of implementation_status or effectiveness re-scores the risks relying on the control.',
      params: idParam,
      headers: ifMatchHeaders,
      body: updateControlBody,
      response: { 200: controlSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const { version, ...changes } = request.body;
    const control = await updateControl(serviceContext(request), request.params.id, requiredVersion(request.headers['if-match'], version), changes);
    reply.header('etag', etag(control.version));
    return presentControl(control);
  });
}
