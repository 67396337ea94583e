import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AlertRecord } from '../../../services/triage/alert-record.js';
import { dismissAlerts } from '../../../services/triage/dismiss-alerts.js';
import { getAlert } from '../../../services/triage/get-alert.js';
import { listAlerts } from '../../../services/triage/list-alerts.js';
import { mergeAlerts } from '../../../services/triage/merge-alerts.js';
import { promoteAlerts } from '../../../services/triage/promote-alerts.js';
import { reopenAlerts } from '../../../services/triage/reopen-alerts.js';
import { unmergeAlert } from '../../../services/triage/unmerge-alert.js';
import { serviceContext } from '../../context.js';
import { presentAlert } from '../../presenters/alert.js';
import { presentIncident } from '../../presenters/incident.js';
import { etag, idParam, problemResponses } from '../../schemas.js';
import { alertDetailSchema, alertPageSchema, dismissBody, listAlertsQuery, mergeBody, mergeResultSchema, promoteBody, promoteResultSchema, reopenBody, triageResultSchema } from './schema.js';

const tags = ['Alerts'];
const BULK = 'All or nothing: when one alert cannot be triaged (unknown, or in a status that does not allow it) nothing changes, and the problem lists each alert and why.';

/** Triage results carry the alerts' new state, without their (possibly large) description and raw JSON. */
const triaged = (alerts: AlertRecord[]) => alerts.map(({ description: _d, raw: _r, ...alert }) => presentAlert(alert));

export async function triageRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/alerts', {
    schema: { tags, summary: 'The triage queue: list and filter alerts', description: 'Newest activity (last_seen_at) first, cursor-paginated. Alerts merged into a restricted incident appear only to its members and administrators.', querystring: listAlertsQuery, response: { 200: alertPageSchema, ...problemResponses } },
  }, async (request) => {
    const q = request.query;
    const page = await listAlerts(serviceContext(request), {
      statuses: q.status, sources: q.source, severities: q.severity, tags: q.tag, group_id: q.group, incident_id: q.incident, q: q.q, since: q.since, limit: q.limit, cursor: q.cursor,
    });
    return { items: page.items.map(presentAlert), next_cursor: page.next_cursor };
  });

  api.get('/api/v1/alerts/:id', {
    schema: { tags, summary: 'One alert with its raw JSON, observables (seen before), group and incident', params: idParam, response: { 200: alertDetailSchema, ...problemResponses } },
  }, async (request, reply) => {
    const detail = await getAlert(serviceContext(request), request.params.id);
    reply.header('etag', etag(detail.alert.version));
    return { ...presentAlert(detail.alert), group: detail.group, incident: detail.incident, observables: detail.observables };
  });

  api.post('/api/v1/alerts/promote', {
    schema: { tags, summary: 'Open a new incident from new alerts', description: `The chosen observables (all by default) are sighted on the incident. ${BULK}`, body: promoteBody, response: { 201: promoteResultSchema, ...problemResponses } },
  }, async (request, reply) => {
    const { incident, alerts } = await promoteAlerts(serviceContext(request), request.body);
    reply.code(201).header('location', `/api/v1/incidents/${incident.id}`);
    return { incident: presentIncident(incident), alerts: triaged(alerts) };
  });

  api.post('/api/v1/alerts/merge', {
    schema: { tags, summary: 'Merge new alerts into an existing open incident', description: `Their observables (all, or the chosen ones) come along; undo per alert with /unmerge. ${BULK}`, body: mergeBody, response: { 200: mergeResultSchema, ...problemResponses } },
  }, async (request) => {
    const { incident_id, alerts } = await mergeAlerts(serviceContext(request), request.body);
    return { incident_id, alerts: triaged(alerts) };
  });

  api.post('/api/v1/alerts/:id/unmerge', {
    schema: { tags, summary: 'Undo a merge or promotion: the alert is new again', description: 'The observables it brought to the incident are withdrawn unless something else also put them there; the incident’s timeline records the undo.', params: idParam, response: { 200: triageResultSchema, ...problemResponses } },
  }, async (request) => ({ alerts: triaged([await unmergeAlert(serviceContext(request), request.params.id)]) }));

  api.post('/api/v1/alerts/dismiss', {
    schema: { tags, summary: 'Dismiss new alerts with a reason', description: `Reopen undoes it. ${BULK}`, body: dismissBody, response: { 200: triageResultSchema, ...problemResponses } },
  }, async (request) => ({ alerts: triaged(await dismissAlerts(serviceContext(request), request.body)) }));

  api.post('/api/v1/alerts/reopen', {
    schema: { tags, summary: 'Put dismissed alerts back in the queue', description: BULK, body: reopenBody, response: { 200: triageResultSchema, ...problemResponses } },
  }, async (request) => ({ alerts: triaged(await reopenAlerts(serviceContext(request), request.body)) }));
}
