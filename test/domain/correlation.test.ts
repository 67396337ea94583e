import { describe, expect, it } from 'vitest';
import { planGroups, type EarlierHolder } from '../../src/domain/correlation.js';

const earlier = (entries: Record<string, EarlierHolder[]>) => new Map(Object.entries(entries));

describe('correlation plan', () => {
  it('groups incoming alerts that share a key, and leaves loners alone', () => {
    const plans = planGroups([['ip:1'], ['ip:1', 'domain:x'], ['domain:x'], ['ip:9'], []], earlier({}));
    expect(plans).toEqual([{ groupId: null, incoming: [0, 1, 2], earlier: [], keys: ['domain:x', 'ip:1'] }]);
  });

  it('brings an earlier, ungrouped alert into a new group with the newcomer', () => {
    const plans = planGroups([['ip:1']], earlier({ 'ip:1': [{ alertId: 'alr_a', groupId: null }] }));
    expect(plans).toEqual([{ groupId: null, incoming: [0], earlier: ['alr_a'], keys: ['ip:1'] }]);
  });

  it('joins an existing group, the oldest when the newcomer bridges several, without moving grouped alerts', () => {
    const plans = planGroups([['ip:1', 'ip:2']], earlier({
      'ip:1': [{ alertId: 'alr_a', groupId: 'alg_b' }],
      'ip:2': [{ alertId: 'alr_c', groupId: 'alg_a' }, { alertId: 'alr_d', groupId: null }],
    }));
    expect(plans).toEqual([{ groupId: 'alg_a', incoming: [0], earlier: ['alr_d'], keys: ['ip:1', 'ip:2'] }]);
  });

  it('ignores earlier holders of keys no newcomer has', () => {
    expect(planGroups([['ip:1']], earlier({ 'ip:2': [{ alertId: 'alr_a', groupId: null }] }))).toEqual([]);
  });
});
