import { BulwarkError, invalid } from './errors.js';
import type { Instant } from './time.js';
import type { Resolution, Severity, TimestampField } from './incident.js';

/** NIST SP 800-61 / SANS PICERL phases, in order. */
export const PHASES = ['detection', 'containment', 'eradication', 'recovery', 'post_incident', 'closed'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, string> = {
  detection: 'Detection & analysis',
  containment: 'Containment',
  eradication: 'Eradication',
  recovery: 'Recovery',
  post_incident: 'Post-incident',
  closed: 'Closed',
};

export const phaseIndex = (phase: Phase): number => PHASES.indexOf(phase);

/**
 * Entering a phase marks the end of the work before it: entering eradication means the incident is
 * contained, entering recovery that it is eradicated, and so on. Stamps are set once and kept when an
 * incident moves back (re-infection), so time-to-contain always measures the first containment.
 */
const STAMP_ON_ENTRY: Record<Phase, TimestampField[]> = {
  detection: [],
  containment: ['acknowledged_at'],
  eradication: ['acknowledged_at', 'contained_at'],
  recovery: ['acknowledged_at', 'contained_at', 'eradicated_at'],
  post_incident: ['acknowledged_at', 'contained_at', 'eradicated_at', 'recovered_at'],
  closed: ['acknowledged_at', 'contained_at', 'eradicated_at', 'recovered_at', 'closed_at'],
};

export interface ClosePolicy {
  /** Severities that need a completed post-incident review before the incident can be closed. */
  reviewRequiredForSeverities: Severity[];
}

export const DEFAULT_CLOSE_POLICY: ClosePolicy = { reviewRequiredForSeverities: [1, 2] };

export interface TransitionSubject {
  phase: Phase;
  severity: Severity;
  reviewCompletedAt: Instant | null;
  timestamps: Partial<Record<TimestampField, Instant | null>>;
}

export interface TransitionRequest {
  to: Phase;
  reason?: string | null;
  resolution?: Resolution | null;
  at: Instant;
}

export interface TransitionPlan {
  from: Phase;
  to: Phase;
  direction: 'forward' | 'back';
  skipped: Phase[];
  /** Timestamps to set; `closed_at: null` clears the close stamp when an incident is reopened. */
  stamps: Partial<Record<TimestampField, Instant | null>>;
  resolution: Resolution | null | undefined;
}

/** Decides whether a phase change is allowed and what it changes; throws a BulwarkError if not. */
export function planTransition(subject: TransitionSubject, request: TransitionRequest, policy: ClosePolicy = DEFAULT_CLOSE_POLICY): TransitionPlan {
  const from = subject.phase;
  const to = request.to;
  if (from === to) throw invalid(`The incident is already in ${PHASE_LABELS[to]}.`, [{ path: 'to', message: 'same as the current phase' }]);

  const distance = phaseIndex(to) - phaseIndex(from);
  const skipped = distance > 1 ? PHASES.slice(phaseIndex(from) + 1, phaseIndex(to)) : [];
  const reason = request.reason?.trim();
  if (skipped.length > 0 && !reason) {
    throw invalid(`Moving from ${PHASE_LABELS[from]} to ${PHASE_LABELS[to]} skips ${skipped.map((p) => PHASE_LABELS[p]).join(', ')}; say why in "reason".`, [
      { path: 'reason', message: 'required when a phase is skipped' },
    ]);
  }

  let resolution: Resolution | null | undefined;
  if (to === 'closed') {
    if (!request.resolution) {
      throw invalid('Closing an incident needs a resolution: true_positive, false_positive, benign or duplicate.', [
        { path: 'resolution', message: 'required when closing' },
      ]);
    }
    if (policy.reviewRequiredForSeverities.includes(subject.severity) && !subject.reviewCompletedAt) {
      throw new BulwarkError(
        'conflict',
        `A severity ${subject.severity} incident can only be closed after its post-incident review is completed.`,
        { extra: { requirement: 'review_completed' } },
      );
    }
    resolution = request.resolution;
  } else if (from === 'closed') {
    resolution = null;
  }

  const stamps: TransitionPlan['stamps'] = {};
  if (distance > 0) {
    for (const field of STAMP_ON_ENTRY[to]) {
      if (!subject.timestamps[field]) stamps[field] = request.at;
    }
  }
  if (from === 'closed') stamps.closed_at = null;

  return { from, to, direction: distance > 0 ? 'forward' : 'back', skipped, stamps, resolution };
}
