import { describe, expect, it } from 'vitest';
import { describeConditions, describeEffect } from '../../web/src/pages/alert-rules/ruleSummary.js';

describe('alert rule summary', () => {
  it('says which alerts a rule applies to and what it does, in words', () => {
    expect(describeConditions({ conditions: { source: ['a', 'b'], severity: [1, 2], title_contains: 'scan' } })).toBe('source a or b · severity critical, high · title contains “scan”');
    expect(describeConditions({ conditions: {} })).toBe('every alert');
    expect(describeEffect({ kind: 'fingerprint', fields: ['source', 'title'], window_seconds: 3600, until: null, incident_id: null })).toBe('same source, title within 1 h');
    expect(describeEffect({ kind: 'snooze', fields: [], window_seconds: null, until: '2030-01-01T10:00:00.000Z', incident_id: null })).toBe('until 2030-01-01 10:00 UTC');
    expect(describeEffect({ kind: 'snooze', fields: [], window_seconds: null, until: null, incident_id: null })).toBe('until disabled');
  });
});
