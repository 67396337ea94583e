import { BulwarkError } from '../../domain/errors.js';
import { listIncidentEvidenceWithFiles } from '../../store/repositories/evidence-integrity.js';
import type { ServiceContext } from '../context.js';
import { loadIncidentForChange, loadVisibleIncident } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction } from '../transaction.js';
import { checkStoredEvidence, type VerificationResult } from './verify-evidence.js';

/**
 * Verifies every item of the incident that has a stored file (destroyed ones excepted), one after the
 * other, each recorded in its own transaction so a long run holds no locks between files. Failures go on
 * the timeline one by one (with their alerts); the run as a whole gets one timeline entry.
 */
export async function verifyIncidentEvidence(ctx: ServiceContext, incidentId: string): Promise<{ items: VerificationResult[]; mismatches: number }> {
  authorize(ctx.actor, 'evidence.read');
  const incident = await loadVisibleIncident(ctx.database.db, ctx.actor, incidentId);
  const items: VerificationResult[] = [];
  for (const item of await listIncidentEvidenceWithFiles(ctx.database.db, incident.id)) {
    try {
      items.push(await checkStoredEvidence(ctx, item, 'incident'));
    } catch (error) {
      // Destroyed since the list was read: nothing left to check.
      if (!(error instanceof BulwarkError && error.kind === 'gone')) throw error;
    }
  }
  const mismatches = items.filter((r) => r.status !== 'match').length;
  if (items.length > 0) {
    await runInTransaction(ctx, async (uow) => {
      const locked = await loadIncidentForChange(uow, incident.id);
      const body = mismatches === 0 ? `All ${items.length} evidence item${items.length === 1 ? '' : 's'} with a stored file verified: every file matches its recorded SHA-256` : `Evidence verified: ${mismatches} of ${items.length} item${items.length === 1 ? '' : 's'} failed the integrity check`;
      await recordTimelineEntry(uow, locked, { kind: 'evidence_verified', body, details: { checked: items.length, mismatches, results: items.map((r) => ({ evidence_id: r.evidence_id, status: r.status })) } });
    });
  }
  return { items, mismatches };
}
