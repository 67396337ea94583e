import { INCIDENT_NUMBER_PATTERN } from '../../domain/incident.js';
import { decodeCursor, encodeCursor, type Page } from '../../domain/pagination.js';
import { invalid } from '../../domain/errors.js';
import { searchTerms } from '../../domain/search.js';
import { countIncidents, listIncidents as queryIncidents, type IncidentFilter, type IncidentSortField } from '../../store/repositories/incidents.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { restrictedVisibilityFor } from '../policies/incident-visibility.js';
import { toIncidentRecord, type IncidentRecord } from './incident-record.js';

export interface IncidentListInput {
  phases?: string[] | undefined;
  severities?: number[] | undefined;
  categories?: string[] | undefined;
  tags?: string[] | undefined;
  assignee_id?: string | undefined;
  open?: boolean | undefined;
  restricted?: boolean | undefined;
  detected_from?: string | undefined;
  detected_to?: string | undefined;
  q?: string | undefined;
  sort?: IncidentSortField | undefined;
  direction?: 'asc' | 'desc' | undefined;
  limit: number;
  cursor?: string | undefined;
}

function toFilter(ctx: ServiceContext, input: IncidentListInput): IncidentFilter {
  const q = input.q?.trim();
  return {
    organisationId: ctx.actor.organisationId,
    visibleToUserId: restrictedVisibilityFor(ctx.actor),
    phases: input.phases,
    severities: input.severities,
    categories: input.categories,
    tags: input.tags?.map((t) => t.toLowerCase()),
    assigneeId: input.assignee_id === 'me' ? ctx.actor.userId : input.assignee_id,
    open: input.open,
    restricted: input.restricted,
    detectedFrom: input.detected_from,
    detectedTo: input.detected_to,
    searchTerms: q ? searchTerms(q) : undefined,
    number: q && INCIDENT_NUMBER_PATTERN.test(q) ? q.toUpperCase() : undefined,
  };
}

export async function listIncidents(ctx: ServiceContext, input: IncidentListInput): Promise<Page<IncidentRecord>> {
  authorize(ctx.actor, 'incident.read');
  const sort = input.sort ?? 'created_at';
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  if (input.cursor && !after) throw invalid('The cursor is not one this server handed out.', [{ path: 'cursor', message: 'malformed cursor' }]);
  const rows = await queryIncidents(ctx.database.db, ctx.database.engine, {
    ...toFilter(ctx, input),
    sort,
    direction: input.direction ?? (sort === 'severity' || sort === 'number' ? 'asc' : 'desc'),
    after: after ?? undefined,
    limit: input.limit,
  });
  const items = rows.slice(0, input.limit).map(toIncidentRecord);
  const last = items[items.length - 1];
  return {
    items,
    next_cursor: rows.length > input.limit && last ? encodeCursor({ value: last[sort] as string | number, id: last.id }) : null,
  };
}

export async function countMatchingIncidents(ctx: ServiceContext, input: Omit<IncidentListInput, 'limit'>): Promise<number> {
  authorize(ctx.actor, 'incident.read');
  return countIncidents(ctx.database.db, ctx.database.engine, toFilter(ctx, { ...input, limit: 0 }));
}
