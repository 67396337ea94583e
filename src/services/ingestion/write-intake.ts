import type { DatabaseHandle } from '../../store/database.js';
import { writeJson } from '../../store/dialect.js';
import { insertAlerts, recordRepeats, type NewAlertRow } from '../../store/repositories/alert-ingest.js';
import { countRuleMatches } from '../../store/repositories/alert-rules.js';
import { recordNewAlertObservables } from '../../store/repositories/alert-observables.js';
import { upsertObservablesAndSightings, type SightingUpsert } from '../../store/repositories/observables.js';
import type { IncidentRecord } from '../incidents/incident-record.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import type { UnitOfWork } from '../transaction.js';
import type { CheckedAlert } from './alert-input.js';
import { correlateNewcomers } from './correlate-intake.js';
import type { IntakeDecision, IntakePlan } from './plan-intake.js';

type Newcomer = { alert: CheckedAlert; decision: Extract<IntakeDecision, { outcome: 'created' | 'attached' }> };

function alertRow(uow: UnitOfWork, { alert, decision }: Newcomer, groupId: string | null): NewAlertRow {
  const attached = decision.attach !== null;
  return {
    id: decision.alert_id,
    organisation_id: uow.actor.organisationId,
    source: alert.source,
    source_ref: alert.source_ref,
    type: alert.type,
    title: alert.title,
    description: alert.description,
    severity: alert.severity,
    occurred_at: alert.occurred_at,
    tags: writeJson(alert.tags),
    tlp: alert.tlp,
    pap: alert.pap,
    status: attached ? 'merged' : 'new',
    fingerprint: decision.fingerprint,
    correlation_key: decision.correlation?.key ?? null,
    group_id: groupId,
    incident_id: decision.attach?.incident_id ?? null,
    dismiss_reason: null,
    triaged_at: attached ? uow.now : null,
    triaged_by: attached ? uow.actor.userId : null,
    repeat_count: 1,
    first_seen_at: uow.now,
    last_seen_at: uow.now,
    raw: alert.raw === null || alert.raw === undefined ? null : writeJson(alert.raw),
    created_at: uow.now,
    updated_at: uow.now,
    version: 1,
  };
}

/** An attached alert's observables are also seen on its incident. */
function incidentSightingsOf(uow: UnitOfWork, { alert, decision }: Newcomer): SightingUpsert[] {
  const incidentId = decision.attach?.incident_id;
  if (!incidentId) return [];
  return alert.observables.map((o) => ({ ...o, subject_type: 'incident' as const, subject_id: incidentId, seen_at: uow.now }));
}

/**
 * Writes what the plan decided: new alerts with their groups and observables, repeats, rule counters,
 * and for alerts an attach rule sent to an incident, one timeline entry per incident.
 */
export async function writeIntake(uow: UnitOfWork, handle: DatabaseHandle, alerts: ReadonlyMap<number, CheckedAlert>, plan: IntakePlan, incidents: ReadonlyMap<string, IncidentRecord>): Promise<void> {
  const newcomers: Newcomer[] = [];
  for (const [index, decision] of plan.decisions) {
    if (decision.outcome === 'created' || decision.outcome === 'attached') newcomers.push({ alert: alerts.get(index)!, decision });
  }
  const { groupOf, stored } = await correlateNewcomers(uow, newcomers.map((n) => ({ alert_id: n.decision.alert_id, alert: n.alert, correlation: n.decision.correlation })));
  await insertAlerts(uow.db, handle, newcomers.map((n) => alertRow(uow, n, groupOf.get(n.decision.alert_id) ?? null)));
  await recordRepeats(uow.db, handle, [...plan.repeats].map(([id, times]) => ({ id, times, last_seen_at: uow.now })));
  const scope = { organisationId: uow.actor.organisationId, actorId: uow.actor.userId, now: uow.now };
  await recordNewAlertObservables(uow.db, handle, scope, stored, newcomers.map((n) => ({ alertId: n.decision.alert_id, observables: n.alert.observables })));
  const incidentSightings = newcomers.flatMap((n) => incidentSightingsOf(uow, n));
  if (incidentSightings.length) await upsertObservablesAndSightings(uow.db, uow.actor.organisationId, uow.actor.userId, uow.now, incidentSightings, { sqlite: handle.sqlite });
  await countRuleMatches(uow.db, plan.matches);

  const attachedTo = new Map<string, Newcomer[]>();
  for (const n of newcomers) {
    const incidentId = n.decision.attach?.incident_id;
    if (incidentId) attachedTo.set(incidentId, (attachedTo.get(incidentId) ?? []).concat(n));
  }
  for (const [incidentId, attached] of attachedTo) {
    const incident = incidents.get(incidentId)!;
    const rules = [...new Set(attached.map((n) => `"${n.decision.attach!.name}"`))].join(', ');
    await recordTimelineEntry(uow, incident, {
      kind: 'alerts_merged',
      body: `${attached.length === 1 ? `Alert "${attached[0]!.alert.title}" was` : `${attached.length} alerts were`} attached by the alert rule ${rules}.`,
      details: { alert_ids: attached.map((n) => n.decision.alert_id), rule_ids: [...new Set(attached.map((n) => n.decision.attach!.id))], automatic: true },
    });
  }
}
