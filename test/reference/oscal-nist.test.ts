import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSF_STARTER_CONTROLS } from '../../src/domain/csf-starter.js';
import { readOscalCatalog } from '../../src/domain/oscal-catalog.js';
import { freshDatabase } from '../support/engines.js';
import { startTestApp } from '../support/test-app.js';

/** The OSCAL importer against NIST's published catalogs in ../shared/data/nist (see its PROVENANCE.md). */
const DATA = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'nist');
const FULL_800_53 = join(DATA, 'sp800-53-rev5-full-catalog-5.0.1', 'NIST_SP-800-53_rev5_catalog.json');
const BASELINES = join(DATA, 'sp800-53-rev5');
const CSF = join(DATA, 'csf-2.0', 'NIST_CSF_v2.0_catalog.json');
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { catalog: Record<string, any> };

interface RawControl { id: string; title: string; props?: Array<{ name: string; value: string }>; controls?: RawControl[] }
/** An independent walk of the raw JSON, to check the importer against. */
function rawControls(catalog: Record<string, any>): RawControl[] {
  const out: RawControl[] = [];
  const walk = (controls: RawControl[] = []) => controls.forEach((c) => (out.push(c), walk(c.controls)));
  const groups = (list: Array<Record<string, any>> = []) => list.forEach((g) => (walk(g.controls), groups(g.groups)));
  walk(catalog.controls);
  groups(catalog.groups);
  return out;
}
const withdrawn = (c: RawControl) => (c.props ?? []).some((p) => p.name === 'status' && p.value === 'withdrawn');
const label = (c: RawControl) => (c.props ?? []).find((p) => p.name === 'label')?.value;

describe('SP 800-53 Rev. 5 full catalog (5.0.1)', () => {
  const document = read(FULL_800_53);
  const catalog = readOscalCatalog(document);

  it('reads all 1,189 controls and enhancements of the 20 families, 182 of them withdrawn, under their labels', () => {
    expect(catalog).toMatchObject({ version: '5.0.1', oscal_version: '1.0.0', uuid: document.catalog.uuid });
    expect(catalog.title).toMatch(/^NIST Special Publication 800-53 Revision 5/);
    const raw = rawControls(document.catalog);
    expect(catalog.controls).toHaveLength(1189);
    expect(raw).toHaveLength(1189);
    expect(catalog.controls.filter((c) => c.withdrawn)).toHaveLength(182);
    expect(catalog.controls.map((c) => c.ref)).toEqual(raw.map((c) => label(c)));
    expect(new Set(catalog.controls.map((c) => c.family)).size).toBe(20);
  });

  it('files enhancements under their control, with the statement and its parameters written out', () => {
    const byRef = new Map(catalog.controls.map((c) => [c.ref, c]));
    expect(byRef.get('AC-2(1)')).toMatchObject({ id: 'ac-2.1', parent_ref: 'AC-2', family: 'Access Control', title: 'Automated System Account Management', class: 'SP800-53-enhancement' });
    expect(byRef.get('AC-2(1)')!.description).toBe('Support the management of system accounts using [Assignment: organization-defined automated mechanisms].');
    expect(byRef.get('AC-1')!.description.split('\n').slice(0, 3)).toEqual([
      'a. Develop, document, and disseminate to [Assignment: organization-defined personnel or roles]:',
      '  1. [Selection (one or more): Organization-level; Mission/business process-level; System-level] access control policy that:',
      '    (a) Addresses purpose, scope, roles, responsibilities, management commitment, coordination among organizational entities, and compliance; and',
    ]);
    expect(catalog.controls.filter((c) => !c.withdrawn && c.description === '')).toEqual([]);
    expect(catalog.controls.filter((c) => c.description.includes('{{'))).toEqual([]);
    for (const c of catalog.controls.filter((x) => x.parent_ref)) expect(byRef.has(c.parent_ref!), c.ref).toBe(true);
  });
});

describe('SP 800-53 Rev. 5.1.1 resolved baselines', () => {
  const full = new Set(readOscalCatalog(read(FULL_800_53)).controls.map((c) => c.id));
  it.each([
    ['LOW', 'NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json', 149],
    ['MODERATE', 'NIST_SP-800-53_rev5_MODERATE-baseline-resolved-profile_catalog.json', 287],
    ['HIGH', 'NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog-min.json', 370],
  ])('%s: every control and enhancement, each one of the full catalog', (level, file, count) => {
    const catalog = readOscalCatalog(read(join(BASELINES, file)));
    expect(catalog.title).toBe(`NIST Special Publication 800-53 Revision 5.1.1 ${level} IMPACT BASELINE`);
    expect(catalog.version).toBe('5.1.1+u4');
    expect(catalog.controls).toHaveLength(count);
    expect(catalog.controls.filter((c) => c.withdrawn)).toEqual([]);
    for (const c of catalog.controls) expect(full.has(c.id), c.id).toBe(true);
    expect(catalog.controls.filter((c) => c.description.includes('{{'))).toEqual([]);
    expect(catalog.controls.find((c) => c.ref === 'AC-2')!.description).toMatch(/^a\. Define and document the types of accounts allowed/);
  });
});

describe('NIST CSF 2.0 catalog', () => {
  const document = read(CSF);
  const catalog = readOscalCatalog(document);

  it('reads the 6 Functions as families, 22 active Categories and 106 active Subcategories; withdrawn CSF 1.1 entries are marked', () => {
    expect(catalog).toMatchObject({ title: 'Electronic Version of NIST Cybersecurity Framework 2.0', version: '1.2.0' });
    const active = catalog.controls.filter((c) => !c.withdrawn);
    expect(active.filter((c) => c.class === 'category')).toHaveLength(22);
    expect(active.filter((c) => c.class === 'subcategory')).toHaveLength(106);
    expect(catalog.controls.filter((c) => c.withdrawn && c.class === 'category')).toHaveLength(12);
    expect(catalog.controls.filter((c) => c.withdrawn && c.class === 'subcategory')).toHaveLength(79);
    expect(rawControls(document.catalog).filter(withdrawn)).toHaveLength(91);
    expect([...new Set(catalog.controls.map((c) => c.family))]).toEqual(['GOVERN', 'IDENTIFY', 'PROTECT', 'DETECT', 'RESPOND', 'RECOVER']);
    const oc01 = catalog.controls.find((c) => c.ref === 'GV.OC-01')!;
    expect(oc01).toMatchObject({ parent_ref: 'GV.OC', description: 'The organizational mission is understood and informs cybersecurity risk management' });
  });

  it('agrees with the built-in starter catalog: the same Category ids and names, under the same Functions', () => {
    const categories = catalog.controls.filter((c) => !c.withdrawn && c.class === 'category');
    const starter = CSF_STARTER_CONTROLS.filter((c) => c.parent_ref !== null);
    expect(new Map(starter.map((c) => [c.ref, c.title]))).toEqual(new Map(categories.map((c) => [c.ref, c.title])));
    for (const c of starter) expect(categories.find((x) => x.ref === c.ref)!.family).toBe(c.family.toUpperCase());
    const functions = (document.catalog.groups as Array<{ id: string; title: string }>).map((g) => [g.id, g.title]);
    expect(CSF_STARTER_CONTROLS.filter((c) => c.parent_ref === null).map((c) => [c.ref, c.title.toUpperCase()])).toEqual(functions);
  });
});

describe('NIST catalogs through the API (SQLite)', () => {
  it('imports SP 800-53 and CSF 2.0 over HTTP; importing again keeps every control as it was', async () => {
    const database = await freshDatabase('sqlite');
    const t = await startTestApp(database.handle);
    try {
      const sp = await t.call('POST', '/api/v1/control-catalogs/import', { body: readFileSync(FULL_800_53, 'utf8'), headers: { 'content-type': 'application/json' } });
      expect(sp.statusCode, sp.body).toBe(200);
      expect(sp.json()).toMatchObject({ created: 1007, withdrawn: 182, catalog: { control_count: 1007, catalog_version: '5.0.1' } });
      const csf = await t.call('POST', '/api/v1/control-catalogs/import', { body: readFileSync(CSF, 'utf8'), headers: { 'content-type': 'application/json' } });
      expect(csf.json()).toMatchObject({ created: 128, withdrawn: 91 });

      const again = await t.call('POST', '/api/v1/control-catalogs/import', { body: readFileSync(FULL_800_53, 'utf8'), headers: { 'content-type': 'application/json' } });
      expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 1007, catalog: { id: sp.json().catalog.id } });
      const found = await t.call('GET', '/api/v1/controls', { query: { catalog_id: sp.json().catalog.id, q: 'AC-2(' } });
      expect(found.json().items.map((c: { ref: string }) => c.ref).slice(0, 3)).toEqual(['AC-2(1)', 'AC-2(2)', 'AC-2(3)']);
    } finally {
      await t.close();
      await database.drop();
    }
  });
});
