import type { CommunicationStatus, StatusUpdateDue } from '../../domain/communication-workflow.js';
import type { Audience, Channel } from '../../domain/plan.js';
import { listCommunications as listRows } from '../../store/repositories/communications.js';
import type { ServiceContext } from '../context.js';
import { loadVisibleIncident } from '../incidents/load-incident.js';
import { planInForce } from '../plan/plan-in-force.js';
import { authorize } from '../policies/authorize.js';
import { toCommunicationRecords, type CommunicationRecord } from './communication-record.js';
import { statusUpdateDueOf } from './template-values.js';

export interface TemplateOffer {
  id: string;
  name: string;
  audience: Audience;
  channel: Channel;
  holding_statement: boolean;
}

export interface IncidentCommunications {
  items: CommunicationRecord[];
  /** When the next status update is due under the plan's cadence for this severity; null without one. */
  next_status_update_due_at: string | null;
  status_update: (StatusUpdateDue & { overdue: boolean }) | null;
  /** The plan in force's templates; holding statements first (what the media desk needs at once). */
  templates: TemplateOffer[];
  plan_version: number | null;
}

/** The incident's communications (optionally only some statuses, e.g. the sent log), its status-update cadence and the templates to draft from. */
export async function listIncidentCommunications(ctx: ServiceContext, incidentId: string, statuses?: CommunicationStatus[]): Promise<IncidentCommunications> {
  authorize(ctx.actor, 'incident.read');
  const db = ctx.database.db;
  const incident = await loadVisibleIncident(db, ctx.actor, incidentId);
  const plan = await planInForce(db, incident.organisation_id);
  const due = await statusUpdateDueOf(db, incident, plan?.content ?? null);
  const rows = await listRows(db, incident.id, statuses);
  const templates = (plan?.content.templates ?? [])
    .map((t) => ({ id: t.id, name: t.name, audience: t.audience, channel: t.channel, holding_statement: t.holding_statement }))
    .sort((a, b) => Number(b.holding_statement) - Number(a.holding_statement));
  return {
    items: await toCommunicationRecords(db, incident.id, rows),
    next_status_update_due_at: due?.due_at ?? null,
    status_update: due ? { ...due, overdue: Date.parse(due.due_at) <= Date.parse(ctx.clock.now()) } : null,
    templates,
    plan_version: plan?.plan_version ?? null,
  };
}
