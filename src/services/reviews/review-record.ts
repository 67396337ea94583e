import { missingRequiredFields, type ReviewContent, type ReviewRequirableField, type ReviewStatus } from '../../domain/review.js';
import type { Db } from '../../store/database.js';
import { readJson } from '../../store/dialect.js';
import { countIncidentActionItems } from '../../store/repositories/action-items.js';
import { timelineEntriesOf } from '../../store/repositories/reviews.js';
import type { ReviewRow } from '../../store/schema.js';
import { toTimelineEntryRecord, type TimelineEntryRecord } from '../timeline/timeline-entry-record.js';
import { requiredReviewFieldsOf } from './review-settings.js';

/** A review as services hand it out: its content, the chosen timeline entries expanded in time order, and what it still lacks. */
export interface ReviewRecord extends ReviewContent {
  id: string;
  organisation_id: string;
  incident_id: string;
  status: ReviewStatus;
  timeline: TimelineEntryRecord[];
  /** The organisation's required fields, and those this review still lacks (completing needs none missing). */
  required_fields: ReviewRequirableField[];
  missing_fields: ReviewRequirableField[];
  completed_at: string | null;
  completed_by: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  version: number;
}

export function reviewContentOf(row: ReviewRow): ReviewContent {
  return {
    summary: row.summary,
    impact: readJson(row.impact),
    timeline_entry_ids: readJson(row.timeline_entry_ids),
    root_causes: readJson(row.root_causes),
    went_well: readJson(row.went_well),
    went_badly: readJson(row.went_badly),
    lessons: readJson(row.lessons),
    participants: readJson(row.participants),
    meeting_at: row.meeting_at,
  };
}

export async function toReviewRecord(db: Db, row: ReviewRow): Promise<ReviewRecord> {
  const content = reviewContentOf(row);
  const [entries, required, actionItems] = await Promise.all([
    timelineEntriesOf(db, row.incident_id, content.timeline_entry_ids),
    requiredReviewFieldsOf(db, row.organisation_id),
    countIncidentActionItems(db, row.incident_id),
  ]);
  return {
    id: row.id,
    organisation_id: row.organisation_id,
    incident_id: row.incident_id,
    status: row.status as ReviewStatus,
    ...content,
    timeline: entries.map((e) => toTimelineEntryRecord(e, e.user_name)),
    required_fields: required,
    missing_fields: missingRequiredFields(content, required, actionItems),
    completed_at: row.completed_at,
    completed_by: row.completed_by,
    created_at: row.created_at,
    created_by: row.created_by,
    updated_at: row.updated_at,
    updated_by: row.updated_by,
    version: Number(row.version),
  };
}
