import { notFound } from '../../domain/errors.js';
import { findAlertGroup } from '../../store/repositories/triage.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { toAlertGroupRecord, type AlertGroupRecord } from './alert-record.js';
import { listAlerts, type AlertListItem } from './list-alerts.js';

/** How many of a group's alerts come with it; the rest page through GET /api/v1/alerts?group=. */
export const GROUP_ALERTS_SHOWN = 100;

/** A correlation group with why its alerts belong together and its newest alerts. */
export async function getAlertGroup(ctx: ServiceContext, id: string): Promise<{ group: AlertGroupRecord; alerts: AlertListItem[]; more: boolean }> {
  authorize(ctx.actor, 'alert.read');
  const row = await findAlertGroup(ctx.database.db, ctx.actor.organisationId, id);
  if (!row) throw notFound(`Alert group ${id}`);
  const page = await listAlerts(ctx, { group_id: id, limit: GROUP_ALERTS_SHOWN });
  return { group: toAlertGroupRecord(row), alerts: page.items, more: page.next_cursor !== null };
}
