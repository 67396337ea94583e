/**
 * The life of one obligation: pending → drafted → submitted (with the regulator's reference), or not
 * required (with the reason). Past its deadline and not submitted it is late, whatever is stored;
 * submitting late asks for the reasons for the delay (GDPR Art. 33(1)).
 */
import { invalid, type FieldProblem } from '../errors.js';
import type { Instant } from '../time.js';
import type { ObligationStatus } from './incident-facts.js';

export const OPEN_STATUSES: readonly ObligationStatus[] = ['pending', 'drafted', 'late'];

export function shownStatus(stored: ObligationStatus, deadline: Instant | null, now: Instant): ObligationStatus {
  if (stored === 'submitted' || stored === 'not_required') return stored;
  return deadline !== null && deadline <= now ? 'late' : stored === 'late' ? 'pending' : stored;
}

export type ObligationChange =
  | { status: 'drafted' }
  | { status: 'submitted'; reference?: string; submitted_at?: Instant; delay_reason?: string }
  | { status: 'not_required'; reason?: string };

/** Refuses a change the life cycle does not allow, naming the missing field; `now` judges lateness. */
export function checkObligationChange(current: { status: ObligationStatus; deadline: Instant | null }, change: ObligationChange, now: Instant): void {
  const shown = shownStatus(current.status, current.deadline, now);
  const problems: FieldProblem[] = [];
  if (shown === 'submitted') throw invalid('This obligation was submitted; it is kept as it was.', [{ path: 'status', message: 'a submitted obligation does not change' }]);
  if (change.status === 'drafted' && shown === 'not_required') problems.push({ path: 'status', message: 'an obligation marked not required cannot be drafted' });
  if (change.status === 'not_required') {
    if (shown === 'not_required') problems.push({ path: 'status', message: 'already not required' });
    if (!change.reason?.trim()) problems.push({ path: 'reason', message: 'say why it is not required (e.g. "unlikely to result in a risk to individuals: data encrypted")' });
  }
  if (change.status === 'submitted') {
    if (shown === 'not_required') problems.push({ path: 'status', message: 'an obligation marked not required cannot be submitted' });
    if (!change.reference?.trim()) problems.push({ path: 'reference', message: "the recipient's reference (case number, receipt) is required" });
    if (!change.submitted_at) problems.push({ path: 'submitted_at', message: 'when it was submitted is required' });
    else if (change.submitted_at > now) problems.push({ path: 'submitted_at', message: 'is in the future' });
    const lateAt = change.submitted_at ?? now;
    if (current.deadline !== null && lateAt > current.deadline && !change.delay_reason?.trim()) {
      problems.push({ path: 'delay_reason', message: 'submitted after the deadline: give the reasons for the delay (GDPR Art. 33(1))' });
    }
  }
  if (problems.length) throw invalid(`This change is not allowed: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}.`, problems);
}
