import { beforeAll, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/store/migrate.js';
import { upsertObservablesAndSightings, type SightingUpsert } from '../../src/store/repositories/observables.js';
import { describeEachEngine } from '../support/engines.js';

const ORG = 'org_upsert';
const seen = (type: SightingUpsert['type'], value: string, subjectId: string, at: string, flags: Partial<SightingUpsert> = {}): SightingUpsert => ({
  type, value, subject_type: 'alert', subject_id: subjectId, ioc: false, sighted: false, tlp: 'amber', tags: [], note: '', seen_at: at, ...flags,
});

describeEachEngine('bulk upsert of observables and sightings', (database, engine) => {
  beforeAll(async () => {
    await migrateToLatest(database());
  });

  // On SQLite both the prepared-statement fast path and the query-builder path are checked to agree.
  for (const path of engine === 'sqlite' ? (['fast', 'builder'] as const) : (['builder'] as const)) {
    it(`folds repeats, stretches first/last seen and ORs flags (${path} path)`, async () => {
      const handle = database();
      const fast = path === 'fast' ? { sqlite: handle.sqlite } : undefined;
      const prefix = `${path}-`;
      const write = (rows: SightingUpsert[], now: string) => handle.db.transaction().execute((trx) => upsertObservablesAndSightings(trx, ORG, 'usr_tester', now, rows, fast));

      const first = await write([
        seen('ip', `${prefix}10.0.0.1`, 'alr_a', '2026-11-01T10:00:00.000Z'),
        seen('ip', `${prefix}10.0.0.1`, 'alr_a', '2026-11-01T09:00:00.000Z', { ioc: true }),
        seen('ip', `${prefix}10.0.0.1`, 'alr_b', '2026-11-01T11:00:00.000Z', { tags: ['c2'] }),
        seen('domain', `${prefix}evil.example`, 'alr_a', '2026-11-01T10:00:00.000Z'),
      ], '2026-11-01T12:00:00.000Z');
      expect(first[0]).toMatch(/^obs_/);
      expect(first[1]).toBe(first[0]);
      expect(first[2]).toBe(first[0]);
      expect(first[3]).not.toBe(first[0]);

      const again = await write([seen('ip', `${prefix}10.0.0.1`, 'alr_a', '2026-11-02T10:00:00.000Z', { sighted: true })], '2026-11-02T12:00:00.000Z');
      expect(again).toEqual([first[0]]);

      const observable = await handle.db.selectFrom('observables').selectAll().where('id', '=', first[0]!).executeTakeFirstOrThrow();
      expect(observable).toMatchObject({ sighting_count: 4, first_seen_at: '2026-11-01T09:00:00.000Z', last_seen_at: '2026-11-02T10:00:00.000Z', version: 1 });
      const sightings = await handle.db.selectFrom('sightings').selectAll().where('observable_id', '=', first[0]!).orderBy('subject_id').execute();
      expect(sightings.map((s) => [s.subject_id, Number(s.count), Boolean(s.ioc), Boolean(s.sighted), s.first_seen_at, s.last_seen_at])).toEqual([
        ['alr_a', 3, true, true, '2026-11-01T09:00:00.000Z', '2026-11-02T10:00:00.000Z'],
        ['alr_b', 1, false, false, '2026-11-01T11:00:00.000Z', '2026-11-01T11:00:00.000Z'],
      ]);
      expect(JSON.parse(typeof sightings[1]!.tags === 'string' ? sightings[1]!.tags : JSON.stringify(sightings[1]!.tags))).toEqual(['c2']);
    });
  }

  it('writes nothing when the transaction around it fails', async () => {
    const handle = database();
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await upsertObservablesAndSightings(trx, ORG, 'usr_tester', '2026-11-03T00:00:00.000Z', [seen('sha1', 'da39a3ee5e6b4b0d3255bfef95601890afd80709', 'alr_c', '2026-11-03T00:00:00.000Z')], { sqlite: handle.sqlite });
        throw new Error('the rest of the use case failed');
      }),
    ).rejects.toThrow('the rest of the use case failed');
    const left = await handle.db.selectFrom('observables').select('id').where('value', '=', 'da39a3ee5e6b4b0d3255bfef95601890afd80709').execute();
    expect(left).toEqual([]);
  });

  it('handles a batch larger than one statement chunk', async () => {
    const handle = database();
    const rows = Array.from({ length: 1_234 }, (_, i) => seen('other', `bulk-${i % 700}`, `alr_bulk_${i % 3}`, '2026-11-04T00:00:00.000Z'));
    const ids = await handle.db.transaction().execute((trx) => upsertObservablesAndSightings(trx, ORG, 'usr_tester', '2026-11-04T00:00:00.000Z', rows));
    expect(new Set(ids).size).toBe(700);
    const count = await handle.db.selectFrom('sightings').innerJoin('observables', 'observables.id', 'sightings.observable_id').select((eb) => eb.fn.sum<number>('sightings.count').as('n')).where('observables.value', 'like', 'bulk-%').executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1_234);
  });
});
