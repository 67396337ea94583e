import type { FastifyInstance } from 'fastify';
import type { ResourceRouteOptions } from '../ingest-rate-limit.js';
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
import { riskMatrixRoutes } from './risk-matrix/risk-matrix.js';
import { riskAppetiteRoutes } from './risk-appetite/risk-appetite.js';
import { riskRoutes } from './risks/risks.js';
import { riskIoRoutes } from './risk-io/risk-io.js';
import { simulationRoutes } from './simulations/simulations.js';
import { assetRoutes } from './assets/assets.js';
import { controlCatalogRoutes } from './control-catalogs/control-catalogs.js';
import { controlRoutes } from './controls/controls.js';
import { riskControlRoutes } from './risk-controls/risk-controls.js';
import { incidentRiskRoutes } from './incident-risks/incident-risks.js';
import { controlOutcomeRoutes } from './control-outcomes/control-outcomes.js';
import { metricsRoutes } from './metrics/metrics.js';
import { reviewReportRoutes } from './review-report/review-report.js';

import { reviewRoutes } from './reviews/reviews.js';
import { actionItemRoutes } from './action-items/action-items.js';
import { reviewSettingsRoutes } from './review-settings/review-settings.js';
import { proposalRoutes } from './proposals/proposals.js';
import { riskLearningRoutes } from './risk-learning/risk-learning.js';
import { obligationRoutes } from './obligations/obligations.js';
import { incidentFactsRoutes } from './incident-facts/incident-facts.js';
import { decisionRoutes } from './decisions/decisions.js';
import { communicationRoutes } from './communications/communications.js';
import { escalationRoutes } from './escalations/escalations.js';
import { planRoutes } from './plan/plan.js';
import { engagementRoutes } from './engagements/engagements.js';
import { incidentReportRoutes } from './incident-reports/incident-reports.js';
/**
 * Every authenticated /api/v1 resource, one folder each with its routes, schema and test beside it.
 * Add a resource by adding its plugin here.
 */
export const resourceRoutes: Array<(app: FastifyInstance, options: ResourceRouteOptions) => Promise<void>> = [incidentRoutes, eventRoutes, userRoutes, meRoutes, tokenRoutes, categoryRoutes, auditRoutes, settingsRoutes, metaRoutes, taskRoutes, memberRoutes, timelineRoutes, attackRoutes, incidentTechniqueRoutes, stixRoutes, webhookRoutes, observableRoutes, triageRoutes, alertGroupRoutes, ingestionRoutes, theHiveRoutes, alertRuleRoutes, riskMatrixRoutes, riskAppetiteRoutes, riskRoutes, assetRoutes, controlCatalogRoutes, controlRoutes, riskControlRoutes, simulationRoutes, riskIoRoutes, metricsRoutes, reviewReportRoutes, reviewRoutes, actionItemRoutes, reviewSettingsRoutes, incidentRiskRoutes, controlOutcomeRoutes, proposalRoutes, riskLearningRoutes, obligationRoutes, incidentFactsRoutes, decisionRoutes, communicationRoutes, engagementRoutes, incidentReportRoutes, escalationRoutes, planRoutes];
