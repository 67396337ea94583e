import type { FastifyInstance } from 'fastify';
import { incidentRoutes } from './incidents/incidents.js';
import { eventRoutes } from './system/events.js';

/**
 * Every authenticated /api/v1 resource, one folder each with its routes, schema and test beside it.
 * Add a resource by adding its plugin here.
 */
export const resourceRoutes: Array<(app: FastifyInstance) => Promise<void>> = [incidentRoutes, eventRoutes];
