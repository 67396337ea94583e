import { invalid } from '../../domain/errors.js';
import { toInstant, type Instant } from '../../domain/time.js';
import { findUser } from '../../store/repositories/people.js';
import type { ServiceContext } from '../context.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { recordTimelineEntry } from './record-timeline-entry.js';
import { toTimelineEntryRecord, type TimelineEntryRecord } from './timeline-entry-record.js';

/** Clocks of laptops and servers disagree a little; more than this ahead of ours is a mistake. */
export const CLOCK_SKEW_MS = 60_000;

/**
 * Writes a note on the incident's timeline. occurred_at says when the thing noted happened: it may lie
 * in the past, even before the incident was detected, but not in the future.
 */
export async function addTimelineNote(ctx: ServiceContext, incidentId: string, input: { body: string; occurred_at?: Instant | undefined }): Promise<TimelineEntryRecord> {
  authorize(ctx.actor, 'incident.note');
  return runInTransaction(ctx, async (uow) => {
    const incident = await loadIncidentForChange(uow, incidentId);
    // Hashed as written, so it must already be in the one form both databases read back.
    const occurredAt = input.occurred_at === undefined ? uow.now : toInstant(input.occurred_at);
    if (Date.parse(occurredAt) > Date.parse(uow.now) + CLOCK_SKEW_MS) {
      throw invalid('A note cannot say something happened in the future.', [{ path: 'occurred_at', message: 'must not be later than now' }]);
    }
    const row = await recordTimelineEntry(uow, incident, { kind: 'note', body: input.body, occurred_at: occurredAt });
    await uow.audit('timeline.note', { type: 'timeline_entry', id: row.id }, { incident_id: incident.id, seq: row.seq, occurred_at: row.occurred_at, length: input.body.length });
    const author = await findUser(uow.db, uow.actor.organisationId, uow.actor.userId);
    return toTimelineEntryRecord(row, author?.name ?? null);
  });
}
