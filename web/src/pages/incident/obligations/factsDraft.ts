import { fromLocalInput, toLocalInput } from '../../../format/time';
import type { IncidentFacts } from './types';

/** The facts form as typed: times in the viewer's zone, numbers and lists as text. */
export interface FactsDraft {
  aware_at: string;
  discovered_at: string;
  personal_data: boolean;
  jurisdictions: string[];
  affected_people: string;
  affected_records: string;
  by_state: string;
  data_categories: string[];
  subject_categories: string[];
  nature: string;
  likely_consequences: string;
  measures_taken: string;
  measures_proposed: string;
}

export function draftOf(facts: IncidentFacts | null): FactsDraft {
  return {
    aware_at: toLocalInput(facts?.aware_at),
    discovered_at: toLocalInput(facts?.discovered_at),
    personal_data: facts?.personal_data ?? false,
    jurisdictions: facts?.data_subject_jurisdictions ?? [],
    affected_people: facts?.affected_people?.toString() ?? '',
    affected_records: facts?.affected_records?.toString() ?? '',
    by_state: Object.entries(facts?.affected_by_state ?? {}).map(([state, n]) => `${state}=${n}`).join(', '),
    data_categories: facts?.data_categories ?? [],
    subject_categories: facts?.subject_categories ?? [],
    nature: facts?.nature ?? '',
    likely_consequences: facts?.likely_consequences ?? '',
    measures_taken: facts?.measures_taken ?? '',
    measures_proposed: facts?.measures_proposed ?? '',
  };
}

const number = (text: string) => (text.trim() === '' ? undefined : Number(text.replace(/[\s,]/g, '')));

/** "CA=600, NY=20" → {CA: 600, NY: 20}; the server checks the codes and counts. */
function byState(text: string): Record<string, number> | undefined {
  const pairs = text.split(/[,;\n]/).map((p) => p.trim()).filter(Boolean);
  if (pairs.length === 0) return undefined;
  return Object.fromEntries(pairs.map((p) => {
    const [state = '', count = ''] = p.split(/[=:]/).map((s) => s.trim());
    return [state.toUpperCase(), Number(count)];
  }));
}

/** The body of PUT /facts; an unparseable time is sent as typed so the server names the field. */
export function factsBody(draft: FactsDraft): Omit<IncidentFacts, 'incident_id' | 'version'> {
  const people = number(draft.affected_people);
  const records = number(draft.affected_records);
  const states = byState(draft.by_state);
  const discovered = fromLocalInput(draft.discovered_at);
  return {
    aware_at: fromLocalInput(draft.aware_at) ?? draft.aware_at,
    ...(discovered ? { discovered_at: discovered } : {}),
    personal_data: draft.personal_data,
    ...(draft.jurisdictions.length ? { data_subject_jurisdictions: draft.jurisdictions.map((j) => j.toUpperCase()) } : {}),
    ...(people !== undefined ? { affected_people: people } : {}),
    ...(records !== undefined ? { affected_records: records } : {}),
    ...(states ? { affected_by_state: states } : {}),
    data_categories: draft.data_categories,
    subject_categories: draft.subject_categories,
    nature: draft.nature,
    likely_consequences: draft.likely_consequences,
    measures_taken: draft.measures_taken,
    measures_proposed: draft.measures_proposed,
  };
}
