import { describe, expect, it } from 'vitest';
import {
  askWhy,
  canAskWhy,
  chartUnit,
  deepestWhy,
  dropWhy,
  emptyReviewFields,
  exportHref,
  fieldsOf,
  formatAmount,
  metricPairs,
  missingFromProblem,
  missingRequired,
  newRootCause,
  ownerCandidates,
  parseAmount,
  reviewBody,
  sameReview,
  selectedTimeline,
  setWhy,
  toggleEntry,
  totalLoss,
  whyQuestion,
} from '../../web/src/pages/incident/review/reviewDraft.js';
import type { ActionItem, RootCause } from '../../web/src/pages/incident/review/types.js';

describe('the five-whys helper', () => {
  it('asks why up to five times, each question about the answer before, never past a blank answer', () => {
    let cause: RootCause = newRootCause();
    expect(cause.whys).toEqual(['']);
    expect(canAskWhy(cause)).toBe(false); // the first why is still blank
    expect(whyQuestion(cause, 0)).toBe('Why did it happen?');
    cause = setWhy(cause, 0, 'The attacker logged in with a stolen password.');
    expect(canAskWhy(cause)).toBe(true);
    cause = askWhy(cause);
    expect(whyQuestion(cause, 1)).toBe('Why: “The attacker logged in with a stolen password”?');
    for (const answer of ['The VPN accepts passwords alone', 'MFA was never rolled out to the VPN', 'Nobody owned the VPN', 'The network team left']) {
      cause = setWhy(cause, cause.whys.length - 1, answer);
      cause = askWhy(cause);
    }
    expect(cause.whys).toHaveLength(5);
    expect(canAskWhy(cause)).toBe(false);
    expect(askWhy(cause)).toBe(cause);
    expect(deepestWhy(cause)).toBe('The network team left');
    // Dropping an answer drops the ones that answered it.
    expect(dropWhy(cause, 2).whys).toEqual(['The attacker logged in with a stolen password.', 'The VPN accepts passwords alone']);
  });
});

describe('what a review save sends', () => {
  it('leaves out blank lines, blank whys, unnamed participants and empty causes, and keeps a cause’s risk', () => {
    const fields = {
      ...emptyReviewFields(),
      summary: 'Phishing led to a VPN login.',
      lessons: ['  MFA everywhere ', '', '   '],
      went_well: ['Fast containment', ''],
      root_causes: [
        { statement: ' No MFA on the VPN ', kind: 'root' as const, whys: ['Stolen password', '', 'Not rolled out'], risk_id: 'rsk_1' },
        { statement: '', kind: 'contributing' as const, whys: [''], risk_id: null },
      ],
      participants: [
        { user_id: 'usr_1', name: ' Ada ', role: 'facilitator' },
        { user_id: null, name: '  ', role: 'note taker' },
      ],
      timeline_entry_ids: ['tle_2', 'tle_1', 'tle_2'],
    };
    const body = reviewBody(fields);
    expect(body.lessons).toEqual(['MFA everywhere']);
    expect(body.went_well).toEqual(['Fast containment']);
    expect(body.root_causes).toEqual([{ statement: 'No MFA on the VPN', kind: 'root', whys: ['Stolen password', 'Not rolled out'], risk_id: 'rsk_1' }]);
    expect(body.participants).toEqual([{ user_id: 'usr_1', name: 'Ada', role: 'facilitator' }]);
    expect(body.timeline_entry_ids).toEqual(['tle_2', 'tle_1']);
    expect(sameReview(fields, { ...fields, lessons: ['MFA everywhere'] })).toBe(true);
    expect(sameReview(fields, { ...fields, lessons: ['MFA nowhere'] })).toBe(false);
  });

  it('reads a review answer into the form, filling what it left out', () => {
    const fields = fieldsOf({ summary: 'x', impact: { records_affected: 12, realised_loss: { response: 5000 } } as never, root_causes: [{ statement: 's', kind: 'root', whys: ['a'] }] });
    expect(fields.impact.records_affected).toBe(12);
    expect(fields.impact.people_affected).toBeNull();
    expect(fields.impact.realised_loss).toMatchObject({ response: 5000, reputation: null });
    expect(fields.root_causes[0]).toEqual({ statement: 's', kind: 'root', whys: ['a'], risk_id: null });
    expect(fields.meeting_at).toBeNull();
    expect(fieldsOf(null)).toEqual(emptyReviewFields());
  });
});

describe('impact amounts', () => {
  it('reads amounts as people type them and refuses what is not a number of 0 or more', () => {
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('  ')).toBeNull();
    expect(parseAmount('12 000')).toBe(12000);
    expect(parseAmount('12,000.50')).toBe(12000.5);
    expect(parseAmount('1,234,567')).toBe(1234567);
    expect(parseAmount('0')).toBe(0);
    expect(parseAmount('-5')).toBeUndefined();
    expect(parseAmount('abc')).toBeUndefined();
    expect(parseAmount('1.2.3')).toBeUndefined();
  });

  it('writes amounts exactly in the organisation’s currency', () => {
    expect(formatAmount(12500, 'EUR')).toBe('€12,500.00');
    expect(formatAmount(3.5, 'XYZ')).toMatch(/3\.5/);
  });

  it('totals the loss forms given, and says nothing when none is', () => {
    const loss = emptyReviewFields().impact.realised_loss;
    expect(totalLoss(loss)).toBeNull();
    expect(totalLoss({ ...loss, response: 1500, replacement: 0, reputation: 250 })).toBe(1750);
  });
});

describe('the review timeline', () => {
  const entries = [
    { id: 'tle_c', seq: 3, occurred_at: '2026-11-20T10:00:00.000Z' },
    { id: 'tle_a', seq: 1, occurred_at: '2026-11-20T08:00:00.000Z' },
    { id: 'tle_b', seq: 2, occurred_at: '2026-11-20T09:00:00.000Z' },
    { id: 'tle_d', seq: 4, occurred_at: '2026-11-20T08:00:00.000Z' },
  ];
  it('shows the ticked entries in the order they happened, ties in recording order', () => {
    expect(selectedTimeline(entries, ['tle_c', 'tle_d', 'tle_a']).map((e) => e.id)).toEqual(['tle_a', 'tle_d', 'tle_c']);
  });
  it('ticks and unticks, keeping time order and ids of entries not loaded', () => {
    let ids = toggleEntry(entries, [], 'tle_c');
    ids = toggleEntry(entries, ids, 'tle_a');
    expect(ids).toEqual(['tle_a', 'tle_c']);
    expect(toggleEntry(entries, ['tle_zz', ...ids], 'tle_a')).toEqual(['tle_c', 'tle_zz']);
  });
});

describe('completing a review', () => {
  const item = { id: 'act_1', status: 'open' } as ActionItem;
  it('names the required fields the draft lacks; root causes need a root cause, not only contributing factors', () => {
    const fields = { ...emptyReviewFields(), summary: 'done', root_causes: [{ statement: 'Slow patching', kind: 'contributing' as const, whys: [], risk_id: null }] };
    expect(missingRequired(fields, [], ['summary', 'root_causes', 'lessons', 'action_items', 'impact', 'meeting_at'])).toEqual(['root_causes', 'lessons', 'action_items', 'impact', 'meeting_at']);
    const full = {
      ...fields,
      root_causes: [...fields.root_causes, { statement: 'No MFA', kind: 'root' as const, whys: [], risk_id: null }],
      lessons: ['MFA'],
      impact: { ...fields.impact, downtime_minutes: 30 },
      meeting_at: '2026-11-22T09:00:00.000Z',
    };
    expect(missingRequired(full, [item], ['summary', 'root_causes', 'lessons', 'action_items', 'impact', 'meeting_at'])).toEqual([]);
  });
  it('reads the missing fields from a refusal, by its list or by its field errors', () => {
    expect(missingFromProblem({ missing_fields: ['summary', 'lessons'] })).toEqual(['summary', 'lessons']);
    expect(missingFromProblem({ errors: [{ path: 'body.lessons', message: 'required' }, { path: 'lessons', message: 'again' }] })).toEqual(['lessons']);
    expect(missingFromProblem(undefined)).toEqual([]);
  });
});

describe('the metrics beside the medians', () => {
  it('pairs each time with the organisation’s median, unknown as null', () => {
    const pairs = metricPairs({
      incident_id: 'inc_1',
      metrics: { time_to_detect_ms: 3_600_000, time_to_contain_ms: null },
      medians: { time_to_detect_ms: { median_ms: 7_200_000, incidents: 4 } },
      medians_since: '2025-11-23T00:00:00.000Z',
    });
    expect(pairs).toHaveLength(6);
    expect(pairs[0]).toEqual({ key: 'time_to_detect_ms', incident: 3_600_000, median: 7_200_000, incidents: 4 });
    expect(pairs.find((p) => p.key === 'time_to_contain_ms')).toMatchObject({ incident: null, median: null, incidents: 0 });
  });
  it('picks one unit so the largest bar reads above one', () => {
    expect(chartUnit(30 * 60_000).label).toBe('minutes');
    expect(chartUnit(5 * 3_600_000).label).toBe('hours');
    expect(chartUnit(3 * 86_400_000).label).toBe('days');
  });
});

describe('action item owners', () => {
  const users = [
    { id: 'u_admin', role: 'admin', disabled: false },
    { id: 'u_member', role: 'responder', disabled: false },
    { id: 'u_other', role: 'incident_manager', disabled: false },
    { id: 'u_gone', role: 'responder', disabled: true },
    { id: 'u_released', role: 'responder', disabled: false },
  ];
  const members = [
    { user_id: 'u_member', released_at: null },
    { user_id: 'u_released', released_at: '2026-11-01T00:00:00.000Z' },
  ];
  it('offers everyone active on an open incident, only members and administrators on a restricted one', () => {
    expect(ownerCandidates(users, { restricted: false, members }).map((u) => u.id)).toEqual(['u_admin', 'u_member', 'u_other', 'u_released']);
    expect(ownerCandidates(users, { restricted: true, members }).map((u) => u.id)).toEqual(['u_admin', 'u_member']);
  });
});

describe('exports', () => {
  it('links each format to the report endpoint', () => {
    expect(exportHref('inc_1', 'pdf')).toBe('/api/v1/incidents/inc_1/review/export?format=pdf');
  });
});
