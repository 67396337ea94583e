/**
 * Facts that contradict each other cannot give trustworthy deadlines: they are refused with one
 * problem per field rather than guessed at. Paths are dotted from the facts' root
 * (`incident.affected_people`, `decisions.0.at`).
 */
import { isValidTimeZone } from '../clocks.js';
import type { FieldProblem } from '../errors.js';
import type { ObligationFacts } from './types.js';

const ms = (value: string | undefined): number | null => {
  if (value === undefined) return null;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : parsed;
};

export function factProblems(facts: ObligationFacts): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { organisation, incident, decisions } = facts;
  const add = (path: string, message: string) => problems.push({ path, message });

  if (!isValidTimeZone(organisation.timezone)) add('organisation.timezone', `not an IANA time zone: ${organisation.timezone} (e.g. Europe/Berlin)`);

  const aware = ms(incident.aware_at);
  const discovered = ms(incident.discovered_at);
  if (aware === null) add('incident.aware_at', 'an ISO 8601 date-time with offset is required');
  if (incident.discovered_at !== undefined && discovered === null) add('incident.discovered_at', 'not an ISO 8601 date-time with offset');
  if (aware !== null && discovered !== null && discovered > aware) {
    add('incident.discovered_at', 'is after aware_at: discovery (first knowledge of the event) comes before or with awareness (reasonable certainty that it is a reportable breach)');
  }

  if (!incident.personal_data) {
    const because = 'contradicts personal_data: false';
    if ((incident.affected_people ?? 0) > 0) add('incident.affected_people', `${because} — people are affected only when their personal data is involved`);
    if (incident.data_subject_jurisdictions?.length) add('incident.data_subject_jurisdictions', `${because} — there are no data subjects without personal data`);
    if (Object.values(incident.affected_by_state ?? {}).some((n) => n > 0)) add('incident.affected_by_state', `${because} — there are no affected residents without personal data`);
    decisions.forEach((d, i) => {
      if (d.kind === 'high_risk_to_individuals') add(`decisions.${i}.kind`, `high_risk_to_individuals ${because}`);
    });
  }

  if (incident.affected_by_state && incident.affected_people !== undefined) {
    const total = Object.values(incident.affected_by_state).reduce((sum, n) => sum + n, 0);
    if (total > incident.affected_people) add('incident.affected_by_state', `counts ${total} affected residents, more than affected_people (${incident.affected_people})`);
  }

  const firstKnown = discovered !== null && aware !== null ? Math.min(discovered, aware) : aware;
  decisions.forEach((d, i) => {
    const at = ms(d.at);
    if (d.at === undefined || d.at === '') add(`decisions.${i}.at`, `a decision starts a clock only with its time: say when ${d.kind} was decided`);
    else if (at === null) add(`decisions.${i}.at`, 'not an ISO 8601 date-time with offset');
    else if (firstKnown !== null && at < firstKnown) add(`decisions.${i}.at`, `${d.kind} is dated before the incident was ${discovered !== null ? 'discovered' : 'known (aware_at)'}`);
  });

  return problems;
}
