import { describe, expect, it } from 'vitest';
import { filterQuery, hasFilters, readFilters, writeFilters } from '../../web/src/pages/incidents/incidentFilters.js';

describe('incident list views in the URL', () => {
  it('read every filter and the sort back from a shared link', () => {
    const filters = readFilters(new URLSearchParams('q=lockbit&phase=containment,recovery&severity=1,2&category=ransomware&tag=finance&assignee=me&open=true&sort=severity&direction=asc'));
    expect(filters).toEqual({
      q: 'lockbit',
      phase: ['containment', 'recovery'],
      severity: [1, 2],
      category: 'ransomware',
      tag: 'finance',
      mine: true,
      open: 'open',
      sort: 'severity',
      direction: 'asc',
    });
    expect(readFilters(writeFilters(filters))).toEqual(filters);
  });

  it('leave defaults out of the link and ignore values the API would refuse', () => {
    const filters = readFilters(new URLSearchParams('phase=detection,bogus&severity=0,3,9&sort=title&direction=sideways&open=maybe'));
    expect(filters.phase).toEqual(['detection']);
    expect(filters.severity).toEqual([3]);
    expect(filters.sort).toBe('created_at');
    expect(filters.direction).toBe('desc');
    expect(filters.open).toBe('all');
    expect(writeFilters(filters).toString()).toBe('phase=detection&severity=3');
    expect(writeFilters(readFilters(new URLSearchParams())).toString()).toBe('');
    expect(hasFilters(readFilters(new URLSearchParams('sort=number')))).toBe(false);
  });

  it('become the API query, closed incidents included only when asked', () => {
    expect(filterQuery(readFilters(new URLSearchParams('open=false&assignee=me&q=%20vpn%20')))).toEqual({
      q: 'vpn',
      phase: undefined,
      severity: undefined,
      category: null,
      tag: null,
      assignee: 'me',
      open: false,
    });
    expect(filterQuery(readFilters(new URLSearchParams())).open).toBeUndefined();
  });
});
