import { describe, expect, it } from 'vitest';
import { parseAttackId, readAttackBundle, techniqueMatchRank } from '../../src/domain/attack.js';
import { BulwarkError } from '../../src/domain/errors.js';
import { attackFixture } from '../support/attack-fixture.js';

describe('reading an ATT&CK bundle', () => {
  it.each(['2.0', '2.1'] as const)('turns attack-patterns into techniques and tactics in matrix order (STIX %s)', (version) => {
    const catalogue = readAttackBundle(attackFixture(version));
    expect(catalogue.spec_version).toBe(version);
    expect(catalogue.release).toBe(version === '2.1' ? '99.1' : null);
    expect(catalogue.tactics.map((t) => [t.id, t.shortname, t.position])).toEqual([
      ['TA0001', 'initial-access', 0],
      ['TA0002', 'execution', 1],
      ['TA0005', 'defense-evasion', 2],
    ]);
    expect(catalogue.techniques.map((t) => t.id)).toEqual(['T1055', 'T1059', 'T1059.001', 'T1064', 'T1086', 'T1566', 'T1566.001']);
  });

  it('keeps sub-techniques under their parent and every tactic of a technique', () => {
    const { techniques } = readAttackBundle(attackFixture());
    const byId = new Map(techniques.map((t) => [t.id, t]));
    expect(byId.get('T1059.001')).toMatchObject({ name: 'PowerShell', parent_id: 'T1059', tactics: ['execution'], platforms: ['Windows', 'Linux'] });
    expect(byId.get('T1059')!.parent_id).toBeNull();
    expect(byId.get('T1055')!.tactics).toEqual(['defense-evasion', 'execution']);
    expect(byId.get('T1566')!.url).toBe('https://attack.mitre.org/techniques/T1566');
  });

  it('marks deprecated techniques, and revoked ones with their replacement', () => {
    const byId = new Map(readAttackBundle(attackFixture()).techniques.map((t) => [t.id, t]));
    expect(byId.get('T1064')).toMatchObject({ deprecated: true, revoked: false, revoked_by: null });
    expect(byId.get('T1086')).toMatchObject({ revoked: true, revoked_by: 'T1059.001' });
    expect(byId.get('T1059')).toMatchObject({ deprecated: false, revoked: false });
  });

  it('prefers the technique in force when two objects carry the same ATT&CK id', () => {
    const bundle = attackFixture();
    const copy = { ...(bundle.objects.find((o) => o.name === 'Phishing') as Record<string, unknown>), id: 'attack-pattern--99999999-0000-4000-8000-000000000001', name: 'Old phishing', revoked: true, modified: '2026-01-01T00:00:00.000Z' };
    bundle.objects.push(copy);
    expect(readAttackBundle(bundle).techniques.find((t) => t.id === 'T1566')!.name).toBe('Phishing');
  });

  it.each([
    ['not a bundle', { type: 'indicator' }, 'type'],
    ['a bundle without objects', { type: 'bundle' }, 'objects'],
    ['a bundle without techniques', { type: 'bundle', objects: [{ type: 'malware', id: 'malware--1' }] }, 'objects'],
  ])('refuses %s, naming the field', (_label, bundle, path) => {
    try {
      readAttackBundle(bundle);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BulwarkError);
      expect((error as BulwarkError).errors[0]!.path).toBe(path);
    }
  });
});

describe('the technique picker', () => {
  it('ranks an exact id over an id prefix over a name match', () => {
    expect(techniqueMatchRank('t1059', { id: 'T1059', name: 'Command and Scripting Interpreter' })).toBe(0);
    expect(techniqueMatchRank('T1059', { id: 'T1059.001', name: 'PowerShell' })).toBe(1);
    expect(techniqueMatchRank('power', { id: 'T1059.001', name: 'PowerShell' })).toBe(2);
    expect(techniqueMatchRank('shell', { id: 'T1059.001', name: 'PowerShell' })).toBe(3);
    expect(techniqueMatchRank('phish', { id: 'T1059.001', name: 'PowerShell' })).toBeNull();
  });

  it('reads ATT&CK ids typed in any case', () => {
    expect(parseAttackId(' t1059.001 ')).toBe('T1059.001');
    expect(parseAttackId('T1059.1')).toBeNull();
    expect(parseAttackId('TA0001')).toBeNull();
  });
});
