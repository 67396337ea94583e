import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BulwarkError } from '../../src/domain/errors.js';
import { readOscalCatalog } from '../../src/domain/oscal-catalog.js';

const fixture = () => JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'oscal', 'mini-catalog.json'), 'utf8')) as { catalog: Record<string, any> };

function refusal(document: unknown): BulwarkError {
  try {
    readOscalCatalog(document);
  } catch (error) {
    if (error instanceof BulwarkError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('readOscalCatalog', () => {
  it('reads the metadata and every control in document order, enhancements under their parent, groups as families', () => {
    const catalog = readOscalCatalog(fixture());
    expect(catalog).toMatchObject({ uuid: '6f1c3b64-1a8e-4a4f-9d6e-2d1b7c0e9a11', title: 'Bulwark Test Catalog', version: '1.0', oscal_version: '1.1.2' });
    expect(catalog.controls.map((c) => [c.ref, c.parent_ref, c.family, c.position])).toEqual([
      ['AC-1', null, 'Access Control', 0],
      ['AC-2', null, 'Access Control', 1],
      ['AC-2(1)', 'AC-2', 'Access Control', 2],
      ['AC-2(2)', 'AC-2', 'Access Control', 3],
      ['GV.OC', null, 'Govern', 4],
      ['GV.OC-01', 'GV.OC', 'Govern', 5],
      ['nested-1', null, 'Nested Group', 6],
    ]);
  });

  it('uses a short label as the ref and keeps the OSCAL id, class and label; a sentence-like label falls back to the id', () => {
    const byId = new Map(readOscalCatalog(fixture()).controls.map((c) => [c.id, c]));
    expect(byId.get('ac-2.1')).toMatchObject({ ref: 'AC-2(1)', label: 'AC-2(1)', class: 'SP800-53-enhancement', title: 'Automated System Account Management', withdrawn: false });
    expect(byId.get('GV.OC')).toMatchObject({ ref: 'GV.OC', label: 'Organizational Context (GV.OC)', class: 'category' });
    expect(byId.get('nested-1')).toMatchObject({ ref: 'nested-1', label: null, class: null, description: '' });
    expect(byId.get('ac-2.2')!.withdrawn).toBe(true);
  });

  it('flattens the statement into the description: item labels, indentation, parameters written out; guidance and examples left out', () => {
    const byId = new Map(readOscalCatalog(fixture()).controls.map((c) => [c.id, c]));
    expect(byId.get('ac-1')!.description).toBe(
      [
        'a. Develop and disseminate to [Assignment: organization-defined personnel or roles]:',
        '  1. [Selection (one or more): Organization-level; System-level] access control policy; and',
        'b. Review the policy [Assignment: organization-defined frequency].',
      ].join('\n'),
    );
    expect(byId.get('GV.OC-01')!.description).toBe('The mission is understood');
  });

  it('reads controls placed directly in the catalog (no groups)', () => {
    const document = { catalog: { uuid: 'u-1', metadata: { title: 'Flat' }, controls: [{ id: 'x-1', title: 'One', controls: [{ id: 'x-1.1', title: 'One, more' }] }] } };
    const catalog = readOscalCatalog(document);
    expect(catalog.version).toBeNull();
    expect(catalog.controls.map((c) => [c.ref, c.parent_ref, c.family])).toEqual([['x-1', null, ''], ['x-1.1', 'x-1', '']]);
  });

  it('takes the label without a class when a control has several (SP 800-53 5.1 baselines)', () => {
    const props = [{ name: 'label', value: 'AC-02', class: 'zero-padded' }, { name: 'label', value: 'AC-2' }, { name: 'label', value: 'AC-02', class: 'sp800-53a' }];
    const document = { catalog: { uuid: 'u-2', metadata: { title: 'Labels' }, controls: [{ id: 'ac-2', title: 'Account Management', props }] } };
    expect(readOscalCatalog(document).controls[0]).toMatchObject({ ref: 'AC-2', label: 'AC-2' });
  });

  describe('refuses what is not an OSCAL catalog, saying why', () => {
    it.each([
      ['a JSON array', [], 'a JSON object', ''],
      ['a document without "catalog"', { title: 'x' }, 'no top-level "catalog"', 'catalog'],
      ['an OSCAL profile', { profile: { uuid: 'p', imports: [] } }, 'OSCAL profile', 'profile'],
      ['a catalog without a uuid', { catalog: { metadata: { title: 't' }, groups: [] } }, 'catalog.uuid', 'catalog.uuid'],
      ['a catalog without a title', { catalog: { uuid: 'u', metadata: {}, groups: [] } }, 'catalog.metadata.title', 'catalog.metadata.title'],
      ['a catalog without metadata', { catalog: { uuid: 'u', groups: [] } }, 'catalog.metadata.title', 'catalog.metadata.title'],
      ['a catalog without groups or controls', { catalog: { uuid: 'u', metadata: { title: 't' } } }, 'catalog.groups', 'catalog.groups'],
      ['a catalog with no controls at all', { catalog: { uuid: 'u', metadata: { title: 't' }, groups: [{ id: 'g', title: 'G' }] } }, 'no controls', 'catalog.groups'],
    ])('%s', (_label, document, reason, path) => {
      const error = refusal(document);
      expect(error.kind).toBe('validation');
      expect(error.message).toMatch(/^Not an OSCAL catalog: /);
      expect(error.message).toContain(reason);
      expect(error.errors.map((e) => e.path)).toContain(path);
    });

    it('names every malformed control by its path: no id, no title, a duplicate id', () => {
      const document = fixture();
      const controls = document.catalog.groups[0].controls;
      delete controls[0].id;
      controls[1].controls[0].title = '  ';
      document.catalog.groups[1].controls[0].id = 'ac-2';
      const error = refusal(document);
      expect(error.message).toContain('3 controls are malformed');
      expect(error.errors).toEqual([
        { path: 'catalog.groups.0.controls.0.id', message: 'every control needs an id' },
        { path: 'catalog.groups.0.controls.1.controls.0.title', message: 'every control needs a title' },
        { path: 'catalog.groups.1.controls.0.id', message: 'the id "ac-2" is used twice' },
      ]);
    });
  });
});
