import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_MATRIX } from '../../src/domain/risk-matrix.js';
import { levelColor, levelFor, levelName, reshapeTable, slug, textOn } from '../../web/src/pages/risks/matrix.js';
import { trendRows } from '../../web/src/pages/risks/dashboard.js';

describe('the risk matrix in the web app', () => {
  it('gives the level of a likelihood and impact as the table says (SP 800-30 Table I-2)', () => {
    expect(levelFor(DEFAULT_RISK_MATRIX, 'very_high', 'very_high')).toBe('very_high');
    expect(levelFor(DEFAULT_RISK_MATRIX, 'moderate', 'high')).toBe('moderate');
    expect(levelFor(DEFAULT_RISK_MATRIX, 'very_low', 'very_high')).toBe('low');
    expect(levelFor(DEFAULT_RISK_MATRIX, 'high', null)).toBeNull();
    expect(levelFor(DEFAULT_RISK_MATRIX, 'nope', 'low')).toBeNull();
  });

  it('names and colours levels, with readable text on each colour', () => {
    expect(levelName(DEFAULT_RISK_MATRIX, 'very_high')).toBe('Very high');
    expect(levelName(undefined, 'very_high')).toBe('very high');
    expect(levelColor(DEFAULT_RISK_MATRIX, 'very_high')).toBe('#e03131');
    expect(textOn('#ffffff')).toBe('#000');
    expect(textOn('#000000')).toBe('#fff');
    expect(textOn('#fab005')).toBe('#000'); // yellow takes dark text
    expect(textOn('not a colour')).toBe('#fff');
  });

  it('reshapes the table when levels change, keeping the cells it can', () => {
    const matrix = { ...DEFAULT_RISK_MATRIX, impact_levels: DEFAULT_RISK_MATRIX.impact_levels.slice(0, 3), levels: DEFAULT_RISK_MATRIX.levels.filter((l) => l.id !== 'very_high') };
    const table = reshapeTable(matrix);
    expect(table).toHaveLength(5);
    expect(table.every((row) => row.length === 3)).toBe(true);
    expect(table[4]).toEqual(['very_low', 'low', 'moderate']);
    expect(slug(' Very High! ')).toBe('very_high');
  });

  it('turns the dashboard trend into stacked rows per level, lowest first, with the loss total', () => {
    const rows = trendRows([{ date: '2026-10-01T00:00:00.000Z', by_level: { high: 2, low: 1 }, annual_loss_mean_total: 5000 }], DEFAULT_RISK_MATRIX);
    expect(rows).toEqual([{ month: '2026-10', annual_loss: 5000, very_low: 0, low: 1, moderate: 0, high: 2, very_high: 0 }]);
  });
});
