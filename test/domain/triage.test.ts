import { describe, expect, it } from 'vitest';
import { TITLE_MAX } from '../../src/domain/incident.js';
import {
  ALERT_STATUSES,
  distinctIds,
  mergedAlertTags,
  promotedIncidentSeverity,
  promotedIncidentSummary,
  promotedIncidentTimes,
  promotedIncidentTitle,
  statusAfter,
  strictestTlp,
  triageRefusal,
  TRIAGE_ACTIONS,
} from '../../src/domain/triage.js';

describe('triage rules', () => {
  it('allows exactly the documented moves', () => {
    const allowed = TRIAGE_ACTIONS.flatMap((action) => ALERT_STATUSES.filter((s) => triageRefusal(action, s) === null).map((s) => `${action}:${s}→${statusAfter(action)}`));
    expect(allowed.sort()).toEqual(['dismiss:new→dismissed', 'merge:new→merged', 'promote:new→promoted', 'reopen:dismissed→new', 'unmerge:merged→new', 'unmerge:promoted→new'].sort());
  });

  it('says what to do instead when a move is refused', () => {
    expect(triageRefusal('merge', 'dismissed')).toContain('reopen it first');
    expect(triageRefusal('dismiss', 'merged')).toContain('unmerge it first');
    expect(triageRefusal('reopen', 'promoted')).toContain('unmerge it instead');
    expect(triageRefusal('unmerge', 'dismissed')).toContain('reopen it instead');
    expect(triageRefusal('unmerge', 'new')).toBe('it is not linked to an incident');
  });

  it('keeps ids in order without repeats', () => {
    expect(distinctIds(['b', 'a', 'b', 'c', 'a'])).toEqual(['b', 'a', 'c']);
  });
});

describe('an incident opened from alerts', () => {
  it('takes the first title, noting the others, within the title limit', () => {
    expect(promotedIncidentTitle(['Beacon', 'Other'])).toBe('Beacon (+1 related alerts)');
    expect(promotedIncidentTitle(['  '])).toBe('Alert');
    const long = promotedIncidentTitle(['x'.repeat(400), 'y', 'z']);
    expect(long.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(long.endsWith('… (+2 related alerts)')).toBe(true);
  });

  it('takes the most severe severity (1 is critical) and the strictest TLP', () => {
    expect(promotedIncidentSeverity([3, 2, 4])).toBe(2);
    expect(promotedIncidentSeverity([])).toBe(3);
    expect(strictestTlp(['green', 'amber+strict', 'clear'])).toBe('amber+strict');
    expect(strictestTlp(['red', 'amber'])).toBe('red');
    expect(strictestTlp([])).toBe('amber');
  });

  it('was detected at the first sighting and occurred at the earliest plausible occurrence', () => {
    const alerts = [
      { first_seen_at: '2026-11-23T09:00:00.000Z', occurred_at: '2026-11-23T08:30:00.000Z' },
      { first_seen_at: '2026-11-23T08:00:00.000Z', occurred_at: null },
    ];
    expect(promotedIncidentTimes(alerts)).toEqual({ detected_at: '2026-11-23T08:00:00.000Z', occurred_at: null });
    expect(promotedIncidentTimes([{ first_seen_at: '2026-11-23T09:00:00.000Z', occurred_at: '2026-11-23T07:00:00.000Z' }])).toEqual({ detected_at: '2026-11-23T09:00:00.000Z', occurred_at: '2026-11-23T07:00:00.000Z' });
  });

  it('merges the alerts’ tags and lists the alerts in its summary, escaping their text', () => {
    expect(mergedAlertTags([['C2', 'beacon'], ['c2 ', 'finance']])).toEqual(['beacon', 'c2', 'finance']);
    expect(mergedAlertTags([Array.from({ length: 80 }, (_, i) => `t${i}`)])).toHaveLength(50);
    const summary = promotedIncidentSummary([{ id: 'alr_1', title: 'Login *burst*', source: 'splunk', source_ref: 'a`b' }]);
    expect(summary).toContain('Opened from an alert');
    expect(summary).toContain('Login \\*burst\\*');
    expect(summary).toContain("`a'b`");
  });
});
