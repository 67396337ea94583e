import { describe, expect, it } from 'vitest';
import { hasRiskFilters, readRiskFilters, riskQuery, writeRiskFilters } from '../../web/src/pages/risks/riskFilters.js';

describe('risk register views in the URL', () => {
  it('read every filter, the heat-map cell and the sort back from a shared link', () => {
    const filters = readRiskFilters(new URLSearchParams('q=ransom&status=assessed&level=high&owner=usr_1&category=data_breach&over_appetite=true&review_due=true&likelihood=moderate&impact=very_high&basis=inherent&sort=next_review_at&direction=asc'));
    expect(filters).toEqual({
      q: 'ransom',
      status: 'assessed',
      level: 'high',
      owner: 'usr_1',
      category: 'data_breach',
      overAppetite: true,
      reviewDue: true,
      cell: { likelihood: 'moderate', impact: 'very_high' },
      basis: 'inherent',
      sort: 'next_review_at',
      direction: 'asc',
    });
    expect(readRiskFilters(writeRiskFilters(filters))).toEqual(filters);
  });

  it('leave defaults out and ignore what the API would refuse', () => {
    const filters = readRiskFilters(new URLSearchParams('status=bogus&sort=title&direction=up&likelihood=high&over_appetite=yes&level=<script>'));
    expect(filters.status).toBeNull();
    expect(filters.sort).toBe('residual_level');
    expect(filters.direction).toBe('desc');
    expect(filters.cell).toBeNull(); // a cell needs both likelihood and impact
    expect(filters.overAppetite).toBe(false);
    expect(filters.level).toBeNull();
    expect(writeRiskFilters(filters).toString()).toBe('');
    expect(hasRiskFilters(filters)).toBe(false);
    expect(hasRiskFilters(readRiskFilters(new URLSearchParams('basis=inherent&sort=number')))).toBe(false);
  });

  it('ask the API for the heat-map cell on the basis shown', () => {
    const query = riskQuery(readRiskFilters(new URLSearchParams('likelihood=low&impact=high&owner=usr_9')));
    expect(query).toMatchObject({ likelihood: 'low', impact: 'high', basis: 'residual', owner_id: 'usr_9', sort: 'residual_level', direction: 'desc' });
    const noCell = riskQuery(readRiskFilters(new URLSearchParams('basis=inherent')));
    expect(noCell.basis).toBeUndefined();
    expect(noCell.likelihood).toBeUndefined();
  });
});
