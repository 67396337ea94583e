import { describe, expect, it } from 'vitest';
import { alertQuery, hasAlertFilters, readAlertFilters, writeAlertFilters } from '../../web/src/pages/alerts/alertFilters.js';

describe('the alert queue view in the URL', () => {
  it('defaults to new alerts with no parameter, and keeps "all" explicit', () => {
    expect(readAlertFilters(new URLSearchParams()).status).toEqual(['new']);
    expect(writeAlertFilters(readAlertFilters(new URLSearchParams())).toString()).toBe('');
    expect(hasAlertFilters(readAlertFilters(new URLSearchParams()))).toBe(false);
    const all = readAlertFilters(new URLSearchParams('status=all'));
    expect(all.status).toEqual([]);
    expect(writeAlertFilters(all).toString()).toBe('status=all');
    expect(alertQuery(all).status).toBeUndefined();
  });

  it('round-trips every filter and drops values the API would refuse', () => {
    const view = readAlertFilters(new URLSearchParams('status=dismissed,bogus&severity=1,9,2&source=wazuh&tag=vpn&group=alg_1&q=beacon'));
    expect(view).toEqual({ status: ['dismissed'], severity: [1, 2], source: 'wazuh', tag: 'vpn', group: 'alg_1', q: 'beacon' });
    expect(readAlertFilters(writeAlertFilters(view))).toEqual(view);
    expect(alertQuery(view)).toEqual({ status: ['dismissed'], severity: [1, 2], source: 'wazuh', tag: 'vpn', group: 'alg_1', q: 'beacon' });
    expect(hasAlertFilters(view)).toBe(true);
  });
});
