import { describe, expect, it } from 'vitest';
import { changedFields, controlChanges, fromDateInput, toControlDraft, toDateInput } from '../../web/src/pages/controls/controlDraft.js';
import {
  buildControlTree,
  clampEffectiveness,
  controlQuery,
  formatEffectiveness,
  readControlFilters,
  testDue,
  visibleRows,
  writeControlFilters,
} from '../../web/src/pages/controls/controlTree.js';
import { coverageBars, coverageMatrix, mostReliedOn, risksForCoverage } from '../../web/src/pages/controls/coverage.js';
import { importedSentence, oscalFileProblem } from '../../web/src/pages/controls/oscalFile.js';

const control = (ref: string, family: string, parent_ref: string | null, position: number) => ({ id: `ctl_${ref}`, ref, family, parent_ref, position });

describe('the control tree', () => {
  it('nests CSF categories under their function, families in catalog order', () => {
    const groups = buildControlTree([
      control('ID', 'IDENTIFY', null, 3),
      control('GV.OC', 'GOVERN', 'GV', 1),
      control('GV', 'GOVERN', null, 0),
      control('ID.AM', 'IDENTIFY', 'ID', 4),
      control('GV.RM', 'GOVERN', 'GV', 2),
    ]);
    expect(groups.map((g) => [g.family, g.count])).toEqual([['GOVERN', 3], ['IDENTIFY', 2]]);
    expect(groups[0]!.roots.map((n) => n.control.ref)).toEqual(['GV']);
    expect(groups[0]!.roots[0]!.children.map((n) => n.control.ref)).toEqual(['GV.OC', 'GV.RM']);
    expect(visibleRows(groups[0]!.roots, new Set()).map((r) => [r.control.ref, r.depth, r.hasChildren])).toEqual([
      ['GV', 0, true],
      ['GV.OC', 1, false],
      ['GV.RM', 1, false],
    ]);
    expect(visibleRows(groups[0]!.roots, new Set(['ctl_GV'])).map((r) => r.control.ref)).toEqual(['GV']);
  });

  it('keeps a control whose parent is filtered out as a root, and survives a parent loop in imported data', () => {
    const orphan = buildControlTree([control('ac-2.1', 'Access Control', 'ac-2', 5), control('ac-3', 'Access Control', null, 6)]);
    expect(orphan[0]!.roots.map((n) => n.control.ref)).toEqual(['ac-2.1', 'ac-3']);
    const loop = buildControlTree([control('a', 'F', 'b', 0), control('b', 'F', 'a', 1)]);
    const rows = visibleRows(loop[0]!.roots, new Set());
    expect(rows.map((r) => r.control.ref).sort()).toEqual(['a', 'b']);
  });

  it('orders siblings of equal position by ref, numbers as numbers', () => {
    const groups = buildControlTree([control('ac-10', '', null, 0), control('ac-2', '', null, 0), control('ac-1', '', null, 0)]);
    expect(groups[0]!.roots.map((n) => n.control.ref)).toEqual(['ac-1', 'ac-2', 'ac-10']);
  });
});

describe('next tests', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');
  it('is overdue once the date passed, soon within 30 days, and nothing without a date', () => {
    expect(testDue('2026-11-22T12:00:00Z', now)).toBe('overdue');
    expect(testDue('2026-12-10T00:00:00Z', now)).toBe('soon');
    expect(testDue('2027-03-01T00:00:00Z', now)).toBe('scheduled');
    expect(testDue(null, now)).toBe('none');
    expect(testDue('not a date', now)).toBe('none');
  });
});

describe('control filters in the URL', () => {
  it('round-trips, leaving defaults out, and becomes the API query', () => {
    const params = new URLSearchParams('catalog=cat_1&status=implemented&q=%20backup%20&relied_on=true&overdue=true');
    const filters = readControlFilters(params);
    expect(filters).toEqual({ catalog: 'cat_1', status: 'implemented', family: null, q: ' backup ', reliedOn: true, overdue: true });
    expect(writeControlFilters(filters).toString()).toBe('catalog=cat_1&status=implemented&q=+backup+&relied_on=true&overdue=true');
    expect(controlQuery(filters)).toEqual({ catalog_id: 'cat_1', implementation_status: 'implemented', family: undefined, q: 'backup', relied_on: true });
    expect(writeControlFilters(readControlFilters(new URLSearchParams())).toString()).toBe('');
  });
});

describe('effectiveness', () => {
  it('is shown as a percentage and kept within 0–100', () => {
    expect(formatEffectiveness(70)).toBe('70 %');
    expect(formatEffectiveness(null)).toBe('not rated');
    expect(clampEffectiveness(140)).toBe(100);
    expect(clampEffectiveness(-5)).toBe(0);
    expect(clampEffectiveness('42.6')).toBe(43);
    expect(clampEffectiveness('')).toBeNull();
  });
});

describe('editing a control', () => {
  const base = {
    implementation_status: 'planned',
    owner_id: null,
    effectiveness: null,
    maturity: null,
    last_tested_at: null,
    next_test_at: '2027-01-15T10:00:00.000Z',
    evidence_notes: '',
  };

  it('sends only what changed, dates as the start of the chosen day in the viewer zone', () => {
    const draft = { ...toControlDraft(base), effectiveness: 70, maturity: 3, last_tested_at: '2026-11-01' };
    const changes = controlChanges(base, draft);
    expect(changes).toEqual({ effectiveness: 70, maturity: 3, last_tested_at: new Date('2026-11-01T00:00:00').toISOString() });
    expect(controlChanges(base, toControlDraft(base))).toEqual({});
    expect(controlChanges(base, { ...toControlDraft(base), next_test_at: '' })).toEqual({ next_test_at: null });
  });

  it('reads dates both ways and names the fields someone else changed', () => {
    expect(fromDateInput(toDateInput('2026-06-30T12:00:00.000Z'))).toBe(new Date(`${toDateInput('2026-06-30T12:00:00.000Z')}T00:00:00`).toISOString());
    expect(fromDateInput('30/06/2026')).toBeNull();
    expect(toDateInput(null)).toBe('');
    expect(changedFields(base, { ...base, effectiveness: 50, evidence_notes: 'pentest report' })).toEqual(['effectiveness', 'evidence_notes']);
  });
});

describe('coverage', () => {
  const controls = [
    { id: 'c1', ref: 'PR.AA', title: 'Identity', implementation_status: 'implemented', effectiveness: 60, risk_count: 2 },
    { id: 'c2', ref: 'DE.CM', title: 'Monitoring', implementation_status: 'planned', effectiveness: null, risk_count: 5 },
    { id: 'c3', ref: 'GV.OC', title: 'Context', implementation_status: 'planned', effectiveness: null, risk_count: 0 },
    { id: 'c4', ref: 'ID.AM', title: 'Assets', implementation_status: 'planned', effectiveness: null, risk_count: 2 },
  ];
  const risks = [
    { id: 'r1', number: 'RISK-0001', title: 'Ransomware', residual_level: 'high', controls: [{ id: 'c1', ref: 'PR.AA', title: '', effectiveness: 60 }] },
    { id: 'r2', number: 'RISK-0002', title: 'Fraud', residual_level: 'low', controls: [] },
    { id: 'r3', number: 'RISK-0003', title: 'Outage', residual_level: 'very_high', controls: [{ id: 'c2', ref: 'DE.CM', title: '', effectiveness: null }] },
    { id: 'r4', number: 'RISK-0004', title: 'Leak', residual_level: 'moderate', controls: [] },
  ];
  const levels = ['very_low', 'low', 'moderate', 'high', 'very_high'];

  it('lists controls relied on by most risks first, leaving out the ones nobody relies on', () => {
    expect(mostReliedOn(controls).map((c) => c.ref)).toEqual(['DE.CM', 'ID.AM', 'PR.AA']);
    expect(coverageBars(controls, 2)).toEqual([
      { control: 'DE.CM', title: 'Monitoring', risks: 5 },
      { control: 'ID.AM', title: 'Assets', risks: 2 },
    ]);
  });

  it('puts risks without a control first, then the highest residual level', () => {
    expect(risksForCoverage(risks, levels).map((r) => r.number)).toEqual(['RISK-0004', 'RISK-0002', 'RISK-0003', 'RISK-0001']);
    expect(coverageMatrix(risks.slice(0, 3), [{ id: 'c2' }, { id: 'c1' }])).toEqual([[false, true], [false, false], [true, false]]);
  });
});

describe('OSCAL upload', () => {
  it('refuses files that cannot be a catalog before sending them, and says what an import did', () => {
    expect(oscalFileProblem({ name: 'NIST_SP-800-53_rev5_catalog.json', size: 10 * 1024 * 1024 })).toBeNull();
    expect(oscalFileProblem({ name: 'catalog.xml', size: 10 })).toMatch(/^catalog\.xml is not a \.json file/);
    expect(oscalFileProblem({ name: 'a.json', size: 0 })).toBe('a.json is empty.');
    expect(oscalFileProblem({ name: 'huge.json', size: 80 * 1024 * 1024 })).toMatch(/^huge\.json is 80 MB/);
    const catalog = { id: 'cat_1', name: 'Tiny catalog', catalog_version: '1.0', control_count: 1200 };
    expect(importedSentence({ catalog, created: 1200, updated: 0, unchanged: 0, not_in_import: 0 })).toBe('Imported Tiny catalog (1.0): 1,200 controls.');
    expect(importedSentence({ catalog: { ...catalog, catalog_version: null, control_count: 1 }, created: 0, updated: 1, unchanged: 0, not_in_import: 2 })).toBe(
      'Imported Tiny catalog: 1 control; 0 new, 1 updated, 0 unchanged; 2 from the earlier import no longer listed, kept.',
    );
  });
});
