import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addIncidentObservables } from '../../../services/observables/add-incident-observables.js';
import { listIncidentObservables } from '../../../services/observables/list-incident-observables.js';
import { getObservable, lookupObservable } from '../../../services/observables/lookup-observable.js';
import { removeIncidentObservable } from '../../../services/observables/remove-incident-observable.js';
import { updateIncidentObservable } from '../../../services/observables/update-incident-observable.js';
import { updateObservable } from '../../../services/observables/update-observable.js';
import { serviceContext } from '../../context.js';
import { presentHistory, presentObservable, presentSighting } from '../../presenters/observable.js';
import { etag, idParam, ifMatchHeaders, problemResponses, requiredVersion } from '../../schemas.js';
import {
  addObservablesBody, historySchema, lookupQuery, observablePageQuery, observableSchema, sightingListSchema, sightingParams, sightingSchema, updateObservableBody, updateSightingBody,
} from './schema.js';

const tags = ['Observables'];

export async function observableRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/observables/lookup', {
    schema: { tags, summary: 'Seen before? Where an observable appears', description: 'Normalises the value (refang, case, IDNA, canonical IP) and answers every sighting on alerts and incidents you may see, most recent first, with first/last seen and counts. Without type, the type is guessed from the value.', querystring: lookupQuery, response: { 200: historySchema, ...problemResponses } },
  }, async (request) => presentHistory(await lookupObservable(serviceContext(request), request.query)));

  api.get('/api/v1/observables/:id', {
    schema: { tags, summary: 'An observable and where it was seen', params: idParam, querystring: observablePageQuery, response: { 200: historySchema, ...problemResponses } },
  }, async (request, reply) => {
    const history = await getObservable(serviceContext(request), request.params.id, request.query);
    if (history.observable) reply.header('etag', etag(history.observable.version));
    return presentHistory(history);
  });

  api.patch('/api/v1/observables/:id', {
    schema: { tags, summary: 'Ignore an observable for similarity', description: 'Needs If-Match: "<version>" or a version field.', params: idParam, headers: ifMatchHeaders, body: updateObservableBody, response: { 200: observableSchema, ...problemResponses } },
  }, async (request, reply) => {
    const { version, ...changes } = request.body;
    const observable = await updateObservable(serviceContext(request), request.params.id, requiredVersion(request.headers['if-match'], version), changes);
    reply.header('etag', etag(observable.version));
    return presentObservable(observable);
  });

  api.get('/api/v1/incidents/:id/observables', {
    schema: { tags, summary: "An incident's observables", description: 'By type and value, each with seen_elsewhere: how many other alerts and incidents you may see carry it.', params: idParam, response: { 200: sightingListSchema, ...problemResponses } },
  }, async (request) => ({ items: (await listIncidentObservables(serviceContext(request), request.params.id)).map(presentSighting) }));

  api.post('/api/v1/incidents/:id/observables', {
    schema: { tags, summary: 'Add observables to an incident', description: 'All or nothing: if any value is malformed, nothing is added and each problem names its item (observables.<n>.value). A value already on the incident is seen again (count +1; IOC and sighted flags only ever raised).', params: idParam, body: addObservablesBody, response: { 201: sightingListSchema, ...problemResponses } },
  }, async (request, reply) => {
    const items = await addIncidentObservables(serviceContext(request), request.params.id, request.body.observables);
    reply.code(201);
    return { items: items.map(presentSighting) };
  });

  api.patch('/api/v1/incidents/:id/observables/:sighting_id', {
    schema: { tags, summary: "Change an observable's flags, TLP, tags or note on an incident", description: 'Needs If-Match: "<version>" or a version field.', params: sightingParams, headers: ifMatchHeaders, body: updateSightingBody, response: { 200: sightingSchema, ...problemResponses } },
  }, async (request, reply) => {
    const { version, ...changes } = request.body;
    const sighting = await updateIncidentObservable(serviceContext(request), request.params.id, request.params.sighting_id, requiredVersion(request.headers['if-match'], version), changes);
    reply.header('etag', etag(sighting.version));
    return presentSighting(sighting);
  });

  api.delete('/api/v1/incidents/:id/observables/:sighting_id', {
    schema: { tags, summary: 'Take an observable off an incident', description: 'The observable keeps its other sightings; the timeline records the removal.', params: sightingParams, response: { 204: z.null(), ...problemResponses } },
  }, async (request, reply) => {
    await removeIncidentObservable(serviceContext(request), request.params.id, request.params.sighting_id);
    return reply.code(204).send(null);
  });
}
