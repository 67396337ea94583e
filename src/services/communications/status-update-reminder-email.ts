import { AUDIENCE_LABELS, type Audience } from '../../domain/plan.js';
import type { EmailMessage } from '../mail/mail-message.js';

/** The e-mail telling the commander and the communications lead that a status update is due. */
export function statusUpdateReminderEmail(to: string[], incident: { number: string; title: string }, due: { due_at: string; every_minutes: number; audience: Audience }, dueText: string): EmailMessage {
  const hours = due.every_minutes % 60 === 0 ? `${due.every_minutes / 60} hour${due.every_minutes === 60 ? '' : 's'}` : `${due.every_minutes} minutes`;
  const lines = [
    `A status update to ${AUDIENCE_LABELS[due.audience].toLowerCase()} on ${incident.number} (${incident.title}) was due at ${dueText}.`,
    '',
    `The response plan asks for one every ${hours} at this severity. Draft it on the incident's Communications tab`,
    '(kind "status update"); once it is sent, the next one is due again after the same interval.',
    '',
    'You receive this because you are the incident commander or the communications lead of this incident.',
  ];
  return { to, subject: `${incident.number}: status update due`, text: `${lines.join('\n')}\n`, kind: 'status-update-reminder' };
}
