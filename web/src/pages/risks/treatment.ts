import type { Treatment } from './types.js';

/** The treatment section of the risk form: which fields each treatment asks for, and their checks. */
export interface TreatmentDraft {
  treatment: Treatment | null;
  plan: string;
  reason: string;
  until: string; // yyyy-mm-dd
  party: string;
  reference: string;
  transferKind: 'insurance' | 'contract' | 'other';
  note: string;
}

export const emptyTreatment = (): TreatmentDraft => ({ treatment: null, plan: '', reason: '', until: '', party: '', reference: '', transferKind: 'insurance', note: '' });

const text = (v: unknown) => (typeof v === 'string' ? v : '');

export function treatmentDraft(treatment: Treatment | null, details: Record<string, unknown> | null | undefined): TreatmentDraft {
  const d = details ?? {};
  const kind = text(d.kind);
  return {
    ...emptyTreatment(),
    treatment,
    plan: text(d.plan),
    reason: text(d.reason),
    until: text(d.until).slice(0, 10),
    party: text(d.party),
    reference: text(d.reference),
    transferKind: kind === 'contract' || kind === 'other' ? kind : 'insurance',
    note: text(d.note),
  };
}

/** The (treatment, treatment_details) pair for the API, or field problems. */
export function treatmentValue(
  draft: TreatmentDraft,
  context: { userId: string; now: Date; previous?: Record<string, unknown> | null },
): { treatment: Treatment | null; treatment_details: Record<string, unknown> | null } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  switch (draft.treatment) {
    case null:
      return { treatment: null, treatment_details: null };
    case 'mitigate':
      return { treatment: 'mitigate', treatment_details: { plan: draft.plan.trim() } };
    case 'accept': {
      if (!draft.reason.trim()) errors.reason = 'Say why the risk is accepted';
      if (!draft.until) errors.until = 'An acceptance needs an end date; it comes back for review then';
      else if (new Date(`${draft.until}T23:59:59.999Z`).getTime() < context.now.getTime()) errors.until = 'The end date has passed';
      if (Object.keys(errors).length) return { errors };
      const previous = context.previous ?? {};
      return {
        treatment: 'accept',
        treatment_details: {
          accepted_by: text(previous.accepted_by) || context.userId,
          accepted_at: text(previous.accepted_at) || context.now.toISOString(),
          reason: draft.reason.trim(),
          until: new Date(`${draft.until}T23:59:59.999Z`).toISOString(),
        },
      };
    }
    case 'transfer':
      if (!draft.party.trim()) errors.party = 'Name the insurer or contract party';
      if (!draft.reference.trim()) errors.reference = 'Give the policy or contract reference';
      if (Object.keys(errors).length) return { errors };
      return { treatment: 'transfer', treatment_details: { party: draft.party.trim(), reference: draft.reference.trim(), kind: draft.transferKind } };
    case 'avoid':
      return { treatment: 'avoid', treatment_details: { note: draft.note.trim() } };
  }
}

export const TREATMENT_LABELS: Record<Treatment, string> = {
  mitigate: 'Mitigate',
  accept: 'Accept',
  transfer: 'Transfer',
  avoid: 'Avoid',
};
