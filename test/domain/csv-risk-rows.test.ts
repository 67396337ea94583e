import { describe, expect, it } from 'vitest';
import { checkHeader, checkRiskRow, describeProblem, toInstantOrNull } from '../../src/domain/risk-csv.js';
import { DEFAULT_RISK_MATRIX } from '../../src/domain/risk-matrix.js';

const row = (cells: Record<string, unknown>) => checkRiskRow(5, new Map(Object.entries(cells)), DEFAULT_RISK_MATRIX);
const base = { title: 'Outage', category: 'outage', inherent_likelihood: 'low', inherent_impact: 'high' };

describe('risk register rows', () => {
  it('reads the header case-insensitively, ignores the computed columns and refuses unknown or repeated ones', () => {
    expect(checkHeader(['Number', ' title ', 'residual_level']).columns).toEqual(['number', 'title', null]);
    expect(checkHeader(['title', 'colour', 'TITLE']).problems.map(describeProblem)).toEqual([
      expect.stringMatching(/^row 1, column colour: "colour" is not a column of the risk register/),
      'row 1, column title: column 3 repeats "title"',
    ]);
  });

  it('turns cells into fields: lists split on semicolons, JSON details, dates as instants, empty cells clearing optional fields', () => {
    const { fields, problems } = row({ ...base, number: 'risk-0007', assets: 'A; B;;', techniques: 'T1486', treatment: 'accept', treatment_details: '{"until": "2027-06-30", "reason": "x"}', residual_likelihood: '', residual_impact: '', owner: '', next_review_at: '2027-01-31', review_cadence_days: '30', description: '  kept as written\n' });
    expect(problems).toEqual([]);
    expect(fields).toEqual({
      ...base,
      number: 'RISK-0007',
      assets: ['A', 'B'],
      techniques: ['T1486'],
      treatment: 'accept',
      treatment_details: { until: '2027-06-30T00:00:00.000Z', reason: 'x' },
      residual_likelihood: null,
      residual_impact: null,
      owner: null,
      next_review_at: '2027-01-31T00:00:00.000Z',
      review_cadence_days: 30,
      description: '  kept as written\n',
    });
  });

  it('says what is wrong and what is allowed, with the row and column', () => {
    const { problems } = row({ ...base, inherent_likelihood: 'medium', status: 'open', treatment_details: '[1]', residual_likelihood: 'low', residual_impact: '' });
    expect(problems.map(describeProblem)).toEqual([
      'row 5, column inherent_likelihood: "medium" is not a likelihood level (very_low, low, moderate, high, very_high)',
      'row 5, column status: "open" is not a status (identified, assessed, treating, accepted, closed)',
      'row 5, column treatment_details: a JSON object is expected, e.g. {"accepted_by": "owner@example.org", "reason": "…", "until": "2027-06-30"}',
      'row 5, column residual_likelihood: residual likelihood and impact are set together, or both left empty (derived from the controls)',
    ]);
    expect(row({ title: 'Only a title' }).problems.map((p) => p.column)).toEqual(['category', 'inherent_likelihood', 'inherent_impact']);
    expect(row({ number: 'RISK-0001', title: '' }).problems.map(describeProblem)).toEqual(['row 5, column title: is required']);
  });

  it('reads dates and instants, nothing else', () => {
    expect(toInstantOrNull('2027-01-31')).toBe('2027-01-31T00:00:00.000Z');
    expect(toInstantOrNull('2027-01-31T10:00:00+02:00')).toBe('2027-01-31T08:00:00.000Z');
    expect(toInstantOrNull('31/01/2027')).toBeNull();
    expect(toInstantOrNull('2027-02-31')).toBeNull();
  });
});
