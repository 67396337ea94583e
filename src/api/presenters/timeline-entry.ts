import type { TimelineEntryRecord } from '../../services/timeline/timeline-entry-record.js';

/** A timeline entry as answered: the incident is implied by the URL it was read from. */
export function presentTimelineEntry(entry: TimelineEntryRecord) {
  const { incident_id: _incident, ...visible } = entry;
  return visible;
}
