import { invalid } from '../../domain/errors.js';
import { decodeCursor, encodeCursor, type Page } from '../../domain/pagination.js';
import { listIncidentEvidence as queryEvidence } from '../../store/repositories/evidence-items.js';
import type { ServiceContext } from '../context.js';
import { loadVisibleIncident } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { toEvidenceRecords, type EvidenceRecord } from './evidence-record.js';

/** The incident's evidence, newest first, paged. */
export async function listIncidentEvidence(ctx: ServiceContext, incidentId: string, page: { limit: number; cursor?: string | undefined }): Promise<Page<EvidenceRecord>> {
  authorize(ctx.actor, 'evidence.read');
  const incident = await loadVisibleIncident(ctx.database.db, ctx.actor, incidentId);
  const after = page.cursor ? decodeCursor(page.cursor) : undefined;
  if (page.cursor && !after) throw invalid('The cursor is not one this server handed out.', [{ path: 'cursor', message: 'malformed cursor' }]);
  const rows = await queryEvidence(ctx.database.db, incident.id, after ?? undefined, page.limit);
  const items = await toEvidenceRecords(ctx.database.db, rows.slice(0, page.limit));
  const last = items[items.length - 1];
  return { items, next_cursor: rows.length > page.limit && last ? encodeCursor({ value: last.created_at, id: last.id }) : null };
}
