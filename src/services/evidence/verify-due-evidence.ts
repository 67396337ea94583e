import { BulwarkError } from '../../domain/errors.js';
import { HOUR_MS } from '../../domain/time.js';
import { listEvidenceDueForVerification } from '../../store/repositories/evidence-integrity.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { checkStoredEvidence, type VerificationResult } from './verify-evidence.js';

export const DEFAULT_EVIDENCE_VERIFY_HOURS = 24;
/** Items re-verified per run: a handful, so one run never reads the whole evidence store at once. */
export const EVIDENCE_VERIFY_BATCH = 5;

/**
 * The scheduled re-verification: active items with a stored file whose last check is older than
 * `everyHours` (never-checked first, then the longest unchecked), a few per run.
 */
export async function verifyDueEvidence(ctx: ServiceContext, options: { everyHours?: number; batch?: number } = {}): Promise<{ checked: number; failures: VerificationResult[] }> {
  authorize(ctx.actor, 'evidence.manage');
  const everyHours = options.everyHours ?? DEFAULT_EVIDENCE_VERIFY_HOURS;
  const before = new Date(Date.parse(ctx.clock.now()) - everyHours * HOUR_MS).toISOString();
  const due = await listEvidenceDueForVerification(ctx.database.db, ctx.actor.organisationId, before, options.batch ?? EVIDENCE_VERIFY_BATCH);
  const results: VerificationResult[] = [];
  for (const item of due) {
    try {
      results.push(await checkStoredEvidence(ctx, item, 'schedule'));
    } catch (error) {
      // Destroyed or changed since it was listed: nothing to check any more.
      if (!(error instanceof BulwarkError && (error.kind === 'gone' || error.kind === 'conflict' || error.kind === 'not_found'))) throw error;
    }
  }
  return { checked: results.length, failures: results.filter((r) => r.status !== 'match') };
}
