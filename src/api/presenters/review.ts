import type { ReviewRecord } from '../../services/reviews/review-record.js';
import { presentTimelineEntry } from './timeline-entry.js';

/** A review as answered: without its tenancy column, its timeline entries as the timeline answers them. */
export function presentReview(review: ReviewRecord) {
  const { organisation_id: _organisation, timeline, ...visible } = review;
  return { ...visible, timeline: timeline.map(presentTimelineEntry) };
}
