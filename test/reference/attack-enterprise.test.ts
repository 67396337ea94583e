import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAttackBundle, type AttackCatalogue } from '../../src/domain/attack.js';
import { freshDatabase } from '../support/engines.js';
import { startTestApp } from '../support/test-app.js';

/** The importer against the full ATT&CK Enterprise v18.1 bundle and the list derived from it (../shared/data/attack). */
const DATA = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'attack');

interface Listed { id: string; name: string; tactics: string[]; is_subtechnique: boolean; deprecated: boolean; revoked: boolean }

describe('ATT&CK Enterprise bundle', () => {
  let catalogue: AttackCatalogue;
  let listed: Listed[];
  beforeAll(() => {
    catalogue = readAttackBundle(JSON.parse(readFileSync(join(DATA, 'enterprise-attack.json'), 'utf8')));
    listed = JSON.parse(readFileSync(join(DATA, 'techniques.json'), 'utf8')) as Listed[];
  });

  it('reads every technique with the name, tactics, and standing of the derived list', () => {
    expect(catalogue.spec_version).toBe('2.0');
    expect(catalogue.techniques).toHaveLength(835);
    const byId = new Map(catalogue.techniques.map((t) => [t.id, t]));
    for (const entry of listed) {
      const technique = byId.get(entry.id)!;
      expect(technique, entry.id).toBeDefined();
      expect(technique.name).toBe(entry.name);
      expect(technique.tactics).toEqual(entry.tactics);
      expect(technique.parent_id !== null).toBe(entry.is_subtechnique);
      expect(technique.deprecated).toBe(entry.deprecated);
      expect(technique.revoked).toBe(entry.revoked);
    }
    expect(catalogue.techniques.filter((t) => t.parent_id)).toHaveLength(479);
    expect(catalogue.techniques.filter((t) => t.revoked)).toHaveLength(132);
    expect(catalogue.techniques.filter((t) => t.deprecated)).toHaveLength(12);
  });

  it('knows what replaces each revoked technique, and every sub-technique has its parent', () => {
    const byId = new Map(catalogue.techniques.map((t) => [t.id, t]));
    for (const t of catalogue.techniques.filter((x) => x.revoked)) expect(byId.has(t.revoked_by ?? ''), `${t.id} revoked by ${t.revoked_by}`).toBe(true);
    for (const t of catalogue.techniques.filter((x) => x.parent_id)) expect(byId.has(t.parent_id!), t.id).toBe(true);
    expect(byId.get('T1059.001')).toMatchObject({ name: 'PowerShell', parent_id: 'T1059', tactics: ['execution'] });
  });

  it('lists the 14 Enterprise tactics in matrix order, and every tactic a technique names is one of them', () => {
    expect(catalogue.tactics.map((t) => t.shortname)).toEqual([
      'reconnaissance', 'resource-development', 'initial-access', 'execution', 'persistence', 'privilege-escalation', 'defense-evasion',
      'credential-access', 'discovery', 'lateral-movement', 'collection', 'command-and-control', 'exfiltration', 'impact',
    ]);
    expect(catalogue.tactics[0]).toMatchObject({ id: 'TA0043', name: 'Reconnaissance', position: 0 });
    const known = new Set(catalogue.tactics.map((t) => t.shortname));
    for (const t of catalogue.techniques.filter((x) => !x.revoked && !x.deprecated)) for (const tactic of t.tactics) expect(known.has(tactic), `${t.id} ${tactic}`).toBe(true);
  });
});

describe('ATT&CK Enterprise bundle through the API (SQLite)', () => {
  it('imports the 45 MB bundle over HTTP and the picker finds techniques by id and name', async () => {
    const database = await freshDatabase('sqlite');
    const t = await startTestApp(database.handle);
    try {
      const res = await t.call('POST', '/api/v1/attack/import', { body: readFileSync(join(DATA, 'enterprise-attack.json'), 'utf8') });
      expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
      expect(res.json()).toMatchObject({ spec_version: '2.0', tactics: 14, techniques: 356, sub_techniques: 479, deprecated: 12, revoked: 132 });
      const byId = (await t.call('GET', '/api/v1/attack/techniques', { query: { q: 't1059' } })).json().items;
      expect(byId[0].id).toBe('T1059');
      const byName = (await t.call('GET', '/api/v1/attack/techniques', { query: { q: 'powershell' } })).json().items;
      expect(byName[0]).toMatchObject({ id: 'T1059.001', name: 'PowerShell' });
    } finally {
      await t.close();
      await database.drop();
    }
  });
});
