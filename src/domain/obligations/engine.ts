/**
 * The obligations engine: from incident facts and regimes (data, regimes.ts) to the notifications
 * owed, each with its deadline and the clock that gave it. Pure: no clock of its own, no I/O.
 */
import { addBusinessDays, addCalendarMonths, addElapsedHours, inZone, usFederalHolidays } from '../clocks.js';
import { invalid } from '../errors.js';
import { DAY_MS, toInstant, type Instant } from '../time.js';
import { factProblems } from './facts.js';
import { BUILT_IN_REGIMES } from './regimes.js';
import type { ClockDefinition, ClockRule, ClockStart, Condition, DecisionKind, Obligation, ObligationFacts, RegimeDefinition, StageDefinition } from './types.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Offset of `timeZone` at `instant` in milliseconds, read from its ISO rendering. */
function offsetMs(instant: Instant, timeZone: string): number {
  const match = /([+-])(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(inZone(instant, timeZone));
  if (!match) return 0; // inZone always writes an offset; UTC is +00:00
  const magnitude = (Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4] ?? 0)) * 1000;
  return match[1] === '-' ? -magnitude : magnitude;
}

/** The instant a local wall time (read as UTC milliseconds) falls on in `timeZone`. */
function fromWallTime(wallAsUtc: number, timeZone: string): Instant {
  let guess = wallAsUtc - offsetMs(new Date(wallAsUtc).toISOString(), timeZone);
  guess = wallAsUtc - offsetMs(new Date(guess).toISOString(), timeZone);
  return new Date(guess).toISOString();
}

/** The same local wall time `days` calendar days later (a day across a DST change is 23 or 25 h). */
function addCalendarDays(instant: Instant, days: number, timeZone: string): Instant {
  const wallAsUtc = Date.parse(instant) + offsetMs(instant, timeZone) + days * DAY_MS;
  return fromWallTime(wallAsUtc, timeZone);
}

function endOfMonth(instant: Instant, month: number, yearsAfter: number, timeZone: string): Instant {
  const year = Number(inZone(instant, timeZone).slice(0, 4)) + yearsAfter;
  return fromWallTime(Date.UTC(year, month, 1) - 1, timeZone); // day 0 of the next month, 23:59:59.999
}

export function applyRule(rule: ClockRule, start: Instant, timeZone: string): Instant {
  switch (rule.kind) {
    case 'elapsed_hours':
      return addElapsedHours(start, rule.hours);
    case 'calendar_days':
      return addCalendarDays(start, rule.days, timeZone);
    case 'calendar_months':
      return addCalendarMonths(start, rule.months, timeZone);
    case 'business_days':
      return addBusinessDays(start, rule.days, { timeZone, ...(rule.holidays === 'us_federal' ? { holidays: usFederalHolidays } : {}), ...(rule.end_of_day ? { endOfDay: rule.end_of_day } : {}) });
    case 'end_of_month':
      return endOfMonth(start, rule.month, rule.years_after, timeZone);
  }
}

export function describeRule(rule: ClockRule): string {
  switch (rule.kind) {
    case 'elapsed_hours':
      return `${rule.hours} h`;
    case 'calendar_days':
      return `${rule.days} calendar day${rule.days === 1 ? '' : 's'}`;
    case 'calendar_months':
      return `${rule.months} calendar month${rule.months === 1 ? '' : 's'}`;
    case 'business_days':
      return `${rule.days} business day${rule.days === 1 ? '' : 's'}${rule.holidays === 'us_federal' ? ' (US federal holidays excluded)' : ''} by ${rule.end_of_day ?? '23:59'} local`;
    case 'end_of_month':
      return `end of ${MONTHS[rule.month - 1] ?? `month ${rule.month}`} ${rule.years_after === 0 ? 'of the same year' : rule.years_after === 1 ? 'of the next year' : `${rule.years_after} years later`}`;
  }
}

const startName = (start: ClockStart): string =>
  start.from === 'decision' ? `decision:${start.kind}` : start.from === 'stage' ? `stage:${start.stage}` : start.from;

const describeClock = (clock: ClockDefinition): string =>
  clock.rule.kind === 'end_of_month' ? `${describeRule(clock.rule)}, counted from ${startName(clock.start)}` : `${describeRule(clock.rule)} after ${startName(clock.start)}`;

interface Known {
  facts: ObligationFacts;
  /** The first time each kind of decision was taken: a clock starts once. */
  decisions: Map<DecisionKind, Instant>;
}

export function conditionHolds(condition: Condition, { facts, decisions }: Known): boolean {
  const { organisation, incident } = facts;
  switch (condition.fact) {
    case 'organisation.eu_controller':
      return (organisation.eu_controller === true) === condition.is;
    case 'organisation.uk_controller':
      return (organisation.uk_controller === true) === condition.is;
    case 'organisation.dora_financial_entity':
      return (organisation.dora_financial_entity === true) === condition.is;
    case 'organisation.sec_registrant':
      return (organisation.sec_registrant === true) === condition.is;
    case 'incident.personal_data':
      return incident.personal_data === condition.is;
    case 'organisation.nis2':
      return organisation.nis2 !== undefined && condition.one_of.includes(organisation.nis2);
    case 'organisation.hipaa':
      return organisation.hipaa !== undefined && condition.one_of.includes(organisation.hipaa);
    case 'incident.data_subject_jurisdictions': {
      const given = incident.data_subject_jurisdictions ?? [];
      if (given.length === 0) return condition.if_unknown ?? false;
      const wanted = new Set(condition.includes_any.map((c) => c.toUpperCase()));
      return given.some((c) => wanted.has(c.toUpperCase()));
    }
    case 'incident.affected_people': {
      const n = incident.affected_people;
      if (n === undefined) return condition.if_unknown ?? false;
      return (condition.at_least === undefined || n >= condition.at_least) && (condition.below === undefined || n < condition.below);
    }
    case 'incident.affected_by_state':
      return (incident.affected_by_state?.[condition.state] ?? 0) >= condition.at_least;
    case 'decision':
      return decisions.has(condition.kind);
  }
}

function startOf(start: ClockStart, known: Known, stageDeadlines: Map<string, Instant>): { name: string; at: Instant } | null {
  const { incident } = known.facts;
  switch (start.from) {
    case 'aware_at':
      return { name: 'aware_at', at: toInstant(incident.aware_at) };
    case 'discovered_at':
      return incident.discovered_at ? { name: 'discovered_at', at: toInstant(incident.discovered_at) } : { name: 'aware_at', at: toInstant(incident.aware_at) };
    case 'decision': {
      const at = known.decisions.get(start.kind);
      return at ? { name: `decision:${start.kind}`, at } : null;
    }
    case 'stage': {
      const at = stageDeadlines.get(start.stage);
      return at ? { name: `stage:${start.stage}`, at } : null;
    }
  }
}

function firstDecisions(facts: ObligationFacts): Map<DecisionKind, Instant> {
  const first = new Map<DecisionKind, Instant>();
  for (const decision of facts.decisions) {
    if (!decision.at) continue;
    const at = toInstant(decision.at);
    const current = first.get(decision.kind);
    if (!current || at < current) first.set(decision.kind, at);
  }
  return first;
}

function stageObligations(regime: RegimeDefinition, stage: StageDefinition, zone: string, known: Known, stageDeadlines: Map<string, Instant>): Obligation[] {
  const computed = stage.clocks
    .map((clock) => {
      const start = startOf(clock.start, known, stageDeadlines);
      return start ? { clock, start, deadline: applyRule(clock.rule, start.at, zone) } : null;
    })
    .filter((c) => c !== null);
  if (computed.length === 0) return [];
  const binding = computed.reduce((best, c) => (c.deadline < best.deadline ? c : best));
  const rule = stage.clocks.length === 1 ? describeClock(stage.clocks[0]!) : `the earliest of ${stage.clocks.map(describeClock).join(' and ')}`;
  const organisationZone = known.facts.organisation.timezone;
  const base: Obligation = {
    regime: regime.id,
    regime_name: regime.name,
    stage: stage.id,
    recipient: stage.recipient,
    deadline: inZone(binding.deadline, zone),
    deadline_utc: binding.deadline,
    deadline_organisation: inZone(binding.deadline, organisationZone),
    time_zone: zone,
    deadline_kind: stage.without_undue_delay?.bound ?? 'legal',
    without_undue_delay: stage.without_undue_delay !== undefined,
    basis: stage.basis,
    clock: { start: binding.start.name, started_at: binding.start.at, rule },
  };
  if (!stage.per_state) {
    stageDeadlines.set(stage.id, binding.deadline);
    return [base];
  }
  const threshold = stage.per_state.at_least;
  return Object.entries(known.facts.incident.affected_by_state ?? {})
    .filter(([, residents]) => residents >= threshold)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([state]) => ({ ...base, state, recipient: stage.recipient.replaceAll('{state}', state) }));
}

/**
 * Every obligation the facts create under the regimes, soonest deadline first. Throws a validation
 * BulwarkError, one problem per field, when the facts contradict each other (facts.ts).
 */
export function deriveObligations(facts: ObligationFacts, regimes: readonly RegimeDefinition[] = BUILT_IN_REGIMES): Obligation[] {
  const problems = factProblems(facts);
  if (problems.length) throw invalid(`The incident facts contradict each other or are incomplete: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}.`, problems);
  const known: Known = { facts, decisions: firstDecisions(facts) };
  const obligations: Obligation[] = [];
  for (const regime of regimes) {
    if (!regime.applies_when.every((c) => conditionHolds(c, known))) continue;
    const regimeZone = regime.time_zone === 'organisation' ? facts.organisation.timezone : regime.time_zone;
    const stageDeadlines = new Map<string, Instant>();
    const decided = new Set<string>();
    for (const stage of regime.stages) {
      if (decided.has(stage.id) || !(stage.when ?? []).every((c) => conditionHolds(c, known))) continue;
      const found = stageObligations(regime, stage, stage.time_zone ?? regimeZone, known, stageDeadlines);
      if (found.length || stage.per_state) decided.add(stage.id);
      obligations.push(...found);
    }
  }
  // Array sort is stable: equal deadlines keep the regimes' and stages' order.
  return obligations.sort((a, b) => (a.deadline_utc < b.deadline_utc ? -1 : a.deadline_utc > b.deadline_utc ? 1 : 0));
}
