import type { Cast } from './sample-people.js';
import { SampleIncident, type SampleTask, type StoryStep } from './story.js';

/** A phishing campaign handled end to end and closed as a true positive after its review. */
export function phishingCampaign(steps: StoryStep[], now: number, { sofia, devraj, mia }: Cast): SampleIncident {
  const purge: SampleTask = {};
  const block: SampleTask = {};
  return new SampleIncident(steps, now)
    .open(290, mia, {
      title: '"Mailbox full" credential phishing campaign',
      category: 'phishing',
      severity: 3,
      tags: ['email', 'credential-phishing'],
      summary: '37 staff received a "Your mailbox is full" e-mail linking to a credential-harvesting page on a look-alike domain.',
      occurredHoursAgo: 291,
      detectedHoursAgo: 290.5,
    })
    .note(290, mia, 'First report through the report-phish button six minutes after delivery.', 290.5)
    .assign(289.5, sofia, devraj, 'incident_commander')
    .move(288.5, devraj, 'containment')
    .task(288, devraj, { title: 'Purge the phishing e-mail from every mailbox', phase: 'containment', assignee: mia, dueInHours: 2 }, purge)
    .task(287.8, devraj, { title: 'Block the look-alike domain at the mail gateway and proxy', phase: 'containment', assignee: devraj, dueInHours: 1 }, block)
    .taskStatus(287.5, devraj, block, 'done')
    .taskStatus(287, mia, purge, 'done')
    .note(286, mia, 'Four people clicked, two entered credentials; both accounts reset and their sessions revoked.')
    .move(280, devraj, 'eradication')
    .move(260, devraj, 'recovery')
    .note(259, devraj, 'No sign-in from the attacker infrastructure since the resets.')
    .move(240, devraj, 'post_incident')
    .note(200, devraj, 'Review: the report button worked well. Action: monitor newly registered look-alike domains.')
    .reviewCompleted(199, sofia)
    .move(198, sofia, 'closed', { resolution: 'true_positive' });
}

/** A laptop reported lost this morning, still being triaged. */
export function lostLaptop(steps: StoryStep[], now: number, { mia }: Cast): SampleIncident {
  return new SampleIncident(steps, now)
    .open(3, mia, {
      title: 'Sales laptop LT-2231 lost on a train',
      category: 'lost_or_stolen_device',
      severity: 3,
      tags: ['laptop', 'sales'],
      summary: 'Reported this morning; the laptop holds customer quotes. Encryption status to be confirmed.',
      occurredHoursAgo: 16,
      detectedHoursAgo: 3.5,
    })
    .note(3, mia, 'The employee left LT-2231 on the 18:40 train yesterday; the rail company has no record of it.', 3.5)
    .task(2.9, mia, { title: 'Confirm disk encryption of LT-2231 in MDM', phase: 'detection', assignee: mia, dueInHours: 4 })
    .task(2.8, mia, { title: 'Send remote lock and wipe to LT-2231', phase: 'containment', dueInHours: 4 });
}

/** An insider case only its members see: HR and legal are on it. */
export function insiderCase(steps: StoryStep[], now: number, { sofia, lena, ravi }: Cast): SampleIncident {
  const preserve: SampleTask = {};
  return new SampleIncident(steps, now)
    .open(96, sofia, {
      title: 'Customer list downloaded by departing employee',
      category: 'insider',
      severity: 2,
      restricted: true,
      tlp: 'red',
      tags: ['insider', 'customer-data'],
      summary: 'Restricted: need to know only. An employee who resigned downloaded the full customer list from the CRM.',
      commander_id: sofia.userId,
      occurredHoursAgo: 100,
      detectedHoursAgo: 96.5,
    })
    .assign(95.5, sofia, lena, 'legal')
    .assign(95.4, sofia, ravi, 'hr')
    .note(95, sofia, 'HR raised the concern: 48,000 customer records exported from the CRM two days before the resignation.', 100)
    .task(94, sofia, { title: 'Preserve DLP, CRM audit and proxy logs under legal hold', phase: 'detection', assignee: sofia, dueInHours: 4 }, preserve)
    .taskStatus(92, sofia, preserve, 'done')
    .note(90, sofia, 'Legal (Lena) placed a legal hold on the mailbox and OneDrive of the employee.')
    .move(72, sofia, 'containment')
    .note(70, sofia, 'Account disabled, badge access revoked, company laptop collected by HR.')
    .task(48, sofia, { title: 'Interview the employee with HR and legal present', phase: 'containment', assignee: ravi, dueInHours: 72 });
}
