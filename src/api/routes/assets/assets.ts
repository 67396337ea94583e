import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addAssetDependency } from '../../../services/assets/add-asset-dependency.js';
import { createAsset } from '../../../services/assets/create-asset.js';
import { getAsset } from '../../../services/assets/get-asset.js';
import { listAssets } from '../../../services/assets/list-assets.js';
import { removeAssetDependency } from '../../../services/assets/remove-asset-dependency.js';
import { retireAsset } from '../../../services/assets/retire-asset.js';
import { updateAsset } from '../../../services/assets/update-asset.js';
import { serviceContext } from '../../context.js';
import { presentAsset, presentAssetDetail } from '../../presenters/asset.js';
import { etag, idParam, ifMatchHeaders, problemResponses, requiredVersion } from '../../schemas.js';
import { assetDetailSchema, assetPageSchema, assetSchema, createAssetBody, dependencyBody, dependencyParams, dependencySchema, listAssetsQuery, updateAssetBody } from './schema.js';

const tags = ['Assets'];

export async function assetRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/assets', {
    schema: { tags, summary: 'List assets', description: 'By name. Retired assets only with include_retired=true.', querystring: listAssetsQuery, response: { 200: assetPageSchema, ...problemResponses } },
  }, async (request) => {
    const { kind, criticality, include_retired, ...rest } = request.query;
    const page = await listAssets(serviceContext(request), { ...rest, kinds: kind, criticalities: criticality, include_retired });
    return { items: page.items.map(presentAsset), next_cursor: page.next_cursor };
  });

  api.post('/api/v1/assets', {
    schema: { tags, summary: 'Add an asset', description: 'A business service, system, data store, person or supplier. Risk owners and administrators.', body: createAssetBody, response: { 201: assetSchema, ...problemResponses } },
  }, async (request, reply) => {
    const asset = await createAsset(serviceContext(request), request.body);
    reply.code(201).header('etag', etag(asset.version)).header('location', `/api/v1/assets/${asset.id}`);
    return presentAsset(asset);
  });

  api.get('/api/v1/assets/:id', {
    schema: { tags, summary: 'One asset', description: 'With what it depends on, what depends on it, and the risks that name it.', params: idParam, response: { 200: assetDetailSchema, ...problemResponses } },
  }, async (request, reply) => {
    const asset = await getAsset(serviceContext(request), request.params.id);
    reply.header('etag', etag(asset.version));
    return presentAssetDetail(asset);
  });

  api.patch('/api/v1/assets/:id', {
    schema: { tags, summary: 'Edit an asset', description: 'Needs If-Match: "<version>" or a version field.', params: idParam, headers: ifMatchHeaders, body: updateAssetBody, response: { 200: assetSchema, ...problemResponses } },
  }, async (request, reply) => {
    const { version, ...changes } = request.body;
    const asset = await updateAsset(serviceContext(request), request.params.id, requiredVersion(request.headers['if-match'], version), changes);
    reply.header('etag', etag(asset.version));
    return presentAsset(asset);
  });

  api.delete('/api/v1/assets/:id', {
    schema: { tags, summary: 'Retire an asset', description: 'Assets are retired, never deleted: risks that name it keep it, and it leaves the list.', params: idParam, response: { 204: z.null(), ...problemResponses } },
  }, async (request, reply) => {
    await retireAsset(serviceContext(request), request.params.id);
    return reply.code(204).send(null);
  });

  api.post('/api/v1/assets/:id/dependencies', {
    schema: { tags, summary: 'Record that the asset depends on another', description: 'Refused (409, naming the chain) when it would make a dependency cycle.', params: idParam, body: dependencyBody, response: { 201: dependencySchema, ...problemResponses } },
  }, async (request, reply) => {
    const dependency = await addAssetDependency(serviceContext(request), request.params.id, request.body);
    reply.code(201);
    return dependency;
  });

  api.delete('/api/v1/assets/:id/dependencies/:depends_on_id', {
    schema: { tags, summary: 'Remove a dependency', params: dependencyParams, response: { 204: z.null(), ...problemResponses } },
  }, async (request, reply) => {
    await removeAssetDependency(serviceContext(request), request.params.id, request.params.depends_on_id);
    return reply.code(204).send(null);
  });
}
