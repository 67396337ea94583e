import { expect } from 'vitest';
import type { TestApp } from '../../support/test-app.js';

/** Reads the triage tests share: an alert's status, an incident's timeline kinds, the audit actions. */
export function triageProbes(t: () => TestApp) {
  return {
    status: async (id: string) => (await t().call('GET', `/api/v1/alerts/${id}`)).json().status as string,
    timelineKinds: async (incidentId: string) => (await t().call('GET', `/api/v1/incidents/${incidentId}/timeline`)).json().items.map((e: { kind: string }) => e.kind) as string[],
    auditActions: async () => (await t().call('GET', '/api/v1/audit', { query: { limit: '200' } })).json().items.map((e: { action: string }) => e.action) as string[],
    openIncident: async (body: Record<string, unknown> = {}) => {
      const res = await t().call('POST', '/api/v1/incidents', { body: { title: 'Beaconing from finance', category: 'malware', ...body } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    },
  };
}
