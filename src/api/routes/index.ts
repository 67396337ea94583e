import type { FastifyInstance } from 'fastify';
import { incidentRoutes } from './incidents/incidents.js';
import { eventRoutes } from './system/events.js';
import { auditRoutes } from './audit/audit.js';
import { categoryRoutes } from './categories/categories.js';
import { meRoutes } from './me/me.js';
import { metaRoutes } from './meta/meta.js';
import { settingsRoutes } from './settings/settings.js';
import { tokenRoutes } from './tokens/tokens.js';
import { userRoutes } from './users/users.js';
import { memberRoutes } from './members/members.js';
import { taskRoutes } from './tasks/tasks.js';
import { observableRoutes } from './observables/observables.js';
import { timelineRoutes } from './timeline/timeline.js';
import { attackRoutes } from './attack/attack.js';
import { incidentTechniqueRoutes } from './incident-techniques/incident-techniques.js';
import { stixRoutes } from './stix/stix.js';
import { webhookRoutes } from './webhooks/webhooks.js';
import { triageRoutes } from './triage/triage.js';
import { alertGroupRoutes } from './alert-groups/alert-groups.js';
import { ingestionRoutes } from './ingestion/ingestion.js';
import { theHiveRoutes } from './thehive/thehive.js';
import { alertRuleRoutes } from './alert-rules/alert-rules.js';

/**
 * Every authenticated /api/v1 resource, one folder each with its routes, schema and test beside it.
 * Add a resource by adding its plugin here.
 */
export const resourceRoutes: Array<(app: FastifyInstance) => Promise<void>> = [incidentRoutes, eventRoutes, userRoutes, meRoutes, tokenRoutes, categoryRoutes, auditRoutes, settingsRoutes, metaRoutes, taskRoutes, memberRoutes, timelineRoutes, attackRoutes, incidentTechniqueRoutes, stixRoutes, webhookRoutes, observableRoutes, triageRoutes, alertGroupRoutes, ingestionRoutes, theHiveRoutes, alertRuleRoutes];
