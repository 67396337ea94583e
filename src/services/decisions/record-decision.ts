import { invalid, type FieldProblem } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import type { DECISION_OUTCOME_KINDS } from '../../domain/obligations/incident-facts.js';
import { decisionSignature } from '../../domain/obligations/signature.js';
import { toInstant } from '../../domain/time.js';
import { insertDecision, supersedeDecisions } from '../../store/repositories/decisions.js';
import { findIncidentFacts } from '../../store/repositories/incident-facts.js';
import type { DecisionRow } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { storedFactsOf } from '../obligations/facts-record.js';
import { recomputeObligations } from '../obligations/recompute-obligations.js';
import { writeIncidentFacts } from '../obligations/save-incident-facts.js';
import { authorizeDecision } from '../policies/decision-authority.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction } from '../transaction.js';
import { toDecisionRecord, type DecisionRecordView } from './decision-record.js';

export type DecisionOutcomeKind = (typeof DECISION_OUTCOME_KINDS)[number];

export interface RecordDecisionInput {
  kind: DecisionOutcomeKind;
  outcome: boolean;
  /** Required: a decision without its time starts no clock and is refused. */
  decided_at?: string | undefined;
  /** On what facts it was decided, in the decider's words. */
  facts: string;
}

export const DECISION_LABELS: Record<DecisionOutcomeKind, string> = {
  personal_data_breach: 'Personal data breach',
  materiality_determined: 'Material (SEC Form 8-K Item 1.05)',
  classified_major: 'Major ICT-related incident (DORA)',
  significant_incident: 'Significant incident (NIS2)',
  high_risk_to_individuals: 'High risk to individuals (GDPR Art. 34)',
};

/**
 * Signs a decision record: who (the caller), when decided, on what facts, with a SHA-256 signature so
 * tampering shows. Never edited: a new decision of the same kind supersedes the old. "Personal data
 * breach" sets the facts' personal_data; a "yes" of another kind starts its clocks, a "no" stops them.
 */
export async function recordDecision(ctx: ServiceContext, incidentId: string, input: RecordDecisionInput): Promise<DecisionRecordView> {
  return runInTransaction(ctx, async (uow) => {
    const incident = await loadIncidentForChange(uow, incidentId);
    await authorizeDecision(uow.db, uow.actor, incident.id);
    if (!input.decided_at) throw invalid('A decision needs the time it was taken: clocks start from it.', [{ path: 'decided_at', message: `say when ${DECISION_LABELS[input.kind].toLowerCase()} was decided` }]);
    const decidedAt = toInstant(input.decided_at);
    const factsRow = await findIncidentFacts(uow.db, incident.id);
    const problems: FieldProblem[] = [];
    if (decidedAt > uow.now) problems.push({ path: 'decided_at', message: 'is in the future: a decision is recorded once it is taken' });
    if (!input.facts.trim()) problems.push({ path: 'facts', message: 'say on what facts it was decided' });
    if (factsRow) {
      const facts = storedFactsOf(factsRow);
      const firstKnown = [facts.discovered_at, facts.aware_at].filter((v): v is string => Boolean(v)).sort()[0]!;
      if (input.outcome && input.kind !== 'personal_data_breach' && decidedAt < firstKnown) problems.push({ path: 'decided_at', message: `is before the incident was ${facts.discovered_at ? 'discovered' : 'known (aware_at)'} (${firstKnown})` });
      if (input.outcome && input.kind === 'high_risk_to_individuals' && !facts.personal_data) problems.push({ path: 'kind', message: 'high risk to individuals needs personal data: record "personal data breach: yes" or correct the facts first' });
    }
    if (problems.length) throw invalid(`The decision cannot be recorded: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}.`, problems);

    const row: DecisionRow = { id: newId('decision'), organisation_id: incident.organisation_id, incident_id: incident.id, kind: input.kind, outcome: input.outcome, decided_at: decidedAt, facts: input.facts.trim(), signed_by: uow.actor.userId, signed_at: uow.now, signature: '', superseded_by: null };
    row.signature = decisionSignature({ incident_id: row.incident_id, kind: row.kind, outcome: input.outcome, decided_at: row.decided_at, facts: row.facts, signer_id: row.signed_by, signed_at: row.signed_at });
    const superseded = await supersedeDecisions(uow.db, incident.id, input.kind, row.id);
    await insertDecision(uow.db, row);
    await uow.audit('decision.record', { type: 'decision', id: row.id }, { incident_id: incident.id, kind: row.kind, outcome: input.outcome, decided_at: decidedAt, facts: row.facts, signature: row.signature, superseded });
    await recordTimelineEntry(uow, incident, {
      kind: 'decision_recorded',
      body: `Decision signed: ${DECISION_LABELS[input.kind]} — ${input.outcome ? 'yes' : 'no'}, decided at ${decidedAt}. On the facts: ${row.facts}${superseded.length ? ` (supersedes the earlier decision)` : ''}`,
      details: { decision_id: row.id, kind: row.kind, outcome: input.outcome, decided_at: decidedAt, signature: row.signature },
      occurred_at: decidedAt,
    });
    uow.emit({ type: 'decision.recorded', incident_id: incident.id, restricted: incident.restricted, entity_id: row.id });

    if (input.kind === 'personal_data_breach' && factsRow && storedFactsOf(factsRow).personal_data !== input.outcome) {
      await writeIncidentFacts(uow, incident, { ...storedFactsOf(factsRow), personal_data: input.outcome }, Number(factsRow.version), `decision ${row.id}`);
    } else {
      await recomputeObligations(uow, incident, `a decision was signed (${DECISION_LABELS[input.kind]}: ${input.outcome ? 'yes' : 'no'})`);
    }
    return toDecisionRecord({ ...row, signer_name: uow.actor.name ?? null });
  });
}
