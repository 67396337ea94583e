import { describe, expect, it } from 'vitest';
import { CSF_STARTER_CONTROLS } from '../../src/domain/csf-starter.js';

describe('the built-in NIST CSF 2.0 starter catalog', () => {
  it('holds the 6 Functions in Framework order, each followed by its Categories (22 in all)', () => {
    const functions = CSF_STARTER_CONTROLS.filter((c) => c.parent_ref === null);
    expect(functions.map((f) => `${f.ref} ${f.title}`)).toEqual(['GV Govern', 'ID Identify', 'PR Protect', 'DE Detect', 'RS Respond', 'RC Recover']);
    const categories = CSF_STARTER_CONTROLS.filter((c) => c.parent_ref !== null);
    expect(categories).toHaveLength(22);
    expect(categories.map((c) => c.ref)).toEqual([
      'GV.OC', 'GV.RM', 'GV.RR', 'GV.PO', 'GV.OV', 'GV.SC',
      'ID.AM', 'ID.RA', 'ID.IM',
      'PR.AA', 'PR.AT', 'PR.DS', 'PR.PS', 'PR.IR',
      'DE.CM', 'DE.AE',
      'RS.MA', 'RS.AN', 'RS.CO', 'RS.MI',
      'RC.RP', 'RC.CO',
    ]);
  });

  it('files each Category under its Function, with a name and a summary', () => {
    const functions = new Map(CSF_STARTER_CONTROLS.filter((c) => c.parent_ref === null).map((f) => [f.ref, f]));
    for (const c of CSF_STARTER_CONTROLS.filter((x) => x.parent_ref !== null)) {
      expect(c.ref.startsWith(`${c.parent_ref}.`), c.ref).toBe(true);
      expect(c.family).toBe(functions.get(c.parent_ref!)!.title);
      expect(c.title.length).toBeGreaterThan(3);
      expect(c.description.length).toBeGreaterThan(10);
    }
    expect(new Set(CSF_STARTER_CONTROLS.map((c) => c.ref)).size).toBe(28);
  });
});
