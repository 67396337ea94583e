import { createHash } from 'node:crypto';
import type { FieldProblem } from './errors.js';
import { canonicalJson } from './hash-chain.js';
import type { PlanContent } from './plan.js';
import { unknownTemplateVariables } from './plan-templates.js';

/**
 * Rules a response plan must keep beyond its shape: the references inside it hold (deputies and the
 * escalation matrix name contacts of the team), each severity is defined once, templates use only
 * known variables, and cadences are real intervals.
 */
export function planContentProblems(content: PlanContent): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const contactIds = new Set<string>();
  content.team.forEach((contact, i) => {
    if (contactIds.has(contact.id)) problems.push({ path: `content.team.${i}.id`, message: `the contact id "${contact.id}" is used twice` });
    contactIds.add(contact.id);
  });
  content.team.forEach((contact, i) => {
    contact.deputies.forEach((deputy, j) => {
      const path = `content.team.${i}.deputies.${j}`;
      if (deputy === contact.id) problems.push({ path, message: `${contact.name} cannot be their own deputy` });
      else if (!contactIds.has(deputy)) problems.push({ path, message: `"${deputy}" is not a contact of the team` });
    });
  });

  const seen = new Set<number>();
  content.severity_definitions.forEach((definition, i) => {
    if (seen.has(definition.severity)) problems.push({ path: `content.severity_definitions.${i}.severity`, message: `severity ${definition.severity} is defined twice` });
    seen.add(definition.severity);
  });

  uniqueIds(content.escalation_rules, 'content.escalation_rules', 'escalation rule', problems);
  content.escalation_rules.forEach((rule, i) => {
    if (rule.severities.length === 0) problems.push({ path: `content.escalation_rules.${i}.severities`, message: 'name at least one severity' });
    if (rule.contact_ids.length === 0) problems.push({ path: `content.escalation_rules.${i}.contact_ids`, message: 'name at least one contact to call' });
    rule.contact_ids.forEach((id, j) => {
      if (!contactIds.has(id)) problems.push({ path: `content.escalation_rules.${i}.contact_ids.${j}`, message: `"${id}" is not a contact of the team` });
    });
    if (!(rule.respond_within_minutes > 0)) problems.push({ path: `content.escalation_rules.${i}.respond_within_minutes`, message: 'must be more than 0 minutes' });
  });

  uniqueIds(content.templates, 'content.templates', 'template', problems);
  content.templates.forEach((template, i) => {
    for (const field of ['subject', 'body'] as const) {
      const unknown = unknownTemplateVariables(template[field]);
      if (unknown.length) {
        problems.push({ path: `content.templates.${i}.${field}`, message: `unknown template variable${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `{{${n}}}`).join(', ')}` });
      }
    }
  });

  uniqueIds(content.third_parties, 'content.third_parties', 'third party', problems);
  uniqueIds(content.playbooks, 'content.playbooks', 'playbook', problems);

  const cadences = new Set<number>();
  content.status_update_cadence.forEach((cadence, i) => {
    if (!(cadence.every_minutes > 0)) problems.push({ path: `content.status_update_cadence.${i}.every_minutes`, message: 'must be more than 0 minutes' });
    if (cadences.has(cadence.severity)) problems.push({ path: `content.status_update_cadence.${i}.severity`, message: `severity ${cadence.severity} has two cadences` });
    cadences.add(cadence.severity);
  });
  return problems;
}

function uniqueIds(items: ReadonlyArray<{ id: string }>, path: string, what: string, problems: FieldProblem[]): void {
  const ids = new Set<string>();
  items.forEach((item, i) => {
    if (ids.has(item.id)) problems.push({ path: `${path}.${i}.id`, message: `the ${what} id "${item.id}" is used twice` });
    ids.add(item.id);
  });
}

/** The sections of a plan as the version history names them. */
export const PLAN_SECTIONS = {
  title: 'Title',
  scope: 'Scope',
  meeting_place: 'Meeting place',
  out_of_band_channel: 'Out-of-band channel',
  team: 'Team and contacts',
  severity_definitions: 'Severity definitions',
  escalation_rules: 'Escalation matrix',
  templates: 'Communication templates',
  third_parties: 'Third parties',
  playbooks: 'Playbooks',
  status_update_cadence: 'Status-update cadence',
} as const satisfies Record<keyof PlanContent, string>;
export type PlanSection = keyof typeof PLAN_SECTIONS;

/** Which sections differ between two versions (null before: everything is new), in the plan's order. */
export function changedPlanSections(before: PlanContent | null, after: PlanContent): PlanSection[] {
  return (Object.keys(PLAN_SECTIONS) as PlanSection[]).filter((section) => !before || canonicalJson(before[section]) !== canonicalJson(after[section]));
}

/** SHA-256 of the plan's content as canonical JSON: the same plan has the same hash in every format and export. */
export function planContentSha256(content: PlanContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** Whether the review date has passed (a plan without one is never overdue). */
export function reviewOverdue(reviewDueAt: string | null, now: string): boolean {
  return reviewDueAt !== null && Date.parse(reviewDueAt) <= Date.parse(now);
}
