import { z } from 'zod';
import { DECISION_OUTCOME_KINDS } from '../../../domain/obligations/incident-facts.js';
import { instant } from '../../schemas.js';

export const recordDecisionBody = z.strictObject({
  kind: z.enum(DECISION_OUTCOME_KINDS),
  outcome: z.boolean().describe('true: yes (starts the clocks of its kind); false: no (stops them)'),
  // Optional in the shape so that a missing time gets the service's own explanation.
  decided_at: instant.optional().describe('When it was decided; required, not in the future'),
  facts: z.string().trim().min(1, 'say on what facts it was decided').max(10_000).describe('On what facts it was decided'),
});

export const decisionSchema = z.object({
  id: z.string(),
  incident_id: z.string(),
  kind: z.string(),
  outcome: z.boolean(),
  decided_at: z.string(),
  facts: z.string(),
  signed_by: z.object({ id: z.string(), name: z.string().nullable() }),
  signed_at: z.string(),
  signature: z.string().describe('SHA-256 (hex) over the canonical JSON of incident, kind, outcome, decided_at, facts, signer and signed_at'),
  signature_valid: z.boolean(),
  superseded_by: z.string().nullable(),
});

export const decisionListSchema = z.object({ items: z.array(decisionSchema) });
