import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { RECEIPT_STATEMENT } from '../../../src/domain/custody.js';
import { chainHash, type ChainLink } from '../../../src/domain/hash-chain.js';
import { custodyChain } from '../../../src/store/repositories/custody-events.js';
import { Readable } from 'node:stream';
import { addEvidenceFile } from '../../../src/services/evidence/add-evidence-file.js';
import { addEvidenceItem } from '../../../src/services/evidence/add-evidence-item.js';
import { describeApiOnEachEngine, type TestApp, type TestUser } from '../../support/test-app.js';
import { openIncident } from './fixtures.js';

const actingAs = (t: TestApp, who: TestUser) => ({ ...t.runtime.deps, actor: { userId: who.id, organisationId: t.runtime.organisationId, role: who.role, principal: who.id } });

/** A seized laptop recorded by `who` (the admin by default), who then holds it. */
async function seizedLaptop(t: TestApp, incidentId: string, who: TestUser = t.admin) {
  return addEvidenceItem(actingAs(t, who), incidentId, { kind: 'physical', title: 'Finance laptop WS-042', serial_numbers: ['5CG1234XYZ'], physical_location: 'Safe 2, room 4.12', collected_at: '2026-01-05T09:00:00Z' });
}

/** A stored log file collected by `who`. */
async function authLog(t: TestApp, incidentId: string, who: TestUser) {
  const stream = Readable.from([Buffer.from('Jan 5 09:00:01 sshd[1]: Accepted password for root\n')]);
  return addEvidenceFile(actingAs(t, who), incidentId, { kind: 'log', collected_at: '2026-01-05T09:00:00Z' }, { fileName: 'auth.log', mediaType: 'text/plain', stream });
}

describeApiOnEachEngine('evidence chain of custody API', (t) => {
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  beforeAll(async () => {
    alice = await t().user('responder', 'Alice Archer');
    bob = await t().user('analyst', 'Bob Baker');
    carol = await t().user('responder', 'Carol Cole');
  });

  const custody = (id: string) => `/api/v1/evidence/${id}/custody`;
  const record = (id: string, body: Record<string, unknown>, token: string) => t().call('POST', custody(id), { token, body });
  const log = async (id: string, token?: string) => {
    const res = await t().call('GET', custody(id), token ? { token } : {});
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const item = async (id: string) => (await t().call('GET', `/api/v1/evidence/${id}`)).json();
  const held = async (who: TestUser, incidentBody: Record<string, unknown> = {}) => {
    const incident = await openIncident(t(), incidentBody);
    return { incident, evidence: await seizedLaptop(t(), incident.id, who) };
  };
  const custodyRows = () => t().system.database.db.selectFrom('custody_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();

  it('hands an item over: A transfers to B, B signs for it and holds it, A can no longer check it out', async () => {
    const { incident, evidence } = await held(alice);
    const transfer = await record(evidence.id, { action: 'transferred', to_user_id: bob.id, location: 'Evidence room 4.12', purpose: 'Imaging at the lab', occurred_at: '2026-01-06T10:00:00+01:00', notes: 'Sealed bag #4471' }, alice.token);
    expect(transfer.statusCode, transfer.body).toBe(201);
    expect(transfer.json()).toMatchObject({
      seq: 2,
      action: 'transferred',
      actor: { id: alice.id, name: 'Alice Archer' },
      from_user: { id: alice.id, name: 'Alice Archer' },
      to_user: { id: bob.id, name: 'Bob Baker' },
      occurred_at: '2026-01-06T09:00:00.000Z',
      location: 'Evidence room 4.12',
      purpose: 'Imaging at the lab',
      details: { notes: 'Sealed bag #4471' },
      signature: null,
    });
    expect(await item(evidence.id)).toMatchObject({ holder: { id: alice.id }, pending_holder: { id: bob.id, name: 'Bob Baker' } });

    const receipt = await record(evidence.id, { action: 'received', location: 'Forensic lab', signature: { name: '  bob   baker ', statement_accepted: true } }, bob.token);
    expect(receipt.statusCode, receipt.body).toBe(201);
    const received = receipt.json();
    expect(received).toMatchObject({ seq: 3, action: 'received', actor: { id: bob.id }, from_user: { id: alice.id }, to_user: { id: bob.id }, details: { statement: RECEIPT_STATEMENT } });
    expect(received.signature).toMatch(new RegExp(`^bob baker ${bob.id} \\S+Z sha256:[0-9a-f]{64}$`));
    expect(received.prev_hash).toBe(transfer.json().hash);
    const after = await item(evidence.id);
    expect(after).toMatchObject({ holder: { id: bob.id, name: 'Bob Baker' }, pending_holder: null, version: 3 });

    const refused = await record(evidence.id, { action: 'checked_out' }, alice.token);
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().detail).toContain('held by Bob Baker');
    expect((await record(evidence.id, { action: 'checked_out', purpose: 'Imaging' }, bob.token)).statusCode).toBe(201);
    expect((await record(evidence.id, { action: 'checked_in' }, bob.token)).statusCode).toBe(201);

    const timeline = (await t().call('GET', `/api/v1/incidents/${incident.id}/timeline`)).json().items as Array<{ kind: string; body: string; details: Record<string, unknown> }>;
    const handOvers = timeline.filter((e) => e.kind === 'evidence_custody');
    expect(handOvers.map((e) => e.details.action)).toEqual(['transferred', 'received']);
    expect(handOvers[1]!.body).toContain('Bob Baker received');
    const audit = await t().system.database.db.selectFrom('audit_log').select('action').where('target_id', '=', evidence.id).where('action', '=', 'evidence.custody').execute();
    expect(audit).toHaveLength(4);
  });

  it('answers every event oldest first with an intact chain and names', async () => {
    const { evidence } = await held(alice);
    for (const body of [{ action: 'checked_out' }, { action: 'copied', purpose: 'Working copy for analysis' }, { action: 'checked_in' }]) expect((await record(evidence.id, body, alice.token)).statusCode).toBe(201);
    expect((await record(evidence.id, { action: 'analysed', notes: 'Timeline of browser history' }, bob.token)).statusCode).toBe(201);
    const body = await log(evidence.id, carol.token);
    expect(body.items.map((e: { action: string }) => e.action)).toEqual(['collected', 'checked_out', 'copied', 'checked_in', 'analysed']);
    expect(body.items.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(body.items[4].actor).toEqual({ id: bob.id, name: 'Bob Baker' });
    for (let i = 1; i < body.items.length; i += 1) expect(body.items[i].prev_hash).toBe(body.items[i - 1].hash);
    expect(body.chain).toEqual({ intact: true, first_break: null });
    expect(body.next_cursor).toBeNull();
  });

  it('binds a receipt signature on a file to its content and point in the chain, and notices tampering', async () => {
    const incident = await openIncident(t());
    const file = await authLog(t(), incident.id, alice);
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await record(file.id, { action: 'transferred', to_user_id: bob.id }, alice.token)).statusCode).toBe(201);
    expect((await record(file.id, { action: 'received', signature: { name: 'Bob Baker', statement_accepted: true } }, bob.token)).statusCode).toBe(201);
    expect((await log(file.id)).chain.intact).toBe(true);

    await sql`UPDATE custody_events SET location = 'somewhere else' WHERE evidence_id = ${file.id} AND seq = 2`.execute(t().system.database.db);
    const tampered = await log(file.id);
    expect(tampered.chain).toEqual({ intact: false, first_break: { seq: 2, reason: 'hash_mismatch' } });
  });

  it('notices a receipt signature carried over from another item, even with the chain rehashed to match', async () => {
    const db = t().system.database.db;
    const incident = await openIncident(t());
    const [first, second] = [await seizedLaptop(t(), incident.id, alice), await seizedLaptop(t(), incident.id, alice)];
    for (const evidence of [first, second]) {
      expect((await record(evidence.id, { action: 'transferred', to_user_id: bob.id }, alice.token)).statusCode).toBe(201);
      expect((await record(evidence.id, { action: 'received', signature: { name: 'Bob Baker', statement_accepted: true } }, bob.token)).statusCode).toBe(201);
    }
    const links: ChainLink[] = [];
    for await (const link of custodyChain(db, second.id)) links.push(link);
    const receipt = links.at(-1)!;
    const signedElsewhere = (await log(first.id)).items.at(-1).signature as string;
    const forged = chainHash(receipt.prevHash, { ...(receipt.content as Record<string, unknown>), signature: signedElsewhere });
    await db.updateTable('custody_events').set({ signature: signedElsewhere, hash: forged }).where('evidence_id', '=', second.id).where('seq', '=', receipt.seq).execute();
    expect((await log(second.id)).chain).toEqual({ intact: false, first_break: { seq: receipt.seq, reason: 'signature_mismatch' } });
    expect((await log(first.id)).chain.intact).toBe(true);
  });

  it('refuses a receipt with the wrong name or without accepting the statement (400), and by someone not pending (403)', async () => {
    const { evidence } = await held(alice);
    expect((await record(evidence.id, { action: 'transferred', to_user_id: bob.id }, alice.token)).statusCode).toBe(201);
    const before = await custodyRows();

    const wrongName = await record(evidence.id, { action: 'received', signature: { name: 'Robert Baker', statement_accepted: true } }, bob.token);
    expect(wrongName.statusCode).toBe(400);
    expect(wrongName.json().errors).toEqual([expect.objectContaining({ path: 'signature.name' })]);
    const notAccepted = await record(evidence.id, { action: 'received', signature: { name: 'Bob Baker', statement_accepted: false } }, bob.token);
    expect(notAccepted.statusCode).toBe(400);
    expect(notAccepted.json().errors).toEqual([expect.objectContaining({ path: 'signature.statement_accepted' })]);
    const unsigned = await record(evidence.id, { action: 'received' }, bob.token);
    expect(unsigned.statusCode).toBe(400);
    expect(unsigned.json().errors).toEqual([expect.objectContaining({ path: 'signature' })]);

    const notPending = await record(evidence.id, { action: 'received', signature: { name: 'Carol Cole', statement_accepted: true } }, carol.token);
    expect(notPending.statusCode).toBe(403);
    expect(notPending.json().detail).toContain('being handed to Bob Baker');
    expect(await custodyRows()).toEqual(before);
    expect(await item(evidence.id)).toMatchObject({ holder: { id: alice.id }, pending_holder: { id: bob.id } });
  });

  it('refuses a custody event by someone not holding the item with 403 naming the holder, and writes nothing', async () => {
    const { evidence } = await held(alice);
    const before = await custodyRows();
    for (const body of [{ action: 'checked_out' }, { action: 'transferred', to_user_id: carol.id }, { action: 'copied' }, { action: 'returned' }]) {
      const res = await record(evidence.id, body, carol.token);
      expect(res.statusCode, JSON.stringify(body)).toBe(403);
      expect(res.json().detail).toContain('held by Alice Archer');
    }
    expect(await custodyRows()).toEqual(before);
  });

  it('refuses bad input with problem+json and writes nothing', async () => {
    const { evidence } = await held(alice);
    const auditor = await t().user('auditor');
    const disabled = await t().user('responder', 'Dora Disabled');
    expect((await t().call('PATCH', `/api/v1/users/${disabled.id}`, { body: { disabled: true }, headers: { 'if-match': '"1"' } })).statusCode).toBe(200);
    const before = await custodyRows();
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ action: 'checked_out', occurred_at: '2099-01-01T00:00:00Z' }, 400, 'occurred_at'],
      [{ action: 'checked_out', occurred_at: '2025-12-31T00:00:00Z' }, 400, 'occurred_at'],
      [{ action: 'checked_out', occurred_at: 'yesterday' }, 400, 'occurred_at'],
      [{ action: 'transferred' }, 400, 'to_user_id'],
      [{ action: 'transferred', to_user_id: alice.id }, 400, 'to_user_id'],
      [{ action: 'transferred', to_user_id: 'usr_nobody' }, 400, 'to_user_id'],
      [{ action: 'transferred', to_user_id: auditor.id }, 400, 'to_user_id'],
      [{ action: 'transferred', to_user_id: disabled.id }, 400, 'to_user_id'],
      [{ action: 'downloaded' }, 400, 'action'],
      [{ action: 'juggled' }, 400, 'action'],
      [{ action: 'checked_out', signature: { name: 'Alice Archer', statement_accepted: true } }, 400, 'signature'],
      [{ action: 'checked_out', colour: 'red' }, 400, ''],
      [{ action: 'checked_in' }, 409, ''],
      [{ action: 'received', signature: { name: 'Alice Archer', statement_accepted: true } }, 409, ''],
    ];
    for (const [body, status, path] of cases) {
      const res = await record(evidence.id, body, alice.token);
      expect(res.statusCode, `${JSON.stringify(body)}: ${res.body}`).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      if (path) expect(JSON.stringify(res.json().errors ?? []), JSON.stringify(body)).toContain(path);
    }
    expect(await custodyRows()).toEqual(before);
    expect((await record('evd_nothing', { action: 'checked_out' }, alice.token)).statusCode).toBe(404);
  });

  it('accepts a hand-over recorded later with its earlier time, but not a receipt before the hand-over', async () => {
    const { evidence } = await held(alice);
    expect((await record(evidence.id, { action: 'transferred', to_user_id: bob.id, occurred_at: '2026-01-07T10:00:00Z' }, alice.token)).statusCode).toBe(201);
    const early = await record(evidence.id, { action: 'received', occurred_at: '2026-01-07T09:00:00Z', signature: { name: 'Bob Baker', statement_accepted: true } }, bob.token);
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].message).toContain('hand-over');
    const onTime = await record(evidence.id, { action: 'received', occurred_at: '2026-01-07T11:30:00Z', signature: { name: 'Bob Baker', statement_accepted: true } }, bob.token);
    expect(onTime.statusCode, onTime.body).toBe(201);
    expect(onTime.json().occurred_at).toBe('2026-01-07T11:30:00.000Z');
  });

  it('lets the first person sign for an item added on the server (held by System) and take it over', async () => {
    const incident = await openIncident(t());
    const fromServer = await addEvidenceItem(t().system, incident.id, { kind: 'disk_image', title: 'Image copied from /mnt/usb', collected_at: '2026-01-05T09:00:00Z' });
    expect(fromServer.holder).toMatchObject({ id: 'system' });
    const refused = await record(fromServer.id, { action: 'checked_out' }, carol.token);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('held by System');
    const taken = await record(fromServer.id, { action: 'received', location: 'Evidence room', signature: { name: 'Carol Cole', statement_accepted: true } }, carol.token);
    expect(taken.statusCode, taken.body).toBe(201);
    expect(taken.json()).toMatchObject({ from_user: { id: 'system', name: 'System' }, to_user: { id: carol.id } });
    expect((await item(fromServer.id)).holder).toEqual({ id: carol.id, name: 'Carol Cole' });
    expect((await record(fromServer.id, { action: 'received', signature: { name: 'Bob Baker', statement_accepted: true } }, bob.token)).statusCode).toBe(409);
  });

  it('closes the log of a released item (409)', async () => {
    const { evidence } = await held(alice);
    await t().system.database.db.updateTable('evidence_items').set({ status: 'released' }).where('id', '=', evidence.id).execute();
    const res = await record(evidence.id, { action: 'checked_out' }, alice.token);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('released');
  });

  it('keeps restricted evidence hidden from non-members, and refuses handing it to one (400)', async () => {
    const incident = await openIncident(t(), { restricted: true });
    const evidence = await seizedLaptop(t(), incident.id);
    expect((await t().call('GET', custody(evidence.id), { token: alice.token })).statusCode).toBe(404);
    expect((await record(evidence.id, { action: 'analysed' }, alice.token)).statusCode).toBe(404);
    const toOutsider = await record(evidence.id, { action: 'transferred', to_user_id: alice.id }, t().admin.token);
    expect(toOutsider.statusCode).toBe(400);
    expect(toOutsider.json().detail).toContain('restricted');
    expect((await t().call('POST', `/api/v1/incidents/${incident.id}/members`, { body: { user_id: alice.id, role: 'observer' } })).statusCode).toBe(201);
    expect((await record(evidence.id, { action: 'transferred', to_user_id: alice.id }, t().admin.token)).statusCode).toBe(201);
    expect((await log(evidence.id, alice.token)).items).toHaveLength(2);
  });

  it('lets a stakeholder read but not record (403), refuses a risk owner reading (403), and needs credentials (401)', async () => {
    const { evidence } = await held(alice);
    const stakeholder = await t().user('stakeholder');
    const riskOwner = await t().user('risk_owner');
    expect((await t().call('GET', custody(evidence.id), { token: stakeholder.token })).statusCode).toBe(200);
    expect((await record(evidence.id, { action: 'analysed' }, stakeholder.token)).statusCode).toBe(403);
    expect((await t().call('GET', custody(evidence.id), { token: riskOwner.token })).statusCode).toBe(403);
    expect((await t().call('GET', custody(evidence.id), { token: null })).statusCode).toBe(401);
    expect((await t().call('POST', custody(evidence.id), { token: null, body: { action: 'analysed' } })).statusCode).toBe(401);
  });
});
