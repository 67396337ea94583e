import { fromLocalInput } from '../../format/time';
import type { ImpactRatings } from './suggestSeverity';

/** The create form as typed: strings for selects and inputs, converted to the API's body on submit. */
export interface IncidentDraft extends ImpactRatings {
  title: string;
  category: string;
  severity: string;
  tlp: string;
  tags: string[];
  occurred_at: string;
  detected_at: string;
  restricted: boolean;
  commander_id: string | null;
  summary: string;
}

export function emptyDraft(commanderId: string): IncidentDraft {
  return {
    title: '',
    category: '',
    severity: '3',
    functional_impact: '',
    information_impact: '',
    recoverability: '',
    tlp: 'amber',
    tags: [],
    occurred_at: '',
    detected_at: '',
    restricted: false,
    commander_id: commanderId,
    summary: '',
  };
}

/** The POST /api/v1/incidents body; empty optional fields are left out so the server's defaults apply. */
export function draftToBody(draft: IncidentDraft): Record<string, unknown> {
  const body: Record<string, unknown> = {
    title: draft.title.trim(),
    category: draft.category,
    severity: Number(draft.severity),
    tlp: draft.tlp,
    restricted: draft.restricted,
  };
  if (draft.summary.trim()) body.summary = draft.summary;
  if (draft.tags.length) body.tags = draft.tags;
  if (draft.functional_impact) body.functional_impact = draft.functional_impact;
  if (draft.information_impact) body.information_impact = draft.information_impact;
  if (draft.recoverability) body.recoverability = draft.recoverability;
  const occurred = fromLocalInput(draft.occurred_at);
  if (occurred) body.occurred_at = occurred;
  const detected = fromLocalInput(draft.detected_at);
  if (detected) body.detected_at = detected;
  if (draft.commander_id) body.commander_id = draft.commander_id;
  return body;
}

/** Problems the form can name before asking the server. */
export function draftProblems(draft: IncidentDraft): Partial<Record<keyof IncidentDraft, string>> {
  const problems: Partial<Record<keyof IncidentDraft, string>> = {};
  if (!draft.title.trim()) problems.title = 'Give the incident a short title, e.g. "Ransomware on finance file server"';
  if (!draft.category) problems.category = 'Pick the category that fits best; "Other" is fine';
  const occurred = fromLocalInput(draft.occurred_at);
  const detected = fromLocalInput(draft.detected_at) ?? new Date().toISOString();
  if (occurred && occurred > detected) problems.occurred_at = 'It cannot have happened after it was detected';
  return problems;
}
