import { textGaps } from '../../domain/communication-workflow.js';
import type { Audience, Channel } from '../../domain/plan.js';
import type { ServiceContext } from '../context.js';
import { loadVisibleIncident } from '../incidents/load-incident.js';
import { planInForce } from '../plan/plan-in-force.js';
import { authorize } from '../policies/authorize.js';
import { composeText } from './compose-text.js';
import { templateValues } from './template-values.js';

export interface RenderedHoldingStatement {
  template_id: string;
  name: string;
  audience: Audience;
  channel: Channel;
  subject: string;
  body: string;
  gaps: string[];
}

/** The plan's holding statements filled in for this incident, ready to draft and approve; nothing is saved. Media first. */
export async function holdingStatements(ctx: ServiceContext, incidentId: string): Promise<{ plan_version: number | null; items: RenderedHoldingStatement[] }> {
  authorize(ctx.actor, 'incident.read');
  const db = ctx.database.db;
  const incident = await loadVisibleIncident(db, ctx.actor, incidentId);
  const plan = await planInForce(db, incident.organisation_id);
  if (!plan) return { plan_version: null, items: [] };
  const values = await templateValues(db, incident, plan.content, ctx.clock.now());
  const items = plan.content.templates
    .filter((t) => t.holding_statement)
    .sort((a, b) => Number(b.audience === 'media') - Number(a.audience === 'media'))
    .map((t) => {
      const text = composeText({ subject: t.subject, body: t.body }, values);
      return { template_id: t.id, name: t.name, audience: t.audience, channel: t.channel, ...text, gaps: textGaps(text.subject, text.body) };
    });
  return { plan_version: plan.plan_version, items };
}
