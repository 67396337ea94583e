import { readBool } from '../../store/dialect.js';
import { incidentsOfRisk } from '../../store/repositories/incident-risks.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { restrictedVisibilityFor } from '../policies/incident-visibility.js';
import { loadRisk } from '../risks/load-risk.js';

export interface RiskIncident {
  incident: { id: string; number: string; title: string; category: string; severity: number; phase: string; occurred_at: string | null; detected_at: string; closed_at: string | null };
  /** When the risk materialised: when the incident occurred, or when it was detected if that is unknown. */
  materialised_at: string;
  note: string;
  linked_at: string;
}

export interface RiskIncidents {
  risk_id: string;
  /** Every incident counts, including restricted ones the viewer cannot open. */
  materialised: { last_12_months: number; ever: number };
  items: RiskIncident[];
  /** Incidents counted above that the viewer may not see (restricted ones they are not a member of). */
  not_shown: number;
}

/** Twelve calendar months before `now`. */
export function twelveMonthsBefore(now: string): string {
  const date = new Date(now);
  date.setUTCFullYear(date.getUTCFullYear() - 1);
  return date.toISOString();
}

/** How often a risk materialised (last 12 months and ever) and the incidents it materialised in that the viewer may see. */
export async function listRiskIncidents(ctx: ServiceContext, riskIdOrNumber: string): Promise<RiskIncidents> {
  authorize(ctx.actor, 'risk.read');
  const db = ctx.database.db;
  const risk = await loadRisk(db, ctx.actor.organisationId, riskIdOrNumber);
  const rows = await incidentsOfRisk(db, risk.id, restrictedVisibilityFor(ctx.actor));
  const since = twelveMonthsBefore(ctx.clock.now());
  const all = rows.map(({ visible, note, linked_at, ...incident }) => ({
    visible: readBool(visible),
    entry: { incident: { ...incident, severity: Number(incident.severity) }, materialised_at: incident.occurred_at ?? incident.detected_at, note, linked_at },
  }));
  const items = all.filter((r) => r.visible).map((r) => r.entry);
  return {
    risk_id: risk.id,
    materialised: { last_12_months: all.filter((r) => r.entry.materialised_at >= since).length, ever: all.length },
    items,
    not_shown: all.length - items.length,
  };
}
