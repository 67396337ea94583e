import { invalid } from '../../domain/errors.js';
import { decodeCursor, encodeCursor, type Page } from '../../domain/pagination.js';
import { listTimeline as queryTimeline } from '../../store/repositories/timeline.js';
import type { ServiceContext } from '../context.js';
import { loadVisibleIncident } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { toTimelineEntryRecord, type TimelineEntryRecord } from './timeline-entry-record.js';

/** Position after an entry: its occurred_at, and its seq (as text) to break ties. */
function afterEntry(cursor: string | undefined) {
  if (cursor === undefined) return undefined;
  const position = decodeCursor(cursor);
  const seq = position ? Number(position.id) : NaN;
  if (!position || typeof position.value !== 'string' || !Number.isInteger(seq)) {
    throw invalid('The cursor is not one this server handed out.', [{ path: 'cursor', message: 'malformed cursor' }]);
  }
  return { occurred_at: position.value, seq };
}

/** The incident's timeline in the order things happened (occurred_at), ties in the order written. */
export async function listTimeline(ctx: ServiceContext, incidentId: string, input: { limit: number; cursor?: string | undefined }): Promise<Page<TimelineEntryRecord>> {
  authorize(ctx.actor, 'incident.read');
  const after = afterEntry(input.cursor);
  const incident = await loadVisibleIncident(ctx.database.db, ctx.actor, incidentId);
  const rows = await queryTimeline(ctx.database.db, incident.id, { limit: input.limit + 1, after });
  const items = rows.slice(0, input.limit).map((row) => toTimelineEntryRecord(row, row.actor_name));
  const last = items[items.length - 1];
  return { items, next_cursor: rows.length > input.limit && last ? encodeCursor({ value: last.occurred_at, id: String(last.seq) }) : null };
}
