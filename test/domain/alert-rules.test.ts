import { describe, expect, it } from 'vitest';
import { matchesConditions, ruleKey, ruleProblems, snoozeActive, windowStart, type AlertFacts } from '../../src/domain/alert-rules.js';

const alert = (overrides: Partial<AlertFacts> = {}): AlertFacts => ({
  source: 'splunk', type: 'edr', title: 'Mimikatz on DC01', description: '', severity: 1, tags: ['credential-access'],
  observables: [{ type: 'hostname', value: 'dc01' }, { type: 'ip', value: '10.0.0.5' }], ...overrides,
});

describe('rule conditions', () => {
  it('needs every condition given, and any value within one', () => {
    expect(matchesConditions({}, alert())).toBe(true);
    expect(matchesConditions({ source: ['wazuh', 'splunk'], severity: [1, 2] }, alert())).toBe(true);
    expect(matchesConditions({ source: ['splunk'], severity: [3] }, alert())).toBe(false);
    expect(matchesConditions({ tags: ['other', 'credential-access'] }, alert())).toBe(true);
    expect(matchesConditions({ title_contains: 'MIMIKATZ' }, alert())).toBe(true);
    expect(matchesConditions({ observable_types: ['md5'] }, alert())).toBe(false);
    expect(matchesConditions({ observable_types: ['ip'] }, alert())).toBe(true);
  });
});

describe('rule keys', () => {
  it('are equal for alerts with the same field values, whatever the order of observables and tags', () => {
    const fields = ['source', 'observable:ip', 'tags'];
    const a = ruleKey('arl_1', fields, alert({ tags: ['b', 'a'], observables: [{ type: 'ip', value: '1.1.1.1' }, { type: 'ip', value: '2.2.2.2' }] }));
    const b = ruleKey('arl_1', fields, alert({ tags: ['a', 'b', 'a'], observables: [{ type: 'ip', value: '2.2.2.2' }, { type: 'ip', value: '1.1.1.1' }] }));
    expect(a).toBe(b);
    expect(ruleKey('arl_2', fields, alert())).not.toBe(ruleKey('arl_1', fields, alert()));
    expect(ruleKey('arl_1', ['title'], alert({ title: 'other' }))).not.toBe(ruleKey('arl_1', ['title'], alert()));
  });

  it('are null when every field is empty, so unrelated alerts are never folded together', () => {
    expect(ruleKey('arl_1', ['observable:md5', 'description'], alert())).toBeNull();
  });
});

describe('rule shapes', () => {
  const base = { conditions: {}, fields: [] as string[], window_seconds: null, until: null, incident_id: null };
  it('ask each kind for what it needs', () => {
    expect(ruleProblems({ ...base, kind: 'fingerprint', fields: ['title'], window_seconds: 60 })).toEqual([]);
    expect(ruleProblems({ ...base, kind: 'fingerprint' }).map((p) => p.path)).toEqual(['fields', 'window_seconds']);
    expect(ruleProblems({ ...base, kind: 'correlate', fields: ['observable:'], window_seconds: 60 }).map((p) => p.path)).toEqual(['fields.0']);
    expect(ruleProblems({ ...base, kind: 'snooze' }).map((p) => p.path)).toEqual(['conditions']);
    expect(ruleProblems({ ...base, kind: 'snooze', conditions: { source: ['x'] }, until: '2030-01-01T00:00:00.000Z' })).toEqual([]);
    expect(ruleProblems({ ...base, kind: 'attach', conditions: { source: ['x'] } }).map((p) => p.path)).toEqual(['incident_id']);
    expect(ruleProblems({ ...base, kind: 'snooze', conditions: { source: ['x'] }, incident_id: 'inc_1' }).map((p) => p.path)).toEqual(['incident_id']);
    expect(ruleProblems({ ...base, kind: 'attach', conditions: { source: ['x'] }, incident_id: 'inc_1', until: '2030-01-01T00:00:00.000Z' }).map((p) => p.path)).toEqual(['until']);
  });
});

describe('windows', () => {
  it('start window_seconds before now, and snoozes end at their until', () => {
    expect(windowStart('2026-11-23T10:00:00.000Z', 3600)).toBe('2026-11-23T09:00:00.000Z');
    expect(snoozeActive(null, '2026-11-23T10:00:00.000Z')).toBe(true);
    expect(snoozeActive('2026-11-23T10:00:00.001Z', '2026-11-23T10:00:00.000Z')).toBe(true);
    expect(snoozeActive('2026-11-23T10:00:00.000Z', '2026-11-23T10:00:00.000Z')).toBe(false);
  });
});
