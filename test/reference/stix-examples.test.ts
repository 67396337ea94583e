import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BulwarkError } from '../../src/domain/errors.js';
import { buildStixBundle } from '../../src/domain/stix-export.js';
import { readStixBundle } from '../../src/domain/stix-import.js';

/** The STIX importer against the OASIS STIX 2.1 example bundles (../shared/data/stix-examples). */
const DATA = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'stix-examples');
const example = (name: string): unknown => JSON.parse(readFileSync(join(DATA, name), 'utf8'));
const found = (name: string) => readStixBundle(example(name)).observables.map((o) => `${o.ioc ? 'ioc ' : ''}${o.type} ${o.value}`).sort();

describe('OASIS STIX 2.1 examples', () => {
  it.each([
    ['indicator-for-c2-ip-address.json', ['ioc ip 10.0.0.0']],
    ['indicator-to-campaign-relationship.json', ['ioc ip 10.0.0.0']],
    ['indicators-for-C2-with-COA.json', ['ioc ip 10.0.0.0', 'ioc sha256 ef537f25c895bfa782526529a9b63d97aa631564d5d789c2b765448c8635fb6c']],
    ['infrastructure.json', ['domain example.com', 'ip 198.51.100.3']],
    ['malicious-email-indicator-with-attachment.json', []],
  ])('%s', (name, expected) => {
    expect(found(name)).toEqual(expected);
  });

  it('says why MATCHES patterns are not imported', () => {
    const plan = readStixBundle(example('malicious-email-indicator-with-attachment.json'));
    expect(plan.skipped).toHaveLength(2);
    for (const skip of plan.skipped) expect(skip.reason).toContain('MATCHES');
  });

  it('refuses a lone object that is not a bundle', () => {
    expect(() => readStixBundle(example('interop-objectmarking-test.json'))).toThrow(BulwarkError);
  });

  it('exports what it imported from the examples as a bundle that reads back the same', () => {
    const plan = readStixBundle(example('indicators-for-C2-with-COA.json'));
    const { bundle } = buildStixBundle({
      organisation: { id: 'org_x', name: 'Example' },
      incident: { id: 'inc_x', number: 'INC-2026-0001', title: 'C2', tlp: 'amber', created_at: '2026-11-23T00:00:00.000Z' },
      observables: plan.observables.map((o) => ({ type: o.type, value: o.value, ioc: o.ioc, tlp: o.tlp ?? 'amber', note: o.note, first_seen_at: '2026-11-23T00:00:00.000Z', last_seen_at: '2026-11-23T00:00:00.000Z' })),
      now: '2026-11-23T01:00:00.000Z',
    });
    expect(readStixBundle(bundle).observables.map((o) => `${o.type} ${o.value}`).sort()).toEqual(plan.observables.map((o) => `${o.type} ${o.value}`).sort());
  });
});
