import { describe, expect, it } from 'vitest';
import { curveRows, exceedanceAt, fairDraft, fairInputs, factorValue, formatMoney, formatPercent, pointsAboveTolerance } from '../../web/src/pages/risks/fair.js';
import { contributionRows, portfolioResult, progressPercent } from '../../web/src/pages/risks/portfolio.js';
import { tolerancePoints } from '../../web/src/pages/risks/appetite.js';

const factor = (change: Record<string, string>) => ({ kind: 'number' as const, value: '', min: '', most_likely: '', max: '', low: '', high: '', ...change });

describe('FAIR inputs in the web app', () => {
  it('round-trips saved inputs through the form: number, range and 90 % interval', () => {
    const saved = { iterations: 20000, seed: 7, threat_event_frequency: { min: 1, most_likely: 3, max: 12 }, vulnerability: 0.3, primary_loss: { low: 10000, high: 500000 } };
    const answer = fairInputs(fairDraft(saved));
    expect(answer).toEqual({ inputs: saved });
  });

  it('refuses ranges the engine would refuse, saying which field and why', () => {
    expect(factorValue(factor({ kind: 'range', min: '5', most_likely: '3', max: '4' }))).toEqual({ error: 'min is above max' });
    expect(factorValue(factor({ kind: 'range', min: '1', most_likely: '9', max: '4' }))).toEqual({ error: 'most likely must lie between min and max' });
    expect(factorValue(factor({ kind: 'interval', low: '10', high: '5' }))).toEqual({ error: 'the interval needs 0 < low < high' });
    expect(factorValue(factor({ value: '-1' }))).toEqual({ error: 'must not be negative' });
    expect(factorValue(factor({ value: '1,000,000' }))).toEqual({ value: 1000000 });
    const draft = fairDraft(null);
    const answer = fairInputs(draft);
    expect('errors' in answer && Object.keys(answer.errors).sort()).toEqual(['primary_loss', 'threat_event_frequency', 'vulnerability']);
  });

  it('accepts capability and resistance instead of vulnerability', () => {
    const draft = fairDraft({ threat_event_frequency: 2, threat_capability: { min: 20, most_likely: 50, max: 80 }, resistance_strength: 60, primary_loss: 1000 });
    expect(fairInputs(draft)).toEqual({ inputs: { iterations: 10000, threat_event_frequency: 2, threat_capability: { min: 20, most_likely: 50, max: 80 }, resistance_strength: 60, primary_loss: 1000 } });
  });

  it('reads the exceedance off the curve and finds where it lies above the tolerance', () => {
    const lec = [
      { loss: 1000, probability: 0.9 },
      { loss: 100000, probability: 0.4 },
      { loss: 1000000, probability: 0.05 },
    ];
    expect(exceedanceAt(lec, 50000)).toBe(0.4);
    expect(exceedanceAt(lec, 2000000)).toBe(0);
    const tolerance = [
      { loss: 100000, probability: 0.5 },
      { loss: 1000000, probability: 0.01 },
    ];
    expect(pointsAboveTolerance(lec, tolerance)).toEqual([{ loss: 1000000, probability: 0.01 }]);
    expect(pointsAboveTolerance([], tolerance)).toEqual([]);
  });

  it('merges curve and tolerance for a log axis: sorted, no zero losses, percent', () => {
    const rows = curveRows([{ loss: 0, probability: 1 }, { loss: 5000, probability: 0.25 }], [{ loss: 1000, probability: 0.5 }, { loss: 5000, probability: 0.1 }]);
    expect(rows).toEqual([
      { loss: 1000, tolerance: 50 },
      { loss: 5000, exceedance: 25, tolerance: 10 },
    ]);
  });

  it('formats money compactly and probabilities as percent', () => {
    expect(formatMoney(1234567, 'EUR')).toBe('€1.2M');
    expect(formatMoney(null)).toBe('—');
    expect(formatMoney(500, 'XXQ')).toMatch(/500/);
    expect(formatPercent(0.256)).toBe('26 %');
    expect(formatPercent(0.042)).toBe('4.2 %');
  });
});

describe('portfolio results and the tolerance editor', () => {
  const totals = { mean: 10, p10: 1, p50: 5, p90: 20, p95: 30, p99: 50, probability_of_loss: 0.5, lec: [], iterations: 100, seed: 1 };
  it('reads totals and contributions, biggest share first', () => {
    const sim = { id: 's', risk_id: null, kind: 'portfolio', status: 'finished', progress: 1, iterations: 100, seed: 1, error: null, created_at: '', created_by: '', finished_at: '', result: { total: totals, risks: [{ risk_id: 'a', number: 'RISK-0001', share_of_mean: 0.2, share_of_tail: 0.1 }, { risk_id: 'b', number: 'RISK-0002', share_of_mean: 0.8 }] } };
    const result = portfolioResult(sim as never);
    expect(result?.totals.mean).toBe(10);
    expect(result?.contributions.map((c) => c.risk_id)).toEqual(['b', 'a']);
    expect(contributionRows(result!.contributions)).toEqual([
      { risk: 'RISK-0002', title: '', share_of_mean: 80, share_of_p95: 0 },
      { risk: 'RISK-0001', title: '', share_of_mean: 20, share_of_p95: 10 },
    ]);
    expect(portfolioResult(undefined)).toBeNull();
    expect(progressPercent(0.42)).toBe(42);
    expect(progressPercent(42)).toBe(42);
    expect(progressPercent(null)).toBe(0);
  });

  it('parses tolerance points typed in percent, sorted by loss, naming the bad point', () => {
    expect(tolerancePoints([{ loss: '1 000 000', probability: '5' }, { loss: '100000', probability: '50 %' }])).toEqual({ points: [{ loss: 100000, probability: 0.5 }, { loss: 1000000, probability: 0.05 }] });
    expect(tolerancePoints([{ loss: '100', probability: '10' }, { loss: '0', probability: '10' }])).toEqual({ error: 'Point 2: the loss must be a positive amount' });
    expect(tolerancePoints([{ loss: '100', probability: '120' }])).toEqual({ error: 'Point 1: the probability must be between 0 and 100 %' });
  });
});
