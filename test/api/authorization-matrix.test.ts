import { beforeAll, describe, expect, it } from 'vitest';
import { can, ROLES, type Permission, type Role } from '../../src/domain/access.js';
import { totpCode } from '../../src/domain/totp.js';
import { attackFixture } from '../support/attack-fixture.js';
import { describeApiOnEachEngine, type TestApp, type TestUser } from '../support/test-app.js';
import { seedAlert, seedAlertGroup, type AlertSeed } from '../support/triage-fixtures.js';
import { TEST_PASSWORD } from './session/sign-in.js';
import { seedReview } from './review-report/seed-review.js';
import { seedEscalation } from './escalations/seed-escalation.js';
import { uploadEvidence } from './evidence/fixtures.js';

/**
 * Every endpoint, and per role whether it must be allowed or refused (403); without credentials every
 * non-public endpoint answers 401. The outcomes are written out so a reader can check them, and a test
 * proves they agree with ROLE_PERMISSIONS, so the table and the rules cannot drift apart silently.
 */
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Rule = Permission | 'signed_in' | 'public';
type Outcome = 'allow' | 'refuse';
type Outcomes = [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];
const Y: Outcome = 'allow';
const N: Outcome = 'refuse';
const EVERYONE: Outcomes = [Y, Y, Y, Y, Y, Y, Y];

interface Request { url: string; body?: unknown; headers?: Record<string, string>; token?: string }
interface Setup { t: TestApp; caller: TestUser; restricted: boolean }
interface Endpoint { method: Method; path: string; rule: Rule; outcomes: Outcomes; status: number; request(setup: Setup): Promise<Request>; incidentScoped: boolean; stream: boolean }

let sequence = 0;
const unique = () => `${Date.now().toString(36)}${(sequence += 1)}`;

/** Fixtures are made by the administrator, and checked, so a failed set-up cannot pass as a refusal. */
async function incident({ t, restricted }: Setup): Promise<string> {
  const res = await t.call('POST', '/api/v1/incidents', { body: { title: 'Matrix incident', category: 'malware', restricted } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
async function task(setup: Setup): Promise<string> {
  const res = await setup.t.call('POST', `/api/v1/incidents/${await incident(setup)}/tasks`, { body: { title: 'Matrix task' } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
async function member(setup: Setup): Promise<string> {
  const id = await incident(setup);
  const res = await setup.t.call('POST', `/api/v1/incidents/${id}/members`, { body: { user_id: setup.t.admin.id, role: 'observer' } });
  expect(res.statusCode, res.body).toBe(201);
  return `/api/v1/incidents/${id}/members/${res.json().id}`;
}

const at = (url: string) => async (): Promise<Request> => ({ url });
const onIncident = (suffix: string, body?: unknown, headers?: Record<string, string>) => async (s: Setup): Promise<Request> => ({ url: `/api/v1/incidents/${await incident(s)}${suffix}`, body, headers });

const ENDPOINTS: Endpoint[] = [];
function row(method: Method, path: string, rule: Rule, outcomes: Outcomes, status: number, request: Endpoint['request'], flags: { incidentScoped?: boolean; stream?: boolean } = {}) {
  ENDPOINTS.push({ method, path, rule, outcomes, status, request, incidentScoped: flags.incidentScoped ?? false, stream: flags.stream ?? false });
}
const scoped = { incidentScoped: true };

//                                                                             adm inc res ana ris sta aud
row('GET', '/healthz', 'public', EVERYONE, 200, at('/healthz'));
row('GET', '/readyz', 'public', EVERYONE, 200, at('/readyz'));
row('GET', '/metrics', 'public', EVERYONE, 200, at('/metrics'));
row('POST', '/api/v1/session', 'public', EVERYONE, 200, async ({ caller }) => ({ url: '/api/v1/session', body: { email: caller.email, password: TEST_PASSWORD } }));
row('GET', '/api/v1/session', 'signed_in', EVERYONE, 200, at('/api/v1/session'));
row('GET', '/api/v1/session/providers', 'public', EVERYONE, 200, at('/api/v1/session/providers'));
// Signing out without a session is a harmless no-op, so it needs no credentials.
row('DELETE', '/api/v1/session', 'public', EVERYONE, 204, at('/api/v1/session'));
row('GET', '/api/v1/events', 'signed_in', EVERYONE, 200, at('/api/v1/events'), { stream: true });
row('GET', '/api/v1/meta', 'signed_in', EVERYONE, 200, at('/api/v1/meta'));

row('GET', '/api/v1/incidents', 'incident.read', [Y, Y, Y, Y, Y, Y, Y], 200, at('/api/v1/incidents'));
row('GET', '/api/v1/incidents/count', 'incident.read', [Y, Y, Y, Y, Y, Y, Y], 200, at('/api/v1/incidents/count'));
row('POST', '/api/v1/incidents', 'incident.create', [Y, Y, Y, Y, N, N, N], 201, async () => ({ url: '/api/v1/incidents', body: { title: 'Matrix', category: 'phishing' } }));
row('GET', '/api/v1/incidents/:id', 'incident.read', [Y, Y, Y, Y, Y, Y, Y], 200, onIncident(''), scoped);
row('PATCH', '/api/v1/incidents/:id', 'incident.update', [Y, Y, Y, N, N, N, N], 200, onIncident('', { severity: 2 }, { 'if-match': '"1"' }), scoped);
row('POST', '/api/v1/incidents/:id/transitions', 'incident.transition', [Y, Y, Y, N, N, N, N], 200, onIncident('/transitions', { to: 'containment' }), scoped);
row('PUT', '/api/v1/incidents/:id/review-completed', 'incident.update', [Y, Y, Y, N, N, N, N], 200, onIncident('/review-completed', { completed: true }), scoped);
row('GET', '/api/v1/incidents/:id/timeline', 'incident.read', [Y, Y, Y, Y, Y, Y, Y], 200, onIncident('/timeline'), scoped);
row('POST', '/api/v1/incidents/:id/timeline', 'incident.note', [Y, Y, Y, Y, N, N, N], 201, onIncident('/timeline', { body: 'Matrix note' }), scoped);
row('GET', '/api/v1/incidents/:id/tasks', 'incident.read', [Y, Y, Y, Y, Y, Y, Y], 200, onIncident('/tasks'), scoped);
row('POST', '/api/v1/incidents/:id/tasks', 'task.write', [Y, Y, Y, Y, N, N, N], 201, onIncident('/tasks', { title: 'Matrix task' }), scoped);
row('PATCH', '/api/v1/tasks/:id', 'task.write', [Y, Y, Y, Y, N, N, N], 200, async (s) => ({ url: `/api/v1/tasks/${await task(s)}`, body: { status: 'in_progress' }, headers: { 'if-match': '"1"' } }), scoped);
row('GET', '/api/v1/tasks', 'incident.read', [Y, Y, Y, Y, Y, Y, Y], 200, at('/api/v1/tasks?assignee=me'));
row('GET', '/api/v1/incidents/:id/members', 'incident.read', [Y, Y, Y, Y, Y, Y, Y], 200, onIncident('/members'), scoped);
row('POST', '/api/v1/incidents/:id/members', 'incident.manage_people', [Y, Y, N, N, N, N, N], 201, async (s) => ({ url: `/api/v1/incidents/${await incident(s)}/members`, body: { user_id: s.t.admin.id, role: 'observer' } }), scoped);
row('DELETE', '/api/v1/incidents/:id/members/:member_id', 'incident.manage_people', [Y, Y, N, N, N, N, N], 200, async (s) => ({ url: await member(s) }), scoped);

row('GET', '/api/v1/users', 'signed_in', EVERYONE, 200, at('/api/v1/users'));
row('POST', '/api/v1/users', 'user.manage', [Y, N, N, N, N, N, N], 201, async () => ({ url: '/api/v1/users', body: { email: `matrix-${unique()}@example.test`, role: 'analyst' } }));
row('PATCH', '/api/v1/users/:id', 'user.manage', [Y, N, N, N, N, N, N], 200, async ({ t }) => ({ url: `/api/v1/users/${(await t.user('analyst')).id}`, body: { name: 'Renamed' }, headers: { 'if-match': '"1"' } }));
row('POST', '/api/v1/users/:id/reset-password', 'user.manage', [Y, N, N, N, N, N, N], 200, async ({ t }) => ({ url: `/api/v1/users/${(await t.user('analyst')).id}/reset-password`, body: {} }));
// A fresh person of the caller's role changes their password, so the caller's own stays as it was.
row('POST', '/api/v1/me/password', 'signed_in', EVERYONE, 204, async ({ t, caller }) => ({ url: '/api/v1/me/password', token: (await t.user(caller.role)).token, body: { current_password: TEST_PASSWORD, new_password: 'matrix password 2' } }));
row('GET', '/api/v1/tokens', 'signed_in', EVERYONE, 200, at('/api/v1/tokens'));
// Two-factor: each caller acts on a fresh person of its role, so its own sign-in stays as it was.
row('GET', '/api/v1/me/two-factor', 'signed_in', EVERYONE, 200, at('/api/v1/me/two-factor'));
row('POST', '/api/v1/me/two-factor/setup', 'signed_in', EVERYONE, 200, async ({ t, caller }) => ({ url: '/api/v1/me/two-factor/setup', token: (await t.user(caller.role)).token, body: { current_password: TEST_PASSWORD } }));
row('POST', '/api/v1/me/two-factor/confirm', 'signed_in', EVERYONE, 200, async ({ t, caller }) => {
  const person = await t.user(caller.role);
  const setup = await t.call('POST', '/api/v1/me/two-factor/setup', { token: person.token, body: { current_password: TEST_PASSWORD } });
  return { url: '/api/v1/me/two-factor/confirm', token: person.token, body: { code: totpCode(setup.json().secret, Date.now()) } };
});
row('POST', '/api/v1/me/two-factor/recovery-codes', 'signed_in', EVERYONE, 200, async ({ t, caller }) => ({ url: '/api/v1/me/two-factor/recovery-codes', token: (await personWithTwoFactor(t, caller.role)).token, body: { current_password: TEST_PASSWORD } }));
row('POST', '/api/v1/me/two-factor/disable', 'signed_in', EVERYONE, 204, async ({ t, caller }) => ({ url: '/api/v1/me/two-factor/disable', token: (await personWithTwoFactor(t, caller.role)).token, body: { current_password: TEST_PASSWORD } }));
row('POST', '/api/v1/users/:id/reset-two-factor', 'user.manage', [Y, N, N, N, N, N, N], 200, async ({ t }) => ({ url: `/api/v1/users/${(await personWithTwoFactor(t, 'analyst')).id}/reset-two-factor` }));
row('POST', '/api/v1/tokens', 'signed_in', EVERYONE, 201, async () => ({ url: '/api/v1/tokens', body: { name: 'matrix' } }));
row('DELETE', '/api/v1/tokens/:id', 'signed_in', EVERYONE, 200, async ({ t, caller }) => {
  const res = await t.call('POST', '/api/v1/tokens', { body: { name: 'to revoke', user_id: caller.id } });
  expect(res.statusCode, res.body).toBe(201);
  return { url: `/api/v1/tokens/${res.json().token.id}` };
});
row('GET', '/api/v1/incident-categories', 'signed_in', EVERYONE, 200, at('/api/v1/incident-categories'));
row('POST', '/api/v1/incident-categories', 'category.manage', [Y, Y, N, N, N, N, N], 201, async () => ({ url: '/api/v1/incident-categories', body: { key: `matrix_${unique()}`, label: 'Matrix' } }));
row('GET', '/api/v1/audit', 'audit.read', [Y, N, N, N, N, N, Y], 200, at('/api/v1/audit'));
row('GET', '/api/v1/settings/close-policy', 'signed_in', EVERYONE, 200, at('/api/v1/settings/close-policy'));
row('PUT', '/api/v1/settings/close-policy', 'settings.manage', [Y, N, N, N, N, N, N], 200, async () => ({ url: '/api/v1/settings/close-policy', body: { review_required_for_severities: [1, 2] } }));

/** A webhook made by the administrator, pointing nowhere reachable (deliveries are not run here). */
async function personWithTwoFactor(t: TestApp, role: Role): Promise<TestUser> {
  const person = await t.user(role);
  const setup = await t.call('POST', '/api/v1/me/two-factor/setup', { token: person.token, body: { current_password: TEST_PASSWORD } });
  const confirmed = await t.call('POST', '/api/v1/me/two-factor/confirm', { token: person.token, body: { code: totpCode(setup.json().secret, Date.now()) } });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return person;
}

async function webhook({ t }: Setup): Promise<string> {
  const res = await t.call('POST', '/api/v1/webhooks', { body: { name: 'Matrix hook', url: 'http://127.0.0.1:9/hook', event_types: ['incident.*'] } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().webhook.id;
}
async function webhookDelivery(setup: Setup): Promise<string> {
  const id = await webhook(setup);
  const res = await setup.t.call('POST', `/api/v1/webhooks/${id}/ping`);
  expect(res.statusCode, res.body).toBe(201);
  return `/api/v1/webhooks/${id}/deliveries/${res.json().id}/redeliver`;
}
const ADMIN_ONLY: Outcomes = [Y, N, N, N, N, N, N];
row('GET', '/api/v1/webhooks', 'webhook.manage', ADMIN_ONLY, 200, at('/api/v1/webhooks'));
row('POST', '/api/v1/webhooks', 'webhook.manage', ADMIN_ONLY, 201, async () => ({ url: '/api/v1/webhooks', body: { name: 'Matrix', url: 'https://receiver.example/hook', event_types: ['*'] } }));
row('GET', '/api/v1/webhooks/:id', 'webhook.manage', ADMIN_ONLY, 200, async (s) => ({ url: `/api/v1/webhooks/${await webhook(s)}` }));
row('PATCH', '/api/v1/webhooks/:id', 'webhook.manage', ADMIN_ONLY, 200, async (s) => ({ url: `/api/v1/webhooks/${await webhook(s)}`, body: { enabled: false }, headers: { 'if-match': '"1"' } }));
row('DELETE', '/api/v1/webhooks/:id', 'webhook.manage', ADMIN_ONLY, 204, async (s) => ({ url: `/api/v1/webhooks/${await webhook(s)}` }));
row('GET', '/api/v1/webhooks/:id/deliveries', 'webhook.manage', ADMIN_ONLY, 200, async (s) => ({ url: `/api/v1/webhooks/${await webhook(s)}/deliveries` }));
row('POST', '/api/v1/webhooks/:id/deliveries/:delivery_id/redeliver', 'webhook.manage', ADMIN_ONLY, 201, async (s) => ({ url: await webhookDelivery(s) }));
row('POST', '/api/v1/webhooks/:id/ping', 'webhook.manage', ADMIN_ONLY, 201, async (s) => ({ url: `/api/v1/webhooks/${await webhook(s)}/ping` }));

/** ATT&CK: the small test catalogue is imported by the administrator before a technique is tagged. */
async function taggedIncident(setup: Setup, techniqueId: string): Promise<string> {
  expect((await setup.t.call('POST', '/api/v1/attack/import', { body: attackFixture() })).statusCode).toBe(200);
  const id = await incident(setup);
  const res = await setup.t.call('POST', `/api/v1/incidents/${id}/techniques`, { body: { technique_id: techniqueId } });
  expect(res.statusCode, res.body).toBe(201);
  return id;
}
row('POST', '/api/v1/attack/import', 'intel.import', [Y, Y, N, N, N, N, N], 200, async () => ({ url: '/api/v1/attack/import', body: attackFixture() }));
row('GET', '/api/v1/attack', 'incident.read', EVERYONE, 200, at('/api/v1/attack'));
row('GET', '/api/v1/attack/techniques', 'incident.read', EVERYONE, 200, at('/api/v1/attack/techniques?q=T1059'));
row('GET', '/api/v1/incidents/:id/techniques', 'incident.read', EVERYONE, 200, onIncident('/techniques'), scoped);
row('POST', '/api/v1/incidents/:id/techniques', 'incident.note', [Y, Y, Y, Y, N, N, N], 201, async (s) => ({ url: `/api/v1/incidents/${await taggedIncident(s, 'T1059')}/techniques`, body: { technique_id: 'T1566' } }), scoped);
row('DELETE', '/api/v1/incidents/:id/techniques/:technique_id', 'incident.note', [Y, Y, Y, Y, N, N, N], 204, async (s) => ({ url: `/api/v1/incidents/${await taggedIncident(s, 'T1059')}/techniques/T1059` }), scoped);
row('POST', '/api/v1/stix/import', 'intel.import', [Y, Y, N, N, N, N, N], 200, async (s) => ({ url: `/api/v1/stix/import?incident_id=${await incident(s)}`, body: { type: 'bundle', id: 'bundle--matrix', objects: [{ type: 'ipv4-addr', id: 'ipv4-addr--matrix', value: '198.51.100.1' }] } }), scoped);
row('GET', '/api/v1/incidents/:id/export/stix', 'incident.read', EVERYONE, 200, onIncident('/export/stix'), scoped);

/** Observables: one added by the administrator to a (possibly restricted) incident. */
async function incidentObservable(setup: Setup): Promise<{ incidentId: string; sightingId: string; observableId: string }> {
  const incidentId = await incident(setup);
  const res = await setup.t.call('POST', `/api/v1/incidents/${incidentId}/observables`, { body: { observables: [{ type: 'ip', value: `10.${sequence % 250}.0.${(sequence += 1) % 250}` }] } });
  expect(res.statusCode, res.body).toBe(201);
  const [sighting] = res.json().items;
  return { incidentId, sightingId: sighting.id, observableId: sighting.observable.id };
}
const onSighting = (body?: unknown, headers?: Record<string, string>) => async (s: Setup): Promise<Request> => {
  const { incidentId, sightingId } = await incidentObservable(s);
  return { url: `/api/v1/incidents/${incidentId}/observables/${sightingId}`, body, headers };
};
const OBSERVABLE_WRITERS: Outcomes = [Y, Y, Y, Y, N, N, N];
row('GET', '/api/v1/observables/lookup', 'observable.read', EVERYONE, 200, at('/api/v1/observables/lookup?type=ip&value=192.0.2.1'));
row('GET', '/api/v1/observables/:id', 'observable.read', EVERYONE, 200, async (s) => ({ url: `/api/v1/observables/${(await incidentObservable(s)).observableId}` }));
row('PATCH', '/api/v1/observables/:id', 'observable.write', OBSERVABLE_WRITERS, 200, async (s) => ({ url: `/api/v1/observables/${(await incidentObservable(s)).observableId}`, body: { ignore_similarity: true }, headers: { 'if-match': '"1"' } }));
row('GET', '/api/v1/incidents/:id/observables', 'observable.read', EVERYONE, 200, onIncident('/observables'), scoped);
row('POST', '/api/v1/incidents/:id/observables', 'observable.write', OBSERVABLE_WRITERS, 201, onIncident('/observables', { observables: [{ type: 'domain', value: 'matrix.example' }] }), scoped);
row('PATCH', '/api/v1/incidents/:id/observables/:sighting_id', 'observable.write', OBSERVABLE_WRITERS, 200, onSighting({ ioc: true }, { 'if-match': '"1"' }), scoped);
row('DELETE', '/api/v1/incidents/:id/observables/:sighting_id', 'observable.write', OBSERVABLE_WRITERS, 204, onSighting(), scoped);

/** Triage: alerts seeded in the store as ingestion leaves them; merged ones into a (possibly restricted) incident. */
async function newAlert({ t }: Setup, seed: AlertSeed = {}): Promise<string> {
  return (await seedAlert(t, seed)).id;
}
async function mergedAlert(setup: Setup): Promise<string> {
  const alertId = await newAlert(setup);
  const res = await setup.t.call('POST', '/api/v1/alerts/merge', { body: { alert_ids: [alertId], incident_id: await incident(setup) } });
  expect(res.statusCode, res.body).toBe(200);
  return alertId;
}
const TRIAGERS: Outcomes = [Y, Y, Y, Y, N, N, N];
const ALERT_READERS: Outcomes = [Y, Y, Y, Y, Y, N, Y];
row('GET', '/api/v1/alerts', 'alert.read', ALERT_READERS, 200, at('/api/v1/alerts'));
row('GET', '/api/v1/alerts/:id', 'alert.read', ALERT_READERS, 200, async (s) => ({ url: `/api/v1/alerts/${await newAlert(s)}` }));
row('GET', '/api/v1/alert-groups/:id', 'alert.read', ALERT_READERS, 200, async (s) => ({ url: `/api/v1/alert-groups/${await seedAlertGroup(s.t)}` }));
row('POST', '/api/v1/alerts/promote', 'alert.triage', TRIAGERS, 201, async (s) => ({ url: '/api/v1/alerts/promote', body: { alert_ids: [await newAlert(s)], incident: { category: 'malware' } } }));
row('POST', '/api/v1/alerts/merge', 'alert.triage', TRIAGERS, 200, async (s) => ({ url: '/api/v1/alerts/merge', body: { alert_ids: [await newAlert(s)], incident_id: await incident(s) } }), scoped);
row('POST', '/api/v1/alerts/:id/unmerge', 'alert.triage', TRIAGERS, 200, async (s) => ({ url: `/api/v1/alerts/${await mergedAlert(s)}/unmerge` }), scoped);
row('POST', '/api/v1/alerts/dismiss', 'alert.triage', TRIAGERS, 200, async (s) => ({ url: '/api/v1/alerts/dismiss', body: { alert_ids: [await newAlert(s)], reason: 'Matrix' } }));
row('POST', '/api/v1/alerts/reopen', 'alert.triage', TRIAGERS, 200, async (s) => ({ url: '/api/v1/alerts/reopen', body: { alert_ids: [await newAlert(s, { status: 'dismissed' })] } }));

/** Ingestion: a fresh sender reference per call, so every allowed call stores a new alert. */
const INGESTERS: Outcomes = [Y, Y, Y, Y, N, N, N];
const matrixAlert = () => ({ source: 'matrix', source_ref: unique(), title: 'Matrix alert' });
const theHiveAlert = () => ({ type: 'external', source: 'matrix', sourceRef: unique(), title: 'Matrix alert' });
row('POST', '/api/v1/alerts', 'alert.ingest', INGESTERS, 201, async () => ({ url: '/api/v1/alerts', body: matrixAlert() }));
row('POST', '/api/v1/alerts/batch', 'alert.ingest', INGESTERS, 200, async () => ({ url: '/api/v1/alerts/batch', body: { alerts: [matrixAlert()] } }));
row('POST', '/api/alert', 'alert.ingest', INGESTERS, 201, async () => ({ url: '/api/alert', body: theHiveAlert() }));
row('POST', '/api/v1/alert', 'alert.ingest', INGESTERS, 201, async () => ({ url: '/api/v1/alert', body: theHiveAlert() }));

/** Ingestion rules: snooze rules on a source that never sends, so they change nothing else. */
const RULE_MANAGERS: Outcomes = [Y, Y, N, N, N, N, N];
const quietRule = () => ({ kind: 'snooze', name: `Matrix ${unique()}`, conditions: { source: ['matrix-never'] } });
async function alertRule({ t }: Setup): Promise<string> {
  const res = await t.call('POST', '/api/v1/alert-rules', { body: quietRule() });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
row('GET', '/api/v1/alert-rules', 'alert.read', ALERT_READERS, 200, at('/api/v1/alert-rules'));
row('POST', '/api/v1/alert-rules', 'alert.rules.manage', RULE_MANAGERS, 201, async () => ({ url: '/api/v1/alert-rules', body: quietRule() }));
row('GET', '/api/v1/alert-rules/:id', 'alert.read', ALERT_READERS, 200, async (s) => ({ url: `/api/v1/alert-rules/${await alertRule(s)}` }));
row('PATCH', '/api/v1/alert-rules/:id', 'alert.rules.manage', RULE_MANAGERS, 200, async (s) => ({ url: `/api/v1/alert-rules/${await alertRule(s)}`, body: { enabled: false }, headers: { 'if-match': '"1"' } }));
row('DELETE', '/api/v1/alert-rules/:id', 'alert.rules.manage', RULE_MANAGERS, 204, async (s) => ({ url: `/api/v1/alert-rules/${await alertRule(s)}` }));

/** Risk register (issue #4): every role reads it; risk owners and administrators change it and its settings. */
const RISK_READERS: Outcomes = EVERYONE;
const RISK_WRITERS: Outcomes = [Y, N, N, N, Y, N, N];
const RISK_CONFIGURERS: Outcomes = [Y, N, N, N, Y, N, N];
async function risk({ t }: Setup): Promise<string> {
  const res = await t.call('POST', '/api/v1/risks', { body: { title: `Matrix risk ${unique()}`, category: 'outage', inherent_likelihood: 'low', inherent_impact: 'low' } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
const defaultAppetite = { max_level: 'moderate', loss_tolerance: [], currency: 'EUR' };
row('GET', '/api/v1/risk-matrix', 'risk.read', RISK_READERS, 200, at('/api/v1/risk-matrix'));
row('PUT', '/api/v1/risk-matrix', 'risk.configure', RISK_CONFIGURERS, 200, async ({ t }) => ({ url: '/api/v1/risk-matrix', body: (await t.call('GET', '/api/v1/risk-matrix')).json() }));
row('GET', '/api/v1/risk-appetite', 'risk.read', RISK_READERS, 200, at('/api/v1/risk-appetite'));
row('PUT', '/api/v1/risk-appetite', 'risk.configure', RISK_CONFIGURERS, 200, async () => ({ url: '/api/v1/risk-appetite', body: defaultAppetite }));
row('GET', '/api/v1/risks', 'risk.read', RISK_READERS, 200, at('/api/v1/risks'));
row('POST', '/api/v1/risks', 'risk.write', RISK_WRITERS, 201, async () => ({ url: '/api/v1/risks', body: { title: `Matrix risk ${unique()}`, category: 'outage', inherent_likelihood: 'low', inherent_impact: 'low' } }));
row('GET', '/api/v1/risks/heat-map', 'risk.read', RISK_READERS, 200, at('/api/v1/risks/heat-map'));
row('GET', '/api/v1/risks/dashboard', 'risk.read', RISK_READERS, 200, at('/api/v1/risks/dashboard'));
row('GET', '/api/v1/risks/:id', 'risk.read', RISK_READERS, 200, async (s) => ({ url: `/api/v1/risks/${await risk(s)}` }));
row('PATCH', '/api/v1/risks/:id', 'risk.write', RISK_WRITERS, 200, async (s) => ({ url: `/api/v1/risks/${await risk(s)}`, body: { status: 'assessed' }, headers: { 'if-match': '"1"' } }));
row('POST', '/api/v1/risks/:id/review', 'risk.write', RISK_WRITERS, 200, async (s) => ({ url: `/api/v1/risks/${await risk(s)}/review`, body: {} }));
row('GET', '/api/v1/risks/:id/history', 'risk.read', RISK_READERS, 200, async (s) => ({ url: `/api/v1/risks/${await risk(s)}/history` }));
row('GET', '/api/v1/risks/export', 'risk.read', RISK_READERS, 200, at('/api/v1/risks/export?format=json'));
row('POST', '/api/v1/risks/import', 'risk.write', RISK_WRITERS, 200, async () => ({ url: '/api/v1/risks/import', body: [{ title: `Matrix import ${unique()}`, category: 'outage', inherent_likelihood: 'low', inherent_impact: 'low' }] }));

/** Assets, control catalogs, controls and the controls risks rely on (issue #4). */
async function asset({ t }: Setup): Promise<string> {
  const res = await t.call('POST', '/api/v1/assets', { body: { name: `Matrix asset ${unique()}`, kind: 'system', criticality: 'low' } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
async function control({ t }: Setup): Promise<string> {
  const res = await t.call('POST', '/api/v1/controls', { body: { ref: `MATRIX-${unique()}`, title: 'Matrix control' } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
async function riskControl(s: Setup): Promise<string> {
  const [riskId, controlId] = [await risk(s), await control(s)];
  const res = await s.t.call('POST', `/api/v1/risks/${riskId}/controls`, { body: { control_id: controlId } });
  expect(res.statusCode, res.body).toBe(201);
  return `/api/v1/risks/${riskId}/controls/${controlId}`;
}
const oscalCatalog = () => ({ catalog: { uuid: `matrix-${unique()}`, metadata: { title: `Matrix catalog ${unique()}`, version: '1' }, controls: [{ id: 'm-1', title: 'Matrix control' }] } });
row('GET', '/api/v1/assets', 'risk.read', RISK_READERS, 200, at('/api/v1/assets'));
row('POST', '/api/v1/assets', 'risk.write', RISK_WRITERS, 201, async () => ({ url: '/api/v1/assets', body: { name: `Matrix asset ${unique()}`, kind: 'system', criticality: 'low' } }));
row('GET', '/api/v1/assets/:id', 'risk.read', RISK_READERS, 200, async (s) => ({ url: `/api/v1/assets/${await asset(s)}` }));
row('PATCH', '/api/v1/assets/:id', 'risk.write', RISK_WRITERS, 200, async (s) => ({ url: `/api/v1/assets/${await asset(s)}`, body: { criticality: 'high' }, headers: { 'if-match': '"1"' } }));
row('DELETE', '/api/v1/assets/:id', 'risk.write', RISK_WRITERS, 204, async (s) => ({ url: `/api/v1/assets/${await asset(s)}` }));
row('POST', '/api/v1/assets/:id/dependencies', 'risk.write', RISK_WRITERS, 201, async (s) => ({ url: `/api/v1/assets/${await asset(s)}/dependencies`, body: { depends_on_id: await asset(s) } }));
row('DELETE', '/api/v1/assets/:id/dependencies/:depends_on_id', 'risk.write', RISK_WRITERS, 204, async (s) => {
  const [from, to] = [await asset(s), await asset(s)];
  expect((await s.t.call('POST', `/api/v1/assets/${from}/dependencies`, { body: { depends_on_id: to } })).statusCode).toBe(201);
  return { url: `/api/v1/assets/${from}/dependencies/${to}` };
});
row('GET', '/api/v1/control-catalogs', 'risk.read', RISK_READERS, 200, at('/api/v1/control-catalogs'));
row('POST', '/api/v1/control-catalogs/import', 'risk.configure', RISK_CONFIGURERS, 200, async () => ({ url: '/api/v1/control-catalogs/import', body: oscalCatalog() }));
row('POST', '/api/v1/control-catalogs/starter', 'risk.configure', RISK_CONFIGURERS, 200, at('/api/v1/control-catalogs/starter'));
row('GET', '/api/v1/controls', 'risk.read', RISK_READERS, 200, at('/api/v1/controls'));
row('POST', '/api/v1/controls', 'risk.write', RISK_WRITERS, 201, async () => ({ url: '/api/v1/controls', body: { ref: `MATRIX-${unique()}`, title: 'Matrix control' } }));
row('GET', '/api/v1/controls/coverage', 'risk.read', RISK_READERS, 200, at('/api/v1/controls/coverage'));
row('GET', '/api/v1/controls/:id', 'risk.read', RISK_READERS, 200, async (s) => ({ url: `/api/v1/controls/${await control(s)}` }));
row('PATCH', '/api/v1/controls/:id', 'risk.write', RISK_WRITERS, 200, async (s) => ({ url: `/api/v1/controls/${await control(s)}`, body: { maturity: 2 }, headers: { 'if-match': '"1"' } }));
row('POST', '/api/v1/risks/:id/controls', 'risk.write', RISK_WRITERS, 201, async (s) => ({ url: `/api/v1/risks/${await risk(s)}/controls`, body: { control_id: await control(s) } }));
row('PATCH', '/api/v1/risks/:id/controls/:control_id', 'risk.write', RISK_WRITERS, 200, async (s) => ({ url: await riskControl(s), body: { status: 'in_progress' } }));
row('DELETE', '/api/v1/risks/:id/controls/:control_id', 'risk.write', RISK_WRITERS, 204, async (s) => ({ url: await riskControl(s) }));

/** FAIR simulations (issue #4): every role may run what-ifs and read results; risk writers keep a risk's result. */
const fairInputs = { iterations: 200, seed: 1, threat_event_frequency: 2, vulnerability: 0.5, primary_loss: { min: 1000, most_likely: 5000, max: 20000 } };
async function quantifiedRisk({ t }: Setup): Promise<string> {
  const { iterations: _i, seed: _s, ...inputs } = fairInputs;
  const res = await t.call('POST', '/api/v1/risks', { body: { title: `Matrix FAIR risk ${unique()}`, category: 'outage', inherent_likelihood: 'low', inherent_impact: 'low', fair_inputs: inputs } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
async function riskSimulation(s: Setup): Promise<string> {
  const res = await s.t.call('POST', `/api/v1/risks/${await quantifiedRisk(s)}/simulations`, { body: { iterations: 200, seed: 1 } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
row('POST', '/api/v1/simulations', 'risk.read', RISK_READERS, 200, async () => ({ url: '/api/v1/simulations', body: fairInputs }));
row('POST', '/api/v1/simulations/compare', 'risk.read', RISK_READERS, 200, async () => ({ url: '/api/v1/simulations/compare', body: { inputs: fairInputs, after: { ...fairInputs, vulnerability: 0.1 }, control_cost_per_year: 100, iterations: 200 } }));
row('POST', '/api/v1/simulations/portfolio', 'risk.read', RISK_READERS, 202, async (s) => ({ url: '/api/v1/simulations/portfolio', body: { iterations: 100, risk_ids: [await quantifiedRisk(s)] } }));
row('GET', '/api/v1/simulations/:id', 'risk.read', RISK_READERS, 200, async (s) => ({ url: `/api/v1/simulations/${await riskSimulation(s)}` }));
row('POST', '/api/v1/risks/:id/simulations', 'risk.write', RISK_WRITERS, 201, async (s) => ({ url: `/api/v1/risks/${await quantifiedRisk(s)}/simulations`, body: { iterations: 200 } }));
row('GET', '/api/v1/risks/:id/simulations', 'risk.read', RISK_READERS, 200, async (s) => ({ url: `/api/v1/risks/${await quantifiedRisk(s)}/simulations` }));

/** Post-incident review and action items (issue #5): every role reads them; responders write, incident managers complete. */
const REVIEW_WRITERS: Outcomes = [Y, Y, Y, N, N, N, N];
const REVIEW_COMPLETERS: Outcomes = [Y, Y, N, N, N, N, N];
async function reviewedIncident(s: Setup, body: Record<string, unknown> = { summary: 'Matrix review' }): Promise<string> {
  const id = await incident(s);
  const res = await s.t.call('PUT', `/api/v1/incidents/${id}/review`, { body });
  expect(res.statusCode, res.body).toBe(201);
  return id;
}
async function actionItem(s: Setup): Promise<string> {
  const res = await s.t.call('POST', `/api/v1/incidents/${await incident(s)}/action-items`, { body: { title: 'Matrix action', kind: 'other' } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
const completeReview = { summary: 'Matrix review', root_causes: [{ statement: 'Matrix cause', kind: 'root', whys: [] }], lessons: ['Matrix lesson'] };
row('GET', '/api/v1/incidents/:id/review', 'incident.read', EVERYONE, 200, async (s) => ({ url: `/api/v1/incidents/${await reviewedIncident(s)}/review` }), scoped);
row('PUT', '/api/v1/incidents/:id/review', 'review.write', REVIEW_WRITERS, 201, onIncident('/review', { summary: 'Matrix review' }), scoped);
row('POST', '/api/v1/incidents/:id/review/complete', 'review.complete', REVIEW_COMPLETERS, 200, async (s) => ({ url: `/api/v1/incidents/${await reviewedIncident(s, completeReview)}/review/complete`, body: {} }), scoped);
row('GET', '/api/v1/incidents/:id/metrics', 'incident.read', EVERYONE, 200, onIncident('/metrics'), scoped);
row('GET', '/api/v1/incidents/:id/action-items', 'incident.read', EVERYONE, 200, onIncident('/action-items'), scoped);
row('POST', '/api/v1/incidents/:id/action-items', 'review.write', REVIEW_WRITERS, 201, onIncident('/action-items', { title: 'Matrix action', kind: 'other' }), scoped);
row('PATCH', '/api/v1/action-items/:id', 'review.write', REVIEW_WRITERS, 200, async (s) => ({ url: `/api/v1/action-items/${await actionItem(s)}`, body: { status: 'in_progress' }, headers: { 'if-match': '"1"' } }));
row('GET', '/api/v1/action-items', 'incident.read', EVERYONE, 200, at('/api/v1/action-items'));
row('GET', '/api/v1/review-settings', 'incident.read', EVERYONE, 200, at('/api/v1/review-settings'));
// Also open to settings.manage (administrators), which review.complete's holders include.
row('PUT', '/api/v1/review-settings', 'review.complete', REVIEW_COMPLETERS, 200, async () => ({ url: '/api/v1/review-settings', body: { required_fields: ['summary', 'root_causes', 'lessons'] } }));

/** Incident metrics and the review report (issue #5): everyone who reads incidents; the report of a (possibly restricted) incident's review. */
row('GET', '/api/v1/metrics/incidents', 'incident.read', EVERYONE, 200, at('/api/v1/metrics/incidents'));
row('GET', '/api/v1/incidents/:id/review/export', 'incident.read', EVERYONE, 200, async (s) => {
  const id = await incident(s);
  await seedReview(s.t, id, { summary: 'Matrix review' });
  return { url: `/api/v1/incidents/${id}/review/export?format=md` };
}, scoped);

/** Incident ↔ register links (issue #5): everyone who reads incidents sees them; review writers change them. */
async function linkedRisk(s: Setup): Promise<string> {
  const [id, riskId] = [await incident(s), await risk(s)];
  const res = await s.t.call('POST', `/api/v1/incidents/${id}/risks`, { body: { risk_id: riskId } });
  expect(res.statusCode, res.body).toBe(201);
  return `/api/v1/incidents/${id}/risks/${riskId}`;
}
async function controlOutcome(s: Setup): Promise<string> {
  const id = await incident(s);
  const res = await s.t.call('POST', `/api/v1/incidents/${id}/control-outcomes`, { body: { control_id: await control(s), outcome: 'failed' } });
  expect(res.statusCode, res.body).toBe(201);
  return `/api/v1/incidents/${id}/control-outcomes/${res.json().id}`;
}
row('GET', '/api/v1/incidents/:id/risks', 'incident.read', EVERYONE, 200, onIncident('/risks'), scoped);
row('POST', '/api/v1/incidents/:id/risks', 'review.write', [Y, Y, Y, N, N, N, N], 201, async (s) => ({ url: `/api/v1/incidents/${await incident(s)}/risks`, body: { risk_id: await risk(s) } }), scoped);
row('DELETE', '/api/v1/incidents/:id/risks/:risk_id', 'review.write', [Y, Y, Y, N, N, N, N], 204, async (s) => ({ url: await linkedRisk(s) }), scoped);
row('GET', '/api/v1/incidents/:id/risks/suggested', 'incident.read', EVERYONE, 200, onIncident('/risks/suggested'), scoped);
row('GET', '/api/v1/incidents/:id/playbooks/suggested', 'incident.read', EVERYONE, 200, onIncident('/playbooks/suggested'), scoped);
row('GET', '/api/v1/risks/:id/incidents', 'risk.read', RISK_READERS, 200, async (s) => ({ url: `/api/v1/risks/${await risk(s)}/incidents` }));
row('GET', '/api/v1/incidents/:id/control-outcomes', 'incident.read', EVERYONE, 200, onIncident('/control-outcomes'), scoped);
row('POST', '/api/v1/incidents/:id/control-outcomes', 'review.write', [Y, Y, Y, N, N, N, N], 201, async (s) => ({ url: `/api/v1/incidents/${await incident(s)}/control-outcomes`, body: { control_id: await control(s), outcome: 'detected' } }), scoped);
row('PATCH', '/api/v1/incidents/:id/control-outcomes/:outcome_id', 'review.write', [Y, Y, Y, N, N, N, N], 200, async (s) => ({ url: await controlOutcome(s), body: { outcome: 'bypassed' }, headers: { 'if-match': '"1"' } }), scoped);
row('DELETE', '/api/v1/incidents/:id/control-outcomes/:outcome_id', 'review.write', [Y, Y, Y, N, N, N, N], 204, async (s) => ({ url: await controlOutcome(s) }), scoped);
row('GET', '/api/v1/controls/:id/outcomes', 'risk.read', RISK_READERS, 200, async (s) => ({ url: `/api/v1/controls/${await control(s)}/outcomes` }));

/** Proposals of completed reviews and the register's learning views (issue #5): everyone who reads incidents sees them; risk owners decide. */
async function completedIncident(s: Setup): Promise<{ id: string; proposals: Array<{ id: string }> }> {
  const id = await incident(s);
  const linked = await s.t.call('POST', `/api/v1/incidents/${id}/risks`, { body: { risk_id: await risk(s) } });
  expect(linked.statusCode, linked.body).toBe(201);
  const saved = await s.t.call('PUT', `/api/v1/incidents/${id}/review`, { body: completeReview });
  expect(saved.statusCode, saved.body).toBe(201);
  const done = await s.t.call('POST', `/api/v1/incidents/${id}/review/complete`, { body: {} });
  expect(done.statusCode, done.body).toBe(200);
  return { id, proposals: done.json().proposals };
}
const proposal = async (s: Setup) => (await completedIncident(s)).proposals[0]!.id;
row('GET', '/api/v1/incidents/:id/review/proposals', 'incident.read', EVERYONE, 200, async (s) => ({ url: `/api/v1/incidents/${(await completedIncident(s)).id}/review/proposals` }), scoped);
row('GET', '/api/v1/proposals', 'incident.read', EVERYONE, 200, at('/api/v1/proposals?status=pending'));
row('POST', '/api/v1/proposals/:id/accept', 'risk.write', RISK_WRITERS, 200, async (s) => ({ url: `/api/v1/proposals/${await proposal(s)}/accept`, body: {} }));
row('POST', '/api/v1/proposals/:id/reject', 'risk.write', RISK_WRITERS, 200, async (s) => ({ url: `/api/v1/proposals/${await proposal(s)}/reject`, body: { note: 'Matrix' } }));
row('GET', '/api/v1/risks/:id/score-history', 'risk.read', RISK_READERS, 200, async (s) => ({ url: `/api/v1/risks/${await risk(s)}/score-history` }));
row('GET', '/api/v1/risks/calibration', 'risk.read', RISK_READERS, 200, at('/api/v1/risks/calibration'));
row('POST', '/api/v1/obligations/preview', 'incident.read', EVERYONE, 200, async () => ({ url: '/api/v1/obligations/preview', body: { organisation: { timezone: 'Europe/Berlin', eu_controller: true }, incident: { aware_at: '2026-03-27T10:00:00+01:00', personal_data: true } } }));

/** Obligations on incidents (issue #6): everyone reads; incident managers (and legal on the incident) record facts, decisions and submissions. */
const MATRIX_PROFILE = { timezone: 'Europe/Berlin', eu_controller: true };
const MATRIX_FACTS = { aware_at: '2026-03-27T10:00:00+01:00', personal_data: true, data_subject_jurisdictions: ['DE'] };
async function incidentWithFacts(s: Setup): Promise<string> {
  const profile = await s.t.call('GET', '/api/v1/obligations/profile');
  if (!profile.json().eu_controller) expect((await s.t.call('PUT', '/api/v1/obligations/profile', { body: MATRIX_PROFILE })).statusCode).toBe(200);
  const id = await incident(s);
  const res = await s.t.call('PUT', `/api/v1/incidents/${id}/facts`, { body: MATRIX_FACTS });
  expect(res.statusCode, res.body).toBe(201);
  return id;
}
async function obligation(s: Setup): Promise<string> {
  const res = await s.t.call('GET', `/api/v1/incidents/${await incidentWithFacts(s)}/obligations`);
  expect(res.json().items.length, res.body).toBeGreaterThan(0);
  return res.json().items[0].id;
}
const OBLIGATION_WRITERS: Outcomes = [Y, Y, N, N, N, N, N];
row('GET', '/api/v1/obligations/profile', 'incident.read', EVERYONE, 200, at('/api/v1/obligations/profile'));
row('PUT', '/api/v1/obligations/profile', 'settings.manage', [Y, N, N, N, N, N, N], 200, async () => ({ url: '/api/v1/obligations/profile', body: MATRIX_PROFILE }));
row('GET', '/api/v1/obligations', 'incident.read', EVERYONE, 200, at('/api/v1/obligations?status=open'));
row('PATCH', '/api/v1/obligations/:id', 'obligation.write', OBLIGATION_WRITERS, 200, async (s) => ({ url: `/api/v1/obligations/${await obligation(s)}`, body: { status: 'drafted' }, headers: { 'if-match': '"1"' } }), scoped);
row('GET', '/api/v1/incidents/:id/obligations', 'incident.read', EVERYONE, 200, onIncident('/obligations'), scoped);
row('GET', '/api/v1/incidents/:id/facts', 'incident.read', EVERYONE, 200, async (s) => ({ url: `/api/v1/incidents/${await incidentWithFacts(s)}/facts` }), scoped);
row('PUT', '/api/v1/incidents/:id/facts', 'obligation.write', OBLIGATION_WRITERS, 201, onIncident('/facts', MATRIX_FACTS), scoped);
row('GET', '/api/v1/incidents/:id/decisions', 'incident.read', EVERYONE, 200, onIncident('/decisions'), scoped);
row('POST', '/api/v1/incidents/:id/decisions', 'decision.record', OBLIGATION_WRITERS, 201, onIncident('/decisions', { kind: 'personal_data_breach', outcome: true, decided_at: '2026-03-27T12:00:00+01:00', facts: 'Matrix facts' }), scoped);

/**
 * Stakeholder communications (issue #6): communication.write drafts, edits, submits, sends and withdraws.
 * Legal review and approval need an incident role instead (Legal; commander, sponsor or communications
 * lead, not the drafter), so the set-up gives the caller that role, except on the restricted incident
 * where the caller must stay a non-member.
 */
const COMMUNICATION_WRITERS: Outcomes = [Y, Y, Y, N, N, N, N];
const communicationApprovers = new WeakMap<TestApp, TestUser>();
async function communication(s: Setup, body: Record<string, unknown> = { audience: 'staff', channel: 'website', subject: 'Matrix notice', body: 'Matrix' }): Promise<{ incidentId: string; id: string }> {
  const incidentId = await incident(s);
  const res = await s.t.call('POST', `/api/v1/incidents/${incidentId}/communications`, { body });
  expect(res.statusCode, res.body).toBe(201);
  return { incidentId, id: res.json().id };
}
async function giveRole(s: Setup, incidentId: string, userId: string, role: string): Promise<void> {
  const res = await s.t.call('POST', `/api/v1/incidents/${incidentId}/members`, { body: { user_id: userId, role } });
  expect(res.statusCode, res.body).toBe(201);
}
async function approvedCommunication(s: Setup): Promise<string> {
  const { incidentId, id } = await communication(s);
  if (!communicationApprovers.has(s.t)) communicationApprovers.set(s.t, await s.t.user('incident_manager', 'Matrix approver'));
  const approver = communicationApprovers.get(s.t)!;
  await giveRole(s, incidentId, approver.id, 'incident_commander');
  const res = await s.t.call('POST', `/api/v1/communications/${id}/approve`, { token: approver.token, body: {} });
  expect(res.statusCode, res.body).toBe(200);
  return id;
}
row('GET', '/api/v1/incidents/:id/communications', 'incident.read', EVERYONE, 200, onIncident('/communications'), scoped);
row('POST', '/api/v1/incidents/:id/communications', 'communication.write', COMMUNICATION_WRITERS, 201, onIncident('/communications', { audience: 'staff', channel: 'email', subject: 'Matrix', body: 'Matrix' }), scoped);
row('GET', '/api/v1/incidents/:id/communications/holding-statements', 'incident.read', EVERYONE, 200, onIncident('/communications/holding-statements'), scoped);
row('GET', '/api/v1/communications/:id', 'incident.read', EVERYONE, 200, async (s) => ({ url: `/api/v1/communications/${(await communication(s)).id}` }), scoped);
row('PATCH', '/api/v1/communications/:id', 'communication.write', COMMUNICATION_WRITERS, 200, async (s) => ({ url: `/api/v1/communications/${(await communication(s)).id}`, body: { body: 'Matrix edit' }, headers: { 'if-match': '"1"' } }), scoped);
row('POST', '/api/v1/communications/:id/submit', 'communication.write', COMMUNICATION_WRITERS, 200, async (s) => ({ url: `/api/v1/communications/${(await communication(s)).id}/submit`, body: {} }), scoped);
row('POST', '/api/v1/communications/:id/review', 'incident.read', EVERYONE, 200, async (s) => {
  const { incidentId, id } = await communication(s);
  expect((await s.t.call('POST', `/api/v1/communications/${id}/submit`, { body: {} })).statusCode).toBe(200);
  if (!s.restricted) await giveRole(s, incidentId, s.caller.id, 'legal');
  return { url: `/api/v1/communications/${id}/review`, body: { decision: 'approve' } };
}, scoped);
row('POST', '/api/v1/communications/:id/approve', 'incident.read', EVERYONE, 200, async (s) => {
  if (!communicationApprovers.has(s.t)) communicationApprovers.set(s.t, await s.t.user('incident_manager', 'Matrix approver'));
  // Drafted by someone other than the caller: a drafter never approves their own words.
  const incidentId = await incident(s);
  await giveRole(s, incidentId, communicationApprovers.get(s.t)!.id, 'observer');
  const drafted = await s.t.call('POST', `/api/v1/incidents/${incidentId}/communications`, { token: communicationApprovers.get(s.t)!.token, body: { audience: 'staff', channel: 'website', subject: 'Matrix notice', body: 'Matrix' } });
  expect(drafted.statusCode, drafted.body).toBe(201);
  if (!s.restricted) await giveRole(s, incidentId, s.caller.id, 'communications_lead');
  return { url: `/api/v1/communications/${drafted.json().id}/approve`, body: {} };
}, scoped);
row('POST', '/api/v1/communications/:id/send', 'communication.write', COMMUNICATION_WRITERS, 200, async (s) => ({ url: `/api/v1/communications/${await approvedCommunication(s)}/send`, body: { note: 'Posted on the intranet' } }), scoped);
row('POST', '/api/v1/communications/:id/withdraw', 'communication.write', COMMUNICATION_WRITERS, 200, async (s) => ({ url: `/api/v1/communications/${(await communication(s)).id}/withdraw`, body: {} }), scoped);

row('GET', '/api/v1/incidents/:id/escalations', 'incident.read', EVERYONE, 200, onIncident('/escalations'), scoped);
row('POST', '/api/v1/incidents/:id/escalations/:escalation_id/acknowledge', 'incident.manage_people', [Y, Y, N, N, N, N, N], 200, async (s) => {
  const id = await incident(s);
  return { url: `/api/v1/incidents/${id}/escalations/${(await seedEscalation(s.t, id)).id}/acknowledge`, body: { note: 'Answered the phone' } };
}, scoped);

/** The response plan (issue #6): everyone reads and exports it; incident managers draft it; administrators approve it. */
const planContent = { title: 'Matrix plan', scope: '', meeting_place: '', out_of_band_channel: '', team: [], severity_definitions: [], escalation_rules: [], templates: [], third_parties: [], playbooks: [], status_update_cadence: [] };
async function planDraft(s: Setup): Promise<{ version: number; plan_version: number }> {
  const current = (await s.t.call('GET', '/api/v1/plan')).json().draft;
  if (current) return current;
  const res = await s.t.call('PUT', '/api/v1/plan/draft', { body: { content: planContent, review_due_at: '2099-01-01T00:00:00Z' } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function planInForce(s: Setup): Promise<void> {
  if ((await s.t.call('GET', '/api/v1/plan')).json().in_force) return;
  await planDraft(s);
  const res = await s.t.call('POST', '/api/v1/plan/draft/approve', { body: {} });
  expect(res.statusCode, res.body).toBe(200);
}
row('GET', '/api/v1/plan', 'plan.read', EVERYONE, 200, at('/api/v1/plan'));
row('PUT', '/api/v1/plan/draft', 'plan.write', [Y, Y, N, N, N, N, N], 200, async (s) => ({ url: '/api/v1/plan/draft', body: { content: { ...planContent, scope: `Matrix ${unique()}` }, version: (await planDraft(s)).version } }));
row('POST', '/api/v1/plan/draft/approve', 'plan.approve', [Y, N, N, N, N, N, N], 200, async (s) => {
  await planDraft(s);
  return { url: '/api/v1/plan/draft/approve', body: {} };
});
row('GET', '/api/v1/plan/versions', 'plan.read', EVERYONE, 200, at('/api/v1/plan/versions'));
row('GET', '/api/v1/plan/versions/:plan_version', 'plan.read', EVERYONE, 200, async (s) => ({ url: `/api/v1/plan/versions/${(await planDraft(s)).plan_version}` }));
row('GET', '/api/v1/plan/export', 'plan.read', EVERYONE, 200, async (s) => {
  await planInForce(s);
  return { url: '/api/v1/plan/export?format=html' };
});

/** Third-party engagements and incident reports (issue #6): incident writers engage; everyone who reads incidents sees them and downloads reports. */
async function engagement(s: Setup): Promise<string> {
  const res = await s.t.call('POST', `/api/v1/incidents/${await incident(s)}/engagements`, { body: { kind: 'forensics', name: 'Matrix Forensics' } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
row('GET', '/api/v1/incidents/:id/engagements', 'incident.read', EVERYONE, 200, onIncident('/engagements'), scoped);
row('POST', '/api/v1/incidents/:id/engagements', 'incident.update', [Y, Y, Y, N, N, N, N], 201, onIncident('/engagements', { kind: 'outside_counsel', name: 'Matrix LLP' }), scoped);
row('PATCH', '/api/v1/engagements/:id', 'incident.update', [Y, Y, Y, N, N, N, N], 200, async (s) => ({ url: `/api/v1/engagements/${await engagement(s)}`, body: { status: 'engaged' }, headers: { 'if-match': '"1"' } }), scoped);
row('GET', '/api/v1/incidents/:id/reports/:kind', 'incident.read', EVERYONE, 200, onIncident('/reports/executive?format=md'), scoped);

/** Evidence exports (issue #7): everyone who reads evidence downloads the manifest and the custody report. */
row('GET', '/api/v1/incidents/:id/evidence/manifest', 'evidence.read', [Y, Y, Y, Y, N, Y, Y], 200, onIncident('/evidence/manifest?format=csv'), scoped);
row('GET', '/api/v1/incidents/:id/evidence/custody-report', 'evidence.read', [Y, Y, Y, Y, N, Y, Y], 200, onIncident('/evidence/custody-report?format=csv'), scoped);

/** Chain of custody (issue #7): evidence readers read it; evidence writers record — `analysed` needs no holding, so any writer may. */
async function custodyEvidence(s: Setup): Promise<string> {
  const res = await s.t.call('POST', `/api/v1/incidents/${await incident(s)}/evidence`, { body: { kind: 'physical', title: 'Matrix laptop', serial_numbers: ['MX-1'], physical_location: 'Matrix safe' } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
row('GET', '/api/v1/evidence/:id/custody', 'evidence.read', [Y, Y, Y, Y, N, Y, Y], 200, async (s) => ({ url: `/api/v1/evidence/${await custodyEvidence(s)}/custody` }), scoped);
row('POST', '/api/v1/evidence/:id/custody', 'evidence.write', [Y, Y, Y, Y, N, N, N], 201, async (s) => ({ url: `/api/v1/evidence/${await custodyEvidence(s)}/custody`, body: { action: 'analysed', purpose: 'Matrix' } }), scoped);

/** Evidence records (issue #7): uploads are tested as multipart in test/api/evidence/upload.test.ts; here the JSON form of the same endpoint. */
row('POST', '/api/v1/incidents/:id/evidence', 'evidence.write', [Y, Y, Y, Y, N, N, N], 201, onIncident('/evidence', { kind: 'physical', title: 'Matrix USB key', serial_numbers: ['USB-1'] }), scoped);
row('GET', '/api/v1/incidents/:id/evidence', 'evidence.read', [Y, Y, Y, Y, N, Y, Y], 200, onIncident('/evidence'), scoped);
row('GET', '/api/v1/evidence/:id', 'evidence.read', [Y, Y, Y, Y, N, Y, Y], 200, async (s) => ({ url: `/api/v1/evidence/${await custodyEvidence(s)}` }), scoped);
row('PATCH', '/api/v1/evidence/:id', 'evidence.write', [Y, Y, Y, Y, N, N, N], 200, async (s) => ({ url: `/api/v1/evidence/${await custodyEvidence(s)}`, body: { title: 'Matrix laptop (renamed)' }, headers: { 'if-match': '"1"' } }), scoped);

/** Evidence integrity, legal hold and disposal (issue #7): readers download and verify; managers hold and dispose, a second manager approves. */
async function storedEvidence(s: Setup, kind = 'log'): Promise<string> {
  return (await uploadEvidence(s.t, await incident(s), { name: 'matrix.log', content: `matrix ${unique()}`, kind })).id;
}
const disposalRequesters = new WeakMap<TestApp, Promise<TestUser>>();
/** An item with a destruction request by another manager than any caller, so every manager may decide it. */
async function requestedDisposal(s: Setup): Promise<string> {
  if (!disposalRequesters.has(s.t)) disposalRequesters.set(s.t, s.t.user('incident_manager', 'Matrix requester'));
  // On a restricted incident only the administrator (not a member, yet sees it) can ask; the caller there is a non-member manager.
  const requester = s.restricted ? s.t.admin : await disposalRequesters.get(s.t)!;
  const id = await storedEvidence(s);
  const res = await s.t.call('DELETE', `/api/v1/evidence/${id}`, { token: requester.token, body: { reason: 'Matrix disposal' } });
  expect(res.statusCode, res.body).toBe(202);
  return id;
}
async function heldEvidence(s: Setup): Promise<string> {
  const id = await storedEvidence(s);
  const res = await s.t.call('POST', `/api/v1/evidence/${id}/hold`, { body: { reason: 'Matrix hold' } });
  expect(res.statusCode, res.body).toBe(200);
  return id;
}
row('GET', '/api/v1/evidence/:id/download', 'evidence.read', [Y, Y, Y, Y, N, Y, Y], 200, async (s) => ({ url: `/api/v1/evidence/${await storedEvidence(s)}/download` }), scoped);
row('POST', '/api/v1/evidence/:id/verify', 'evidence.read', [Y, Y, Y, Y, N, Y, Y], 200, async (s) => ({ url: `/api/v1/evidence/${await storedEvidence(s)}/verify` }), scoped);
row('POST', '/api/v1/incidents/:id/evidence/verify', 'evidence.read', [Y, Y, Y, Y, N, Y, Y], 200, onIncident('/evidence/verify'), scoped);
row('POST', '/api/v1/evidence/:id/hold', 'evidence.manage', [Y, Y, N, N, N, N, N], 200, async (s) => ({ url: `/api/v1/evidence/${await storedEvidence(s)}/hold`, body: { reason: 'Matrix hold' } }), scoped);
row('DELETE', '/api/v1/evidence/:id/hold', 'evidence.manage', [Y, Y, N, N, N, N, N], 200, async (s) => ({ url: `/api/v1/evidence/${await heldEvidence(s)}/hold`, body: { reason: 'Matrix lift' } }), scoped);
row('DELETE', '/api/v1/evidence/:id', 'evidence.manage', [Y, Y, N, N, N, N, N], 202, async (s) => ({ url: `/api/v1/evidence/${await storedEvidence(s)}`, body: { reason: 'Matrix disposal' } }), scoped);
row('POST', '/api/v1/evidence/:id/release', 'evidence.manage', [Y, Y, N, N, N, N, N], 202, async (s) => ({ url: `/api/v1/evidence/${await storedEvidence(s)}/release`, body: { reason: 'Matrix release' } }), scoped);
row('POST', '/api/v1/evidence/:id/disposal/approve', 'evidence.manage', [Y, Y, N, N, N, N, N], 200, async (s) => ({ url: `/api/v1/evidence/${await requestedDisposal(s)}/disposal/approve`, body: { note: 'Matrix approval' } }), scoped);
row('POST', '/api/v1/evidence/:id/disposal/reject', 'evidence.manage', [Y, Y, N, N, N, N, N], 200, async (s) => ({ url: `/api/v1/evidence/${await requestedDisposal(s)}/disposal/reject`, body: { note: 'Matrix rejection' } }), scoped);

const ruleAllows = (rule: Rule, role: Role) => rule === 'public' || rule === 'signed_in' || can(role, rule);
const outcomeOf = (endpoint: Endpoint, role: Role) => endpoint.outcomes[ROLES.indexOf(role)]!;

describeApiOnEachEngine('authorisation matrix', (t) => {
  const callers = new Map<Role, TestUser>();
  let base = '';
  beforeAll(async () => {
    callers.set('admin', t().admin);
    for (const role of ROLES.filter((r) => r !== 'admin')) callers.set(role, await t().user(role));
    base = await t().app.listen({ port: 0, host: '127.0.0.1' });
  });

  /** Server-sent events never end, so they are opened over a real socket and only their status is read. */
  async function send(endpoint: Endpoint, request: Request, token: string | null): Promise<{ status: number; contentType: string }> {
    if (endpoint.stream && token) {
      const abort = new AbortController();
      const res = await fetch(`${base}${request.url}`, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
      abort.abort();
      return { status: res.status, contentType: res.headers.get('content-type') ?? '' };
    }
    const res = await t().call(endpoint.method, request.url, { token, ...(request.body !== undefined ? { body: request.body } : {}), ...(request.headers ? { headers: request.headers } : {}) });
    return { status: res.statusCode, contentType: String(res.headers['content-type'] ?? '') };
  }

  it('agrees with ROLE_PERMISSIONS on every row', () => {
    for (const endpoint of ENDPOINTS) {
      for (const role of ROLES) expect(outcomeOf(endpoint, role), `${endpoint.method} ${endpoint.path} as ${role}`).toBe(ruleAllows(endpoint.rule, role) ? Y : N);
    }
  });

  it('lists every endpoint the server has, and only those', () => {
    const paths = (t().app.swagger() as { paths: Record<string, Record<string, unknown>> }).paths;
    const served = Object.entries(paths).flatMap(([path, operations]) => Object.keys(operations).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
    expect(ENDPOINTS.map((e) => `${e.method} ${e.path}`).sort()).toEqual(served.sort());
  });

  describe.each(ENDPOINTS.map((e) => [`${e.method} ${e.path}`, e] as const))('%s', (_name, endpoint) => {
    it.each(ROLES.map((role) => [role, outcomeOf(endpoint, role)] as const))('as %s: %s', async (role, outcome) => {
      const caller = callers.get(role)!;
      const request = await endpoint.request({ t: t(), caller, restricted: false });
      const { status, contentType } = await send(endpoint, request, request.token ?? caller.token);
      if (outcome === Y) {
        expect(status).toBe(endpoint.status);
      } else {
        expect(status).toBe(403);
        expect(contentType).toContain('application/problem+json');
      }
    });

    it(endpoint.rule === 'public' ? 'without credentials: allowed' : 'without credentials: 401', async () => {
      const request = await endpoint.request({ t: t(), caller: t().admin, restricted: false });
      expect((await send(endpoint, request, null)).status).toBe(endpoint.rule === 'public' ? endpoint.status : 401);
    });

    if (endpoint.incidentScoped) {
      it('on a restricted incident, for a non-member incident manager: 404', async () => {
        const request = await endpoint.request({ t: t(), caller: callers.get('incident_manager')!, restricted: true });
        const { status } = await send(endpoint, request, callers.get('incident_manager')!.token);
        expect(status).toBe(404);
      });
    }
  });
});
