import { expect, it } from 'vitest';
import { INCIDENT_ROLES, ROLE_LABELS, ROLES, SINGLE_HOLDER_ROLES } from '../../../src/domain/access.js';
import { BUILTIN_CATEGORIES, RESOLUTIONS, TLP_LEVELS } from '../../../src/domain/incident.js';
import { PHASE_LABELS, PHASES } from '../../../src/domain/lifecycle.js';
import { FUNCTIONAL_IMPACTS, INFORMATION_IMPACTS, RECOVERABILITIES } from '../../../src/domain/severity.js';
import { TASK_STATUSES } from '../../../src/domain/task.js';
import { describeApiOnEachEngine } from '../../support/test-app.js';

describeApiOnEachEngine('meta API', (t) => {
  const ids = (items: Array<{ id: string | number }>) => items.map((i) => i.id);

  it('answers every vocabulary the web app renders, in domain order, with labels', async () => {
    const stakeholder = await t().user('stakeholder');
    const res = await t().call('GET', '/api/v1/meta', { token: stakeholder.token });
    expect(res.statusCode).toBe(200);
    const meta = res.json();
    expect(meta.phases).toEqual(PHASES.map((id) => ({ id, label: PHASE_LABELS[id] })));
    expect(meta.severities).toEqual([{ id: 1, label: 'Critical' }, { id: 2, label: 'High' }, { id: 3, label: 'Medium' }, { id: 4, label: 'Low' }]);
    expect(meta.roles).toEqual(ROLES.map((id) => ({ id, label: ROLE_LABELS[id] })));
    expect(ids(meta.tlp)).toEqual([...TLP_LEVELS]);
    expect(meta.tlp).toContainEqual({ id: 'amber+strict', label: 'TLP:AMBER+STRICT' });
    expect(ids(meta.resolutions)).toEqual([...RESOLUTIONS]);
    expect(ids(meta.functional_impacts)).toEqual([...FUNCTIONAL_IMPACTS]);
    expect(ids(meta.information_impacts)).toEqual([...INFORMATION_IMPACTS]);
    expect(ids(meta.recoverabilities)).toEqual([...RECOVERABILITIES]);
    expect(ids(meta.task_statuses)).toEqual([...TASK_STATUSES]);
    expect(ids(meta.incident_roles)).toEqual([...INCIDENT_ROLES]);
    for (const role of meta.incident_roles) expect(role.single_holder, role.id).toBe(SINGLE_HOLDER_ROLES.has(role.id));
    expect(meta.incident_roles.find((r: { id: string }) => r.id === 'incident_commander')).toEqual({ id: 'incident_commander', label: 'Incident commander', single_holder: true });
    for (const group of ['tlp', 'resolutions', 'functional_impacts', 'information_impacts', 'recoverabilities', 'task_statuses']) {
      for (const item of meta[group]) expect(item.label, `${group}.${item.id}`).toMatch(/\S/);
    }
    expect(meta.categories.slice(0, BUILTIN_CATEGORIES.length).every((c: { builtin: boolean }) => c.builtin)).toBe(true);
  });

  it('includes the organisation’s own categories', async () => {
    await t().call('POST', '/api/v1/incident-categories', { body: { key: 'extortion_email', label: 'Extortion e-mail' } });
    const meta = (await t().call('GET', '/api/v1/meta')).json();
    expect(meta.categories).toContainEqual({ key: 'extortion_email', label: 'Extortion e-mail', builtin: false });
  });

  it('needs someone signed in', async () => {
    const res = await t().call('GET', '/api/v1/meta', { token: null });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
