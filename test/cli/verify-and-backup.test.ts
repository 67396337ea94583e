import { existsSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { systemActor } from '../../src/services/context.js';
import { createIncident } from '../../src/services/incidents/create-incident.js';
import { describeCliOnEngines, runCli, type InProcess } from './cli-harness.js';

const openIncident = (api: InProcess, title: string) =>
  createIncident({ ...api.runtime.deps, actor: systemActor(api.runtime.organisationId) }, { title, category: 'malware', severity: 2 });

const incidentCount = async (api: InProcess) =>
  Number((await api.database.db.selectFrom('incidents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

function readCopy(file: string): { integrity: string; incidents: number; journal: string } {
  const copy = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return {
      integrity: (copy.pragma('integrity_check', { simple: true }) as string),
      incidents: (copy.prepare('SELECT count(*) AS n FROM incidents').get() as { n: number }).n,
      journal: copy.pragma('journal_mode', { simple: true }) as string,
    };
  } finally {
    copy.close();
  }
}

describeCliOnEngines('bulwark verify', (target, inProcess) => {
  it('passes when every chain is intact', async () => {
    const api = await inProcess();
    for (const title of ['Emotet on LAPTOP-17', 'Cryptominer on build agent', 'Suspicious PowerShell on DC02']) await openIncident(api, title);
    const result = await runCli(target(), ['verify']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Checked 4 chains \(\d+ links\) in [\d.]+ s: all intact\./);
    const json = JSON.parse((await runCli(target(), ['verify', '--json'])).stdout) as { ok: boolean; chains: { chain: string; broken: unknown }[] };
    expect(json.ok).toBe(true);
    expect(json.chains.map((c) => c.chain.split(' ')[0])).toEqual(['audit_log', 'timeline', 'timeline', 'timeline']);
  });

  it('exits 4 naming the chain, the seq and the reason of the first broken link after tampering', async () => {
    const { database, runtime } = await inProcess();
    await sql`UPDATE audit_log SET details = ${JSON.stringify({ title: 'nothing to see here' })} WHERE seq = 2`.execute(database.db);
    const second = await database.db.selectFrom('incidents').select('number').orderBy('number').offset(1).limit(1).executeTakeFirstOrThrow();
    await sql`UPDATE timeline_entries SET body = 'edited after the fact' WHERE seq = 1 AND incident_id = (SELECT id FROM incidents WHERE number = ${second.number})`.execute(database.db);

    const result = await runCli(target(), ['verify']);
    expect(result.code).toBe(4);
    expect(result.stdout).toContain(`BROKEN audit_log ${runtime.organisationId}: first broken link at seq 2: content does not match its hash`);
    expect(result.stdout).toContain(`BROKEN timeline ${second.number} (`);
    expect(result.stdout).toMatch(/: 2 broken\.$/m);
    const json = JSON.parse((await runCli(target(), ['verify', '--json'])).stdout) as { ok: boolean; chains: { broken: { seq: number; reason: string } | null }[] };
    expect(json.ok).toBe(false);
    expect(json.chains[0]!.broken).toMatchObject({ seq: 2, reason: 'hash_mismatch' });
  });

  it('names a removed audit entry as a sequence gap', async () => {
    const { database } = await inProcess();
    await sql`DELETE FROM audit_log WHERE seq = 1`.execute(database.db);
    const result = await runCli(target(), ['verify']);
    expect(result.code).toBe(4);
    expect(result.stdout).toMatch(/BROKEN audit_log org_\w+: first broken link at seq 2: sequence gap: expected seq 1, found 2/);
  });
});

describeCliOnEngines(
  'bulwark backup [SQLite]',
  (target, inProcess) => {
    it('writes a consistent, integrity-checked copy with the same incidents to data/backups', async () => {
      const api = await inProcess();
      for (const title of ['Lost phone', 'Credential stuffing on VPN']) await openIncident(api, title);
      const result = await runCli(target(), ['backup']);
      expect(result.code, result.stderr).toBe(0);
      const file = /Backup written to (.+)$/m.exec(result.stdout)![1]!;
      expect(file.startsWith(join(target().dataDir, 'backups', 'bulwark-'))).toBe(true);
      expect(result.stdout).toMatch(/size: +[\d.]+ KiB \(\d+ bytes\)/);
      expect(result.stdout).toContain('PRAGMA integrity_check ok, 2 incidents');
      expect(readCopy(file)).toEqual({ integrity: 'ok', incidents: 2, journal: 'delete' });
      expect(existsSync(`${file}-wal`)).toBe(false);
    });

    it('copies a snapshot while another connection keeps writing', async () => {
      const api = await inProcess();
      const before = await incidentCount(api);
      const file = join(target().dataDir, 'elsewhere', 'during-writes.db');
      let writing = true;
      const writer = (async () => {
        let n = 0;
        while (writing && n < 200) await openIncident(api, `Written during backup ${(n += 1)}`);
        return n;
      })();
      const result = await runCli(target(), ['backup', file, '--json']);
      writing = false;
      const written = await writer;
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout) as { file: string; incidents: number; bytes: number };
      expect(report.file).toBe(file);
      const copy = readCopy(file);
      expect(copy.integrity).toBe('ok');
      expect(copy.incidents).toBe(report.incidents);
      expect(copy.incidents).toBeGreaterThanOrEqual(before);
      expect(copy.incidents).toBeLessThanOrEqual(before + written);
    });

    it('refuses to overwrite an existing file or the live database (exit 2)', async () => {
      const existing = join(target().dataDir, 'elsewhere', 'during-writes.db');
      const again = await runCli(target(), ['backup', existing]);
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('already exists');
      const live = await runCli(target(), ['backup', target().sqliteFile]);
      expect(live.code).toBe(2);
      expect(live.stderr).toContain('live database');
    });
  },
  ['sqlite'],
);

describeCliOnEngines(
  'bulwark backup [PostgreSQL]',
  (target) => {
    it('prints pg_dump guidance for the connection with the password masked, and exits 0', async () => {
      const url = new URL(target().databaseUrl!);
      url.password = 's3cret-pw';
      const result = await runCli(target(), ['backup'], { DATABASE_URL: url.toString() });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).not.toContain('s3cret-pw');
      url.password = '****';
      expect(result.stdout).toContain(`pg_dump --format=custom --no-owner --file=bulwark-`);
      expect(result.stdout).toContain(`--dbname='${url.toString()}'`);
      expect(result.stdout).toContain('pg_restore --clean --if-exists');
      expect(result.stdout).toMatch(/Bulwark is using PostgreSQL \d+/);
    });
  },
  ['postgres'],
);
