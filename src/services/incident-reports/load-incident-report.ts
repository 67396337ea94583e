import type { EngagementStatus } from '../../domain/engagements.js';
import { responseMetrics, type ResponseMetrics } from '../../domain/metrics.js';
import type { StoredIncidentFacts, StoredOrganisationProfile } from '../../domain/obligations/incident-facts.js';
import type { ThirdPartyKind } from '../../domain/plan.js';
import { readBool, readJson } from '../../store/dialect.js';
import { currentCommander, decisionsOfIncident, engagementsForReport, factsOfIncident, lastSentTo, obligationsOfIncident, openTasksOfIncident, recentTimelineEntries, sentCommunicationsOfIncident, settingValue } from '../../store/repositories/incident-reports.js';
import type { IncidentRecord } from '../incidents/incident-record.js';
import { loadVisibleIncident } from '../incidents/load-incident.js';
import { planInForce } from '../plan/plan-in-force.js';
import type { UnitOfWork } from '../transaction.js';
import { findOrganisation } from '../../store/repositories/people.js';

/** The organisation profile the obligations engine reads (helper services own its writing). */
export const PROFILE_SETTING = 'obligations.profile';

/** Timeline kinds a reader of a management report cares about; the routine edits stay out. */
const HIGHLIGHT_KINDS = ['incident_opened', 'phase_changed', 'note', 'decision_recorded', 'communication_sent', 'engagement_added', 'escalation_sent', 'escalation_unanswered', 'obligation_updated'];
const HIGHLIGHTS = 25;

/** What the incident reports show, gathered once for the three document builders. */
export interface IncidentReportData {
  generated_at: string;
  organisation: { name: string; timezone: string };
  incident: IncidentRecord;
  metrics: ResponseMetrics;
  commander: string | null;
  /** Null until someone records the incident's facts. */
  facts: Partial<StoredIncidentFacts> | null;
  /** Null until the organisation profile is set. */
  profile: Partial<StoredOrganisationProfile> | null;
  decisions: Array<{ kind: string; outcome: boolean; decided_at: string; facts: string; signed_by: string; signed_at: string; signature: string; superseded: boolean }>;
  obligations: Array<{ regime: string; stage: string; state: string; recipient: string; deadline: string | null; time_zone: string; status: string; status_reason: string; reference: string; submitted_at: string | null; delay_reason: string; basis: string }>;
  communications: Array<{ audience: string; channel: string; subject: string; sent_at: string; approved_by: string | null }>;
  engagements: Array<{ name: string; kind: ThirdPartyKind; status: EngagementStatus; engaged_at: string; contract_reference: string; contact: string; privileged: boolean; notes: string }>;
  open_tasks: Array<{ title: string; assignee: string | null; due_at: string | null; status: string }>;
  /** In time order. */
  timeline: Array<{ occurred_at: string; kind: string; body: string; actor: string }>;
  /** When the next status update is due by the plan's cadence for this severity; null without one. */
  next_update: { at: string; audience: string } | null;
}

const asObject = <T>(value: unknown): T | null => {
  const parsed = value === undefined || value === null ? null : readJson<unknown>(value);
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as T) : null;
};

/** Reads an incident visible to the actor (404 otherwise) and everything the reports say about it. */
export async function loadIncidentReport(uow: UnitOfWork, incidentIdOrNumber: string): Promise<IncidentReportData> {
  const db = uow.db;
  const organisationId = uow.actor.organisationId;
  const incident = await loadVisibleIncident(db, uow.actor, incidentIdOrNumber);
  const [organisation, factsRow, profileValue, decisions, obligations, communications, engagements, tasks, timeline, commander, plan] = await Promise.all([
    findOrganisation(db, organisationId),
    factsOfIncident(db, incident.id),
    settingValue(db, organisationId, PROFILE_SETTING),
    decisionsOfIncident(db, incident.id),
    obligationsOfIncident(db, incident.id),
    sentCommunicationsOfIncident(db, incident.id),
    engagementsForReport(db, incident.id),
    openTasksOfIncident(db, incident.id),
    recentTimelineEntries(db, incident.id, HIGHLIGHT_KINDS, HIGHLIGHTS),
    currentCommander(db, incident.id),
    planInForce(db, organisationId),
  ]);
  const profile = asObject<Partial<StoredOrganisationProfile>>(profileValue);

  let nextUpdate: IncidentReportData['next_update'] = null;
  const cadence = plan?.content.status_update_cadence?.find((c) => c.severity === incident.severity);
  if (cadence && incident.phase !== 'closed') {
    const since = (await lastSentTo(db, incident.id, cadence.audience)) ?? incident.acknowledged_at ?? incident.detected_at;
    nextUpdate = { at: new Date(Date.parse(since) + cadence.every_minutes * 60_000).toISOString(), audience: cadence.audience };
  }

  return {
    generated_at: uow.now,
    organisation: { name: organisation?.name ?? '', timezone: profile?.timezone ?? organisation?.timezone ?? 'UTC' },
    incident,
    metrics: responseMetrics(incident),
    commander: commander?.name ?? null,
    facts: factsRow ? asObject<Partial<StoredIncidentFacts>>(factsRow.facts) : null,
    profile,
    decisions: decisions.map((d) => ({
      kind: d.kind,
      outcome: readBool(d.outcome),
      decided_at: d.decided_at,
      facts: d.facts,
      signed_by: d.signer_name ?? d.signed_by,
      signed_at: d.signed_at,
      signature: d.signature,
      superseded: !!d.superseded_by,
    })),
    obligations: obligations.map((o) => ({
      regime: o.regime,
      stage: o.stage,
      state: o.state,
      recipient: o.recipient,
      deadline: o.deadline,
      time_zone: o.time_zone,
      status: o.status,
      status_reason: o.status_reason,
      reference: o.reference,
      submitted_at: o.submitted_at,
      delay_reason: o.delay_reason,
      basis: o.basis,
    })),
    communications: communications.map((c) => ({ audience: c.audience, channel: c.channel, subject: c.subject, sent_at: c.sent_at!, approved_by: c.approver_name ?? c.approved_by })),
    engagements: engagements.map((e) => ({
      name: e.name,
      kind: e.kind as ThirdPartyKind,
      status: e.status as EngagementStatus,
      engaged_at: e.engaged_at,
      contract_reference: e.contract_reference,
      contact: e.contact,
      privileged: readBool(e.privileged),
      notes: e.notes,
    })),
    open_tasks: tasks.map((t) => ({ title: t.title, assignee: t.assignee_name, due_at: t.due_at, status: t.status })),
    timeline: timeline.reverse().map((e) => ({ occurred_at: e.occurred_at, kind: e.kind, body: e.body, actor: e.actor_name ?? (e.actor_id === 'system' ? 'System' : e.actor_id) })),
    next_update: nextUpdate,
  };
}
