import { conflict, invalid } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { CONTROL_OUTCOME_PHRASES, type ControlOutcome } from '../../domain/risk-suggestions.js';
import { findOutcomeOfControl, insertControlOutcome } from '../../store/repositories/control-outcomes.js';
import { findControl } from '../../store/repositories/controls.js';
import type { ServiceContext } from '../context.js';
import { toControlRecord } from '../controls/control-record.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction } from '../transaction.js';
import { controlColumns, toControlOutcomeRecord, type ControlOutcomeRecord } from './control-outcome-record.js';

/** The timeline's words for an outcome: "Control AC-2 failed: MFA was not enforced for the VPN". */
export function outcomeSentence(ref: string, outcome: ControlOutcome, note: string): string {
  return `Control ${ref} ${CONTROL_OUTCOME_PHRASES[outcome]}${note ? `: ${note}` : ''}`;
}

/** Records what a control did in the incident (once per control: 409 after that — change it instead). */
export async function recordControlOutcome(ctx: ServiceContext, incidentId: string, input: { control_id: string; outcome: ControlOutcome; note?: string | undefined }): Promise<ControlOutcomeRecord> {
  authorize(ctx.actor, 'review.write');
  return runInTransaction(ctx, async (uow) => {
    const incident = await loadIncidentForChange(uow, incidentId);
    const controlRow = await findControl(uow.db, uow.actor.organisationId, input.control_id);
    if (!controlRow) throw invalid(`${input.control_id} is not a control of this organisation.`, [{ path: 'body.control_id', message: 'unknown control' }]);
    const control = toControlRecord(controlRow);
    const existing = await findOutcomeOfControl(uow.db, incident.id, control.id);
    if (existing) throw conflict(`${incident.number} already records what ${control.ref} did (${existing.outcome}); change that outcome instead.`, { outcome_id: existing.id });
    const note = input.note?.trim() ?? '';
    const row = {
      id: newId('controlOutcome'),
      organisation_id: incident.organisation_id,
      incident_id: incident.id,
      control_id: control.id,
      outcome: input.outcome,
      note,
      recorded_at: uow.now,
      recorded_by: uow.actor.userId,
      updated_at: uow.now,
      version: 1,
    };
    await insertControlOutcome(uow.db, row);
    await recordTimelineEntry(uow, incident, {
      kind: 'control_outcomes_changed',
      body: outcomeSentence(control.ref, input.outcome, note),
      details: { control_id: control.id, ref: control.ref, outcome: input.outcome, note, outcome_id: row.id },
    });
    await uow.audit('incident.control_outcome_recorded', { type: 'incident', id: incident.id }, { outcome_id: row.id, control_id: control.id, ref: control.ref, outcome: input.outcome, note });
    uow.emit({ type: 'incident.control_outcomes_changed', incident_id: incident.id, restricted: incident.restricted, entity_id: row.id });
    return toControlOutcomeRecord({ ...row, ...controlColumns(control), recorded_by_name: uow.actor.name ?? null });
  });
}
