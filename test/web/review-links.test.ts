import { describe, expect, it } from 'vitest';
import { groupPlaybooks, isWebAddress, openSuggestions, outcomeLabel, reasonText, type IncidentRisk, type SuggestedRisk } from '../../web/src/pages/incident/risks-controls/types.js';

const risk = (id: string, number: string) => ({ id, number, title: `Risk ${number}` });

describe('suggested risks', () => {
  const suggestion = (id: string, number: string): SuggestedRisk => ({ risk_id: id, risk: risk(id, number), reasons: [{ kind: 'category', text: 'Same category' }] });
  it('offers only risks not linked yet, each once, in the server’s order', () => {
    const linked = [{ risk_id: 'rsk_2', risk: risk('rsk_2', 'RISK-0002') } as IncidentRisk];
    const open = openSuggestions([suggestion('rsk_3', 'RISK-0003'), suggestion('rsk_2', 'RISK-0002'), suggestion('rsk_1', 'RISK-0001'), suggestion('rsk_3', 'RISK-0003')], linked);
    expect(open.map((s) => s.risk.number)).toEqual(['RISK-0003', 'RISK-0001']);
  });

  it('words each reason, falling back on its kind', () => {
    expect(reasonText({ kind: 'technique', text: 'Shares T1566 Phishing' })).toBe('Shares T1566 Phishing');
    expect(reasonText({ kind: 'technique', text: '', techniques: ['T1566', 'T1078'] })).toBe('Shares T1566, T1078');
    expect(reasonText({ kind: 'category', text: '', category: 'data_breach' })).toBe('Same category: data breach');
    expect(reasonText({ kind: 'asset', text: '', asset_name: 'mail-01' })).toBe('Asset mail-01 named in the incident');
  });
});

describe('suggested playbooks', () => {
  it('lists each address once with every risk naming it, playbooks of linked risks first', () => {
    const grouped = groupPlaybooks([
      { title: 'Ransomware', url: 'https://wiki/ransom', linked: false, risks: [risk('rsk_3', 'RISK-0003')] },
      { title: 'Phishing', url: 'https://wiki/phish', linked: true, risks: [risk('rsk_1', 'RISK-0001')] },
      { title: 'Ransomware', url: 'https://wiki/ransom', linked: true, risks: [risk('rsk_1', 'RISK-0001'), risk('rsk_3', 'RISK-0003')] },
    ]);
    expect(grouped.map((p) => [p.title, p.linked, p.risks.map((r) => r.number)])).toEqual([
      ['Phishing', true, ['RISK-0001']],
      ['Ransomware', true, ['RISK-0003', 'RISK-0001']],
    ]);
  });

  it('makes links only of web addresses', () => {
    expect(isWebAddress('https://wiki.example/playbook')).toBe(true);
    expect(isWebAddress('javascript:alert(1)')).toBe(false);
    expect(isWebAddress('\\\\share\\runbooks\\ransomware.docx')).toBe(false);
  });
});

describe('control outcomes', () => {
  it('says what a control did in words', () => {
    expect(outcomeLabel('worked')).toBe('Worked (prevented)');
    expect(outcomeLabel('bypassed')).toBe('Bypassed');
  });
});
