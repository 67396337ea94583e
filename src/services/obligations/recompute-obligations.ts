import { inZone } from '../../domain/clocks.js';
import { deriveObligations } from '../../domain/obligations/engine.js';
import { planIsEmpty, reconcileObligations, type ObligationPlan, type StoredObligation } from '../../domain/obligations/reconcile.js';
import { BUILT_IN_REGIMES } from '../../domain/obligations/regimes.js';
import { reminderLevelAt } from '../../domain/obligations/reminders.js';
import type { Obligation } from '../../domain/obligations/types.js';
import type { ObligationStatus } from '../../domain/obligations/incident-facts.js';
import { newId } from '../../domain/ids.js';
import { currentDecisions } from '../../store/repositories/decisions.js';
import { findIncidentFacts } from '../../store/repositories/incident-facts.js';
import { insertObligation, listIncidentObligations, updateObligation } from '../../store/repositories/obligations.js';
import type { IncidentRecord } from '../incidents/incident-record.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import type { UnitOfWork } from '../transaction.js';
import { clockDecisions, storedFactsOf } from './facts-record.js';
import { profileOf } from './profile-of.js';

const clockOf = (o: Obligation) => ({ ...o.clock, regime_name: o.regime_name, without_undue_delay: o.without_undue_delay });
const label = (o: { regime_name?: string; regime: string; stage: string; state?: string | undefined }) => `${o.regime_name ?? o.regime} ${o.stage.replaceAll('_', ' ')}${o.state ? ` (${o.state})` : ''}`;

/**
 * Runs the engine on the stored profile, the incident's facts and its current decisions, and brings
 * the stored obligations in line (reconcile.ts), inside the caller's transaction. Without facts there
 * are no obligations. A change is one `obligations_changed` timeline entry saying what moved.
 */
export async function recomputeObligations(uow: UnitOfWork, incident: IncidentRecord, because: string): Promise<ObligationPlan> {
  const factsRow = await findIncidentFacts(uow.db, incident.id);
  const empty: ObligationPlan = { create: [], update: [], retire: [] };
  if (!factsRow) return empty;
  const profile = await profileOf(uow.db, incident.organisation_id);
  const regimes = [...BUILT_IN_REGIMES, ...profile.custom_regimes];
  const computed = deriveObligations({ organisation: profile, incident: storedFactsOf(factsRow), decisions: clockDecisions(await currentDecisions(uow.db, incident.id)) }, regimes);
  const stored = await listIncidentObligations(uow.db, incident.id);
  const plan = reconcileObligations(
    stored.map((s): StoredObligation => ({ id: s.id, regime: s.regime, stage: s.stage, state: s.state, deadline: s.deadline, status: s.status as ObligationStatus, status_reason: s.status_reason })),
    computed,
    new Map(regimes.map((r) => [r.id, r.name])),
  );
  if (planIsEmpty(plan)) return plan;

  const by = { updated_at: uow.now, updated_by: uow.actor.userId };
  const lines: string[] = [];
  const when = (o: Obligation) => `${inZone(o.deadline_utc, o.time_zone).slice(0, 16).replace('T', ' ')} ${o.time_zone}`;
  for (const o of plan.create) {
    await insertObligation(uow.db, {
      id: newId('obligation'), organisation_id: incident.organisation_id, incident_id: incident.id, regime: o.regime, stage: o.stage, state: o.state ?? '', recipient: o.recipient,
      deadline: o.deadline_utc, deadline_kind: o.deadline_kind, time_zone: o.time_zone, basis: o.basis, clock: clockOf(o), status: 'pending', status_reason: '', reference: '', submitted_at: null,
      delay_reason: '', reminder_level: 0, created_at: uow.now, ...by, version: 1,
    });
    lines.push(`${label(o)}: new, due ${when(o)}`);
  }
  const byId = new Map(stored.map((s) => [s.id, s]));
  for (const { id, obligation: o, from, reopen } of plan.update) {
    const row = byId.get(id)!;
    // A later deadline may re-arm reminders already sent for the earlier one.
    const level = Math.min(row.reminder_level, reminderLevelAt(o.clock.started_at, o.deadline_utc, uow.now));
    const status = reopen || (row.status === 'late' && o.deadline_utc > uow.now) ? 'pending' : row.status;
    await updateObligation(uow.db, id, Number(row.version), {
      deadline: o.deadline_utc, recipient: o.recipient, deadline_kind: o.deadline_kind, time_zone: o.time_zone, basis: o.basis, clock: clockOf(o),
      status, ...(reopen ? { status_reason: '' } : {}), reminder_level: level, ...by,
    });
    lines.push(reopen ? `${label(o)}: required again, due ${when(o)}` : `${label(o)}: deadline moved from ${from ? `${inZone(from, o.time_zone).slice(0, 16).replace('T', ' ')}` : 'none'} to ${when(o)}`);
  }
  for (const { id, reason } of plan.retire) {
    const row = byId.get(id)!;
    await updateObligation(uow.db, id, Number(row.version), { status: 'not_required', status_reason: reason, ...by });
    lines.push(`${label(row)}: not required (${reason})`);
  }
  await recordTimelineEntry(uow, incident, { kind: 'obligations_changed', body: `Obligations recomputed because ${because}:\n${lines.map((l) => `- ${l}`).join('\n')}`, details: { created: plan.create.length, moved: plan.update.length, retired: plan.retire.length } });
  await uow.audit('obligations.recompute', { type: 'incident', id: incident.id }, { because, changes: lines });
  uow.emit({ type: 'obligations.changed', incident_id: incident.id, restricted: incident.restricted, entity_id: incident.id });
  return plan;
}
