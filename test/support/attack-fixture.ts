/**
 * A small ATT&CK-shaped bundle written for the tests: three tactics in matrix order, a technique with
 * a sub-technique, one in two tactics, a deprecated one and a revoked one replaced by another.
 */
const ref = (id: string, path: string) => [{ source_name: 'mitre-attack', external_id: id, url: `https://attack.mitre.org/${path}` }];
const phases = (...names: string[]) => names.map((phase_name) => ({ kill_chain_name: 'mitre-attack', phase_name }));

function technique(stixId: string, id: string, name: string, tactics: string[], extra: Record<string, unknown> = {}) {
  return {
    type: 'attack-pattern',
    id: `attack-pattern--${stixId}`,
    created: '2020-01-01T00:00:00.000Z',
    modified: '2025-01-01T00:00:00.000Z',
    name,
    description: `${name} (test fixture).`,
    kill_chain_phases: phases(...tactics),
    external_references: ref(id, `techniques/${id.replace('.', '/')}`),
    x_mitre_platforms: ['Windows', 'Linux'],
    x_mitre_is_subtechnique: id.includes('.'),
    x_mitre_version: '1.0',
    ...extra,
  };
}

function tactic(stixId: string, id: string, shortname: string, name: string) {
  return { type: 'x-mitre-tactic', id: `x-mitre-tactic--${stixId}`, name, x_mitre_shortname: shortname, external_references: ref(id, `tactics/${id}`) };
}

export function attackFixture(specVersion: '2.0' | '2.1' = '2.0') {
  const objects: Array<Record<string, unknown>> = [
    // Listed out of matrix order on purpose.
    tactic('00000000-0000-4000-8000-000000000003', 'TA0005', 'defense-evasion', 'Defense Evasion'),
    tactic('00000000-0000-4000-8000-000000000001', 'TA0001', 'initial-access', 'Initial Access'),
    tactic('00000000-0000-4000-8000-000000000002', 'TA0002', 'execution', 'Execution'),
    {
      type: 'x-mitre-matrix',
      id: 'x-mitre-matrix--00000000-0000-4000-8000-0000000000ff',
      name: 'Test matrix',
      tactic_refs: ['x-mitre-tactic--00000000-0000-4000-8000-000000000001', 'x-mitre-tactic--00000000-0000-4000-8000-000000000002', 'x-mitre-tactic--00000000-0000-4000-8000-000000000003'],
    },
    technique('10000000-0000-4000-8000-000000000001', 'T1566', 'Phishing', ['initial-access']),
    technique('10000000-0000-4000-8000-000000000002', 'T1566.001', 'Spearphishing Attachment', ['initial-access']),
    technique('10000000-0000-4000-8000-000000000003', 'T1059', 'Command and Scripting Interpreter', ['execution']),
    technique('10000000-0000-4000-8000-000000000004', 'T1059.001', 'PowerShell', ['execution']),
    technique('10000000-0000-4000-8000-000000000005', 'T1055', 'Process Injection', ['defense-evasion', 'execution']),
    technique('10000000-0000-4000-8000-000000000006', 'T1064', 'Scripting', ['defense-evasion', 'execution'], { x_mitre_deprecated: true }),
    technique('10000000-0000-4000-8000-000000000007', 'T1086', 'PowerShell (old)', ['execution'], { revoked: true }),
    {
      type: 'relationship',
      id: 'relationship--20000000-0000-4000-8000-000000000001',
      relationship_type: 'revoked-by',
      source_ref: 'attack-pattern--10000000-0000-4000-8000-000000000007',
      target_ref: 'attack-pattern--10000000-0000-4000-8000-000000000004',
    },
    { type: 'malware', id: 'malware--30000000-0000-4000-8000-000000000001', name: 'Not a technique' },
  ];
  if (specVersion === '2.1') {
    for (const o of objects) o.spec_version = '2.1';
    objects.push({ type: 'x-mitre-collection', id: 'x-mitre-collection--40000000-0000-4000-8000-000000000001', spec_version: '2.1', name: 'Test ATT&CK', x_mitre_version: '99.1' });
    return { type: 'bundle', id: 'bundle--50000000-0000-4000-8000-000000000001', objects };
  }
  return { type: 'bundle', id: 'bundle--50000000-0000-4000-8000-000000000001', spec_version: '2.0', objects };
}
