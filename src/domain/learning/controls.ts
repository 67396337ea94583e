import { DAY_MS, type Instant } from '../time.js';

/** What a control did in one incident. */
export const CONTROL_OUTCOMES = ['worked', 'detected', 'failed', 'bypassed', 'absent'] as const;
export type ControlOutcome = (typeof CONTROL_OUTCOMES)[number];

/** A control that let an incident through is tested again within this many days. */
export const RETEST_WITHIN_DAYS = 30;
/** A failed or bypassed control keeps this share of its effectiveness. */
export const FAILURE_EFFECTIVENESS_FACTOR = 0.5;

export interface ControlState {
  effectiveness: number | null;
  next_test_at: string | null;
  last_tested_at: string | null;
  evidence_notes: string;
}

export interface ControlLesson {
  kind: 'control_effectiveness' | 'control_evidence';
  after: Partial<ControlState>;
  /** Why, in words, step by step. */
  steps: Array<{ label: string; value: string }>;
}

/** The evidence line an outcome adds to the control's notes. */
export function evidenceLine(at: Instant, incidentNumber: string, outcome: ControlOutcome, note: string): string {
  return `${at.slice(0, 10)} ${incidentNumber}: ${outcome}${note.trim() ? ` — ${note.trim()}` : ''}`;
}

const appendLine = (notes: string, line: string) => (notes.trim() ? `${notes.replace(/\s+$/, '')}\n${line}` : line);

/**
 * The change an outcome proposes: failed or bypassed → effectiveness halved (rounded) and the next
 * test within 30 days; absent → effectiveness 0 noted (implement it; the status stays as the
 * owner set it) and the next test within 30 days; worked or detected → recorded as evidence, tested now.
 */
export function controlLesson(control: ControlState, outcome: ControlOutcome, now: Instant, evidence: string): ControlLesson {
  const notes = appendLine(control.evidence_notes, evidence);
  if (outcome === 'worked' || outcome === 'detected') {
    return {
      kind: 'control_evidence',
      after: { last_tested_at: now, evidence_notes: notes },
      steps: [
        { label: 'Outcome', value: outcome === 'worked' ? 'worked (prevented the harm)' : 'detected the incident' },
        { label: 'Evidence', value: evidence },
        { label: 'Last tested', value: `${control.last_tested_at ?? 'never'} → ${now}` },
      ],
    };
  }
  const deadline = new Date(Date.parse(now) + RETEST_WITHIN_DAYS * DAY_MS).toISOString();
  const nextTest = control.next_test_at !== null && control.next_test_at < deadline ? control.next_test_at : deadline;
  const effectiveness = outcome === 'absent' ? 0 : control.effectiveness === null ? null : Math.round(control.effectiveness * FAILURE_EFFECTIVENESS_FACTOR);
  const rule = outcome === 'absent' ? 'absent when needed: effectiveness 0 until it is implemented' : `${outcome}: effectiveness × ${FAILURE_EFFECTIVENESS_FACTOR}, rounded`;
  return {
    kind: 'control_effectiveness',
    after: { effectiveness, next_test_at: nextTest, evidence_notes: notes },
    steps: [
      { label: 'Outcome', value: outcome },
      { label: 'Rule', value: rule },
      { label: 'Effectiveness', value: `${control.effectiveness ?? 'not rated'} → ${effectiveness ?? 'not rated'}` },
      { label: 'Next test', value: `${control.next_test_at ?? 'none'} → ${nextTest} (within ${RETEST_WITHIN_DAYS} days)` },
    ],
  };
}
