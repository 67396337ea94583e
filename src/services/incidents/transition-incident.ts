import { stale } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import type { Resolution } from '../../domain/incident.js';
import { PHASE_LABELS, planTransition, type Phase } from '../../domain/lifecycle.js';
import { insertPhaseChange, updateIncident } from '../../store/repositories/incidents.js';
import type { IncidentRow } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { closePolicyOf } from '../settings.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction } from '../transaction.js';
import type { IncidentRecord } from './incident-record.js';
import { loadIncidentForChange } from './load-incident.js';

export interface TransitionInput {
  to: Phase;
  reason?: string | undefined;
  resolution?: Resolution | undefined;
  /** The version the caller saw; optional because a phase change is checked against the phase itself. */
  expected_version?: number | undefined;
}

/** Moves an incident to another phase under the life-cycle rules, stamping the matching timestamps. */
export async function transitionIncident(ctx: ServiceContext, id: string, input: TransitionInput): Promise<IncidentRecord> {
  authorize(ctx.actor, 'incident.transition');
  return runInTransaction(ctx, async (uow) => {
    const incident = await loadIncidentForChange(uow, id, input.expected_version);
    const policy = await closePolicyOf(uow.db, uow.actor.organisationId);
    const plan = planTransition(
      { phase: incident.phase, severity: incident.severity, reviewCompletedAt: incident.review_completed_at, timestamps: incident },
      { to: input.to, reason: input.reason ?? null, resolution: input.resolution ?? null, at: uow.now },
      policy,
    );
    const columns = { phase: plan.to, ...plan.stamps, updated_at: uow.now, updated_by: uow.actor.userId };
    const resolution = plan.resolution !== undefined ? { resolution: plan.resolution } : {};
    if (!(await updateIncident(uow.db, incident.id, incident.version, { ...columns, ...resolution } as Partial<IncidentRow>))) throw stale(incident.version + 1);

    const reason = input.reason?.trim() || null;
    await insertPhaseChange(uow.db, { id: newId('phaseChange'), organisation_id: incident.organisation_id, incident_id: incident.id, from_phase: plan.from, to_phase: plan.to, reason, at: uow.now, actor_id: uow.actor.userId });
    const result = { ...incident, ...columns, ...resolution, version: incident.version + 1 } as IncidentRecord;
    const body = `${PHASE_LABELS[plan.from]} → ${PHASE_LABELS[plan.to]}${reason ? `: ${reason}` : ''}`;
    await recordTimelineEntry(uow, result, {
      kind: 'phase_changed',
      body,
      details: { from: plan.from, to: plan.to, direction: plan.direction, skipped: plan.skipped, reason, resolution: plan.resolution ?? null, stamps: plan.stamps },
    });
    await uow.audit('incident.transition', { type: 'incident', id: incident.id }, { from: plan.from, to: plan.to, reason, skipped: plan.skipped, resolution: plan.resolution ?? null, version: result.version });
    uow.emit({ type: 'incident.transitioned', incident_id: incident.id, restricted: incident.restricted, entity_id: incident.id, version: result.version });
    return result;
  });
}
