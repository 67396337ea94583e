import { responseMetricMedians, responseMetrics, type MetricMedians, type ResponseMetrics } from '../../domain/metrics.js';
import { DAY_MS } from '../../domain/time.js';
import { listPhaseChanges } from '../../store/repositories/incidents.js';
import { incidentTimestampsSince } from '../../store/repositories/reviews.js';
import type { ServiceContext } from '../context.js';
import { loadVisibleIncident } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';

export interface PhaseSpell {
  phase: string;
  entered_at: string;
  /** Null while the incident is still in it. */
  left_at: string | null;
  duration_ms: number | null;
}

export interface IncidentMetrics {
  incident_id: string;
  metrics: ResponseMetrics;
  /** The organisation's medians over incidents detected in the twelve months before now. */
  medians: MetricMedians;
  medians_since: string;
  /** The phase history: how long the incident spent in each phase. */
  phases: PhaseSpell[];
}

/** Time to detect, acknowledge, contain, eradicate, recover and close, beside the organisation's medians. */
export async function getIncidentMetrics(ctx: ServiceContext, incidentId: string): Promise<IncidentMetrics> {
  authorize(ctx.actor, 'incident.read');
  const db = ctx.database.db;
  const incident = await loadVisibleIncident(db, ctx.actor, incidentId);
  const now = ctx.clock.now();
  const since = new Date(Date.parse(now) - 365 * DAY_MS).toISOString();
  const [others, changes] = await Promise.all([incidentTimestampsSince(db, ctx.actor.organisationId, since), listPhaseChanges(db, incident.id)]);
  const spells: PhaseSpell[] = [];
  let current = { phase: changes[0]?.from_phase ?? incident.phase, entered_at: incident.created_at };
  for (const change of changes) {
    spells.push({ ...current, left_at: change.at, duration_ms: Date.parse(change.at) - Date.parse(current.entered_at) });
    current = { phase: change.to_phase, entered_at: change.at };
  }
  spells.push({ ...current, left_at: null, duration_ms: null });
  return { incident_id: incident.id, metrics: responseMetrics(incident), medians: responseMetricMedians(others.map(responseMetrics)), medians_since: since, phases: spells };
}
