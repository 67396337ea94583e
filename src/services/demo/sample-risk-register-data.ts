import type { AssetKind } from '../../domain/assets.js';
import type { ImplementationStatus, RiskControlStatus } from '../../domain/controls.js';
import type { FairInputs } from '../../domain/fair/inputs.js';
import type { Treatment } from '../../domain/risk.js';
import type { ControlOutcome } from '../../domain/risk-suggestions.js';
import type { Cast } from './sample-people.js';

/**
 * The sample risk register as data: assets, risks, controls, what mitigates what, and which sample
 * incident materialised which risk and what each control did in it. Keys tie the pieces together;
 * names and titles get the "[Sample] " prefix when they are created. Levels are those of the default
 * matrix (NIST SP 800-30: very_low … very_high); the default appetite tolerates up to moderate.
 */

type Person = keyof Cast;
type Level = 'very_low' | 'low' | 'moderate' | 'high' | 'very_high';

export type AssetKey = 'fileServers' | 'erp' | 'mail' | 'laptops' | 'backup' | 'hr' | 'vpn';
export type ControlKey = 'mfa' | 'edr' | 'backups' | 'callBack' | 'fde' | 'phishing' | 'pam' | 'patching';
export type RiskKey = 'ransomware' | 'paymentFraud' | 'lostLaptop' | 'insider' | 'credentialPhishing' | 'supplier' | 'perimeter' | 'backupFailure';
export type IncidentKey = 'ransomware' | 'bec' | 'phishing' | 'laptop';

export interface SampleAsset {
  name: string;
  kind: AssetKind;
  criticality: Level;
  owner: Person;
  description: string;
  data_classifications: string[];
  tags: string[];
  dependsOn?: { asset: AssetKey; note: string }[];
}

export const SAMPLE_ASSETS: Record<AssetKey, SampleAsset> = {
  backup: {
    name: 'Backup platform (Veeam with immutable object storage)',
    kind: 'system',
    criticality: 'very_high',
    owner: 'devraj',
    description: 'Nightly backups of every server and Microsoft 365, kept 35 days on immutable (object-locked) storage and copied weekly to an offline tape set held off site.',
    data_classifications: ['personal_data', 'confidential', 'payment'],
    tags: ['backup', 'infrastructure'],
  },
  fileServers: {
    name: 'Finance file servers FS01 and FS02',
    kind: 'system',
    criticality: 'high',
    owner: 'devraj',
    description: 'Windows file servers holding the Finance shares: payment runs, invoices, month-end close packs and payroll exports.',
    data_classifications: ['confidential', 'payment', 'personal_data'],
    tags: ['file-server', 'finance'],
    dependsOn: [{ asset: 'backup', note: 'Recovery of the Finance shares relies on the nightly backups.' }],
  },
  erp: {
    name: 'ERP and finance system (accounts payable)',
    kind: 'business_service',
    criticality: 'very_high',
    owner: 'priya',
    description: 'General ledger, accounts payable and the supplier master data, including supplier bank details. Pays about 1,900 supplier invoices a month.',
    data_classifications: ['payment', 'confidential', 'personal_data'],
    tags: ['finance', 'erp'],
    dependsOn: [{ asset: 'fileServers', note: 'Payment files and scanned invoices are exchanged through the Finance shares.' }],
  },
  mail: {
    name: 'Microsoft 365 mail and collaboration',
    kind: 'business_service',
    criticality: 'high',
    owner: 'devraj',
    description: 'Exchange Online, Teams and OneDrive for about 1,100 staff. Supplier and customer correspondence, including payment instructions, arrives here.',
    data_classifications: ['personal_data', 'confidential'],
    tags: ['email', 'm365'],
  },
  laptops: {
    name: 'Staff laptop fleet',
    kind: 'system',
    criticality: 'moderate',
    owner: 'devraj',
    description: 'About 950 Windows laptops managed in Intune, with BitLocker and EDR. Sales laptops hold customer quotes and price lists offline.',
    data_classifications: ['personal_data', 'confidential'],
    tags: ['laptop', 'endpoint'],
  },
  hr: {
    name: 'HR and payroll system',
    kind: 'business_service',
    criticality: 'high',
    owner: 'ravi',
    description: 'Employee records, contracts, absence and sickness data, and the monthly payroll export to the bank.',
    data_classifications: ['personal_data', 'special_category', 'payment'],
    tags: ['hr', 'payroll'],
  },
  vpn: {
    name: 'Remote access VPN gateway',
    kind: 'system',
    criticality: 'high',
    owner: 'devraj',
    description: 'The internet-facing SSL VPN appliance pair through which staff, administrators and two suppliers reach internal systems.',
    data_classifications: ['secrets'],
    tags: ['perimeter', 'remote-access'],
  },
};

export interface SampleControl {
  ref: string;
  title: string;
  family: string;
  description: string;
  implementation_status: ImplementationStatus;
  effectiveness: number;
  maturity: number;
  owner: Person;
  lastTestedDaysAgo: number;
  evidence_notes: string;
}

export const SAMPLE_CONTROLS: Record<ControlKey, SampleControl> = {
  mfa: {
    ref: 'SAMPLE-MFA',
    title: 'Multi-factor authentication for all remote access',
    family: 'Identity and access',
    description: 'MFA on the VPN, Microsoft 365 and every administrative interface reachable from the internet. References: NIST SP 800-53 IA-2(1), IA-2(2), AC-17; NIST CSF 2.0 PR.AA-03.',
    implementation_status: 'partially_implemented',
    effectiveness: 60,
    maturity: 3,
    owner: 'devraj',
    lastTestedDaysAgo: 75,
    evidence_notes: 'Conditional Access report: 98 % of staff sign-ins with MFA. Known gap: service accounts (svc-backup and 11 others) were excluded from the VPN MFA policy. Finance mailboxes still allow push notifications rather than phishing-resistant keys.',
  },
  edr: {
    ref: 'SAMPLE-EDR',
    title: 'Endpoint detection and response on laptops and servers',
    family: 'Detection and monitoring',
    description: 'EDR agent on every laptop and server, alerts triaged by the security team around the clock. References: NIST SP 800-53 SI-3, SI-4; NIST CSF 2.0 DE.CM-09.',
    implementation_status: 'implemented',
    effectiveness: 70,
    maturity: 3,
    owner: 'devraj',
    lastTestedDaysAgo: 40,
    evidence_notes: 'Agent coverage 1,240 of 1,246 endpoints. Ransomware prevention is in block mode on laptops but only in detect mode on file servers, for fear of false positives on backup jobs.',
  },
  backups: {
    ref: 'SAMPLE-BACKUP',
    title: 'Offline and immutable backups with quarterly restore tests',
    family: 'Resilience and recovery',
    description: 'Nightly backups to object-locked storage that no administrator account can delete, a weekly offline copy, and a restore test each quarter. References: NIST SP 800-53 CP-9, CP-10; NIST CSF 2.0 PR.DS-11, RC.RP-03.',
    implementation_status: 'implemented',
    effectiveness: 85,
    maturity: 4,
    owner: 'devraj',
    lastTestedDaysAgo: 52,
    evidence_notes: 'Last restore test: FS02 Finance share restored in 3 h 40 min, within the 8-hour recovery objective.',
  },
  callBack: {
    ref: 'SAMPLE-CALLBACK',
    title: 'Call-back before any change of supplier bank details',
    family: 'Finance procedures',
    description: 'Accounts payable confirms every new or changed supplier bank detail by telephone, on a number taken from the supplier master data, never from the request itself. A second person approves the change in the ERP.',
    implementation_status: 'implemented',
    effectiveness: 50,
    maturity: 2,
    owner: 'priya',
    lastTestedDaysAgo: 120,
    evidence_notes: 'Procedure FIN-AP-07. Last audit sample: 23 of 25 changes had a recorded call-back.',
  },
  fde: {
    ref: 'SAMPLE-FDE',
    title: 'Full-disk encryption and remote wipe on laptops',
    family: 'Data protection',
    description: 'BitLocker with TPM and PIN on every laptop, recovery keys escrowed in Intune; lost devices are locked and wiped remotely. References: NIST SP 800-53 SC-28(1), MP-5; NIST CSF 2.0 PR.DS-01.',
    implementation_status: 'implemented',
    effectiveness: 90,
    maturity: 4,
    owner: 'devraj',
    lastTestedDaysAgo: 30,
    evidence_notes: 'Intune compliance report: 947 of 951 laptops encrypted; the four others are blocked from company data until they are.',
  },
  phishing: {
    ref: 'SAMPLE-PHISH',
    title: 'Phishing simulation programme and report-phish button',
    family: 'Awareness',
    description: 'Monthly simulated phishing for all staff, short training for those who click, and a report button in Outlook that sends the message to the security team. References: NIST SP 800-53 AT-2(1), AT-2(3); NIST CSF 2.0 PR.AT-01.',
    implementation_status: 'implemented',
    effectiveness: 40,
    maturity: 3,
    owner: 'sofia',
    lastTestedDaysAgo: 14,
    evidence_notes: 'Last simulation: 6.1 % clicked, 2.3 % entered credentials, 41 % reported it.',
  },
  pam: {
    ref: 'SAMPLE-PAM',
    title: 'Privileged access management for administrator and service accounts',
    family: 'Identity and access',
    description: 'Administrator and service account passwords vaulted and rotated, privileged sessions recorded, standing admin rights removed. References: NIST SP 800-53 AC-2(7), AC-6(5), AC-6(9); NIST CSF 2.0 PR.AA-05.',
    implementation_status: 'partially_implemented',
    effectiveness: 35,
    maturity: 2,
    owner: 'devraj',
    lastTestedDaysAgo: 160,
    evidence_notes: 'Domain administrators are vaulted; service accounts are not yet onboarded (project phase 2, budget approved).',
  },
  patching: {
    ref: 'SAMPLE-PATCH',
    title: 'Patch SLA for internet-facing devices',
    family: 'Vulnerability management',
    description: 'Critical vulnerabilities on internet-facing devices (VPN, firewalls, mail gateway) are patched or mitigated within 72 hours, others within 14 days. References: NIST SP 800-53 SI-2, RA-5; NIST CSF 2.0 ID.RA-01, PR.PS-02.',
    implementation_status: 'partially_implemented',
    effectiveness: 45,
    maturity: 2,
    owner: 'devraj',
    lastTestedDaysAgo: 21,
    evidence_notes: 'Last quarter: 5 of 8 critical perimeter advisories fixed within 72 hours; the VPN gateway was two firmware releases behind at the last scan.',
  },
};

export interface SampleRisk {
  title: string;
  category: string;
  owner: Person;
  description: string;
  threat: string;
  vulnerability: string;
  assets: AssetKey[];
  techniques: string[];
  tags: string[];
  inherent: [Level, Level];
  residual: [Level, Level];
  treatment: Treatment;
  /** mitigate: { plan }; accept: { reason, untilDays } (accepted by the owner); transfer: { party, reference, kind }. */
  details: Record<string, string | number>;
  controls: { control: ControlKey; status: RiskControlStatus; dueInDays?: number; note: string }[];
  fair?: FairInputs;
}

export const SAMPLE_RISKS: Record<RiskKey, SampleRisk> = {
  ransomware: {
    title: 'Ransomware encrypts the Finance file servers',
    category: 'cyber_attack',
    owner: 'priya',
    description: 'A ransomware group gains access, steals and encrypts Finance data, and demands payment. Month-end close and supplier payments stop until the shares are restored.',
    threat: 'Organised ransomware affiliates using stolen or weak credentials for initial access.',
    vulnerability: 'Service accounts without MFA on the VPN; server EDR in detect-only mode; flat network between server VLANs.',
    assets: ['fileServers', 'backup', 'erp'],
    techniques: ['T1486', 'T1078', 'T1133', 'T1490'],
    tags: ['ransomware', 'finance'],
    inherent: ['high', 'very_high'],
    residual: ['moderate', 'very_high'],
    treatment: 'mitigate',
    details: { plan: 'Extend MFA to every service account, switch server EDR to block mode, segment the server VLANs by the end of the quarter. Cyber insurance covers response costs above EUR 100,000.' },
    controls: [
      { control: 'backups', status: 'done', note: 'Immutable copies are what make recovery without paying possible.' },
      { control: 'edr', status: 'in_progress', dueInDays: 21, note: 'Move file servers from detect to block mode.' },
      { control: 'mfa', status: 'in_progress', dueInDays: 14, note: 'Close the service-account exemption on the VPN.' },
      { control: 'pam', status: 'planned', dueInDays: 90, note: 'Vault and rotate service account credentials.' },
    ],
    fair: {
      threat_event_frequency: { min: 0.5, most_likely: 2, max: 6 },
      vulnerability: { min: 0.05, most_likely: 0.15, max: 0.35 },
      primary_loss: { low: 150_000, high: 1_800_000 },
      secondary_loss_probability: { min: 0.2, most_likely: 0.4, max: 0.7 },
      secondary_loss: { low: 100_000, high: 2_500_000 },
    },
  },
  paymentFraud: {
    title: 'Business e-mail compromise leads to a fraudulent supplier payment',
    category: 'fraud',
    owner: 'priya',
    description: 'An attacker controls a finance or supplier mailbox and persuades accounts payable to pay an invoice to an account they control.',
    threat: 'Fraudsters taking over mailboxes with adversary-in-the-middle phishing, or spoofing suppliers.',
    vulnerability: 'Push-notification MFA on Finance mailboxes; call-back procedure not always followed under time pressure.',
    assets: ['mail', 'erp'],
    techniques: ['T1566.002', 'T1114.003', 'T1534'],
    tags: ['bec', 'finance', 'email'],
    inherent: ['high', 'high'],
    residual: ['moderate', 'high'],
    treatment: 'mitigate',
    details: { plan: 'Phishing-resistant keys for all Finance staff; ERP to block bank-detail changes without a recorded call-back; quarterly reminder to accounts payable.' },
    controls: [
      { control: 'callBack', status: 'in_progress', dueInDays: 30, note: 'Make the call-back a mandatory ERP workflow step, not a checklist item.' },
      { control: 'mfa', status: 'in_progress', dueInDays: 30, note: 'Phishing-resistant security keys for the 40 Finance staff.' },
      { control: 'phishing', status: 'done', note: 'Finance gets the BEC-themed simulations.' },
    ],
    fair: {
      threat_event_frequency: { min: 4, most_likely: 12, max: 30 },
      vulnerability: { min: 0.02, most_likely: 0.06, max: 0.15 },
      primary_loss: { low: 15_000, high: 250_000 },
      secondary_loss_probability: { min: 0.05, most_likely: 0.1, max: 0.3 },
      secondary_loss: { low: 20_000, high: 150_000 },
    },
  },
  lostLaptop: {
    title: 'Lost or stolen laptop exposes customer data',
    category: 'data_breach',
    owner: 'sofia',
    description: 'A laptop holding customer quotes and personal data is lost or stolen, and its data becomes readable by whoever finds it.',
    threat: 'Loss on public transport, theft from cars, homes and hotels.',
    vulnerability: 'Sales staff travel a lot and keep data offline; a few laptops fall out of encryption compliance.',
    assets: ['laptops'],
    techniques: [],
    tags: ['laptop', 'personal-data'],
    inherent: ['high', 'moderate'],
    residual: ['high', 'low'],
    treatment: 'accept',
    details: { reason: 'With encryption and remote wipe a lost laptop is mostly a hardware and service-desk cost; the estimated annual loss is below what further controls (no offline data on sales laptops) would cost in lost sales time.', untilDays: 180 },
    controls: [{ control: 'fde', status: 'done', note: 'Encryption is what turns a lost laptop into a hardware cost rather than a breach.' }],
    fair: {
      threat_event_frequency: { min: 10, most_likely: 25, max: 45 },
      vulnerability: { min: 0.01, most_likely: 0.03, max: 0.1 },
      primary_loss: { low: 5_000, high: 60_000 },
      secondary_loss_probability: { min: 0.1, most_likely: 0.3, max: 0.6 },
      secondary_loss: { low: 10_000, high: 400_000 },
    },
  },
  insider: {
    title: 'Departing employee takes customer or commercial data',
    category: 'insider',
    owner: 'priya',
    description: 'An employee who is leaving exports customer lists, pricing or designs to take to a competitor.',
    threat: 'Disgruntled or departing employees with legitimate access.',
    vulnerability: 'Broad CRM export rights for the whole sales team; DLP alerts reviewed only weekly.',
    assets: ['hr', 'mail'],
    techniques: ['T1567', 'T1052'],
    tags: ['insider', 'customer-data'],
    inherent: ['moderate', 'very_high'],
    residual: ['low', 'very_high'],
    treatment: 'mitigate',
    details: { plan: 'Limit CRM bulk export to team leads; HR to tell security of every resignation the same day; daily DLP review.' },
    controls: [{ control: 'pam', status: 'planned', dueInDays: 60, note: 'Remove standing export rights; grant them for a day on request.' }],
  },
  credentialPhishing: {
    title: 'Phishing harvests staff credentials',
    category: 'cyber_attack',
    owner: 'sofia',
    description: 'Staff enter their Microsoft 365 password on a fake sign-in page, giving attackers a foothold for mailbox access, further phishing or fraud.',
    threat: 'Commodity credential-phishing campaigns and targeted spear phishing.',
    vulnerability: 'Look-alike domains reach inboxes; push MFA can be approved by mistake.',
    assets: ['mail'],
    techniques: ['T1566.002', 'T1078.004'],
    tags: ['phishing', 'email'],
    inherent: ['very_high', 'moderate'],
    residual: ['high', 'moderate'],
    treatment: 'mitigate',
    details: { plan: 'Number matching for push MFA, monitoring of newly registered look-alike domains, keep the monthly simulations.' },
    controls: [
      { control: 'phishing', status: 'done', note: 'Fast reporting cuts the time a campaign runs.' },
      { control: 'mfa', status: 'in_progress', dueInDays: 30, note: 'Number matching for every push prompt.' },
    ],
  },
  supplier: {
    title: 'Compromise of a supplier with remote access or payment data',
    category: 'third_party',
    owner: 'priya',
    description: 'A supplier with VPN access, or whose mailbox sends us invoices, is compromised and used against us.',
    threat: 'Attackers using a smaller, less protected supplier as a way in.',
    vulnerability: 'Two IT suppliers have standing VPN accounts; supplier security is assessed only at onboarding.',
    assets: ['vpn', 'erp'],
    techniques: ['T1199'],
    tags: ['supplier', 'third-party'],
    inherent: ['moderate', 'high'],
    residual: ['moderate', 'high'],
    treatment: 'transfer',
    details: { party: 'Key IT suppliers and our cyber insurer', reference: 'Master services agreement security schedule (clause 14) and cyber policy CY-2291-EU', kind: 'contract' },
    controls: [
      { control: 'mfa', status: 'in_progress', dueInDays: 45, note: 'Supplier VPN accounts to use MFA and be enabled only on request.' },
      { control: 'callBack', status: 'done', note: 'Stops a compromised supplier mailbox changing its bank details.' },
    ],
  },
  perimeter: {
    title: 'Unpatched internet-facing devices are exploited',
    category: 'cyber_attack',
    owner: 'priya',
    description: 'A published vulnerability in the VPN gateway, firewalls or mail gateway is exploited before it is patched, giving an attacker access to the internal network.',
    threat: 'Mass exploitation of edge devices within days of a vendor advisory.',
    vulnerability: 'Patch SLA met for only five of the last eight critical advisories; the VPN gateway is two firmware releases behind.',
    assets: ['vpn'],
    techniques: ['T1190', 'T1133'],
    tags: ['perimeter', 'vulnerability'],
    inherent: ['high', 'very_high'],
    residual: ['moderate', 'very_high'],
    treatment: 'mitigate',
    details: { plan: 'Maintenance window within 72 hours for every critical edge advisory; replace the VPN appliance pair (end of support next year).' },
    controls: [
      { control: 'patching', status: 'in_progress', dueInDays: 30, note: 'Weekly edge-device patch review chaired by IT operations.' },
      { control: 'mfa', status: 'in_progress', dueInDays: 14, note: 'MFA limits what stolen VPN credentials are worth after an exploit.' },
    ],
  },
  backupFailure: {
    title: 'Backups cannot be restored when needed',
    category: 'outage',
    owner: 'priya',
    description: 'After an attack or a failure the backups turn out to be incomplete, corrupt or deleted, and key systems cannot be restored within the recovery objective.',
    threat: 'Attackers deleting backups; silent backup job failures.',
    vulnerability: 'Restore tests cover file servers but not yet the ERP database.',
    assets: ['backup', 'erp', 'fileServers'],
    techniques: ['T1490'],
    tags: ['backup', 'resilience'],
    inherent: ['moderate', 'high'],
    residual: ['low', 'high'],
    treatment: 'mitigate',
    details: { plan: 'Add the ERP database to the quarterly restore test; alert on any failed backup job the same day.' },
    controls: [{ control: 'backups', status: 'done', note: 'Object lock and the offline copy protect the backups themselves.' }],
  },
};

/** Which sample incident materialised which risk. */
export const SAMPLE_INCIDENT_RISKS: { incident: IncidentKey; risk: RiskKey; as: Person; note: string }[] = [
  { incident: 'ransomware', risk: 'ransomware', as: 'sofia', note: 'The risk materialised: FS01 and FS02 encrypted, Finance data threatened with publication.' },
  { incident: 'ransomware', risk: 'perimeter', as: 'sofia', note: 'Initial access came through the VPN gateway; whether its missing firmware updates played a part is still being checked.' },
  { incident: 'bec', risk: 'paymentFraud', as: 'sofia', note: 'EUR 48,200 paid to the attacker after a bank-detail change through the compromised CFO mailbox.' },
  { incident: 'phishing', risk: 'credentialPhishing', as: 'devraj', note: 'Two people entered their credentials; both accounts were reset before any misuse.' },
  { incident: 'laptop', risk: 'lostLaptop', as: 'sofia', note: 'LT-2231 lost on a train.' },
];

/** What each control did in the sample incidents: the lessons that flow back to the register. */
export const SAMPLE_CONTROL_OUTCOMES: { incident: IncidentKey; control: ControlKey; outcome: ControlOutcome; as: Person; note: string }[] = [
  { incident: 'ransomware', control: 'backups', outcome: 'worked', as: 'sofia', note: 'The object-locked copies of FS01 and FS02 from the night before were untouched; restore without paying the ransom is possible.' },
  { incident: 'ransomware', control: 'edr', outcome: 'detected', as: 'devraj', note: 'Alerted on the mass renames within minutes but did not stop the encryption: the file servers were in detect-only mode.' },
  { incident: 'ransomware', control: 'mfa', outcome: 'absent', as: 'devraj', note: 'svc-backup was exempt from the VPN MFA policy; the attacker signed in with its password alone.' },
  { incident: 'bec', control: 'callBack', outcome: 'failed', as: 'sofia', note: 'Not followed: the new bank details were accepted from the e-mail thread without a call to the supplier.' },
  { incident: 'bec', control: 'mfa', outcome: 'bypassed', as: 'sofia', note: 'The session token was stolen after a push approval; phishing-resistant keys would have stopped it.' },
  { incident: 'phishing', control: 'phishing', outcome: 'detected', as: 'devraj', note: 'First report through the report-phish button six minutes after delivery.' },
  { incident: 'laptop', control: 'fde', outcome: 'worked', as: 'sofia', note: 'Intune showed LT-2231 encrypted with BitLocker (TPM and PIN) at its last check-in, two days before the loss; Mia is confirming it in MDM.' },
];
