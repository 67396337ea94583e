import { describe, expect, it } from 'vitest';
import { changedPlanSections, planContentProblems, planContentSha256, reviewOverdue } from '../../src/domain/plan-rules.js';
import { emptyPlanContent, type PlanContent } from '../../src/domain/plan.js';
import { samplePlan } from '../api/plan/plan-fixture.js';

const paths = (content: PlanContent) => planContentProblems(content).map((p) => `${p.path}: ${p.message}`);

describe('planContentProblems', () => {
  it('accepts the empty plan and a complete one', () => {
    expect(paths(emptyPlanContent())).toEqual([]);
    expect(paths(samplePlan())).toEqual([]);
  });

  it('names duplicate contact ids, self-deputies and deputies who are not in the team', () => {
    const plan = samplePlan();
    plan.team.push({ ...plan.team[0]!, name: 'Carla Copy', deputies: ['carla', 'ciso'] });
    expect(paths(plan)).toEqual([
      'content.team.2.id: the contact id "ciso" is used twice',
      'content.team.2.deputies.0: "carla" is not a contact of the team',
      'content.team.2.deputies.1: Carla Copy cannot be their own deputy',
    ]);
  });

  it('checks every escalation rule: known contacts, at least one severity and contact, a positive response time, unique ids', () => {
    const plan = samplePlan({
      escalation_rules: [
        { id: 'a', severities: [1], categories: [], contact_ids: ['ciso', 'ceo'], respond_within_minutes: 15 },
        { id: 'a', severities: [], categories: ['malware'], contact_ids: [], respond_within_minutes: 0 },
      ],
    });
    expect(paths(plan)).toEqual([
      'content.escalation_rules.1.id: the escalation rule id "a" is used twice',
      'content.escalation_rules.0.contact_ids.1: "ceo" is not a contact of the team',
      'content.escalation_rules.1.severities: name at least one severity',
      'content.escalation_rules.1.contact_ids: name at least one contact to call',
      'content.escalation_rules.1.respond_within_minutes: must be more than 0 minutes',
    ]);
  });

  it('allows each severity to be defined at most once, and one cadence per severity greater than zero', () => {
    const plan = samplePlan({
      severity_definitions: [
        { severity: 2, name: 'High', description: '', examples: [] },
        { severity: 2, name: 'Also high', description: '', examples: [] },
      ],
      status_update_cadence: [
        { severity: 1, every_minutes: 60, audience: 'executives' },
        { severity: 1, every_minutes: -5, audience: 'staff' },
      ],
    });
    expect(paths(plan)).toEqual([
      'content.severity_definitions.1.severity: severity 2 is defined twice',
      'content.status_update_cadence.1.every_minutes: must be more than 0 minutes',
      'content.status_update_cadence.1.severity: severity 1 has two cadences',
    ]);
  });

  it('refuses template variables that do not exist, in the subject and the body, naming them', () => {
    const plan = samplePlan({
      templates: [{ id: 't', name: 'Customers', audience: 'customers', channel: 'email', holding_statement: false, subject: '{{incident.number}}: {{incident.name}}', body: 'Dear {{customer}}, {{ incident.summary }} {{customer}} {{today.date}}' }],
    });
    expect(paths(plan)).toEqual([
      'content.templates.0.subject: unknown template variable {{incident.name}}',
      'content.templates.0.body: unknown template variables {{customer}}, {{today.date}}',
    ]);
  });

  it('wants third-party and playbook ids unique', () => {
    const plan = samplePlan();
    plan.third_parties.push({ ...plan.third_parties[0]! });
    plan.playbooks.push({ ...plan.playbooks[0]! });
    expect(paths(plan)).toEqual(['content.third_parties.1.id: the third party id "insurer" is used twice', 'content.playbooks.1.id: the playbook id "ransomware" is used twice']);
  });
});

describe('changedPlanSections', () => {
  it('names every section of a first version, none of an identical one, and only those that differ otherwise', () => {
    const before = samplePlan();
    expect(changedPlanSections(null, before)).toHaveLength(11);
    expect(changedPlanSections(before, samplePlan())).toEqual([]);
    const after = samplePlan({ meeting_place: 'Elsewhere', third_parties: [] });
    after.team[1]!.mobile_phone = '+49 171 999 9999';
    expect(changedPlanSections(before, after)).toEqual(['meeting_place', 'team', 'third_parties']);
  });

  it('does not count the order of keys or fields left out as a change', () => {
    const before = samplePlan();
    const reordered = JSON.parse(JSON.stringify({ ...before, team: before.team.map((c) => Object.fromEntries(Object.entries(c).reverse())) })) as PlanContent;
    expect(changedPlanSections(before, reordered)).toEqual([]);
    const withUndefined = samplePlan();
    withUndefined.team[0]!.notes = undefined;
    expect(changedPlanSections(before, withUndefined)).toEqual([]);
  });
});

describe('planContentSha256 and reviewOverdue', () => {
  it('hashes the content canonically: same plan, same hash; any change, another', () => {
    expect(planContentSha256(samplePlan())).toMatch(/^[0-9a-f]{64}$/);
    expect(planContentSha256(samplePlan())).toBe(planContentSha256(JSON.parse(JSON.stringify(samplePlan())) as PlanContent));
    expect(planContentSha256(samplePlan({ scope: 'x' }))).not.toBe(planContentSha256(samplePlan()));
  });

  it('is overdue from the review date on, never without one', () => {
    expect(reviewOverdue(null, '2030-01-01T00:00:00.000Z')).toBe(false);
    expect(reviewOverdue('2030-01-01T00:00:00.000Z', '2029-12-31T23:59:59.999Z')).toBe(false);
    expect(reviewOverdue('2030-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z')).toBe(true);
  });
});
