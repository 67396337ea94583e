import { describe, expect, it } from 'vitest';
import { buildStixBundle, uuidV5 } from '../../src/domain/stix-export.js';
import { readStixBundle } from '../../src/domain/stix-import.js';
import { parseStixPattern } from '../../src/domain/stix-patterns.js';
import { stixFixture } from '../support/stix-fixture.js';

describe('STIX patterns', () => {
  it('reads equality comparisons, OR-ed within and between observations, with escapes and integers', () => {
    expect(parseStixPattern("[ ipv4-addr:value = '10.0.0.0' ]")).toEqual({ ok: true, comparisons: [{ objectType: 'ipv4-addr', path: 'value', value: '10.0.0.0' }] });
    const parsed = parseStixPattern("[file:hashes.'SHA-256' = 'ab' OR file:name = 'it\\'s.exe'] OR [autonomous-system:number = 64500]");
    expect(parsed).toEqual({ ok: true, comparisons: [
      { objectType: 'file', path: "hashes.'SHA-256'", value: 'ab' },
      { objectType: 'file', path: 'name', value: "it's.exe" },
      { objectType: 'autonomous-system', path: 'number', value: '64500' },
    ] });
  });

  it.each([
    ["[email-message:subject MATCHES '^Final']", 'MATCHES'],
    ["[file:name = 'a' AND file:size = '1']", 'AND'],
    ["[ipv4-addr:value = '1.2.3.4'] WITHIN 300 SECONDS", 'WITHIN'],
    ["[ipv4-addr:value = '1.2.3.4'] FOLLOWEDBY [ipv4-addr:value = '1.2.3.5']", 'FOLLOWEDBY'],
    ["[ipv4-addr:value = '1.2.3.4'", 'end with'],
    ["[ipv4-addr:value = '1.2.3.4]", 'not closed'],
    ['', 'empty'],
  ])('refuses %s, saying why', (pattern, reason) => {
    const parsed = parseStixPattern(pattern);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toContain(reason);
  });
});

describe('reading a STIX bundle', () => {
  it('turns indicators into IOCs, SCOs into observables, and marks what sightings saw', () => {
    const plan = readStixBundle(stixFixture());
    const byValue = new Map(plan.observables.map((o) => [`${o.type} ${o.value}`, o]));
    expect([...byValue.keys()].sort()).toEqual([
      'asn AS64500', 'domain evil.example', 'email payroll@evil.example', 'ip 198.51.100.7', 'ip 203.0.113.9',
      'sha256 ef537f25c895bfa782526529a9b63d97aa631564d5d789c2b765448c8635fb6c', 'url http://evil.example/a',
    ]);
    expect(byValue.get('ip 198.51.100.7')).toMatchObject({ ioc: true, sighted: true, tlp: 'amber', note: 'C2 server' });
    expect(byValue.get('domain evil.example')).toMatchObject({ ioc: true, sighted: false, tlp: 'red' });
    expect(byValue.get('ip 203.0.113.9')).toMatchObject({ ioc: false, sighted: true, tlp: null });
    expect(byValue.get('email payroll@evil.example')).toMatchObject({ ioc: false, sighted: false });
    expect(plan.skipped.map((s) => s.stix_id.slice(-2))).toEqual(['03', '04', '05']);
    expect(plan.skipped[2]!.reason).toContain('ipv4-addr:value');
  });

  it('reads observables inside STIX 2.0 observed-data', () => {
    const plan = readStixBundle({ type: 'bundle', objects: [{ type: 'observed-data', id: 'observed-data--1', objects: { 0: { type: 'domain-name', value: 'C2.Example.' } } }] });
    expect(plan.observables.map((o) => [o.type, o.value])).toEqual([['domain', 'c2.example']]);
  });
});

describe('exporting a STIX bundle', () => {
  const input = {
    organisation: { id: 'org_1', name: 'Example Corp' },
    incident: { id: 'inc_1', number: 'INC-2026-0001', title: 'Dropper', tlp: 'amber' as const, created_at: '2026-11-01T10:00:00.000Z' },
    now: '2026-11-23T10:00:00.000Z',
    observables: [
      { type: 'ip' as const, value: '198.51.100.7', ioc: true, tlp: 'amber' as const, note: 'C2', first_seen_at: '2026-11-01T10:00:00.000Z', last_seen_at: '2026-11-02T10:00:00.000Z' },
      { type: 'sha256' as const, value: 'ab'.repeat(32), ioc: true, tlp: 'amber+strict' as const, note: '', first_seen_at: '2026-11-01T10:00:00.000Z', last_seen_at: '2026-11-01T10:00:00.000Z' },
      { type: 'hostname' as const, value: "ws-12.corp.example", ioc: false, tlp: 'green' as const, note: '', first_seen_at: '2026-11-01T10:00:00.000Z', last_seen_at: '2026-11-01T10:00:00.000Z' },
      { type: 'user_agent' as const, value: 'curl/8', ioc: false, tlp: 'green' as const, note: '', first_seen_at: '2026-11-01T10:00:00.000Z', last_seen_at: '2026-11-01T10:00:00.000Z' },
    ],
  };

  it('computes UUIDv5 as RFC 4122 does', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });

  it('writes SCOs, indicators with based-on relationships, a grouping and the TLP markings used', () => {
    const { bundle, omitted } = buildStixBundle(input);
    const objects = bundle.objects as Array<Record<string, any>>;
    const ofType = (type: string) => objects.filter((o) => o.type === type);
    expect(omitted.map((o) => o.type)).toEqual(['user_agent']);
    expect(ofType('marking-definition').map((m) => m.name)).toEqual(['TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT']);
    expect(ofType('indicator').map((i) => i.pattern)).toEqual(["[ipv4-addr:value = '198.51.100.7']", `[file:hashes.'SHA-256' = '${'ab'.repeat(32)}']`]);
    expect(ofType('relationship')).toHaveLength(2);
    const [relationship] = ofType('relationship');
    expect(relationship!.source_ref).toBe(ofType('indicator')[0]!.id);
    expect(relationship!.target_ref).toBe(ofType('ipv4-addr')[0]!.id);
    expect(ofType('grouping')[0]!.object_refs).toHaveLength(objects.length - 5);
    for (const o of objects) expect(o.id).toMatch(/^[a-z0-9-]+--[0-9a-f]{8}-[0-9a-f]{4}-[45][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(buildStixBundle(input).bundle).toEqual(bundle);
  });

  it('reads back what it wrote', () => {
    const plan = readStixBundle(buildStixBundle(input).bundle);
    const got = plan.observables.map((o) => [o.type, o.value, o.ioc, o.tlp]).sort();
    expect(got).toEqual([
      ['domain', "ws-12.corp.example", false, 'green'],
      ['ip', '198.51.100.7', true, 'amber'],
      ['sha256', 'ab'.repeat(32), true, 'amber+strict'],
    ]);
    expect(plan.skipped).toEqual([]);
  });
});
