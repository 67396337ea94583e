import type { Cast } from './sample-people.js';
import { SampleIncident, type SampleTask, type StoryStep } from './story.js';

/** A ransomware outbreak two days in: contained, command structure in place, some tasks overdue. */
export function ransomwareOutbreak(steps: StoryStep[], now: number, { sofia, devraj, mia, tom }: Cast): SampleIncident {
  const isolate: SampleTask = {};
  const credentials: SampleTask = {};
  const c2: SampleTask = {};
  const patientZero: SampleTask = {};
  return new SampleIncident(steps, now)
    .open(50, mia, {
      title: 'Ransomware on Finance file servers FS01/FS02',
      category: 'ransomware',
      severity: 1,
      functional_impact: 'high',
      information_impact: 'proprietary_breach',
      recoverability: 'supplemented',
      tlp: 'amber',
      tags: ['ransomware', 'file-server', 'finance'],
      summary: 'Files on the Finance shares of FS01 and FS02 were encrypted overnight; a ransom note threatens to publish stolen data.',
      occurredHoursAgo: 56,
      detectedHoursAgo: 50.5,
    })
    .note(50, mia, 'EDR alert on FS01: mass renames to `*.lockbit` under `\\\\FS01\\finance`, shadow copies deleted with `vssadmin`.', 50.5)
    .assign(49.8, sofia, sofia, 'incident_commander')
    .assign(49.7, sofia, devraj, 'technical_lead')
    .assign(49.6, sofia, mia, 'scribe')
    .assign(49.5, sofia, tom, 'communications_lead')
    .task(49.4, sofia, { title: 'Isolate FS01 and FS02 from the network', phase: 'containment', assignee: devraj, dueInHours: 1 }, isolate)
    .note(49, devraj, 'FS01 and FS02 isolated with EDR network containment; SMB blocked between server VLANs at the core switch.')
    .taskStatus(49, devraj, isolate, 'done')
    .move(48.5, sofia, 'containment')
    .task(48, sofia, { title: 'Reset credentials of svc-backup and every service account used on FS01', phase: 'containment', assignee: devraj, dueInHours: 4 }, credentials)
    .task(47, devraj, { title: 'Block the C2 domains and IP addresses at proxy and firewall', phase: 'containment', assignee: devraj, dueInHours: 2 }, c2)
    .taskStatus(46, devraj, c2, 'done')
    .note(46, devraj, 'Initial access: VPN sign-in with the svc-backup account from 198.51.100.23, three days before encryption. The account had no MFA.', 120)
    .taskStatus(45, devraj, credentials, 'done')
    .task(44, sofia, { title: 'Identify patient zero and the initial access vector', phase: 'containment', assignee: mia, dueInHours: 24 }, patientZero)
    .taskStatus(40, mia, patientZero, 'in_progress')
    .task(30, sofia, { title: 'Verify backup integrity for FS01 and FS02 before restoring', phase: 'recovery', assignee: devraj, dueInHours: 48 })
    .task(26, sofia, { title: 'Notify the cyber insurer (policy requires notice within 48 hours)', assignee: sofia, dueInHours: 24 })
    .note(24, sofia, 'Holding statement approved; Tom sent it to all staff: Finance shares unavailable, no action needed from staff.')
    .note(20, mia, 'Ransom note found in every encrypted folder: 40 BTC demanded, publication of Finance data threatened on a leak site.', 20.5)
    .note(6, devraj, 'No encryption activity for 24 hours. EDR sweep of 1,240 endpoints found no other infected host.');
}

/** A business e-mail compromise being eradicated: a changed bank detail request, a forwarding rule. */
export function businessEmailCompromise(steps: StoryStep[], now: number, { sofia, mia }: Cast): SampleIncident {
  const recall: SampleTask = {};
  const rules: SampleTask = {};
  const signIns: SampleTask = {};
  return new SampleIncident(steps, now)
    .open(150, mia, {
      title: 'Supplier bank details changed through compromised CFO mailbox',
      category: 'business_email_compromise',
      severity: 2,
      functional_impact: 'low',
      information_impact: 'privacy_breach',
      recoverability: 'supplemented',
      tags: ['email', 'finance', 'm365'],
      summary: 'A payment of EUR 48,200 went to an account the attacker supplied by replying in an existing thread with a supplier.',
      occurredHoursAgo: 216,
      detectedHoursAgo: 151,
    })
    .note(150, mia, 'Accounts payable asked the supplier "Northwind Logistics" to confirm new bank details; the supplier never sent them.', 151)
    .assign(149.5, sofia, sofia, 'incident_commander')
    .assign(149, sofia, mia, 'technical_lead')
    .task(148, sofia, { title: 'Ask the bank to recall the payment of EUR 48,200', assignee: sofia, dueInHours: 2 }, recall)
    .move(147, sofia, 'containment')
    .taskStatus(146, sofia, recall, 'done')
    .note(146, mia, 'Inbox rule on the CFO mailbox forwarded mail containing "invoice" to an external address; created from a Lagos IP address nine days ago.', 216)
    .task(145, mia, { title: 'Remove the malicious inbox rules and revoke the CFO sessions', phase: 'containment', assignee: mia, dueInHours: 1 }, rules)
    .taskStatus(144, mia, rules, 'done')
    .note(143, mia, 'CFO password reset, MFA re-registered with a phishing-resistant key, all refresh tokens revoked.')
    .move(120, sofia, 'eradication')
    .task(118, sofia, { title: 'Review 30 days of sign-in logs for every Finance mailbox', phase: 'eradication', assignee: mia, dueInHours: 72 }, signIns)
    .taskStatus(100, mia, signIns, 'in_progress')
    .task(100, mia, { title: 'Search all mailboxes for similar forwarding rules', phase: 'eradication', assignee: mia, dueInHours: 120 })
    .note(30, mia, 'Two more mailboxes in Sales had forwarding rules to the same address; both removed and the users reset.');
}
