import type { FieldProblem } from './errors.js';
import type { Instant } from './time.js';

/** The structured post-incident review (issue #5): one per incident, a draft until completed. */
export const REVIEW_STATUSES = ['draft', 'completed'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** FAIR's forms of loss; the realised loss of an incident is recorded per form. */
export const LOSS_FORMS = ['productivity', 'response', 'replacement', 'fines_and_judgements', 'competitive_advantage', 'reputation'] as const;
export type LossForm = (typeof LOSS_FORMS)[number];

export interface ReviewImpact {
  records_affected: number | null;
  people_affected: number | null;
  systems_affected: number | null;
  downtime_minutes: number | null;
  /** Amounts in the organisation's currency, each ≥ 0, null when not known. */
  realised_loss: Record<LossForm, number | null>;
}

export const ROOT_CAUSE_KINDS = ['root', 'contributing'] as const;
export type RootCauseKind = (typeof ROOT_CAUSE_KINDS)[number];

/** The five-whys chain holds at most five answers, each asking "why?" of the one before. */
export const MAX_WHYS = 5;

export interface RootCause {
  statement: string;
  kind: RootCauseKind;
  whys: string[];
  risk_id?: string | null | undefined;
}

export interface Participant {
  user_id?: string | null | undefined;
  name: string;
  role: string;
}

/** What people write in a review. */
export interface ReviewContent {
  summary: string;
  impact: ReviewImpact;
  timeline_entry_ids: string[];
  root_causes: RootCause[];
  went_well: string[];
  went_badly: string[];
  lessons: string[];
  participants: Participant[];
  meeting_at: Instant | null;
}

/** Fields an organisation may mark required before a review can be completed. */
export const REVIEW_REQUIRABLE_FIELDS = ['summary', 'impact', 'root_causes', 'lessons', 'went_well', 'went_badly', 'participants', 'meeting_at', 'action_items'] as const;
export type ReviewRequirableField = (typeof REVIEW_REQUIRABLE_FIELDS)[number];
export const DEFAULT_REQUIRED_FIELDS: ReviewRequirableField[] = ['summary', 'root_causes', 'lessons'];

export function emptyImpact(): ReviewImpact {
  return {
    records_affected: null,
    people_affected: null,
    systems_affected: null,
    downtime_minutes: null,
    realised_loss: Object.fromEntries(LOSS_FORMS.map((form) => [form, null])) as Record<LossForm, number | null>,
  };
}

export function emptyReviewContent(): ReviewContent {
  return { summary: '', impact: emptyImpact(), timeline_entry_ids: [], root_causes: [], went_well: [], went_badly: [], lessons: [], participants: [], meeting_at: null };
}

/** The realised loss over all forms, or null when no form has an amount. */
export function realisedLossTotal(impact: ReviewImpact): number | null {
  const known = LOSS_FORMS.map((form) => impact.realised_loss[form]).filter((v): v is number => v !== null && v !== undefined);
  return known.length ? known.reduce((sum, v) => sum + v, 0) : null;
}

const filled = (list: string[]) => list.some((entry) => entry.trim() !== '');

/** Whether a field counts as given; an impact counts once any figure or loss amount is known. */
function isGiven(field: ReviewRequirableField, content: ReviewContent, actionItems: number): boolean {
  switch (field) {
    case 'summary':
      return content.summary.trim() !== '';
    case 'impact': {
      const { realised_loss, ...figures } = content.impact;
      return Object.values(figures).some((v) => v !== null) || Object.values(realised_loss).some((v) => v !== null);
    }
    case 'root_causes':
      return content.root_causes.some((cause) => cause.kind === 'root' && cause.statement.trim() !== '');
    case 'lessons':
    case 'went_well':
    case 'went_badly':
      return filled(content[field]);
    case 'participants':
      return content.participants.length > 0;
    case 'meeting_at':
      return content.meeting_at !== null;
    case 'action_items':
      return actionItems > 0;
  }
}

/**
 * The required fields a review still lacks, in the order the organisation listed them. Root causes
 * need at least one cause of kind `root` (contributing factors alone do not explain an incident).
 */
export function missingRequiredFields(content: ReviewContent, required: readonly ReviewRequirableField[], actionItems: number): ReviewRequirableField[] {
  return required.filter((field) => !isGiven(field, content, actionItems));
}

/**
 * The shape of the five-whys helper: each root cause has a statement, at most five whys, none of them
 * blank (a blank step breaks the chain). Answers the offending paths.
 */
export function fiveWhysProblems(causes: readonly RootCause[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  causes.forEach((cause, i) => {
    if (cause.statement.trim() === '') problems.push({ path: `root_causes.${i}.statement`, message: 'must not be empty' });
    if (cause.whys.length > MAX_WHYS) problems.push({ path: `root_causes.${i}.whys`, message: `at most ${MAX_WHYS} whys` });
    cause.whys.forEach((why, j) => {
      if (why.trim() === '') problems.push({ path: `root_causes.${i}.whys.${j}`, message: 'a blank why breaks the chain; remove it or answer it' });
    });
  });
  return problems;
}

/** Action items: follow-up work from a review, tracked to done. */
export const ACTION_ITEM_KINDS = ['control_improvement', 'new_control', 'new_risk', 'treatment_change', 'playbook_change', 'other'] as const;
export type ActionItemKind = (typeof ACTION_ITEM_KINDS)[number];
export const ACTION_ITEM_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];
export const OPEN_ACTION_ITEM_STATUSES: readonly ActionItemStatus[] = ['open', 'in_progress'];

/** Open (open or in progress) and past its due date. */
export function isActionItemOverdue(item: { status: string; due_at: Instant | null }, now: Instant): boolean {
  return item.due_at !== null && (OPEN_ACTION_ITEM_STATUSES as readonly string[]).includes(item.status) && Date.parse(item.due_at) < Date.parse(now);
}
