import { notFound } from '../../domain/errors.js';
import { CONTROL_OUTCOMES, type ControlOutcome } from '../../domain/risk-suggestions.js';
import { readBool } from '../../store/dialect.js';
import { outcomesOfControl } from '../../store/repositories/control-outcomes.js';
import { findControl } from '../../store/repositories/controls.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { restrictedVisibilityFor } from '../policies/incident-visibility.js';

export interface ControlIncidentOutcome {
  id: string;
  outcome: ControlOutcome;
  note: string;
  recorded_at: string;
  incident: { id: string; number: string; title: string; category: string; severity: number; phase: string; detected_at: string };
}

export interface ControlOutcomes {
  control_id: string;
  /** Per outcome, across every incident (restricted ones included). */
  counts: Record<ControlOutcome, number>;
  items: ControlIncidentOutcome[];
  /** Outcomes counted above whose incidents the viewer may not see. */
  not_shown: number;
}

/** What a control did in incidents — where it worked, detected, failed, was bypassed or absent — newest first. */
export async function listControlOutcomes(ctx: ServiceContext, controlId: string): Promise<ControlOutcomes> {
  authorize(ctx.actor, 'risk.read');
  const db = ctx.database.db;
  const control = await findControl(db, ctx.actor.organisationId, controlId);
  if (!control) throw notFound(`Control ${controlId}`);
  const rows = await outcomesOfControl(db, control.id, restrictedVisibilityFor(ctx.actor));
  const counts = Object.fromEntries(CONTROL_OUTCOMES.map((o) => [o, 0])) as Record<ControlOutcome, number>;
  for (const row of rows) if (row.outcome in counts) counts[row.outcome as ControlOutcome] += 1;
  const items = rows
    .filter((row) => readBool(row.visible))
    .map((row) => ({
      id: row.id,
      outcome: row.outcome as ControlOutcome,
      note: row.note,
      recorded_at: row.recorded_at,
      incident: { id: row.incident_id, number: row.number, title: row.title, category: row.category, severity: Number(row.severity), phase: row.phase, detected_at: row.detected_at },
    }));
  return { control_id: control.id, counts, items, not_shown: rows.length - items.length };
}
