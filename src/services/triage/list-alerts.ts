import { invalid } from '../../domain/errors.js';
import { decodeCursor, encodeCursor, type Page } from '../../domain/pagination.js';
import { findAlertGroups, findIncidentLabels, listAlerts as queryAlerts } from '../../store/repositories/triage.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { restrictedVisibilityFor } from '../policies/incident-visibility.js';
import { toAlertGroupRecord, toAlertSummary, type AlertGroupRecord, type AlertSummary } from './alert-record.js';

export interface AlertListInput {
  statuses?: string[] | undefined;
  sources?: string[] | undefined;
  severities?: number[] | undefined;
  tags?: string[] | undefined;
  group_id?: string | undefined;
  incident_id?: string | undefined;
  q?: string | undefined;
  since?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

export interface IncidentLabel {
  id: string;
  number: string;
  title: string;
}

/** A row of the triage queue: the alert, its group (for grouping on screen) and the incident it went to. */
export interface AlertListItem extends AlertSummary {
  group: Pick<AlertGroupRecord, 'id' | 'title' | 'alert_count'> | null;
  incident: IncidentLabel | null;
}

/** The triage queue: newest activity first, filtered, cursor-paginated; alerts of restricted incidents only for those who may see them. */
export async function listAlerts(ctx: ServiceContext, input: AlertListInput): Promise<Page<AlertListItem>> {
  authorize(ctx.actor, 'alert.read');
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  if (input.cursor && (!after || typeof after.value !== 'string')) throw invalid('The cursor is not one this server handed out.', [{ path: 'cursor', message: 'malformed cursor' }]);
  const organisationId = ctx.actor.organisationId;
  const q = input.q?.trim();
  const rows = await queryAlerts(ctx.database.db, ctx.database.engine, {
    organisationId,
    visibleToUserId: restrictedVisibilityFor(ctx.actor),
    statuses: input.statuses,
    sources: input.sources,
    severities: input.severities,
    tags: input.tags?.map((t) => t.trim().toLowerCase()),
    groupId: input.group_id,
    incidentId: input.incident_id,
    q: q || undefined,
    since: input.since,
    after: after ?? undefined,
    limit: input.limit,
  });
  const page = rows.slice(0, input.limit).map(toAlertSummary);
  const distinct = (ids: Array<string | null>) => [...new Set(ids.filter((id): id is string => id !== null))];
  const [groups, incidents] = await Promise.all([
    findAlertGroups(ctx.database.db, organisationId, distinct(page.map((a) => a.group_id))),
    findIncidentLabels(ctx.database.db, organisationId, distinct(page.map((a) => a.incident_id))),
  ]);
  const groupById = new Map(groups.map((g) => [g.id, toAlertGroupRecord(g)]));
  const incidentById = new Map(incidents.map((i) => [i.id, i]));
  const items = page.map((alert): AlertListItem => {
    const group = alert.group_id ? groupById.get(alert.group_id) : undefined;
    return { ...alert, group: group ? { id: group.id, title: group.title, alert_count: group.alert_count } : null, incident: alert.incident_id ? (incidentById.get(alert.incident_id) ?? null) : null };
  });
  const last = items[items.length - 1];
  return { items, next_cursor: rows.length > input.limit && last ? encodeCursor({ value: last.last_seen_at, id: last.id }) : null };
}
