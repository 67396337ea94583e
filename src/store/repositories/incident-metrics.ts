import type { Db } from '../database.js';
import { readJson } from '../dialect.js';
import { visibleTo } from './incidents.js';

/**
 * The rows behind the incident metrics dashboard. Each query filters by organisation first and
 * walks an index: incidents by (organisation_id, detected_at), reviews by their unique incident_id,
 * open action items by (organisation_id, …). Restricted incidents count only for viewers who may see
 * them (`visibleToUserId`, null for administrators).
 */
export interface MetricsWindow {
  organisationId: string;
  visibleToUserId: string | null;
  from: string;
  to: string;
}

/** Incidents detected in [from, to) with the timestamps the response times are measured from. */
export async function incidentsDetectedIn(db: Db, w: MetricsWindow) {
  return db
    .selectFrom('incidents')
    .select(['incidents.category', 'incidents.severity', 'incidents.occurred_at', 'incidents.detected_at', 'incidents.contained_at', 'incidents.recovered_at'])
    .where('incidents.organisation_id', '=', w.organisationId)
    .where('incidents.detected_at', '>=', w.from)
    .where('incidents.detected_at', '<', w.to)
    .where((eb) => visibleTo(eb, w.visibleToUserId))
    .execute();
}

/** Completed reviews of the incidents detected in [from, to): their root causes and how many risks the incident is linked to. */
export async function completedReviewsIn(db: Db, w: MetricsWindow): Promise<Array<{ root_causes: unknown; linked_risks: number }>> {
  const rows = await db
    .selectFrom('incidents')
    .innerJoin('reviews', 'reviews.incident_id', 'incidents.id')
    .select((eb) => [
      'reviews.root_causes',
      eb
        .selectFrom('incident_risks')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('incident_risks.incident_id', '=', 'incidents.id')
        .as('linked_risks'),
    ])
    .where('incidents.organisation_id', '=', w.organisationId)
    .where('incidents.detected_at', '>=', w.from)
    .where('incidents.detected_at', '<', w.to)
    .where('reviews.status', '=', 'completed')
    .where((eb) => visibleTo(eb, w.visibleToUserId))
    .execute();
  return rows.map((r) => ({ root_causes: readJson<unknown>(r.root_causes), linked_risks: Number(r.linked_risks ?? 0) }));
}

/** Action items still open or in progress, of incidents the viewer may see (and those of no incident). */
export async function openActionItems(db: Db, organisationId: string, visibleToUserId: string | null): Promise<Array<{ created_at: string }>> {
  return db
    .selectFrom('action_items')
    .select('action_items.created_at')
    .where('action_items.organisation_id', '=', organisationId)
    .where('action_items.status', 'in', ['open', 'in_progress'])
    .where((eb) =>
      eb.or([
        eb('action_items.incident_id', 'is', null),
        eb.exists(
          eb
            .selectFrom('incidents')
            .select('incidents.id')
            .whereRef('incidents.id', '=', 'action_items.incident_id')
            .where((inner) => visibleTo(inner, visibleToUserId)),
        ),
      ]),
    )
    .execute();
}
