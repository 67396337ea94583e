import type { PlanContent } from '../../domain/plan.js';
import { SAMPLE_PEOPLE, type Cast } from './sample-people.js';
import { SAMPLE_TITLE_PREFIX } from './story.js';

/**
 * The sample response plan: the sample people as the team, UK drama phone numbers (Ofcom's
 * 07700 900xxx, 020 7946 0xxx and 0808 157 0xxx ranges), reserved e-mail domains. Saved as a draft
 * only: an approved plan would escalate new incidents by e-mail to these made-up addresses.
 */
export function samplePlanContent(cast: Cast): PlanContent {
  const person = (key: keyof Cast) => ({ user_id: cast[key].userId, work_email: SAMPLE_PEOPLE[key].email, name: SAMPLE_PEOPLE[key].name });
  return {
    title: `${SAMPLE_TITLE_PREFIX}Incident response plan`,
    scope:
      'Sample plan loaded by `bulwark demo`. Covers every information security incident affecting the systems, data, staff or suppliers of the organisation in the UK and the EU, from the first alert to the post-incident review. ' +
      'Physical security, business continuity without a security cause, and product safety are handled by their own plans; this plan hands over to them when needed.',
    meeting_place:
      'Primary: the boardroom, 3rd floor, head office. If the office or the network is unavailable: the function room of the Kings Arms Hotel, opposite the station (the Facilities on-call holds the booking code). Remote members join the out-of-band bridge.',
    out_of_band_channel:
      'Signal group "IR bridge (sample)" for members listed below; voice fallback on the conference bridge +44 20 7946 0100, PIN 4417 05#. Never use corporate e-mail or Teams while the tenant may be compromised.',
    team: [
      { id: 'ic', ...person('sofia'), title: 'Head of Security Operations', incident_role: 'incident_commander', deputies: ['tech_lead'], mobile_phone: '+44 7700 900101', notes: 'Commands severity 1 and 2 incidents; can approve containment that stops a business service for up to 4 hours.' },
      { id: 'tech_lead', ...person('devraj'), title: 'Infrastructure Security Lead', incident_role: 'technical_lead', deputies: ['analyst'], mobile_phone: '+44 7700 900102', notes: 'Holds the EDR, firewall and backup administrator break-glass credentials.' },
      { id: 'analyst', ...person('mia'), title: 'Senior SOC Analyst', incident_role: 'scribe', deputies: ['tech_lead'], mobile_phone: '+44 7700 900103', notes: 'First line out of hours (on-call rota in the SOC wiki).' },
      { id: 'comms', ...person('tom'), title: 'Head of Communications', incident_role: 'communications_lead', deputies: ['ic'], mobile_phone: '+44 7700 900104', notes: 'Only spokesperson towards the media; approves every external statement with Legal.' },
      { id: 'legal', ...person('lena'), title: 'General Counsel', incident_role: 'legal', deputies: [], mobile_phone: '+44 7700 900105', notes: 'Decides on notifications to the ICO and data subjects; instructs outside counsel under privilege.' },
      { id: 'hr', ...person('ravi'), title: 'HR Business Partner', incident_role: 'hr', deputies: ['legal'], mobile_phone: '+44 7700 900106', notes: 'Insider cases and anything involving an employee’s conduct.' },
      { id: 'risk', ...person('priya'), title: 'Head of Enterprise Risk', incident_role: 'liaison', deputies: ['legal'], mobile_phone: '+44 7700 900107', notes: 'Notifies the cyber insurer and briefs the risk committee; owns the risk register entries an incident changes.' },
    ],
    severity_definitions: [
      { severity: 1, name: 'Critical', description: 'A business-critical service is down, or sensitive data is confirmed stolen, or the attacker still has privileged access.', examples: ['Ransomware encrypting servers', 'Domain administrator account compromised', 'Customer database published on a leak site'] },
      { severity: 2, name: 'High', description: 'Significant impact or likely exposure of personal or financial data; may still be spreading.', examples: ['Business e-mail compromise with a fraudulent payment', 'Several mailboxes compromised', 'Insider exporting customer data'] },
      { severity: 3, name: 'Medium', description: 'Limited impact, contained to a few systems or people; no confirmed data loss.', examples: ['Credential phishing with a handful of clicks', 'Lost encrypted laptop', 'Malware quarantined on one workstation'] },
      { severity: 4, name: 'Low', description: 'No business impact; handled by the on-duty analyst within normal working hours.', examples: ['Blocked phishing campaign', 'Policy violation without data loss'] },
    ],
    escalation_rules: [
      { id: 'sev1-command', severities: [1], categories: [], contact_ids: ['ic', 'tech_lead', 'comms', 'legal', 'risk'], respond_within_minutes: 15 },
      { id: 'sev2-command', severities: [2], categories: [], contact_ids: ['ic', 'tech_lead'], respond_within_minutes: 30 },
      { id: 'data-or-money', severities: [1, 2, 3], categories: ['business_email_compromise', 'data_breach', 'ransomware'], contact_ids: ['legal', 'risk'], respond_within_minutes: 60 },
      { id: 'insider', severities: [1, 2, 3], categories: ['insider'], contact_ids: ['hr', 'legal'], respond_within_minutes: 60 },
      { id: 'sev3-4-soc', severities: [3, 4], categories: [], contact_ids: ['analyst'], respond_within_minutes: 240 },
    ],
    templates: [
      {
        id: 'staff-initial', name: 'Staff: service disruption notice', audience: 'staff', channel: 'email', holding_statement: false,
        subject: 'IT incident: {{incident.title}}',
        body: 'Dear colleagues,\n\nWe are dealing with an IT security incident ({{incident.number}}). Some services may be unavailable while we contain it. Please do not try to reach the affected systems, and report anything unusual to the Service Desk.\n\nDo not discuss the incident outside the organisation or on social media. Media enquiries go to Communications.\n\nNext update: {{next_update_at}}.',
      },
      {
        id: 'staff-phishing', name: 'Staff: phishing warning', audience: 'staff', channel: 'email', holding_statement: false,
        subject: 'Warning: phishing e-mails in circulation',
        body: 'Dear colleagues,\n\nSome of you have received e-mails asking you to sign in again to the VPN or to mail. They are not from us. If you clicked the link or entered your password, call the Service Desk now; you will not be blamed.\n\nUse the "Report phish" button for any similar message.',
      },
      {
        id: 'exec-update', name: 'Executives: situation report', audience: 'executives', channel: 'email', holding_statement: false,
        subject: '[{{incident.severity_name}}] {{incident.number}} situation report, {{today}}',
        body: 'Incident: {{incident.title}} ({{incident.category}}), severity {{incident.severity}}, phase {{incident.phase}}.\nDetected: {{incident.detected_at}}. Incident commander: {{incident.commander}}.\n\nSummary:\n{{incident.summary}}\n\nDecisions needed from you: …\n\nNext update: {{next_update_at}}.',
      },
      {
        id: 'customers-notice', name: 'Customers: notice of a security incident', audience: 'customers', channel: 'email', holding_statement: false,
        subject: 'Important information about your data',
        body: 'Dear customer,\n\nOn {{incident.detected_at}} {{organisation.name}} detected a security incident affecting some of our systems. We are writing to explain what happened, what information was involved and what we are doing about it.\n\n[What happened] [What information was involved] [What we are doing] [What you can do]\n\nWe will never ask for your password or bank details by e-mail or phone.',
      },
      {
        id: 'ico-initial', name: 'ICO: initial personal data breach report', audience: 'regulators', channel: 'portal', holding_statement: false,
        subject: 'Personal data breach report: {{organisation.name}}, {{incident.number}}',
        body: 'Initial report within 72 hours of becoming aware (UK GDPR Article 33). Further information will follow in phases.\n\nNature of the breach: {{incident.summary}}\nCategory: {{incident.category}}. Became aware: {{incident.detected_at}}.\nCategories and approximate numbers of data subjects and records: …\nLikely consequences: …\nMeasures taken or proposed: …\nContact: General Counsel.',
      },
      {
        id: 'media-holding', name: 'Media: holding statement', audience: 'media', channel: 'press_release', holding_statement: true,
        subject: 'Statement from {{organisation.name}}',
        body: '{{organisation.name}} is responding to a cyber security incident. We acted quickly to contain it and are working with external specialists. Our priority is to keep our customers and staff informed; we will share more when we can do so accurately.',
      },
      {
        id: 'police-report', name: 'Law enforcement: crime report', audience: 'law_enforcement', channel: 'portal', holding_statement: false,
        subject: 'Cyber crime report: {{incident.title}}',
        body: 'Reference {{incident.number}}. Type: {{incident.category}}. First detected {{incident.detected_at}}.\nSummary: {{incident.summary}}\nIndicators (IP addresses, domains, wallet addresses) attached as a STIX file exported from Bulwark.',
      },
      {
        id: 'partners-notice', name: 'Suppliers and partners: connection notice', audience: 'partners', channel: 'email', holding_statement: false,
        subject: 'Security incident at {{organisation.name}}: action for connected partners',
        body: 'We are handling a security incident ({{incident.number}}). As a precaution, treat e-mails from us that ask for changed bank details or urgent payments as suspicious and confirm them by phone on a number you already hold. Next update: {{next_update_at}}.',
      },
      {
        id: 'insurer-notice', name: 'Cyber insurer: notification of circumstances', audience: 'insurer', channel: 'phone', holding_statement: false,
        subject: 'Notification under policy MCY-2026-004417: {{incident.number}}',
        body: 'Call the claims hotline first, then confirm in writing. Policy MCY-2026-004417. Incident {{incident.number}}, {{incident.category}}, detected {{incident.detected_at}}. Do not pay a ransom or engage a negotiator without the insurer’s written consent.',
      },
    ],
    third_parties: [
      { id: 'forensics', kind: 'forensics', name: 'Harbourside Forensics Ltd (sample)', contact_name: 'Duty incident handler', phone: '+44 20 7946 0321', email: 'dfir-hotline@forensics.example', contract_reference: 'Retainer HF-RET-2291, 40 hours a year', notes: 'On site within 4 hours in England; remote triage within 1 hour of the call.' },
      { id: 'insurer', kind: 'cyber_insurer', name: 'Meridian Cyber Insurance (sample)', contact_name: 'Claims team', email: 'cyber.claims@insurer.example', policy_number: 'MCY-2026-004417', hotline: '+44 808 157 0417', notes: 'Notify within 48 hours of discovery. Panel firms are pre-approved; others need consent before work starts.' },
      { id: 'counsel', kind: 'outside_counsel', name: 'Carrow & Finch LLP (sample)', contact_name: 'Data protection partner', phone: '+44 20 7946 0588', email: 'breach@counsel.example', contract_reference: 'Engagement letter CF-2025-118', notes: 'Instruct through the General Counsel so advice stays privileged.' },
      { id: 'ico', kind: 'regulator', name: 'Information Commissioner’s Office', notes: 'Personal data breaches likely to risk people’s rights: report within 72 hours of becoming aware, through the ICO breach reporting service.' },
      { id: 'msp', kind: 'key_supplier', name: 'Northgate Managed Services (sample)', phone: '+44 20 7946 0777', email: 'soc@msp.example', contract_reference: 'MSA-0193', notes: 'Runs the firewalls and the backup platform; can isolate VLANs on request 24/7.' },
    ],
    playbooks: [
      { id: 'pb-ransomware', title: 'Ransomware', location: 'https://intranet.sample.bulwark.invalid/security/playbooks/ransomware', categories: ['ransomware'] },
      { id: 'pb-bec', title: 'Business e-mail compromise and payment fraud', location: 'https://intranet.sample.bulwark.invalid/security/playbooks/bec', categories: ['business_email_compromise'] },
      { id: 'pb-phishing', title: 'Phishing triage and purge', location: 'https://intranet.sample.bulwark.invalid/security/playbooks/phishing', categories: ['phishing'] },
      { id: 'pb-device', title: 'Lost or stolen device', location: 'https://intranet.sample.bulwark.invalid/security/playbooks/lost-device', categories: ['lost_or_stolen_device'] },
    ],
    status_update_cadence: [
      { severity: 1, every_minutes: 120, audience: 'executives' },
      { severity: 2, every_minutes: 240, audience: 'executives' },
      { severity: 3, every_minutes: 1440, audience: 'executives' },
    ],
  };
}
