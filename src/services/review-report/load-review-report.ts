import { notFound } from '../../domain/errors.js';
import { responseMetrics, type ResponseMetrics } from '../../domain/metrics.js';
import type { Participant, ReviewImpact, RootCause } from '../../domain/review.js';
import { readJson } from '../../store/dialect.js';
import {
  actionItemsOfReview,
  controlLabels,
  controlOutcomesOfIncident,
  proposalsOfReview,
  reviewOfIncident,
  riskLabels,
  risksOfIncident,
  timelineEntriesByIds,
  userNames,
} from '../../store/repositories/review-report.js';
import type { ServiceContext } from '../context.js';
import type { IncidentRecord } from '../incidents/incident-record.js';
import { loadVisibleIncident } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { riskAppetiteOf } from '../risks/risk-settings.js';

/** What a review report shows, gathered in one place for the document builder. */
export interface ReviewReportData {
  generated_at: string;
  currency: string;
  incident: IncidentRecord;
  metrics: ResponseMetrics;
  review: {
    id: string;
    status: string;
    summary: string;
    impact: Partial<ReviewImpact> | null;
    root_causes: Array<RootCause & { risk_label: string | null }>;
    went_well: string[];
    went_badly: string[];
    lessons: string[];
    participants: Participant[];
    meeting_at: string | null;
    completed_at: string | null;
    completed_by: string | null;
    updated_at: string;
  };
  timeline: Array<{ occurred_at: string; kind: string; body: string; actor: string }>;
  risks: Array<{ number: string; title: string; note: string }>;
  control_outcomes: Array<{ ref: string; title: string; outcome: string; note: string }>;
  action_items: Array<{ title: string; kind: string; owner: string | null; due_at: string | null; status: string; description: string }>;
  proposals: Array<{ kind: string; target: string; status: string; reasoning: string; decided_at: string | null; decided_by: string | null; decision_note: string | null }>;
}

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
const strings = (value: unknown): string[] => list<unknown>(value).filter((v): v is string => typeof v === 'string');

/**
 * Reads an incident's review with everything around it. The incident must be visible to the caller
 * (404 otherwise, as for the incident itself), and it must have a review (404 before the first draft).
 */
export async function loadReviewReport(ctx: ServiceContext, incidentIdOrNumber: string): Promise<ReviewReportData> {
  authorize(ctx.actor, 'incident.read');
  const db = ctx.database.db;
  const organisationId = ctx.actor.organisationId;
  const incident = await loadVisibleIncident(db, ctx.actor, incidentIdOrNumber);
  const review = await reviewOfIncident(db, organisationId, incident.id);
  if (!review) throw notFound(`The review of ${incident.number}`);

  const rootCauses = list<RootCause>(readJson(review.root_causes));
  const [timeline, risks, outcomes, items, proposals, appetite] = await Promise.all([
    timelineEntriesByIds(db, incident.id, strings(readJson(review.timeline_entry_ids))),
    risksOfIncident(db, incident.id),
    controlOutcomesOfIncident(db, incident.id),
    actionItemsOfReview(db, review.id),
    proposalsOfReview(db, review.id),
    riskAppetiteOf(db, organisationId),
  ]);
  const riskIds = new Set([...rootCauses.map((c) => c.risk_id), ...proposals.filter((p) => p.target_type === 'risk').map((p) => p.target_id)].filter((id): id is string => !!id));
  const controlIds = proposals.filter((p) => p.target_type === 'control').map((p) => p.target_id);
  const userIds = new Set([...timeline.map((e) => e.actor_id), review.completed_by].filter((id): id is string => !!id));
  const [riskRows, controlRows, userRows] = await Promise.all([riskLabels(db, organisationId, [...riskIds]), controlLabels(db, organisationId, controlIds), userNames(db, [...userIds])]);
  const riskLabel = new Map(riskRows.map((r) => [r.id, `${r.number} ${r.title}`]));
  const controlLabel = new Map(controlRows.map((c) => [c.id, `${c.ref} ${c.title}`]));
  const userName = new Map(userRows.map((u) => [u.id, u.name]));
  const nameOf = (id: string | null) => (id ? (userName.get(id) ?? (id === 'system' ? 'System' : id)) : null);

  return {
    generated_at: ctx.clock.now(),
    currency: appetite.currency,
    incident,
    metrics: responseMetrics(incident),
    review: {
      id: review.id,
      status: review.status,
      summary: review.summary,
      impact: readJson<Partial<ReviewImpact> | null>(review.impact),
      root_causes: rootCauses.map((c) => ({ ...c, whys: strings(c.whys), risk_label: c.risk_id ? (riskLabel.get(c.risk_id) ?? null) : null })),
      went_well: strings(readJson(review.went_well)),
      went_badly: strings(readJson(review.went_badly)),
      lessons: strings(readJson(review.lessons)),
      participants: list<Participant>(readJson(review.participants)),
      meeting_at: review.meeting_at,
      completed_at: review.completed_at,
      completed_by: nameOf(review.completed_by),
      updated_at: review.updated_at,
    },
    timeline: timeline.map((e) => ({ occurred_at: e.occurred_at, kind: e.kind, body: e.body, actor: nameOf(e.actor_id) ?? '' })),
    risks: risks.map((r) => ({ number: r.number, title: r.title, note: r.note })),
    control_outcomes: outcomes.map((o) => ({ ref: o.ref, title: o.title, outcome: o.outcome, note: o.note })),
    action_items: items.map((i) => ({ title: i.title, kind: i.kind, owner: i.owner_name, due_at: i.due_at, status: i.status, description: i.description })),
    proposals: proposals.map((p) => {
      const reasoning = readJson<{ text?: unknown } | null>(p.reasoning);
      const labels = p.target_type === 'risk' ? riskLabel : controlLabel;
      return {
        kind: p.kind,
        target: labels.get(p.target_id) ?? p.target_id,
        status: p.status,
        reasoning: typeof reasoning?.text === 'string' ? reasoning.text : '',
        decided_at: p.decided_at,
        decided_by: p.decided_by_name,
        decision_note: p.decision_note,
      };
    }),
  };
}
