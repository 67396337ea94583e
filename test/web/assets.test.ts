import { describe, expect, it } from 'vitest';
import {
  assetChanges,
  createBody,
  dependencyCandidates,
  EMPTY_ASSET,
  invalidJurisdictions,
  normaliseJurisdictions,
  readAssetFilters,
  toAssetDraft,
  writeAssetFilters,
} from '../../web/src/pages/assets/assetForm.js';
import { classificationLabel, kindLabel } from '../../web/src/pages/assets/types.js';

describe('asset form', () => {
  it('creates with trimmed values, upper-case jurisdictions once each, and no empty owner or description', () => {
    const body = createBody({ ...EMPTY_ASSET, name: '  Payroll  ', kind: 'business_service', criticality: 'high', jurisdictions: ['no', 'NO', ' eu '], data_classifications: ['personal_data'] });
    expect(body).toEqual({ name: 'Payroll', kind: 'business_service', criticality: 'high', data_classifications: ['personal_data'], jurisdictions: ['NO', 'EU'], tags: [] });
  });

  it('patches only what changed', () => {
    const asset = { ...EMPTY_ASSET, name: 'Payroll', description: 'Pays people', owner_id: 'usr_1', jurisdictions: ['NO'] };
    const draft = { ...toAssetDraft(asset), criticality: 'very_high', description: 'Pays people ', jurisdictions: ['NO'] };
    expect(assetChanges(asset, draft)).toEqual({ criticality: 'very_high' });
    expect(assetChanges(asset, { ...draft, owner_id: null, data_classifications: ['payment'] })).toEqual({ criticality: 'very_high', owner_id: null, data_classifications: ['payment'] });
  });

  it('names jurisdictions that are not two-letter codes', () => {
    expect(normaliseJurisdictions(['de', '', 'De'])).toEqual(['DE']);
    expect(invalidJurisdictions(['DE', 'Norway', 'EU', 'E1'])).toEqual(['NORWAY', 'E1']);
  });

  it('offers as dependencies every other live asset not already depended on', () => {
    const all = [{ id: 'a' }, { id: 'b' }, { id: 'c', retired_at: '2026-01-01T00:00:00.000Z' }, { id: 'd' }];
    expect(dependencyCandidates(all, 'a', [{ id: 'd' }]).map((x) => x.id)).toEqual(['b']);
  });

  it('keeps its filters in the URL', () => {
    const filters = readAssetFilters(new URLSearchParams('kind=supplier&classification=payment&q=bank&retired=true'));
    expect(filters).toEqual({ kind: 'supplier', criticality: null, classification: 'payment', q: 'bank', retired: true });
    expect(writeAssetFilters(filters).toString()).toBe('kind=supplier&classification=payment&q=bank&retired=true');
    expect(writeAssetFilters(readAssetFilters(new URLSearchParams('retired=false'))).toString()).toBe('');
  });

  it('labels kinds and classifications in words', () => {
    expect(kindLabel('data_store')).toBe('Data store');
    expect(kindLabel('robot')).toBe('robot');
    expect(classificationLabel('special_category')).toBe('Special category (health etc.)');
  });
});
