import type { Phase } from '../api/types';

/**
 * Labels the app can show before GET /api/v1/meta answers (or when it is unavailable). They mirror
 * the server's vocabulary; the server's answer wins when it arrives.
 */
export interface Option<T = string> {
  id: T;
  label: string;
}

export interface Labels {
  phases: Option<Phase>[];
  severities: Option<number>[];
  categories: Array<{ key: string; label: string; builtin: boolean }>;
  tlp: Option[];
  resolutions: Option[];
  roles: Option[];
  incident_roles: Array<Option & { single_holder: boolean }>;
  functional_impacts: Option[];
  information_impacts: Option[];
  recoverabilities: Option[];
  task_statuses: Option[];
}

const options = (entries: Record<string, string>): Option[] => Object.entries(entries).map(([id, label]) => ({ id, label }));

const SINGLE_HOLDER = new Set(['incident_commander', 'deputy_commander', 'technical_lead', 'communications_lead', 'scribe', 'executive_sponsor']);

export const FALLBACK_LABELS: Labels = {
  phases: options({
    detection: 'Detection & analysis',
    containment: 'Containment',
    eradication: 'Eradication',
    recovery: 'Recovery',
    post_incident: 'Post-incident',
    closed: 'Closed',
  }) as Option<Phase>[],
  severities: [
    { id: 1, label: 'Critical' },
    { id: 2, label: 'High' },
    { id: 3, label: 'Medium' },
    { id: 4, label: 'Low' },
  ],
  categories: Object.entries({
    ransomware: 'Ransomware',
    malware: 'Malware',
    phishing: 'Phishing',
    business_email_compromise: 'Business e-mail compromise',
    account_compromise: 'Account compromise',
    data_breach: 'Data breach',
    denial_of_service: 'Denial of service',
    insider: 'Insider',
    lost_or_stolen_device: 'Lost or stolen device',
    web_application: 'Web application',
    supply_chain: 'Supply chain',
    other: 'Other',
  }).map(([key, label]) => ({ key, label, builtin: true })),
  tlp: options({ clear: 'TLP:CLEAR', green: 'TLP:GREEN', amber: 'TLP:AMBER', 'amber+strict': 'TLP:AMBER+STRICT', red: 'TLP:RED' }),
  resolutions: options({ true_positive: 'True positive', false_positive: 'False positive', benign: 'Benign', duplicate: 'Duplicate' }),
  roles: options({
    admin: 'Administrator',
    incident_manager: 'Incident manager',
    responder: 'Responder',
    analyst: 'Analyst',
    risk_owner: 'Risk owner',
    stakeholder: 'Stakeholder (read-only)',
    auditor: 'Auditor (read-only + audit log)',
  }),
  incident_roles: options({
    incident_commander: 'Incident commander',
    deputy_commander: 'Deputy commander',
    technical_lead: 'Technical lead',
    communications_lead: 'Communications lead',
    scribe: 'Scribe',
    liaison: 'Liaison',
    legal: 'Legal',
    hr: 'HR',
    executive_sponsor: 'Executive sponsor',
    observer: 'Observer',
  }).map((role) => ({ ...role, single_holder: SINGLE_HOLDER.has(role.id) })),
  functional_impacts: options({ none: 'None', low: 'Low', medium: 'Medium', high: 'High' }),
  information_impacts: options({
    none: 'None',
    privacy_breach: 'Privacy breach',
    proprietary_breach: 'Proprietary breach',
    integrity_loss: 'Integrity loss',
  }),
  recoverabilities: options({ regular: 'Regular', supplemented: 'Supplemented', extended: 'Extended', not_recoverable: 'Not recoverable' }),
  task_statuses: options({ todo: 'To do', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' }),
};
