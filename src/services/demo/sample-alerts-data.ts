import type { AlertSeverity } from '../../domain/ingestion.js';
import type { ObservableType } from '../../domain/observables.js';

/**
 * The sample alerts of `bulwark demo`: what a SIEM, an EDR, a mail gateway, an identity provider and
 * an MDM would have sent over the last day. Only reserved values: RFC 5737 addresses, .example /
 * .test / .invalid names, hashes of plain sentences. Clusters share observables on purpose, so
 * correlation groups them and "seen before" links them to the sample incidents.
 */

export interface SampleObservable {
  type: ObservableType;
  value: string;
  ioc?: boolean;
  note?: string;
}

/** What an analyst does with the alert later on; the rest stay new in the queue. */
export type SampleTriage = { at: number; action: 'merge_ransomware' } | { at: number; action: 'dismiss'; reason: string };

export interface SampleAlert {
  /** Stable name within the sample data (used by the triage steps and the test). */
  key: string;
  /** Hours before "now" the sender first sent it. */
  at: number;
  /** Hours before "now" it was sent again with the same source_ref (counted as repeats). */
  repeats?: number[];
  source: string;
  /** Prefix of the sender's own id; the first-seen time is appended so a second load gets new alerts. */
  ref: string;
  type: string;
  /** Without the "[Sample] " prefix, which the loader adds. */
  title: string;
  description: string;
  severity: AlertSeverity;
  tags: string[];
  observables: SampleObservable[];
  triage?: SampleTriage;
}

/** Values that tie the alerts to the sample incidents (and the incident observables to the alerts). */
export const IOC = {
  c2Ip: '203.0.113.47',
  c2Domain: 'cdn-telemetry.example.net',
  ransomwareSha256: 'e093ed31967f10d5627c3b40f38f28e4209c3650f84f027032aa268b7d761db9',
  ransomwareFile: 'fin_sync_update.exe',
  phishingDomain: 'vpn-portal-signin.example',
  phishingUrl: 'https://vpn-portal-signin.example/remote/login',
  lookalikeDomain: 'northwlnd-logistics.example',
  attackerEmail: 'accounts@northwlnd-logistics.example',
} as const;

export const SAMPLE_SOURCES = {
  edr: 'sample-edr',
  mail: 'sample-mail-gateway',
  siem: 'sample-siem',
  idp: 'sample-identity',
  mdm: 'sample-mdm',
} as const;

/** Internal names stay under the sample domain so they never meet a real host of the organisation. */
const host = (name: string): SampleObservable => ({ type: 'hostname', value: `${name}.sample.bulwark.invalid` });
const user = (name: string): SampleObservable => ({ type: 'user_account', value: `SAMPLE\\${name}` });
const ip = (value: string, ioc = false): SampleObservable => ({ type: 'ip', value, ioc });

export const SAMPLE_ALERTS: SampleAlert[] = [
  // Ransomware: the contained file servers keep trying to reach the C2 server.
  {
    key: 'fs01-beacon', at: 22, repeats: [18, 14], source: SAMPLE_SOURCES.edr, ref: 'EDR-DET', type: 'network_connection', severity: 1,
    title: 'Contained host FS01 attempted outbound connection to 203.0.113.47:443',
    description: 'Network containment blocked a TLS connection from `fin_sync_update.exe` (PID 4412) on FS01 to 203.0.113.47:443 (SNI cdn-telemetry.example.net). Beacon interval about 4 hours.',
    tags: ['c2', 'ransomware', 'file-server'],
    observables: [ip(IOC.c2Ip, true), { type: 'domain', value: IOC.c2Domain, ioc: true }, host('fs01')],
    triage: { at: 20, action: 'merge_ransomware' },
  },
  {
    key: 'fs02-beacon', at: 21.5, source: SAMPLE_SOURCES.edr, ref: 'EDR-DET', type: 'network_connection', severity: 1,
    title: 'Contained host FS02 attempted outbound connection to 203.0.113.47:443',
    description: 'Network containment blocked a TLS connection from `fin_sync_update.exe` (PID 2208) on FS02 to 203.0.113.47:443.',
    tags: ['c2', 'ransomware', 'file-server'],
    observables: [ip(IOC.c2Ip, true), host('fs02')],
    triage: { at: 20, action: 'merge_ransomware' },
  },
  {
    key: 'fs02-firewall', at: 9, source: SAMPLE_SOURCES.siem, ref: 'FW-DENY', type: 'firewall_deny', severity: 2,
    title: 'Firewall denied outbound HTTPS from FS02 to known C2 203.0.113.47',
    description: 'Rule `block-ransomware-c2` (added during containment) dropped 3 connection attempts in 10 minutes from the server VLAN.',
    tags: ['c2', 'firewall'],
    observables: [ip(IOC.c2Ip, true), host('fs02')],
  },
  {
    key: 'fs01-dns', at: 4, source: SAMPLE_SOURCES.siem, ref: 'DNS-SINK', type: 'dns_sinkhole', severity: 2,
    title: 'DNS sinkhole hit: FS01 resolved cdn-telemetry.example.net',
    description: 'The protective DNS resolver answered with the sinkhole address. FS01 is still isolated; the implant is still running on it.',
    tags: ['c2', 'dns'],
    observables: [{ type: 'domain', value: IOC.c2Domain, ioc: true }, host('fs01')],
  },
  // Ransomware: the binary's hash, now on the EDR block list, turns up on other hosts.
  {
    key: 'ws-fin-014-quarantine', at: 19, source: SAMPLE_SOURCES.edr, ref: 'EDR-DET', type: 'malware', severity: 1,
    title: 'Ransomware binary quarantined on workstation WS-FIN-014',
    description: '`fin_sync_update.exe` written to `C:\\Users\\Public\\` by a scheduled task and quarantined before it ran (custom IOC: SHA-256 from the Finance file server outbreak).',
    tags: ['ransomware', 'quarantined'],
    observables: [{ type: 'sha256', value: IOC.ransomwareSha256, ioc: true }, { type: 'filename', value: IOC.ransomwareFile }, host('ws-fin-014')],
  },
  {
    key: 'fs03-blocked', at: 7, source: SAMPLE_SOURCES.edr, ref: 'EDR-DET', type: 'malware', severity: 1,
    title: 'Ransomware binary blocked on file server FS03',
    description: 'Execution of `fin_sync_update.exe` from the ADMIN$ share blocked by hash. The parent process was `wmiprvse.exe`: remote execution attempt.',
    tags: ['ransomware', 'file-server'],
    observables: [{ type: 'sha256', value: IOC.ransomwareSha256, ioc: true }, { type: 'filename', value: IOC.ransomwareFile }, host('fs03')],
  },
  {
    key: 'fs03-vssadmin', at: 6.5, source: SAMPLE_SOURCES.edr, ref: 'EDR-DET', type: 'process', severity: 1,
    title: 'Shadow copy deletion attempt on FS03 (vssadmin delete shadows)',
    description: '`vssadmin.exe delete shadows /all /quiet` started under the svc-backup account and blocked by the EDR ransomware protection.',
    tags: ['ransomware', 'defence-evasion'],
    observables: [host('fs03'), { type: 'filepath', value: 'C:\\Windows\\System32\\vssadmin.exe' }, user('svc-backup')],
  },
  // The fake VPN portal that harvested the svc-backup password is used again.
  {
    key: 'vpn-phish-campaign', at: 23, repeats: [22.5, 21, 17], source: SAMPLE_SOURCES.mail, ref: 'MG-CAMPAIGN', type: 'phishing', severity: 2,
    title: 'Phishing e-mails blocked: "VPN certificate expires today – sign in again"',
    description: 'Campaign of messages from it-servicedesk@vpn-portal-signin.example linking to a copy of the company VPN sign-in page. Each repeat is another batch of recipients.',
    tags: ['phishing', 'credential-phishing', 'email'],
    observables: [
      { type: 'domain', value: IOC.phishingDomain, ioc: true },
      { type: 'url', value: IOC.phishingUrl, ioc: true },
      { type: 'email', value: 'it-servicedesk@vpn-portal-signin.example' },
      ip('198.51.100.77'),
    ],
  },
  {
    key: 'vpn-phish-click', at: 16, source: SAMPLE_SOURCES.siem, ref: 'PROXY', type: 'web_access', severity: 2,
    title: 'User opened link to vpn-portal-signin.example from WS-MKT-019',
    description: 'The proxy rewrote and allowed the first request; the page was categorised as phishing two minutes later.',
    tags: ['phishing', 'proxy'],
    observables: [{ type: 'url', value: IOC.phishingUrl, ioc: true }, { type: 'domain', value: IOC.phishingDomain, ioc: true }, user('j.hughes'), host('ws-mkt-019')],
  },
  {
    key: 'vpn-phish-submit', at: 15.8, source: SAMPLE_SOURCES.siem, ref: 'PROXY', type: 'web_access', severity: 1,
    title: 'Credential submission to vpn-portal-signin.example blocked by the proxy',
    description: 'HTTP POST with form fields `username` and `password` blocked. Confirm with the user whether the password was typed anywhere else.',
    tags: ['phishing', 'credential-phishing', 'proxy'],
    observables: [{ type: 'url', value: IOC.phishingUrl, ioc: true }, user('j.hughes')],
  },
  {
    key: 'vpn-phish-dns', at: 12, source: SAMPLE_SOURCES.siem, ref: 'DNS-NRD', type: 'dns', severity: 3,
    title: 'Newly registered domain vpn-portal-signin.example resolved by WS-OPS-004',
    description: 'Domain registered 19 days ago. No HTTP request followed the lookup.',
    tags: ['dns', 'newly-registered-domain'],
    observables: [{ type: 'domain', value: IOC.phishingDomain, ioc: true }, host('ws-ops-004')],
  },
  // Business e-mail compromise: the look-alike supplier domain is still sending.
  {
    key: 'bec-lookalike', at: 20, source: SAMPLE_SOURCES.mail, ref: 'MG-MSG', type: 'impersonation', severity: 2,
    title: 'Inbound e-mail from look-alike of supplier domain Northwind Logistics',
    description: 'From accounts@northwlnd-logistics.example ("l" for "i") to accounts payable, subject "Updated remittance details – urgent". Delivered to quarantine.',
    tags: ['bec', 'impersonation', 'email'],
    observables: [{ type: 'domain', value: IOC.lookalikeDomain, ioc: true }, { type: 'email', value: IOC.attackerEmail, ioc: true }, ip('198.51.100.145')],
  },
  {
    key: 'bec-reply-to', at: 11, source: SAMPLE_SOURCES.mail, ref: 'MG-MSG', type: 'impersonation', severity: 2,
    title: 'Reply-To mismatch: "Northwind Logistics Accounts" replies go to northwlnd-logistics.example',
    description: 'Display name of a known supplier, Reply-To on the look-alike domain. Sent to two people in Finance.',
    tags: ['bec', 'impersonation', 'email'],
    observables: [{ type: 'email', value: IOC.attackerEmail, ioc: true }, { type: 'domain', value: IOC.lookalikeDomain, ioc: true }],
  },
  {
    key: 'bec-inbox-rule', at: 5, source: SAMPLE_SOURCES.idp, ref: 'M365-RULE', type: 'mailbox_rule', severity: 1,
    title: 'New inbox rule forwards mail to an external address (Sales mailbox s.carter)',
    description: 'Rule "sync" forwards messages containing "invoice" or "payment" to accounts@northwlnd-logistics.example and marks them read. Created from 198.51.100.146.',
    tags: ['bec', 'm365', 'mailbox-rule'],
    observables: [{ type: 'email', value: IOC.attackerEmail, ioc: true }, user('s.carter'), ip('198.51.100.146')],
  },
  // The lost laptop comes online.
  {
    key: 'laptop-checkin', at: 2, source: SAMPLE_SOURCES.mdm, ref: 'MDM-EVT', type: 'device_checkin', severity: 2,
    title: 'Lost device LT-2231 checked in from an unknown network',
    description: 'LT-2231 is flagged lost. It checked in from 198.51.100.200 (residential broadband); the pending lock command was delivered.',
    tags: ['mdm', 'lost-device'],
    observables: [host('lt-2231'), ip('198.51.100.200')],
  },
  {
    key: 'laptop-signin', at: 1.8, source: SAMPLE_SOURCES.idp, ref: 'IDP-SIGNIN', type: 'sign_in', severity: 1,
    title: 'Failed sign-ins as d.sutherland from the network of the lost laptop',
    description: 'Six failed password attempts for the owner of LT-2231 from 198.51.100.200 within four minutes.',
    tags: ['identity', 'lost-device'],
    observables: [ip('198.51.100.200'), user('d.sutherland')],
  },
  // Password spraying against the VPN, then a success.
  {
    key: 'vpn-spray', at: 18, repeats: [17, 13, 10], source: SAMPLE_SOURCES.siem, ref: 'VPN-SPRAY', type: 'brute_force', severity: 3,
    title: 'Password spraying against the VPN from 203.0.113.88',
    description: 'More than 140 failed sign-ins for 96 different accounts in one hour. Each repeat is another hour of the same pattern.',
    tags: ['vpn', 'brute-force'],
    observables: [ip('203.0.113.88', true)],
  },
  {
    key: 'vpn-spray-success', at: 9.5, source: SAMPLE_SOURCES.siem, ref: 'VPN-SIGNIN', type: 'sign_in', severity: 1,
    title: 'Successful VPN sign-in for svc-scanner from 203.0.113.88 after failures',
    description: 'The service account svc-scanner is exempt from MFA. The session lasted 11 minutes and reached the server VLAN.',
    tags: ['vpn', 'identity', 'service-account'],
    observables: [ip('203.0.113.88', true), user('svc-scanner')],
  },
  // MFA fatigue.
  {
    key: 'mfa-fatigue', at: 1, source: SAMPLE_SOURCES.idp, ref: 'IDP-MFA', type: 'mfa', severity: 2,
    title: 'Nine MFA push notifications denied by a.fischer in ten minutes',
    description: 'Push requests from sign-ins at 203.0.113.150; the password was correct each time.',
    tags: ['identity', 'mfa'],
    observables: [user('a.fischer'), ip('203.0.113.150')],
  },
  {
    key: 'mfa-accepted', at: 0.6, source: SAMPLE_SOURCES.idp, ref: 'IDP-SIGNIN', type: 'sign_in', severity: 1,
    title: 'Sign-in from 203.0.113.150 accepted after an MFA push was approved (a.fischer)',
    description: 'The tenth push was approved. New session on Outlook Web and SharePoint; no device registered yet.',
    tags: ['identity', 'mfa'],
    observables: [user('a.fischer'), ip('203.0.113.150')],
  },
  // Two false positives, dismissed.
  {
    key: 'impossible-travel', at: 13, source: SAMPLE_SOURCES.idp, ref: 'IDP-TRAVEL', type: 'impossible_travel', severity: 3,
    title: 'Impossible travel: l.okonkwo signed in from Manchester and 198.51.100.60 within 5 minutes',
    description: 'Second sign-in geolocated to Frankfurt.',
    tags: ['identity', 'impossible-travel'],
    observables: [user('l.okonkwo'), ip('198.51.100.60')],
    triage: { at: 12.5, action: 'dismiss', reason: 'False positive: 198.51.100.60 is an egress address of our VPN provider (Frankfurt). The user was on the VPN; confirmed with her by phone.' },
  },
  {
    key: 'psexec', at: 11, source: SAMPLE_SOURCES.edr, ref: 'EDR-DET', type: 'process', severity: 3,
    title: 'Remote administration tool PsExec run on WS-IT-002',
    description: '`PsExec64.exe` started by it-admin-pk against 14 workstations in Finance.',
    tags: ['lateral-movement', 'admin-tool'],
    observables: [host('ws-it-002'), { type: 'filename', value: 'PsExec64.exe' }, user('it-admin-pk')],
    triage: { at: 10, action: 'dismiss', reason: 'False positive: the IT service desk deployed the printer driver with PsExec under approved change CHG-4471.' },
  },
  // Unrelated alerts, left for the queue.
  {
    key: 'powershell-cradle', at: 10, source: SAMPLE_SOURCES.edr, ref: 'EDR-DET', type: 'process', severity: 2,
    title: 'Encoded PowerShell download cradle on WS-HR-007',
    description: '`powershell -nop -w hidden -enc …` downloaded a script from paste.example.org; started from a Word document attached to a CV.',
    tags: ['powershell', 'execution'],
    observables: [host('ws-hr-007'), user('r.nolan'), { type: 'url', value: 'https://paste.example.org/raw/7Hq2Lm' }, { type: 'sha256', value: '893647b85ef76a36fab3af17de8fa482d1dd7a78ea1580dbe126bacbfb9784ec' }],
  },
  {
    key: 'dlp-upload', at: 8, source: SAMPLE_SOURCES.siem, ref: 'DLP', type: 'data_loss', severity: 3,
    title: 'Upload of 2.3 GB to personal cloud storage by k.marsh',
    description: 'DLP policy "Customer data" matched 412 files uploaded to files.storage.example between 17:02 and 17:40.',
    tags: ['dlp', 'exfiltration'],
    observables: [user('k.marsh'), { type: 'domain', value: 'files.storage.example' }],
  },
  {
    key: 'parcel-phish', at: 3, repeats: [2.5], source: SAMPLE_SOURCES.mail, ref: 'MG-REPORT', type: 'phishing', severity: 4,
    title: 'User-reported phishing: "Your parcel could not be delivered"',
    description: 'Reported with the report-phish button. Link to a card-payment page for a "redelivery fee" of £1.99.',
    tags: ['phishing', 'user-reported', 'email'],
    observables: [{ type: 'domain', value: 'parcel-redelivery.test' }, { type: 'url', value: 'https://parcel-redelivery.test/track?id=GB7741902' }, { type: 'email', value: 'noreply@parcel-redelivery.test' }],
  },
  {
    key: 'vpn-exploit', at: 16.5, source: SAMPLE_SOURCES.siem, ref: 'IPS', type: 'exploit_attempt', severity: 2,
    title: 'Exploit attempt against the VPN gateway (CVE-2024-21762) from 203.0.113.201',
    description: 'The IPS signature for the FortiOS out-of-bounds write matched and dropped the request. The gateway runs a patched version.',
    tags: ['vpn', 'exploit'],
    observables: [ip('203.0.113.201'), { type: 'cve', value: 'CVE-2024-21762' }],
  },
  {
    key: 'smb-outbound', at: 6, source: SAMPLE_SOURCES.siem, ref: 'FW-DENY', type: 'firewall_deny', severity: 4,
    title: 'Outbound SMB (TCP 445) to the internet blocked from WS-ENG-031',
    description: 'A mapped drive to \\\\198.51.100.31\\share in a project file; the firewall dropped it.',
    tags: ['firewall', 'smb'],
    observables: [host('ws-eng-031'), ip('198.51.100.31')],
  },
];
