import { notFound, stale } from '../../domain/errors.js';
import type { ControlOutcome } from '../../domain/risk-suggestions.js';
import { findControlOutcome, findControlOutcomeView, updateControlOutcome as writeOutcome } from '../../store/repositories/control-outcomes.js';
import { findControl } from '../../store/repositories/controls.js';
import type { ServiceContext } from '../context.js';
import { toControlRecord } from '../controls/control-record.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction } from '../transaction.js';
import { toControlOutcomeRecord, type ControlOutcomeRecord } from './control-outcome-record.js';
import { outcomeSentence } from './record-control-outcome.js';

/** Changes what a control did, or the note about it; the version is checked when given (412 otherwise). */
export async function updateControlOutcome(
  ctx: ServiceContext,
  incidentId: string,
  outcomeId: string,
  expectedVersion: number | undefined,
  changes: { outcome?: ControlOutcome | undefined; note?: string | undefined },
): Promise<ControlOutcomeRecord> {
  authorize(ctx.actor, 'review.write');
  return runInTransaction(ctx, async (uow) => {
    const incident = await loadIncidentForChange(uow, incidentId);
    const current = await findControlOutcome(uow.db, incident.id, outcomeId);
    if (!current) throw notFound(`Control outcome ${outcomeId} of incident ${incident.number}`);
    const version = Number(current.version);
    if (expectedVersion !== undefined && expectedVersion !== version) throw stale(version);
    const control = toControlRecord((await findControl(uow.db, uow.actor.organisationId, current.control_id))!);
    const outcome = changes.outcome ?? (current.outcome as ControlOutcome);
    const note = changes.note !== undefined ? changes.note.trim() : current.note;
    const answer = async () => toControlOutcomeRecord((await findControlOutcomeView(uow.db, current.id))!);
    if (outcome === current.outcome && note === current.note) return answer();

    const next = { outcome, note, updated_at: uow.now, version: version + 1 };
    if (!(await writeOutcome(uow.db, current.id, version, next))) throw stale(version);
    const was = outcome !== current.outcome ? ` (was ${current.outcome})` : '';
    await recordTimelineEntry(uow, incident, {
      kind: 'control_outcomes_changed',
      body: `${outcomeSentence(control.ref, outcome, note)}${was}`,
      details: { control_id: control.id, ref: control.ref, outcome, note, outcome_id: current.id, before: { outcome: current.outcome, note: current.note } },
    });
    await uow.audit('incident.control_outcome_changed', { type: 'incident', id: incident.id }, { outcome_id: current.id, control_id: control.id, ref: control.ref, before: { outcome: current.outcome, note: current.note }, after: { outcome, note } });
    uow.emit({ type: 'incident.control_outcomes_changed', incident_id: incident.id, restricted: incident.restricted, entity_id: current.id, version: next.version });
    return answer();
  });
}
