import { beforeAll, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/store/migrate.js';
import { recordNewAlertObservables, type NewAlertObservable } from '../../src/store/repositories/alert-observables.js';
import { upsertObservablesAndSightings } from '../../src/store/repositories/observables.js';
import { readJson } from '../../src/store/dialect.js';
import { describeEachEngine } from '../support/engines.js';

const ORG = 'org_alert_observables';
const observable = (type: NewAlertObservable['type'], value: string, flags: Partial<NewAlertObservable> = {}): NewAlertObservable => ({
  type, value, ioc: false, sighted: false, tlp: 'amber', tags: [], note: '', ...flags,
});

describeEachEngine('observables of newly ingested alerts', (database) => {
  beforeAll(async () => {
    await migrateToLatest(database());
  });

  it('creates new observables once, stretches known ones and adds one sighting per alert', async () => {
    const handle = database();
    const [knownId] = await handle.db.transaction().execute((trx) =>
      upsertObservablesAndSightings(trx, ORG, 'usr_tester', '2026-11-01T00:00:00.000Z', [
        { ...observable('ip', '198.51.100.7'), subject_type: 'incident', subject_id: 'inc_earlier', seen_at: '2026-11-01T00:00:00.000Z' },
      ]),
    );
    const now = '2026-11-05T12:00:00.000Z';
    await handle.db.transaction().execute((trx) =>
      recordNewAlertObservables(trx, handle, { organisationId: ORG, actorId: 'usr_siem', now }, new Map([['ip:198.51.100.7', knownId!]]), [
        { alertId: 'alr_one', observables: [observable('ip', '198.51.100.7', { ioc: true }), observable('domain', 'new.example', { tags: ['c2'] })] },
        { alertId: 'alr_two', observables: [observable('domain', 'new.example', { sighted: true, note: 'beacon' })] },
      ]),
    );

    const rows = await handle.db.selectFrom('observables').selectAll().where('organisation_id', '=', ORG).orderBy('type').execute();
    expect(rows.map((r) => [r.type, r.value, Number(r.sighting_count), r.first_seen_at, r.last_seen_at])).toEqual([
      ['domain', 'new.example', 2, now, now],
      ['ip', '198.51.100.7', 2, '2026-11-01T00:00:00.000Z', now],
    ]);
    expect(rows[1]!.id).toBe(knownId);

    const sightings = await handle.db.selectFrom('sightings').selectAll().where('organisation_id', '=', ORG).where('subject_type', '=', 'alert').orderBy('subject_id').orderBy('observable_id').execute();
    const domainId = rows[0]!.id;
    expect(sightings.map((s) => [s.subject_id, s.observable_id, Boolean(s.ioc), Boolean(s.sighted), readJson(s.tags), s.note, s.created_by])).toEqual(
      [
        ['alr_one', domainId, false, false, ['c2'], '', 'usr_siem'],
        ['alr_one', knownId, true, false, [], '', 'usr_siem'],
        ['alr_two', domainId, false, true, [], 'beacon', 'usr_siem'],
      ].sort((a, b) => (`${a[0]}${a[1]}` < `${b[0]}${b[1]}` ? -1 : 1)),
    );
  });

  it('writes nothing when the transaction around it fails', async () => {
    const handle = database();
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await recordNewAlertObservables(trx, handle, { organisationId: ORG, actorId: 'usr_siem', now: '2026-11-06T00:00:00.000Z' }, new Map(), [
          { alertId: 'alr_rolled_back', observables: [observable('sha1', 'da39a3ee5e6b4b0d3255bfef95601890afd80709')] },
        ]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await handle.db.selectFrom('sightings').select('id').where('subject_id', '=', 'alr_rolled_back').execute()).toEqual([]);
    expect(await handle.db.selectFrom('observables').select('id').where('value', '=', 'da39a3ee5e6b4b0d3255bfef95601890afd80709').where('organisation_id', '=', ORG).execute()).toEqual([]);
  });
});
