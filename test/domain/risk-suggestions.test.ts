import { describe, expect, it } from 'vitest';
import {
  categoriesMatch,
  hostnameNames,
  mentions,
  overlappingTechniques,
  reasonsFor,
  suggestPlaybooks,
  suggestRisks,
  type SuggestionCandidate,
  type SuggestionIncident,
} from '../../src/domain/risk-suggestions.js';

const incident = (over: Partial<SuggestionIncident> = {}): SuggestionIncident => ({ title: 'Ransom note on FS01', summary: '', category: 'ransomware', techniques: [], hostnames: [], ...over });
const risk = (id: string, over: Partial<SuggestionCandidate> = {}): SuggestionCandidate => ({ id, status: 'assessed', category: 'compliance', techniques: [], assets: [], ...over });

describe('overlappingTechniques', () => {
  it('matches the same technique, a sub-technique of a risk technique, and a parent of a risk sub-technique', () => {
    expect(overlappingTechniques(['T1486'], ['T1486'])).toEqual(['T1486']);
    expect(overlappingTechniques(['T1059'], ['t1059.001'])).toEqual(['T1059.001']);
    expect(overlappingTechniques(['T1059.001'], ['T1059'])).toEqual(['T1059']);
  });
  it('does not match sibling sub-techniques or unrelated ids', () => {
    expect(overlappingTechniques(['T1059.001'], ['T1059.003'])).toEqual([]);
    expect(overlappingTechniques(['T1486'], ['T1490', 'T148'])).toEqual([]);
  });
});

describe('categoriesMatch', () => {
  it('matches identical keys (custom ones too) and the usual incident → register pairings', () => {
    expect(categoriesMatch('data_breach', 'data_breach')).toBe(true);
    expect(categoriesMatch('our_custom', 'Our_Custom')).toBe(true);
    expect(categoriesMatch('ransomware', 'cyber_attack')).toBe(true);
    expect(categoriesMatch('supply_chain', 'third_party')).toBe(true);
  });
  it('does not match other pairings or empty categories', () => {
    expect(categoriesMatch('ransomware', 'fraud')).toBe(false);
    expect(categoriesMatch('other', 'cyber_attack')).toBe(false);
    expect(categoriesMatch('', '')).toBe(false);
  });
});

describe('asset names', () => {
  it('finds a name as a whole word, case-insensitively', () => {
    expect(mentions('Ransom note on FS01 at 03:00', 'fs01')).toBe(true);
    expect(mentions('fs01: encrypted', 'FS01')).toBe(true);
    expect(mentions('Payroll system down', 'payroll system')).toBe(true);
  });
  it('not inside a longer name, and never for names shorter than three characters', () => {
    expect(mentions('Ransom note on FS012', 'FS01')).toBe(false);
    expect(mentions('web-fs01 hit', 'fs01')).toBe(false);
    expect(mentions('HR mailbox', 'HR')).toBe(false);
  });
  it('matches a hostname equal to the name or sharing its first label', () => {
    expect(hostnameNames('FS01.corp.example', 'fs01')).toBe(true);
    expect(hostnameNames('fs01', 'fs01.corp.example')).toBe(true);
    expect(hostnameNames('mail.corp.example.', 'mail.corp.example')).toBe(true);
    expect(hostnameNames('fs02.corp.example', 'fs01')).toBe(false);
  });
});

describe('reasonsFor', () => {
  it('gives each reason with its text', () => {
    const reasons = reasonsFor(
      incident({ techniques: ['T1486', 'T1059.001'], hostnames: ['dc01.corp.example'], summary: 'Backups on nas-backup were deleted' }),
      risk('r1', { category: 'cyber_attack', techniques: ['T1486', 'T1059'], assets: [{ id: 'a1', name: 'DC01' }, { id: 'a2', name: 'nas-backup' }, { id: 'a3', name: 'crm' }] }),
    );
    expect(reasons).toEqual([
      { kind: 'technique', techniques: ['T1059.001', 'T1486'], text: 'Shares ATT&CK techniques T1059.001, T1486' },
      { kind: 'category', category: 'cyber_attack', incident_category: 'ransomware', text: 'Category cyber_attack fits a ransomware incident' },
      { kind: 'asset', asset_id: 'a1', asset_name: 'DC01', found_in: 'hostname', value: 'dc01.corp.example', text: 'Asset DC01 is the host dc01.corp.example seen in the incident' },
      { kind: 'asset', asset_id: 'a2', asset_name: 'nas-backup', found_in: 'summary', value: 'nas-backup', text: 'Asset nas-backup is named in the summary' },
    ]);
  });
  it('prefers the title over the summary for an asset named in both', () => {
    const [reason] = reasonsFor(incident({ summary: 'FS01 again' }), risk('r', { assets: [{ id: 'a', name: 'fs01' }] }));
    expect(reason).toMatchObject({ kind: 'asset', found_in: 'title' });
  });
});

describe('suggestRisks', () => {
  it('ranks by weight (technique 3 each, asset 2, category 1), keeps candidate order on ties, and leaves out closed, linked and unmatched risks', () => {
    const candidates = [
      risk('category-only', { category: 'cyber_attack' }),
      risk('asset', { assets: [{ id: 'a', name: 'FS01' }] }),
      risk('two-techniques', { techniques: ['T1486', 'T1490'] }),
      risk('also-category', { category: 'outage' }),
      risk('closed', { status: 'closed', techniques: ['T1486'] }),
      risk('linked', { techniques: ['T1486'] }),
      risk('nothing', { category: 'fraud' }),
    ];
    const found = suggestRisks(incident({ techniques: ['T1486', 'T1490'] }), candidates, new Set(['linked']));
    expect(found.map((s) => [s.risk_id, s.score])).toEqual([
      ['two-techniques', 6],
      ['asset', 2],
      ['category-only', 1],
      ['also-category', 1],
    ]);
  });
});

describe('suggestPlaybooks', () => {
  it('lists playbooks of linked risks first, each address once with every risk naming it', () => {
    const a = { id: 'a', playbooks: [{ title: 'Ransomware', url: 'https://wiki/ransomware' }] };
    const b = { id: 'b', playbooks: [{ title: 'Restore backups', url: 'https://wiki/restore' }, { title: 'Ransomware', url: 'https://wiki/ransomware' }] };
    const result = suggestPlaybooks([b], [a]);
    expect(result.map((p) => [p.url, p.linked, p.risks.map((r) => r.id)])).toEqual([
      ['https://wiki/restore', true, ['b']],
      ['https://wiki/ransomware', true, ['b', 'a']],
    ]);
    expect(suggestPlaybooks([], [a]).map((p) => p.linked)).toEqual([false]);
  });
});
