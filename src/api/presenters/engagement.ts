import type { EngagementRecord } from '../../services/engagements/engagement-record.js';

/** The public shape of an engagement: the record without its tenancy column. */
export function presentEngagement(engagement: EngagementRecord): Omit<EngagementRecord, 'organisation_id'> {
  const { organisation_id: _organisation, ...visible } = engagement;
  return visible;
}
