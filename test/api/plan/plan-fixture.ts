import type { PlanContent } from '../../../src/domain/plan.js';
import { emptyPlanContent } from '../../../src/domain/plan.js';

/** A small, realistic plan: two people who deputise for each other, a matrix, an insurer and a holding statement. */
export function samplePlan(overrides: Partial<PlanContent> = {}): PlanContent {
  return {
    ...emptyPlanContent(),
    title: 'Acme incident response plan',
    scope: 'All IT systems and data of Acme GmbH.',
    meeting_place: 'Room 2.14, Hauptstraße 1, Berlin; fallback: Café Einstein',
    out_of_band_channel: 'Signal group "Acme IR" and bridge +49 30 1234 5678',
    team: [
      { id: 'ciso', name: 'Carla Ciso', title: 'CISO', incident_role: 'incident_commander', deputies: ['counsel'], work_email: 'carla@acme.example', mobile_phone: '+49 171 000 0001', personal_email: 'carla@private.example' },
      { id: 'counsel', name: 'Lars Legal', title: 'General counsel', incident_role: 'legal', deputies: ['ciso'], mobile_phone: '+49 171 000 0002' },
    ],
    escalation_rules: [{ id: 'sev1', severities: [1, 2], categories: [], contact_ids: ['ciso', 'counsel'], respond_within_minutes: 30 }],
    templates: [{ id: 'media-holding', name: 'Media holding statement', audience: 'media', channel: 'press_release', holding_statement: true, subject: 'Statement on {{incident.title}}', body: '{{organisation.name}} is investigating an incident. Next update at {{next_update_at}}.' }],
    third_parties: [{ id: 'insurer', kind: 'cyber_insurer', name: 'Cyber Mutual', policy_number: 'CY-2026-77', hotline: '+49 800 999 000', contact_name: 'Claims desk' }],
    playbooks: [{ id: 'ransomware', title: 'Ransomware playbook', location: 'wiki/IR/ransomware', categories: ['malware'] }],
    ...overrides,
  };
}

export const REVIEW_DUE = '2030-06-30T00:00:00.000Z';
