import { describe, expect, it } from 'vitest';
import { acknowledgementDueAt, callChain, contactsToCall, emailAddressesOf, isOverdue, newCallees, nextDeputy, overdueMinutes, type PriorCall } from '../../src/domain/escalation.js';
import type { Severity } from '../../src/domain/incident.js';
import type { EscalationRule, PlanContact } from '../../src/domain/plan.js';

const contact = (id: string, deputies: string[] = []): PlanContact => ({ id, name: id.toUpperCase(), title: '', deputies });
const team = [contact('ciso', ['dciso', 'cio']), contact('lead'), contact('legal'), contact('dciso', ['ciso']), contact('cio'), contact('comms')];
const rules: EscalationRule[] = [
  { id: 'high', severities: [1, 2], categories: [], contact_ids: ['ciso', 'lead'], respond_within_minutes: 30 },
  { id: 'critical', severities: [1], categories: [], contact_ids: ['legal', 'ciso'], respond_within_minutes: 15 },
  { id: 'ransom', severities: [1, 2, 3], categories: ['ransomware'], contact_ids: ['comms', 'lead'], respond_within_minutes: 60 },
  { id: 'stale', severities: [1, 2, 3, 4], categories: [], contact_ids: ['left-the-company'], respond_within_minutes: 5 },
];
const plan = { team, escalation_rules: rules };

describe('contactsToCall', () => {
  it.each<[string, Severity, string, Array<[string, string, number]>]>([
    ['severity 2, any category: the high rule', 2, 'phishing', [['ciso', 'high', 30], ['lead', 'high', 30]]],
    ['severity 1: both rules, each contact once, the shortest time wins', 1, 'phishing', [['ciso', 'critical', 15], ['lead', 'high', 30], ['legal', 'critical', 15]]],
    ['severity 3 ransomware: only the category rule', 3, 'ransomware', [['comms', 'ransom', 60], ['lead', 'ransom', 60]]],
    ['severity 2 ransomware: the shorter of two rules for lead', 2, 'ransomware', [['ciso', 'high', 30], ['lead', 'high', 30], ['comms', 'ransom', 60]]],
    ['severity 4: nobody (unknown contact ids are ignored)', 4, 'phishing', []],
  ])('%s', (_name, severity, category, expected) => {
    expect(contactsToCall(plan, severity, category).map((c) => [c.contact.id, c.rule_id, c.respond_within_minutes])).toEqual(expected);
  });
});

it('a stored plan missing its lists calls nobody instead of failing', () => {
  expect(contactsToCall({} as never, 1, 'phishing')).toEqual([]);
  expect(contactsToCall({ team, escalation_rules: [{ id: 'odd' } as never] }, 1, 'phishing')).toEqual([]);
});

describe('newCallees', () => {
  const ids = (severity: Severity, previous: Severity | null, prior: PriorCall[], category = 'phishing') => newCallees(plan, { severity, category, previous_severity: previous }, prior).map((c) => c.contact.id);
  it.each<[string, Severity, Severity | null, PriorCall[], string[]]>([
    ['opening calls everyone the matrix names', 1, null, [], ['ciso', 'lead', 'legal']],
    ['lowering calls nobody', 3, 1, [], []],
    ['an unchanged severity calls nobody', 2, 2, [], []],
    ['raising skips who was called at the same severity', 1, 2, [{ contact_id: 'legal', severity: 1 }], ['ciso', 'lead']],
    ['raising skips who was called at a graver severity', 2, 3, [{ contact_id: 'ciso', severity: 1 }, { contact_id: 'lead', severity: 1 }], []],
    ['raising calls again who was called only at a milder severity', 1, 2, [{ contact_id: 'ciso', severity: 2 }, { contact_id: 'lead', severity: 2 }], ['ciso', 'lead', 'legal']],
  ])('%s', (_name, severity, previous, prior, expected) => {
    expect(ids(severity, previous, prior)).toEqual(expected);
  });
});

describe('acknowledgement deadlines', () => {
  const call = { notified_at: '2026-11-23T03:00:00.000Z', respond_within_minutes: 15, acknowledged_at: null as string | null };
  it.each<[string, string, boolean, number]>([
    ['before the deadline', '2026-11-23T03:10:00.000Z', false, 0],
    ['exactly at the deadline', '2026-11-23T03:15:00.000Z', false, 0],
    ['a few seconds late counts as one minute', '2026-11-23T03:15:20.000Z', true, 1],
    ['twelve minutes late', '2026-11-23T03:27:30.000Z', true, 12],
  ])('%s', (_name, now, overdue, minutes) => {
    expect(isOverdue(call, now)).toBe(overdue);
    expect(overdueMinutes(call, now)).toBe(minutes);
  });
  it('an acknowledged call, or one without a time, is never overdue', () => {
    expect(isOverdue({ ...call, acknowledged_at: '2026-11-23T03:40:00.000Z' }, '2026-11-23T05:00:00.000Z')).toBe(false);
    expect(overdueMinutes({ ...call, respond_within_minutes: null }, '2026-11-23T05:00:00.000Z')).toBe(0);
    expect(acknowledgementDueAt(call)).toBe('2026-11-23T03:15:00.000Z');
    expect(acknowledgementDueAt({ ...call, respond_within_minutes: null })).toBeNull();
  });
});

describe('nextDeputy', () => {
  it.each<[string, string, string[], string | null]>([
    ['the first deputy', 'ciso', ['ciso'], 'dciso'],
    ['the next one when the first was already called', 'ciso', ['ciso', 'dciso'], 'cio'],
    ['nobody when all were called', 'ciso', ['ciso', 'dciso', 'cio'], null],
    ['nobody for a contact without deputies', 'lead', ['lead'], null],
    ['deputies of each other: the other, unless already called', 'dciso', ['dciso'], 'ciso'],
    ['deputies of each other, both called: nobody', 'dciso', ['dciso', 'ciso'], null],
    ['nobody for a contact the plan no longer lists', 'gone', [], null],
  ])('%s', (_name, contactId, called, expected) => {
    expect(nextDeputy(team, contactId, new Set(called))?.id ?? null).toBe(expected);
  });
});

describe('emailAddressesOf', () => {
  it.each<[string, Partial<PlanContact>, string[]]>([
    ['work then personal', { work_email: 'a@corp.example', personal_email: 'a@home.example' }, ['a@corp.example', 'a@home.example']],
    ['the same address once', { work_email: 'A@corp.example', personal_email: 'a@corp.example' }, ['A@corp.example']],
    ['only personal', { personal_email: ' a@home.example ' }, ['a@home.example']],
    ['none (to be phoned)', { work_email: '', personal_email: 'not an address' }, []],
    ['an address the outbox would refuse is left out', { work_email: 'cora ciso@corp.example', personal_email: '<x@y>' }, []],
  ])('%s', (_name, addresses, expected) => {
    expect(emailAddressesOf(addresses)).toEqual(expected);
  });
});

describe('callChain', () => {
  const calls = [
    { id: 'a', trigger: 'opened', rule_id: 'high' },
    { id: 'b', trigger: 'opened', rule_id: 'high' },
    { id: 'c', trigger: 'deputy', rule_id: 'a' },
    { id: 'd', trigger: 'deputy', rule_id: 'c' },
    { id: 'loop1', trigger: 'deputy', rule_id: 'loop2' },
    { id: 'loop2', trigger: 'deputy', rule_id: 'loop1' },
    { id: 'orphan', trigger: 'deputy', rule_id: 'missing' },
  ];
  const chainOf = (id: string) => callChain(calls, calls.find((c) => c.id === id)!).map((c) => c.id);
  it.each<[string, string, string[]]>([
    ['a call the matrix made is its own chain', 'a', ['a']],
    ['a deputy: the call it stands in for first', 'c', ['a', 'c']],
    ['a deputy for a deputy: back to the first call', 'd', ['a', 'c', 'd']],
    ['a chain whose start is gone stops where it can', 'orphan', ['orphan']],
    ['a loop in damaged data ends', 'loop1', ['loop2', 'loop1']],
  ])('%s', (_name, id, expected) => {
    expect(chainOf(id)).toEqual(expected);
  });
});
