import { expect, it } from 'vitest';
import { describeApiOnEachEngine } from '../../support/test-app.js';

describeApiOnEachEngine('post-incident review API', (t) => {
  const open = async (body: Record<string, unknown> = {}, token?: string) => {
    const res = await t().call('POST', '/api/v1/incidents', { ...(token ? { token } : {}), body: { title: 'Ransomware on file server FS-01', category: 'malware', severity: 1, ...body } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const review = (incidentId: string) => `/api/v1/incidents/${incidentId}/review`;
  const save = (incidentId: string, body: Record<string, unknown>, options: { token?: string; version?: number } = {}) =>
    t().call('PUT', review(incidentId), { body, ...(options.token ? { token: options.token } : {}), ...(options.version !== undefined ? { headers: { 'if-match': `"${options.version}"` } } : {}) });
  // Without a body, as the web app sends it.
  const complete = (incidentId: string, token?: string) => t().call('POST', `${review(incidentId)}/complete`, { ...(token ? { token } : {}) });
  const timeline = async (incidentId: string) => (await t().call('GET', `/api/v1/incidents/${incidentId}/timeline`)).json().items as Array<{ id: string; occurred_at: string }>;

  it('creates the draft on the first save (GET answers 404 before), keeps left-out fields, and expands the chosen timeline entries in time order', async () => {
    const incident = await open();
    expect((await t().call('GET', review(incident.id))).statusCode).toBe(404);
    const note = await t().call('POST', `/api/v1/incidents/${incident.id}/timeline`, { body: { body: 'Backups found encrypted', occurred_at: '2026-01-01T10:00:00Z' } });
    expect(note.statusCode, note.body).toBe(201);
    const entries = await timeline(incident.id);
    const opened = entries.find((e) => e.id !== note.json().id)!;

    const created = await save(incident.id, {
      summary: '  Ransomware encrypted the file server.  ',
      timeline_entry_ids: [opened.id, note.json().id],
      root_causes: [{ statement: 'Unpatched VPN appliance', kind: 'root', whys: ['Patch not applied', 'No owner for the appliance'] }],
      impact: { systems_affected: 3, realised_loss: { response: 12000 } },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    const draft = created.json();
    expect(draft).toMatchObject({ status: 'draft', summary: 'Ransomware encrypted the file server.', version: 1, completed_at: null, required_fields: ['summary', 'root_causes', 'lessons'], missing_fields: ['lessons'] });
    expect(draft.impact).toEqual({ records_affected: null, people_affected: null, systems_affected: 3, downtime_minutes: null, realised_loss: { productivity: null, response: 12000, replacement: null, fines_and_judgements: null, competitive_advantage: null, reputation: null } });
    // The note happened before the incident was opened, so it comes first.
    expect(draft.timeline.map((e: { id: string }) => e.id)).toEqual([note.json().id, opened.id]);
    expect(draft.timeline[0].body).toBe('Backups found encrypted');

    const updated = await save(incident.id, { lessons: ['Own every internet-facing appliance'], impact: { downtime_minutes: 480 } }, { version: 1 });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ version: 2, summary: 'Ransomware encrypted the file server.', lessons: ['Own every internet-facing appliance'], missing_fields: [] });
    expect(updated.json().impact).toMatchObject({ systems_affected: 3, downtime_minutes: 480, realised_loss: { response: 12000 } });
    const read = await t().call('GET', review(incident.id));
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"2"');
    expect(read.json().root_causes).toEqual([{ statement: 'Unpatched VPN appliance', kind: 'root', whys: ['Patch not applied', 'No owner for the appliance'] }]);
    const audit = await t().system.database.db.selectFrom('audit_log').select('action').where('target_id', '=', draft.id).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['review.create', 'review.update']);
  });

  it('needs the version once the review exists: 428 without, 412 when someone saved since', async () => {
    const incident = await open();
    expect((await save(incident.id, { summary: 'First' })).statusCode).toBe(201);
    const without = await save(incident.id, { summary: 'Second' });
    expect(without.statusCode).toBe(428);
    const stale = await save(incident.id, { summary: 'Second' }, { version: 7 });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current_version).toBe(1);
    expect((await save(incident.id, { summary: 'Second', version: 1 })).json().version).toBe(2);
    // A first save that claims a version of a review that does not exist is stale too.
    const other = await open();
    expect((await save(other.id, { summary: 'x' }, { version: 3 })).statusCode).toBe(412);
  });

  it('refuses bad input: blank whys, unknown timeline entries, risks and people, negative amounts, unknown fields', async () => {
    const incident = await open();
    const elsewhere = await open();
    const foreignEntry = (await timeline(elsewhere.id))[0]!.id;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ root_causes: [{ statement: 'Phished', kind: 'root', whys: ['Clicked', '  '] }] }, 'root_causes.0.whys.1'],
      [{ root_causes: [{ statement: 'Phished', kind: 'root', whys: ['1', '2', '3', '4', '5', '6'] }] }, 'root_causes.0.whys'],
      [{ root_causes: [{ statement: 'Phished', kind: 'cause' }] }, 'root_causes.0.kind'],
      [{ root_causes: [{ statement: 'Phished', kind: 'root', risk_id: 'rsk_nope' }] }, 'root_causes.0.risk_id'],
      [{ timeline_entry_ids: [foreignEntry] }, 'timeline_entry_ids.0'],
      [{ participants: [{ user_id: 'usr_nobody', name: 'Nobody', role: 'scribe' }] }, 'participants.0.user_id'],
      [{ impact: { realised_loss: { reputation: -5 } } }, 'impact.realised_loss.reputation'],
      [{ impact: { records_affected: 1.5 } }, 'impact.records_affected'],
      [{ verdict: 'bad' }, 'body'],
      [{ meeting_at: 'tuesday' }, 'meeting_at'],
    ];
    for (const [body, path] of cases) {
      const res = await save(incident.id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path).join(' '), JSON.stringify(body)).toContain(path);
    }
    expect((await t().call('GET', review(incident.id))).statusCode).toBe(404);
  });

  it('refuses to complete while required fields are missing, listing them; completing lets a severity 1 incident close', async () => {
    const incident = await open();
    expect((await complete(incident.id)).statusCode).toBe(404);
    expect((await save(incident.id, { root_causes: [{ statement: 'Weak password', kind: 'contributing' }] })).statusCode).toBe(201);
    const missing = await complete(incident.id);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().missing_fields).toEqual(['summary', 'root_causes', 'lessons']);
    expect(missing.json().errors.map((e: { path: string }) => e.path)).toEqual(['summary', 'root_causes', 'lessons']);
    expect(missing.json().detail).toContain('summary, root_causes, lessons are required');

    expect((await t().call('POST', `/api/v1/incidents/${incident.id}/transitions`, { body: { to: 'post_incident', reason: 'Contained quickly' } })).statusCode).toBe(200);
    const close = () => t().call('POST', `/api/v1/incidents/${incident.id}/transitions`, { body: { to: 'closed', resolution: 'true_positive' } });
    expect((await close()).json().requirement).toBe('review_completed');

    const manager = await t().user('incident_manager');
    const responder = await t().user('responder');
    expect((await save(incident.id, { summary: 'Password sprayed', lessons: ['MFA everywhere'], root_causes: [{ statement: 'No MFA on VPN', kind: 'root', whys: ['Legacy client'] }] }, { version: 1, token: responder.token })).statusCode).toBe(200);
    const item = await t().call('POST', `/api/v1/incidents/${incident.id}/action-items`, { token: responder.token, body: { title: 'Add MFA to the VPN', kind: 'new_control' } });
    expect(item.statusCode, item.body).toBe(201);
    const refused = await complete(incident.id, responder.token);
    expect(refused.statusCode).toBe(403);
    // If-Match is optional on completing; when sent, it must be the version now (2).
    expect((await t().call('POST', `${review(incident.id)}/complete`, { token: manager.token, headers: { 'if-match': '"1"' } })).statusCode).toBe(412);
    const done = await complete(incident.id, manager.token);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().review).toMatchObject({ status: 'completed', completed_by: manager.id, version: 3, missing_fields: [] });
    // The register proposals are made in the same transaction: here the new-control action item's.
    expect(done.json().proposals).toEqual([expect.objectContaining({ kind: 'action_item', action_item_id: item.json().id, status: 'pending', review_id: done.json().review.id })]);
    const stored = await t().system.database.db.selectFrom('proposals').select(['id', 'kind']).where('review_id', '=', done.json().review.id).execute();
    expect(stored).toEqual([{ id: done.json().proposals[0].id, kind: 'action_item' }]);

    const after = (await t().call('GET', `/api/v1/incidents/${incident.id}`)).json();
    expect(after.review_completed_by).toBe(manager.id);
    expect(after.review_completed_at).toBe(done.json().review.completed_at);
    const entries = await t().system.database.db.selectFrom('timeline_entries').select(['kind', 'body']).where('incident_id', '=', incident.id).where('kind', '=', 'review_marked').execute();
    expect(entries).toEqual([{ kind: 'review_marked', body: 'Post-incident review completed' }]);
    // The old hand-set mark cannot be withdrawn under a completed review.
    const withdraw = await t().call('PUT', `/api/v1/incidents/${incident.id}/review-completed`, { body: { completed: false } });
    expect(withdraw.statusCode, withdraw.body).toBe(409);
    expect(withdraw.json().detail).toContain('cannot be withdrawn');
    expect((await close()).statusCode).toBe(200);

    // A completed review is kept as it was.
    expect((await save(incident.id, { summary: 'Rewritten' }, { version: 3 })).statusCode).toBe(409);
    expect((await complete(incident.id, manager.token)).statusCode).toBe(409);
  });

  it('follows the organisation’s required fields, including action items', async () => {
    const settings = await t().call('GET', '/api/v1/review-settings');
    expect(settings.json()).toEqual({ required_fields: ['summary', 'root_causes', 'lessons'] });
    const manager = await t().user('incident_manager');
    const responder = await t().user('responder');
    expect((await t().call('PUT', '/api/v1/review-settings', { token: responder.token, body: { required_fields: [] } })).statusCode).toBe(403);
    expect((await t().call('PUT', '/api/v1/review-settings', { token: manager.token, body: { required_fields: ['verdict'] } })).statusCode).toBe(400);
    const put = await t().call('PUT', '/api/v1/review-settings', { token: manager.token, body: { required_fields: ['meeting_at', 'action_items', 'meeting_at'] } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual({ required_fields: ['meeting_at', 'action_items'] });

    const incident = await open({ severity: 3 });
    expect((await save(incident.id, { summary: '' })).statusCode).toBe(201);
    expect((await complete(incident.id)).json().missing_fields).toEqual(['meeting_at', 'action_items']);
    expect((await save(incident.id, { meeting_at: '2026-02-03T14:00:00+01:00' }, { version: 1 })).json().meeting_at).toBe('2026-02-03T13:00:00.000Z');
    const item = await t().call('POST', `/api/v1/incidents/${incident.id}/action-items`, { body: { title: 'Rotate keys', kind: 'other' } });
    expect(item.statusCode, item.body).toBe(201);
    expect((await complete(incident.id)).statusCode).toBe(200);
    const items = (await t().call('GET', `/api/v1/incidents/${incident.id}/action-items`)).json().items;
    expect(items[0].review_id).toBe((await t().call('GET', review(incident.id))).json().id);
    expect((await t().call('PUT', '/api/v1/review-settings', { body: { required_fields: ['summary', 'root_causes', 'lessons'] } })).statusCode).toBe(200);
  });

  it('hides the review of a restricted incident from non-members (404) and refuses roles without review.write', async () => {
    const member = await t().user('responder');
    const secret = await open({ restricted: true }, member.token);
    expect((await save(secret.id, { summary: 'Insider' }, { token: member.token })).statusCode).toBe(201);
    const outsider = await t().user('incident_manager');
    expect((await t().call('GET', review(secret.id), { token: outsider.token })).statusCode).toBe(404);
    expect((await save(secret.id, { summary: 'Peek' }, { token: outsider.token, version: 1 })).statusCode).toBe(404);
    expect((await complete(secret.id, outsider.token)).statusCode).toBe(404);
    expect((await t().call('GET', `/api/v1/incidents/${secret.id}/metrics`, { token: outsider.token })).statusCode).toBe(404);
    const analyst = await t().user('analyst');
    const plain = await open();
    expect((await save(plain.id, { summary: 'x' }, { token: analyst.token })).statusCode).toBe(403);
    expect((await t().call('GET', review(secret.id), { token: null })).statusCode).toBe(401);
  });
});
