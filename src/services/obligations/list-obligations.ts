import type { ObligationStatus } from '../../domain/obligations/incident-facts.js';
import { listObligations as storedObligations } from '../../store/repositories/obligations.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { restrictedVisibilityFor } from '../policies/incident-visibility.js';
import { toObligationView, type ObligationView } from './obligation-record.js';
import { profileOf } from './profile-of.js';

export type ObligationFilter = 'open' | 'all' | ObligationStatus;

const STORED: Record<ObligationFilter, ObligationStatus[]> = {
  open: ['pending', 'drafted', 'late'],
  all: ['pending', 'drafted', 'late', 'submitted', 'not_required'],
  pending: ['pending', 'drafted', 'late'],
  drafted: ['drafted', 'late'],
  late: ['pending', 'drafted', 'late'],
  submitted: ['submitted'],
  not_required: ['not_required'],
};

/**
 * Obligations across the incidents the caller sees (restricted ones only for their members), soonest
 * deadline first: the home page's "due soonest". `late`, `pending` and `drafted` filter on the status
 * shown now (a pending obligation past its deadline is late).
 */
export async function listObligations(ctx: ServiceContext, query: { status: ObligationFilter; limit: number }): Promise<ObligationView[]> {
  authorize(ctx.actor, 'incident.read');
  const zone = (await profileOf(ctx.database.db, ctx.actor.organisationId)).timezone;
  const now = ctx.clock.now();
  const rows = await storedObligations(ctx.database.db, ctx.database.engine, { organisationId: ctx.actor.organisationId, visibleToUserId: restrictedVisibilityFor(ctx.actor), statuses: STORED[query.status], limit: query.status === 'open' || query.status === 'all' ? query.limit : 500 });
  const views = rows.map((row) => toObligationView(row, zone, now));
  const wanted = query.status === 'open' || query.status === 'all' ? views : views.filter((v) => v.status === query.status);
  return wanted.slice(0, query.limit);
}
