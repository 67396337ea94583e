/**
 * A STIX 2.1 bundle written for the tests: indicators (simple, OR-ed, unsupported), cyber-observable
 * objects, observed-data, a sighting and TLP markings.
 */
const TLP_AMBER = 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82';
const TLP_RED_V2 = 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1';
const base = { spec_version: '2.1', created: '2026-11-01T10:00:00.000Z', modified: '2026-11-01T10:00:00.000Z' };

export function stixFixture() {
  return {
    type: 'bundle',
    id: 'bundle--6a1f4c0e-1111-4c1a-8d3e-000000000001',
    objects: [
      { ...base, type: 'indicator', id: 'indicator--00000000-0000-4000-8000-000000000001', name: 'C2 server', pattern: "[ipv4-addr:value = '198.51.100.7']", pattern_type: 'stix', valid_from: '2026-11-01T10:00:00Z', object_marking_refs: [TLP_AMBER] },
      { ...base, type: 'indicator', id: 'indicator--00000000-0000-4000-8000-000000000002', name: 'Dropper', pattern: "[file:hashes.'SHA-256' = 'EF537F25C895BFA782526529A9B63D97AA631564D5D789C2B765448C8635FB6C'] OR [domain-name:value = 'evil[.]example' OR url:value = 'hxxp://evil.example/a']", pattern_type: 'stix', valid_from: '2026-11-01T10:00:00Z', object_marking_refs: [TLP_RED_V2] },
      { ...base, type: 'indicator', id: 'indicator--00000000-0000-4000-8000-000000000003', name: 'Subject line', pattern: "[email-message:subject MATCHES '^Invoice']", pattern_type: 'stix', valid_from: '2026-11-01T10:00:00Z' },
      { ...base, type: 'indicator', id: 'indicator--00000000-0000-4000-8000-000000000004', name: 'Sigma rule', pattern: 'title: x', pattern_type: 'sigma', valid_from: '2026-11-01T10:00:00Z' },
      { ...base, type: 'indicator', id: 'indicator--00000000-0000-4000-8000-000000000005', name: 'Bad IP', pattern: "[ipv4-addr:value = '999.1.1.1']", pattern_type: 'stix', valid_from: '2026-11-01T10:00:00Z' },
      { type: 'ipv4-addr', spec_version: '2.1', id: 'ipv4-addr--00000000-0000-4000-8000-000000000010', value: '203.0.113.9' },
      { type: 'email-addr', spec_version: '2.1', id: 'email-addr--00000000-0000-4000-8000-000000000011', value: 'Payroll@Evil.Example' },
      { type: 'autonomous-system', spec_version: '2.1', id: 'autonomous-system--00000000-0000-4000-8000-000000000012', number: 64500 },
      { ...base, type: 'observed-data', id: 'observed-data--00000000-0000-4000-8000-000000000020', first_observed: '2026-11-02T00:00:00Z', last_observed: '2026-11-02T00:00:00Z', number_observed: 3, object_refs: ['ipv4-addr--00000000-0000-4000-8000-000000000010'] },
      { ...base, type: 'sighting', id: 'sighting--00000000-0000-4000-8000-000000000030', sighting_of_ref: 'indicator--00000000-0000-4000-8000-000000000001', observed_data_refs: ['observed-data--00000000-0000-4000-8000-000000000020'], count: 2 },
      { ...base, type: 'malware', id: 'malware--00000000-0000-4000-8000-000000000040', name: 'Not an observable', is_family: true },
    ],
  };
}
