import type { AlertFacts } from '../../domain/alert-rules.js';
import type { FieldProblem } from '../../domain/errors.js';
import type { Tlp } from '../../domain/incident.js';
import type { AlertSeverity, Pap } from '../../domain/ingestion.js';
import { normaliseObservable, type ObservableType, type NormalisedObservable } from '../../domain/observables.js';

/** One observable as a sender describes it; `normalised` is set when the sender (TheHive) already mapped it. */
export interface AlertObservableInput {
  type: string;
  value: string;
  ioc?: boolean | undefined;
  sighted?: boolean | undefined;
  tlp?: Tlp | undefined;
  tags?: string[] | undefined;
  note?: string | undefined;
  normalised?: NormalisedObservable | undefined;
}

/** One alert as the API hands it to ingestion (shape already checked at the edge). */
export interface AlertInput {
  source: string;
  source_ref: string;
  type: string;
  title: string;
  description?: string | undefined;
  severity: AlertSeverity;
  occurred_at?: string | null | undefined;
  tags?: string[] | undefined;
  tlp?: Tlp | undefined;
  pap?: Pap | undefined;
  observables?: AlertObservableInput[] | undefined;
  raw?: unknown;
}

export interface AlertObservable {
  type: ObservableType;
  value: string;
  ioc: boolean;
  sighted: boolean;
  tlp: Tlp;
  tags: string[];
  note: string;
}

/** An alert whose observables are valid and normalised, ready for the rules. */
export interface CheckedAlert extends AlertFacts {
  source_ref: string;
  occurred_at: string | null;
  severity: AlertSeverity;
  tags: string[];
  tlp: Tlp;
  pap: Pap;
  observables: AlertObservable[];
  raw: unknown;
}

/**
 * Normalises every observable of an alert; answers the problems, one per bad observable, when any is
 * invalid (the alert is then not stored at all). Duplicates after normalisation collapse into one.
 */
export function checkAlert(input: AlertInput, path: string): { ok: true; alert: CheckedAlert } | { ok: false; errors: FieldProblem[] } {
  const errors: FieldProblem[] = [];
  const tlp = input.tlp ?? 'amber';
  const observables = new Map<string, AlertObservable>();
  (input.observables ?? []).forEach((o, i) => {
    const result = o.normalised ?? normaliseObservable(o.type as ObservableType, o.value);
    if (!result.ok) {
      errors.push({ path: `${path}.observables.${i}.value`, message: `${o.type} "${String(o.value).slice(0, 80)}": ${result.reason}` });
      return;
    }
    const key = `${result.type}:${result.value}`;
    const prior = observables.get(key);
    observables.set(key, {
      type: result.type,
      value: result.value,
      ioc: Boolean(o.ioc) || Boolean(prior?.ioc),
      sighted: Boolean(o.sighted) || Boolean(prior?.sighted),
      tlp: o.tlp ?? prior?.tlp ?? tlp,
      tags: [...new Set([...(prior?.tags ?? []), ...(o.tags ?? [])])],
      note: prior?.note || o.note || '',
    });
  });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    alert: {
      source: input.source,
      source_ref: input.source_ref,
      type: input.type,
      title: input.title,
      description: input.description ?? '',
      severity: input.severity,
      occurred_at: input.occurred_at ?? null,
      tags: [...new Set(input.tags ?? [])],
      tlp,
      pap: input.pap ?? 'amber',
      observables: [...observables.values()],
      raw: input.raw ?? null,
    },
  };
}
