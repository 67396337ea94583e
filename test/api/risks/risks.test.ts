import { describe, expect, it } from 'vitest';
import { describeApiOnEachEngine } from '../../support/test-app.js';

const body = (extra: Record<string, unknown> = {}) => ({ title: 'Ransomware encrypts the file servers', category: 'cyber_attack', inherent_likelihood: 'high', inherent_impact: 'very_high', ...extra });

describeApiOnEachEngine('risks API', (t) => {
  const create = async (extra: Record<string, unknown> = {}, token?: string) => t().call('POST', '/api/v1/risks', { body: body(extra), ...(token ? { token } : {}) });
  const count = async (filter: Record<string, string> = {}) => {
    let n = 0;
    let cursor: string | null = null;
    do {
      const page: { items: unknown[]; next_cursor: string | null } = (await t().call('GET', '/api/v1/risks', { query: { ...filter, limit: '200', ...(cursor ? { cursor } : {}) } })).json();
      n += page.items.length;
      cursor = page.next_cursor;
    } while (cursor);
    return n;
  };

  describe('create and read', () => {
    it('answers 201 with a numbered, scored risk and an ETag; GET finds it by id and by number', async () => {
      const res = await create({ techniques: ['t1486'], tags: ['Finance', 'finance'], playbooks: [{ title: 'Ransomware', url: 'https://wiki.example/ransomware' }] });
      expect(res.statusCode, res.body).toBe(201);
      const risk = res.json();
      expect(risk.id).toMatch(/^rsk_/);
      expect(risk.number).toMatch(/^RISK-\d{4}$/);
      expect(risk).toMatchObject({ status: 'identified', inherent_level: 'very_high', residual_level: 'very_high', over_appetite: true, techniques: ['T1486'], tags: ['finance'], review_cadence_days: 90, version: 1 });
      expect(risk.residual).toEqual({ likelihood: 'high', impact: 'very_high', level: 'very_high', assessed: false });
      expect(risk).not.toHaveProperty('organisation_id');
      expect(res.headers.etag).toBe('"1"');
      const byNumber = await t().call('GET', `/api/v1/risks/${risk.number.toLowerCase()}`);
      expect(byNumber.statusCode).toBe(200);
      expect(byNumber.json()).toMatchObject({ id: risk.id, assets: [], controls: [], latest_simulation: null });
      expect((await t().call('GET', '/api/v1/risks/RISK-9999')).statusCode).toBe(404);
    });

    it('links assets and shows them on the risk', async () => {
      const db = t().runtime.deps.database.db;
      const now = new Date().toISOString();
      const assetId = `ast_${Date.now().toString(36)}`;
      await db
        .insertInto('assets')
        .values({ id: assetId, organisation_id: t().runtime.organisationId, name: `File servers ${assetId}`, kind: 'system', description: '', owner_id: null, criticality: 'high', data_classifications: '[]', jurisdictions: '[]', tags: '[]', retired_at: null, created_at: now, created_by: t().admin.id, updated_at: now, updated_by: t().admin.id, version: 1 })
        .execute();
      const res = await create({ asset_ids: [assetId] });
      expect(res.statusCode, res.body).toBe(201);
      const detail = (await t().call('GET', `/api/v1/risks/${res.json().id}`)).json();
      expect(detail.assets).toEqual([{ id: assetId, name: `File servers ${assetId}`, kind: 'system' }]);
      const filtered = (await t().call('GET', '/api/v1/risks', { query: { asset_id: assetId } })).json();
      expect(filtered.items.map((r: { id: string }) => r.id)).toEqual([res.json().id]);
    });

    it('replays a create with the same Idempotency-Key', async () => {
      const headers = { 'idempotency-key': `risk-${Math.random()}` };
      const first = await t().call('POST', '/api/v1/risks', { body: body(), headers });
      const second = await t().call('POST', '/api/v1/risks', { body: body(), headers });
      expect(second.statusCode).toBe(201);
      expect(second.json().id).toBe(first.json().id);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect((await t().call('POST', '/api/v1/risks', { body: body({ title: 'Other' }), headers })).statusCode).toBe(409);
    });

    it('records an acceptance with who, why and until', async () => {
      const until = new Date(Date.now() + 30 * 86_400_000).toISOString();
      const res = await create({ treatment: 'accept', treatment_details: { accepted_by: t().admin.id, reason: 'Cheaper than the fix', until } });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().status).toBe('accepted');
      expect(res.json().treatment_details).toMatchObject({ accepted_by: t().admin.id, reason: 'Cheaper than the fix', until });
      expect(res.json().treatment_details.accepted_at).toBeTruthy();
    });

    it.each([
      ['an unknown likelihood level', { inherent_likelihood: 'medium' }, 'inherent_likelihood'],
      ['an unknown impact level', { inherent_impact: 'huge' }, 'inherent_impact'],
      ['a residual with likelihood only', { residual_likelihood: 'low' }, 'residual_impact'],
      ['an acceptance without until', { treatment: 'accept', treatment_details: { accepted_by: 'usr_x', reason: 'why not' } }, 'treatment_details.until'],
      ['an acceptance by nobody known', { treatment: 'accept', treatment_details: { accepted_by: 'usr_nobody', reason: 'r', until: '2030-01-01T00:00:00Z' } }, 'treatment_details.accepted_by'],
      ['a transfer without reference', { treatment: 'transfer', treatment_details: { party: 'Lloyds' } }, 'treatment_details.reference'],
      ['status accepted without the accept treatment', { status: 'accepted' }, 'status'],
      ['an unknown owner', { owner_id: 'usr_nobody' }, 'owner_id'],
      ['an unknown asset', { asset_ids: ['ast_nothing'] }, 'asset_ids.0'],
      ['a technique that is not ATT&CK', { techniques: ['phishing'] }, 'body.techniques.0'],
      ['an unknown field', { bogus: 1 }, 'body'],
      ['an empty title', { title: '  ' }, 'body.title'],
      ['FAIR inputs with min > max', { fair_inputs: { threat_event_frequency: { min: 5, most_likely: 3, max: 1 }, vulnerability: 0.5, primary_loss: 1000 } }, 'body.fair_inputs'],
      ['a vulnerability above 1', { fair_inputs: { threat_event_frequency: 2, vulnerability: 1.5, primary_loss: 1000 } }, 'body.fair_inputs.vulnerability'],
    ])('refuses %s with a 400 naming the field, and writes nothing', async (_label, extra, path) => {
      const before = await count();
      const res = await create(extra);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { path: string }) => e.path).join(' ')).toContain(path);
      expect(await count()).toBe(before);
    });

    it('keeps valid FAIR inputs on the risk', async () => {
      const fair = { threat_event_frequency: { min: 0.5, most_likely: 2, max: 6 }, vulnerability: 0.3, primary_loss: { low: 10_000, high: 500_000 } };
      const res = await create({ fair_inputs: fair });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().fair_inputs).toEqual(fair);
    });
  });

  describe('edit, review and history', () => {
    it('edits with If-Match, re-scores, and keeps every change with the reason in the history and the audit log', async () => {
      const risk = (await create()).json();
      const res = await t().call('PATCH', `/api/v1/risks/${risk.id}`, { body: { residual_likelihood: 'low', residual_impact: 'low', title: 'Ransomware on FS01', reason: 'EDR deployed' }, headers: { 'if-match': '"1"' } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ title: 'Ransomware on FS01', residual_level: 'low', over_appetite: false, version: 2 });
      expect(res.json().residual).toEqual({ likelihood: 'low', impact: 'low', level: 'low', assessed: true });
      expect(res.headers.etag).toBe('"2"');

      const history = (await t().call('GET', `/api/v1/risks/${risk.number}/history`)).json();
      expect(history.items.map((h: { action: string }) => h.action)).toEqual(['risk.create', 'risk.update']);
      const update = history.items[1];
      expect(update.reason).toBe('EDR deployed');
      expect(update.changes).toMatchObject({
        title: { before: 'Ransomware encrypts the file servers', after: 'Ransomware on FS01' },
        residual_likelihood: { before: null, after: 'low' },
        residual_level: { before: 'very_high', after: 'low' },
        over_appetite: { before: true, after: false },
      });
      expect(update.residual_level).toBe('low');

      const audit = (await t().call('GET', '/api/v1/audit', { query: { target_type: 'risk', target_id: risk.id } })).json();
      expect(audit.items.map((e: { action: string }) => e.action).sort()).toEqual(['risk.create', 'risk.update']);
      expect(audit.items.find((e: { action: string }) => e.action === 'risk.update').details).toMatchObject({ reason: 'EDR deployed', changes: { title: { after: 'Ransomware on FS01' } } });
    });

    it('answers 412 for a stale version and 428 without one, changing nothing', async () => {
      const risk = (await create()).json();
      expect((await t().call('PATCH', `/api/v1/risks/${risk.id}`, { body: { title: 'A' }, headers: { 'if-match': '"1"' } })).statusCode).toBe(200);
      const stale = await t().call('PATCH', `/api/v1/risks/${risk.id}`, { body: { title: 'B' }, headers: { 'if-match': '"1"' } });
      expect(stale.statusCode).toBe(412);
      expect(stale.json().current_version).toBe(2);
      expect((await t().call('PATCH', `/api/v1/risks/${risk.id}`, { body: { title: 'C' } })).statusCode).toBe(428);
      expect((await t().call('GET', `/api/v1/risks/${risk.id}`)).json()).toMatchObject({ title: 'A', version: 2 });
    });

    it('refuses a switch to accept without until, with the field path, and keeps the risk as it was', async () => {
      const risk = (await create()).json();
      const res = await t().call('PATCH', `/api/v1/risks/${risk.id}`, { body: { treatment: 'accept', treatment_details: { accepted_by: t().admin.id, reason: 'r' } }, headers: { 'if-match': '"1"' } });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain('treatment_details.until');
      expect((await t().call('GET', `/api/v1/risks/${risk.id}`)).json()).toMatchObject({ treatment: null, version: 1 });
      const history = (await t().call('GET', `/api/v1/risks/${risk.id}/history`)).json();
      expect(history.items).toHaveLength(1);
    });

    it('moves the status with a treatment decision, and back when it is withdrawn', async () => {
      const risk = (await create({ status: 'assessed' })).json();
      const until = new Date(Date.now() + 86_400_000 * 30).toISOString();
      const accepted = await t().call('PATCH', `/api/v1/risks/${risk.id}`, { body: { treatment: 'accept', treatment_details: { accepted_by: t().admin.id, reason: 'Budget next year', until } }, headers: { 'if-match': '"1"' } });
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect(accepted.json()).toMatchObject({ status: 'accepted', treatment: 'accept' });
      const transferred = await t().call('PATCH', `/api/v1/risks/${risk.id}`, { body: { treatment: 'transfer', treatment_details: { party: 'Cyber insurer', reference: 'POL-42', kind: 'insurance' } }, headers: { 'if-match': '"2"' } });
      expect(transferred.json()).toMatchObject({ status: 'treating', treatment_details: { party: 'Cyber insurer', reference: 'POL-42', kind: 'insurance' } });
      const withdrawn = await t().call('PATCH', `/api/v1/risks/${risk.id}`, { body: { treatment: null }, headers: { 'if-match': '"3"' } });
      expect(withdrawn.json()).toMatchObject({ status: 'assessed', treatment: null, treatment_details: {} });
      const closed = await t().call('PATCH', `/api/v1/risks/${risk.id}`, { body: { status: 'closed', reason: 'Server decommissioned' }, headers: { 'if-match': '"4"' } });
      expect(closed.json()).toMatchObject({ status: 'closed', over_appetite: false });
    });

    it('records a review: next review one cadence later', async () => {
      const risk = (await create({ review_cadence_days: 30 })).json();
      const res = await t().call('POST', `/api/v1/risks/${risk.id}/review`, { body: { note: 'Still relevant' } });
      expect(res.statusCode, res.body).toBe(200);
      const reviewed = res.json();
      expect(reviewed.last_reviewed_at).toBeTruthy();
      expect(Date.parse(reviewed.next_review_at) - Date.parse(reviewed.last_reviewed_at)).toBe(30 * 86_400_000);
      const history = (await t().call('GET', `/api/v1/risks/${risk.id}/history`, { query: { limit: '1' } })).json();
      expect(history.items).toHaveLength(1);
      const next = (await t().call('GET', `/api/v1/risks/${risk.id}/history`, { query: { limit: '1', cursor: history.next_cursor } })).json();
      expect(next.items[0]).toMatchObject({ action: 'risk.review', reason: 'Still relevant' });
      expect((await t().call('POST', `/api/v1/risks/${risk.id}/review`, { body: {}, headers: { 'if-match': '"1"' } })).statusCode).toBe(412);
    });

    it('refuses roles that cannot write, and answers 404 for an unknown risk', async () => {
      const analyst = await t().user('analyst');
      expect((await create({}, analyst.token)).statusCode).toBe(403);
      const risk = (await create()).json();
      expect((await t().call('PATCH', `/api/v1/risks/${risk.id}`, { body: { title: 'x' }, headers: { 'if-match': '"1"' }, token: analyst.token })).statusCode).toBe(403);
      expect((await t().call('GET', `/api/v1/risks/${risk.id}`, { token: analyst.token })).statusCode).toBe(200);
      expect((await t().call('PATCH', '/api/v1/risks/rsk_nothing', { body: { title: 'x' }, headers: { 'if-match': '"1"' } })).statusCode).toBe(404);
    });
  });

  describe('register list, heat map and dashboard', () => {
    it('filters, searches and pages with a stable cursor, highest residual first', async () => {
      const tag = `p${Date.now().toString(36)}`;
      const levels: Array<[string, string]> = [['very_low', 'very_low'], ['moderate', 'moderate'], ['very_high', 'very_high'], ['high', 'high'], ['low', 'moderate']];
      for (const [likelihood, impact] of levels) {
        expect((await create({ title: `${tag} ${likelihood}/${impact}`, inherent_likelihood: likelihood, inherent_impact: impact, category: tag })).statusCode).toBe(201);
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = (await t().call('GET', '/api/v1/risks', { query: { category: tag, limit: '2', ...(cursor ? { cursor } : {}) } })).json();
        seen.push(...page.items.map((r: { residual_level: string }) => r.residual_level));
        cursor = page.next_cursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(['very_high', 'high', 'moderate', 'low', 'very_low']);
      const ascending = (await t().call('GET', '/api/v1/risks', { query: { category: tag, direction: 'asc', limit: '3' } })).json();
      const rest = (await t().call('GET', '/api/v1/risks', { query: { category: tag, direction: 'asc', limit: '3', cursor: ascending.next_cursor } })).json();
      expect([...ascending.items, ...rest.items].map((r: { residual_level: string }) => r.residual_level)).toEqual(['very_low', 'low', 'moderate', 'high', 'very_high']);

      const q = (query: Record<string, string>) => t().call('GET', '/api/v1/risks', { query: { category: tag, ...query } });
      expect((await q({ level: 'moderate,high' })).json().items).toHaveLength(2);
      expect((await q({ over_appetite: 'true' })).json().items).toHaveLength(2);
      expect((await q({ likelihood: 'low', impact: 'moderate', basis: 'inherent' })).json().items.map((r: { title: string }) => r.title)).toEqual([`${tag} low/moderate`]);
      expect((await q({ q: 'very_low/very' })).json().items).toHaveLength(1);
      expect((await q({ q: tag })).json().items).toHaveLength(5);
      const one = (await q({ limit: '1' })).json().items[0];
      expect((await q({ q: one.number })).json().items.map((r: { id: string }) => r.id)).toEqual([one.id]);
      const byNumber = (await q({ sort: 'number', direction: 'asc' })).json().items.map((r: { number: string }) => r.number);
      expect(byNumber).toEqual([...byNumber].sort());
      expect((await q({ likelihood: 'low' })).statusCode).toBe(400);
      expect((await q({ cursor: 'garbage' })).statusCode).toBe(400);
      expect((await q({ level: 'x'.repeat(41) })).statusCode).toBe(400);
    });

    it('sorts by annual loss, the unquantified last, across pages in both directions', async () => {
      const tag = `loss${Date.now().toString(36)}`;
      const losses = [500, null, 20_000, 7_000, null, 7_000];
      const db = t().runtime.deps.database.db;
      for (const [n, loss] of losses.entries()) {
        const risk = (await create({ title: `${tag} ${n}`, category: tag })).json();
        if (loss !== null) await db.updateTable('risks').set({ annual_loss_mean: loss }).where('id', '=', risk.id).execute();
      }
      const walk = async (direction: string) => {
        const seen: Array<number | null> = [];
        let cursor: string | undefined;
        do {
          const page = (await t().call('GET', '/api/v1/risks', { query: { category: tag, sort: 'annual_loss_mean', direction, limit: '2', ...(cursor ? { cursor } : {}) } })).json();
          seen.push(...page.items.map((r: { annual_loss_mean: number | null }) => r.annual_loss_mean));
          cursor = page.next_cursor ?? undefined;
        } while (cursor);
        return seen;
      };
      expect(await walk('desc')).toEqual([20_000, 7_000, 7_000, 500, null, null]);
      expect(await walk('asc')).toEqual([500, 7_000, 7_000, 20_000, null, null]);
    });

    it('counts open risks per cell like the matrix table, inherent and residual', async () => {
      const before = (await t().call('GET', '/api/v1/risks/heat-map', { query: { basis: 'inherent' } })).json();
      await create({ inherent_likelihood: 'very_high', inherent_impact: 'low', residual_likelihood: 'very_low', residual_impact: 'low' });
      const inherent = (await t().call('GET', '/api/v1/risks/heat-map', { query: { basis: 'inherent' } })).json();
      expect(inherent.basis).toBe('inherent');
      expect(inherent.likelihood_levels.map((l: { id: string }) => l.id)).toEqual(['very_low', 'low', 'moderate', 'high', 'very_high']);
      expect(inherent.cells[4][1]).toEqual({ level: 'low', count: before.cells[4][1].count + 1 });
      const residual = (await t().call('GET', '/api/v1/risks/heat-map')).json();
      expect(residual.basis).toBe('residual');
      expect(residual.cells[0][1].count).toBeGreaterThanOrEqual(1);
      expect(residual.cells[0][1].level).toBe('very_low');
      expect((await t().call('GET', '/api/v1/risks/heat-map', { query: { basis: 'both' } })).statusCode).toBe(400);
    });

    it('shows top risks, over appetite, overdue reviews, expired acceptances and a 12-month trend', async () => {
      const overdue = (await create({ title: 'Overdue review', next_review_at: '2020-01-01T00:00:00Z' })).json();
      const clock = new Date(Date.now() + 60_000).toISOString();
      const accepted = (await create({ title: 'Short acceptance', treatment: 'accept', treatment_details: { accepted_by: t().admin.id, reason: 'r', until: clock, accepted_at: '2020-01-01T00:00:00Z' } })).json();
      await t().runtime.deps.database.db.updateTable('risks').set({ treatment_details: JSON.stringify({ accepted_by: t().admin.id, reason: 'r', until: '2021-01-01T00:00:00.000Z', accepted_at: '2020-01-01T00:00:00.000Z' }) }).where('id', '=', accepted.id).execute();
      const d = (await t().call('GET', '/api/v1/risks/dashboard')).json();
      expect(d.top.length).toBeLessThanOrEqual(10);
      expect(d.top[0].residual_level).toBe('very_high');
      expect(d.over_appetite.every((r: { over_appetite: boolean }) => r.over_appetite)).toBe(true);
      expect(d.overdue_reviews.map((r: { id: string }) => r.id)).toContain(overdue.id);
      expect(d.expired_acceptances.map((r: { id: string }) => r.id)).toEqual([accepted.id]);
      expect(d.trend).toHaveLength(12);
      const last = d.trend.at(-1);
      expect(Object.keys(last.by_level)).toEqual(['very_low', 'low', 'moderate', 'high', 'very_high']);
      expect(Object.values(last.by_level as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(await count({ status: 'identified,assessed,treating,accepted' }));
      expect(d.trend[0].date < last.date).toBe(true);
    });
  });
});
