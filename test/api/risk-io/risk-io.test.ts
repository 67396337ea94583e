import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/domain/csv.js';
import { RISK_EXPORT_COLUMNS } from '../../../src/domain/risk-csv.js';
import { readJson } from '../../../src/store/dialect.js';
import { describeApiOnEachEngine, type TestApp, type TestUser } from '../../support/test-app.js';

const csv = (lines: string[]) => `${lines.join('\r\n')}\r\n`;
const HEADER = 'number,title,description,category,owner,assets,techniques,tags,inherent_likelihood,inherent_impact,treatment,treatment_details';

describeApiOnEachEngine('risk register import and export', (t) => {
  let owner: TestUser;
  const importCsv = (text: string, query: Record<string, string> = {}, token?: string) =>
    t().call('POST', '/api/v1/risks/import', { body: text, headers: { 'content-type': 'text/csv' }, query, ...(token ? { token } : {}) });
  const importJson = (body: unknown, query: Record<string, string> = {}) => t().call('POST', '/api/v1/risks/import', { body, query });
  const getRisk = async (number: string) => {
    const res = await t().call('GET', `/api/v1/risks/${number}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const countRisks = async () => Number((await t().runtime.deps.database.db.selectFrom('risks').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const historyOf = (riskId: string) => t().runtime.deps.database.db.selectFrom('risk_history').selectAll().where('risk_id', '=', riskId).orderBy('at').orderBy('id').execute();
  const problemsOf = (res: { json(): any }) => (res.json().errors as Array<{ message: string }>).map((e) => e.message);

  beforeAll(async () => {
    owner = await t().user('risk_owner', 'Rita Owner');
    for (const name of ['Payroll', 'File servers']) {
      const res = await t().call('POST', '/api/v1/assets', { body: { name, kind: 'system', criticality: 'high' } });
      expect(res.statusCode, res.body).toBe(201);
    }
  });

  describe('CSV import', () => {
    it('creates risks from a spreadsheet export: BOM, quoted commas and line breaks, owners by e-mail, assets by name', async () => {
      const text = `\uFEFF${csv([
        HEADER,
        `,"Ransomware, file servers","Encrypts shares\r\nand backups",cyber_attack,${owner.email},File servers; Payroll,T1486;t1490,Ransomware;Crown Jewels,high,very_high,mitigate,"{""plan"": ""immutable backups""}"`,
        `,Payroll fraud,,fraud,${owner.email.toUpperCase()},Payroll,,,moderate,high,accept,"{""accepted_by"": ""${owner.email}"", ""reason"": ""insured"", ""until"": ""2031-01-31""}"`,
        ',Courier outage,,third_party,,,,,low,low,,',
      ])}`;
      const before = await countRisks();
      const res = await importCsv(text);
      expect(res.statusCode, res.body).toBe(200);
      const result = res.json();
      expect(result.dry_run).toBe(false);
      expect(result.created.map((c: { row: number; title: string }) => [c.row, c.title])).toEqual([[2, 'Ransomware, file servers'], [3, 'Payroll fraud'], [4, 'Courier outage']]);
      expect(result.updated).toEqual([]);
      expect(await countRisks()).toBe(before + 3);

      const ransomware = await getRisk(result.created[0].number);
      expect(ransomware.description).toBe('Encrypts shares\r\nand backups');
      expect(ransomware.owner_id).toBe(owner.id);
      expect(ransomware.assets.map((a: { name: string }) => a.name).sort()).toEqual(['File servers', 'Payroll']);
      expect(ransomware.techniques).toEqual(['T1486', 'T1490']);
      expect(ransomware.tags).toEqual(['crown jewels', 'ransomware']);
      expect(ransomware.inherent_level).toBe('very_high');
      expect(ransomware.treatment).toBe('mitigate');
      expect(ransomware.treatment_details).toEqual({ plan: 'immutable backups' });
      const fraud = await getRisk(result.created[1].number);
      expect(fraud.status).toBe('accepted');
      expect(fraud.treatment_details).toMatchObject({ accepted_by: owner.id, reason: 'insured', until: '2031-01-31T00:00:00.000Z' });
      const courier = await getRisk(result.created[2].number);
      expect(courier.owner_id).toBeNull();
      expect(courier.treatment).toBeNull();
    });

    it('answers what would happen on a dry run and keeps nothing', async () => {
      const before = await countRisks();
      const res = await importCsv(csv(['title,category,inherent_likelihood,inherent_impact', 'Dry run risk,outage,low,moderate']), { dry_run: 'true' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ dry_run: true, created: [{ row: 2, title: 'Dry run risk' }], updated: [], unchanged: [] });
      expect(res.json().created[0].number).toMatch(/^RISK-\d{4}$/);
      expect(await countRisks()).toBe(before);
      const audit = await t().runtime.deps.database.db.selectFrom('audit_log').select('details').where('action', '=', 'risk.create').execute();
      expect(audit.some((a) => JSON.stringify(readJson(a.details)).includes('Dry run risk'))).toBe(false);
    });

    it('updates the risk a number names, only in the columns the file has, with a history entry', async () => {
      const created = (await importCsv(csv(['title,category,inherent_likelihood,inherent_impact,tags', 'Supplier breach,third_party,low,low,vendor']))).json().created[0];
      const before = await getRisk(created.number);
      const res = await importCsv(csv(['number,title,inherent_likelihood', `${created.number.toLowerCase()},Supplier data breach,very_high`]));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().created).toEqual([]);
      expect(res.json().updated).toEqual([{ row: 2, number: created.number, fields: expect.arrayContaining(['title', 'inherent_likelihood']) }]);
      const after = await getRisk(created.number);
      expect(after).toMatchObject({ title: 'Supplier data breach', inherent_likelihood: 'very_high', inherent_impact: 'low', category: 'third_party', tags: ['vendor'], version: before.version + 1 });
      const history = await historyOf(before.id);
      const last = history.at(-1)!;
      expect(last.action).toBe('risk.update');
      expect(last.reason).toBe('import');
      expect(readJson(last.changes)).toMatchObject({ title: { before: 'Supplier breach', after: 'Supplier data breach' }, inherent_likelihood: { before: 'low', after: 'very_high' } });

      // The same file again changes nothing and writes no history.
      const again = await importCsv(csv(['number,title,inherent_likelihood', `${created.number},Supplier data breach,very_high`]));
      expect(again.json()).toMatchObject({ updated: [], unchanged: [{ row: 2, number: created.number }] });
      expect(await historyOf(before.id)).toHaveLength(history.length);
    });

    it('creates missing assets only when asked', async () => {
      const file = csv(['title,category,inherent_likelihood,inherent_impact,assets', 'Warehouse fire,physical,low,high,Warehouse 7;Payroll']);
      const refused = await importCsv(file);
      expect(refused.statusCode).toBe(400);
      expect(problemsOf(refused)).toEqual(['row 2, column assets: no asset named "Warehouse 7" (add it under Assets first, or import with create_missing_assets=true)']);
      const res = await importCsv(file, { create_missing_assets: 'true' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().assets_created).toEqual(['Warehouse 7']);
      const risk = await getRisk(res.json().created[0].number);
      expect(risk.assets.map((a: { name: string }) => a.name).sort()).toEqual(['Payroll', 'Warehouse 7']);
    });
  });

  describe('export', () => {
    it('exports every risk as CSV in the documented columns, formulas kept inert', async () => {
      await importCsv(csv(['title,category,inherent_likelihood,inherent_impact', '"=HYPERLINK(""http://evil.example"")",fraud,low,low']));
      const res = await t().call('GET', '/api/v1/risks/export', { query: { format: 'csv' } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toMatch(/attachment; filename="risk-register-\d{4}-\d{2}-\d{2}\.csv"/);
      const parsed = parseCsv(res.body);
      if (!parsed.ok) throw new Error('export is not valid CSV');
      const [header, ...rows] = parsed.records;
      expect(header).toEqual([...RISK_EXPORT_COLUMNS]);
      expect(rows).toHaveLength(await countRisks());
      const column = (name: string) => header!.indexOf(name);
      const fraud = rows.find((r) => r[column('title')] === 'Payroll fraud')!;
      expect(fraud[column('owner')]).toBe(owner.email);
      expect(fraud[column('assets')]).toBe('Payroll');
      expect(JSON.parse(fraud[column('treatment_details')]!)).toMatchObject({ accepted_by: owner.email, reason: 'insured' });
      expect(rows.some((r) => r[column('title')] === `'=HYPERLINK("http://evil.example")`)).toBe(true);
    });

    it('imports its own CSV and JSON exports back without changing anything', async () => {
      // A risk whose owner has since left (account disabled) still round-trips.
      const leaver = await t().user('risk_owner', 'Lee Leaver');
      expect((await importCsv(csv(['title,category,owner,inherent_likelihood,inherent_impact', `Leaver's risk,insider,${leaver.email},low,low`]))).statusCode).toBe(200);
      await t().runtime.deps.database.db.updateTable('users').set({ disabled_at: new Date().toISOString() }).where('id', '=', leaver.id).execute();
      const ids = (await t().runtime.deps.database.db.selectFrom('risks').select('id').execute()).map((r) => r.id);
      const historyBefore = (await Promise.all(ids.map(historyOf))).flat().length;
      for (const format of ['csv', 'json'] as const) {
        const exported = await t().call('GET', '/api/v1/risks/export', { query: { format } });
        expect(exported.statusCode).toBe(200);
        const res = format === 'csv' ? await importCsv(exported.body) : await importJson(JSON.parse(exported.body));
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().created).toEqual([]);
        expect(res.json().updated).toEqual([]);
        expect(res.json().unchanged).toHaveLength(ids.length);
      }
      expect((await Promise.all(ids.map(historyOf))).flat().length).toBe(historyBefore);
      const hyperlink = (await t().call('GET', '/api/v1/risks', { query: { q: 'HYPERLINK' } })).json().items[0];
      expect(hyperlink.title).toBe('=HYPERLINK("http://evil.example")');
      // A new risk cannot be given to a disabled account.
      const refused = await importCsv(csv(['title,category,owner,inherent_likelihood,inherent_impact', `Another,insider,${leaver.email},low,low`]));
      expect(problemsOf(refused)).toEqual([`row 2, column owner: "${leaver.email}" is not an active user of this organisation (give the owner's e-mail address)`]);
    });

    it('exports JSON with typed values', async () => {
      const res = await t().call('GET', '/api/v1/risks/export', { query: { format: 'json' } });
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const rows = JSON.parse(res.body) as Array<Record<string, unknown>>;
      const ransomware = rows.find((r) => r.title === 'Ransomware, file servers')!;
      expect(ransomware).toMatchObject({ owner: owner.email, techniques: ['T1486', 'T1490'], treatment_details: { plan: 'immutable backups' }, review_cadence_days: 90, over_appetite: true });
      expect(Object.keys(ransomware)).toEqual([...RISK_EXPORT_COLUMNS]);
    });
  });

  describe('bad input: nothing half-imported, every problem with its row and column', () => {
    it('names the row and column of an unknown level, and what is allowed', async () => {
      const before = await countRisks();
      const res = await importCsv(csv(['title,category,inherent_likelihood,inherent_impact', 'Good one,outage,low,low', 'Bad one,outage,medium,low', 'Another,outage,high,enormous']));
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(problemsOf(res)).toEqual([
        'row 3, column inherent_likelihood: "medium" is not a likelihood level (very_low, low, moderate, high, very_high)',
        'row 4, column inherent_impact: "enormous" is not an impact level (very_low, low, moderate, high, very_high)',
      ]);
      expect(res.json().problems[0]).toEqual({ row: 3, column: 'inherent_likelihood', message: '"medium" is not a likelihood level (very_low, low, moderate, high, very_high)' });
      expect(res.json().detail).toMatch(/^Nothing was imported: 2 problems/);
      expect(await countRisks()).toBe(before);
    });

    it('refuses unknown and repeated columns, and rows with the wrong number of fields', async () => {
      const unknown = await importCsv(csv(['title,category,colour,inherent_likelihood,inherent_impact', 'X,outage,red,low,low']));
      expect(unknown.statusCode).toBe(400);
      expect(problemsOf(unknown)[0]).toMatch(/^row 1, column colour: "colour" is not a column of the risk register \(number, title, /);
      const repeated = await importCsv(csv(['title,title,category,inherent_likelihood,inherent_impact', 'X,Y,outage,low,low']));
      expect(problemsOf(repeated)).toEqual(['row 1, column title: column 2 repeats "title"']);
      const ragged = await importCsv(csv(['title,category,inherent_likelihood,inherent_impact', 'Plain,outage,low,low', 'Comma, unquoted,outage,low,low']));
      expect(problemsOf(ragged)).toEqual(['row 3: has 5 fields, the header has 4 (a comma inside a value needs the value in double quotes)']);
      const missing = await importCsv(csv(['title,category', 'No levels,outage']));
      expect(problemsOf(missing)).toEqual([
        'row 2, column inherent_likelihood: is required for a new risk (the row has no number)',
        'row 2, column inherent_impact: is required for a new risk (the row has no number)',
      ]);
      const unclosed = await importCsv('title,category\r\n"open,outage\r\n');
      expect(problemsOf(unclosed)[0]).toMatch(/^row 2: a quoted field opened at character \d+ is never closed/);
    });

    it('refuses duplicate and unknown numbers, unknown owners and bad statuses, treatments and dates', async () => {
      const number = (await getRisk((await importCsv(csv(['title,category,inherent_likelihood,inherent_impact', 'Numbered,outage,low,low']))).json().created[0].number)).number;
      const res = await importCsv(
        csv([
          'number,title,status,owner,treatment,next_review_at,review_cadence_days,techniques',
          `${number},A,assessed,,,2027-01-01,30,`,
          `${number},B,assessed,,,,,`,
          'RISK-9999,C,,,,,,',
          'R-1,D,,,,,,',
          `${number.replace(/\d+$/, '0000')},E,open,nobody@example.test,ignore,next week,0,T99`,
        ]),
      );
      expect(res.statusCode).toBe(400);
      expect(problemsOf(res)).toEqual(
        expect.arrayContaining([
          `row 3, column number: ${number} is also on row 2; a risk appears once in an import`,
          'row 4, column number: there is no risk RISK-9999 in the register (leave number empty to create a risk)',
          'row 5, column number: "R-1" is not a risk number (RISK-0001); leave it empty to create a risk',
          'row 6, column status: "open" is not a status (identified, assessed, treating, accepted, closed)',
          'row 6, column treatment: "ignore" is not a treatment (mitigate, accept, transfer, avoid, or empty for none)',
          'row 6, column next_review_at: "next week" is not a date (YYYY-MM-DD) or an ISO 8601 instant',
          'row 6, column review_cadence_days: "0" is not a number of days from 1 to 3650',
          'row 6, column techniques: "T99" is not an ATT&CK technique id (T1234 or T1234.001)',
          'row 6, column owner: "nobody@example.test" is not an active user of this organisation (give the owner\'s e-mail address)',
        ]),
      );
      expect((await getRisk(number)).title).toBe('Numbered');
    });

    it('refuses the whole file when a row fails the register rules, naming the row', async () => {
      const before = await countRisks();
      const res = await importCsv(csv(['title,category,inherent_likelihood,inherent_impact,treatment,treatment_details', 'Fine,outage,low,low,,', 'Accepted without until,outage,low,low,accept,"{""reason"": ""cheap""}"']));
      expect(res.statusCode).toBe(400);
      expect(problemsOf(res)).toEqual(expect.arrayContaining([expect.stringMatching(/^row 3, column treatment_details: treatment_details\.until: until when the acceptance holds/)]));
      expect(await countRisks()).toBe(before);
    });

    it('refuses JSON that is not an array of objects, other content types, and empty files', async () => {
      expect((await importJson({ risks: [] })).statusCode).toBe(400);
      const items = await importJson([{ title: 'ok', category: 'outage', inherent_likelihood: 'low', inherent_impact: 'low' }, 'text']);
      expect(problemsOf(items)).toEqual(['row 2: is not an object']);
      const typed = await importJson([{ title: 'ok', category: 'outage', inherent_likelihood: 'low', inherent_impact: 'low', tags: 5, colour: 'red' }]);
      expect(problemsOf(typed)).toEqual(expect.arrayContaining(['row 1, column tags: a list is expected (in CSV: items separated by ";")', expect.stringMatching(/^row 1, column colour: "colour" is not a field/)]));
      const plain = await t().call('POST', '/api/v1/risks/import', { body: 'title\nX', headers: { 'content-type': 'text/plain' } });
      expect(plain.statusCode).toBe(400);
      expect(plain.json().detail).toMatch(/text\/csv or application\/json/);
      expect((await importCsv('')).statusCode).toBe(400);
      expect((await importCsv(csv(['title,category,inherent_likelihood,inherent_impact']))).json().detail).toBe('The file has no risks to import.');
    });

    it('refuses a file over 10 MB with 413', async () => {
      const row = 'A risk with a long description,outage,low,low,' + 'x'.repeat(1000);
      const big = csv(['title,category,inherent_likelihood,inherent_impact,description', ...Array.from({ length: 10_600 }, () => row)]);
      expect(big.length).toBeGreaterThan(10 * 1024 * 1024);
      const res = await importCsv(big);
      expect(res.statusCode).toBe(413);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    });
  });

  describe('authorisation', () => {
    it('lets every role export and only risk writers import', async () => {
      const stakeholder = await t().user('stakeholder');
      expect((await t().call('GET', '/api/v1/risks/export', { token: stakeholder.token })).statusCode).toBe(200);
      const refused = await importCsv(csv(['title,category,inherent_likelihood,inherent_impact', 'Nope,outage,low,low']), {}, stakeholder.token);
      expect(refused.statusCode).toBe(403);
      const allowed = await importCsv(csv(['title,category,inherent_likelihood,inherent_impact', 'Owner import,outage,low,low']), {}, owner.token);
      expect(allowed.statusCode, allowed.body).toBe(200);
      expect((await t().call('GET', '/api/v1/risks/export', { token: null })).statusCode).toBe(401);
    });
  });
});

/** Helps TypeScript see the suite's TestApp type is used. */
export type { TestApp };
