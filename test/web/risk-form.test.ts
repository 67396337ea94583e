import { describe, expect, it } from 'vitest';
import { changedFields, createBody, draftProblems, emptyRiskDraft, historyValue } from '../../web/src/pages/risks/riskDraft.js';
import { emptyTreatment, treatmentDraft, treatmentValue } from '../../web/src/pages/risks/treatment.js';
import { importFormat, outcomeRows, outcomeSummary } from '../../web/src/pages/risks/importOutcome.js';

const now = new Date('2026-11-23T10:00:00.000Z');

describe('the risk form', () => {
  it('asks for title, category and inherent scores, and both residual scores or neither', () => {
    expect(Object.keys(draftProblems(emptyRiskDraft())).sort()).toEqual(['category', 'inherent_impact', 'inherent_likelihood', 'title']);
    const draft = { ...emptyRiskDraft(), title: 'Ransomware', category: 'cyber_attack', inherent_likelihood: 'high', inherent_impact: 'high', residual_likelihood: 'low', playbooks: [{ title: 'IR', url: 'ftp://x' }] };
    expect(Object.keys(draftProblems(draft)).sort()).toEqual(['playbooks.0', 'residual']);
  });

  it('creates with only the fields given, and edits with only what changed', () => {
    const draft = { ...emptyRiskDraft(), title: ' Ransomware ', category: 'cyber_attack', inherent_likelihood: 'high', inherent_impact: 'very_high', techniques: ['T1486'] };
    expect(createBody(draft)).toEqual({ title: 'Ransomware', category: 'cyber_attack', status: 'identified', inherent_likelihood: 'high', inherent_impact: 'very_high', review_cadence_days: 90, techniques: ['T1486'] });
    const after = { ...draft, title: 'Ransomware on ERP', asset_ids: ['ast_1'], residual_likelihood: 'low', residual_impact: 'high' };
    expect(changedFields(draft, after)).toEqual({ title: 'Ransomware on ERP', asset_ids: ['ast_1'], residual_likelihood: 'low', residual_impact: 'high' });
    expect(changedFields(draft, { ...draft, title: 'Ransomware' })).toEqual({});
  });

  it('shows history values in words', () => {
    expect(historyValue(null)).toBe('—');
    expect(historyValue(['T1486', 'T1059'])).toBe('T1486, T1059');
    expect(historyValue([{ title: 'IR plan', url: 'https://x' }])).toBe('IR plan');
    expect(historyValue(3)).toBe('3');
  });
});

describe('the treatment section', () => {
  it('needs a reason and an end date in the future to accept', () => {
    const accept = { ...emptyTreatment(), treatment: 'accept' as const };
    expect(treatmentValue(accept, { userId: 'usr_1', now })).toEqual({ errors: { reason: 'Say why the risk is accepted', until: 'An acceptance needs an end date; it comes back for review then' } });
    expect(treatmentValue({ ...accept, reason: 'cheap', until: '2026-01-01' }, { userId: 'usr_1', now })).toEqual({ errors: { until: 'The end date has passed' } });
    expect(treatmentValue({ ...accept, reason: ' Cost exceeds loss ', until: '2027-06-30' }, { userId: 'usr_1', now })).toEqual({
      treatment: 'accept',
      treatment_details: { accepted_by: 'usr_1', accepted_at: now.toISOString(), reason: 'Cost exceeds loss', until: '2027-06-30T23:59:59.999Z' },
    });
  });

  it('keeps who accepted and when across edits', () => {
    const previous = { accepted_by: 'usr_ciso', accepted_at: '2026-01-01T00:00:00.000Z', reason: 'x', until: '2027-01-01T23:59:59.999Z' };
    const draft = treatmentDraft('accept', previous);
    expect(draft.until).toBe('2027-01-01');
    const value = treatmentValue(draft, { userId: 'usr_2', now, previous });
    expect(value).toMatchObject({ treatment_details: { accepted_by: 'usr_ciso', accepted_at: '2026-01-01T00:00:00.000Z' } });
  });

  it('needs a party and a reference to transfer; mitigate, avoid and undecided need nothing', () => {
    const transfer = { ...emptyTreatment(), treatment: 'transfer' as const };
    expect(treatmentValue(transfer, { userId: 'u', now })).toEqual({ errors: { party: 'Name the insurer or contract party', reference: 'Give the policy or contract reference' } });
    expect(treatmentValue({ ...transfer, party: 'Lloyd’s', reference: 'POL-1', transferKind: 'insurance' }, { userId: 'u', now })).toEqual({ treatment: 'transfer', treatment_details: { party: 'Lloyd’s', reference: 'POL-1', kind: 'insurance' } });
    expect(treatmentValue({ ...emptyTreatment(), treatment: 'mitigate', plan: 'MFA' }, { userId: 'u', now })).toEqual({ treatment: 'mitigate', treatment_details: { plan: 'MFA' } });
    expect(treatmentValue(emptyTreatment(), { userId: 'u', now })).toEqual({ treatment: null, treatment_details: null });
  });
});

describe('the register import', () => {
  it('tells CSV from JSON by name, then by content', () => {
    expect(importFormat('register.csv', '[')).toBe('csv');
    expect(importFormat('register.JSON', 'title')).toBe('json');
    expect(importFormat('paste', '  [{"title": "x"}]')).toBe('json');
    expect(importFormat('paste', 'title,category')).toBe('csv');
  });

  it('summarises a dry run and lists its rows', () => {
    expect(outcomeSummary({ created: 3, updated: 2 }, true)).toBe('3 risks would be created and 2 updated.');
    expect(outcomeSummary({ created: [{ title: 'a' }], updated: [] }, false)).toBe('1 risk was created.');
    expect(outcomeSummary({ created: 0, updated: 4 }, false)).toBe('4 risks were updated.');
    expect(outcomeSummary({ created: 0, updated: 0 }, true)).toBe('Nothing would change.');
    expect(outcomeSummary({ created: [], updated: [], unchanged: [{}, {}], assets_created: ['ERP'] }, true)).toBe('Nothing would change. 2 unchanged. 1 asset would be created.');
    expect(outcomeRows({ created: [{ row: 2, title: 'a' }], updated: [{ row: 3, number: 'RISK-0001', title: 'b' }] })).toEqual([
      { row: 2, title: 'a', action: 'create' },
      { row: 3, number: 'RISK-0001', title: 'b', action: 'update' },
    ]);
  });
});
