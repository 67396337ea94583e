import type { EmailMessage } from '../mail/mail-message.js';

/** Something due for one owner, as the reminder lists it. */
export type ReminderItem =
  | { kind: 'acceptance_expired'; number: string; title: string; until: string }
  | { kind: 'review_overdue'; number: string; title: string; due_at: string }
  | { kind: 'mitigation_overdue'; number: string; title: string; control_ref: string; control_title: string; due_at: string; status: string };

const day = (instant: string) => instant.slice(0, 10);

/** The one reminder e-mail of the day for an owner, listing everything due, grouped by kind. */
export function reminderEmail(to: { email: string; name: string }, items: ReminderItem[]): EmailMessage {
  const lines: string[] = [`Hello ${to.name || to.email},`, '', 'These items of the risk register in Bulwark need your attention:'];
  const section = (heading: string, kind: ReminderItem['kind'], line: (item: ReminderItem) => string) => {
    const chosen = items.filter((i) => i.kind === kind);
    if (chosen.length === 0) return;
    lines.push('', heading, ...chosen.map((i) => `  ${i.number}  ${line(i)}`));
  };
  section('Acceptances that expired (the risk is back to "assessed" and needs a treatment decision):', 'acceptance_expired', (i) => `${i.title} (accepted until ${i.kind === 'acceptance_expired' ? day(i.until) : ''})`);
  section('Reviews overdue:', 'review_overdue', (i) => `${i.title} (review due ${i.kind === 'review_overdue' ? day(i.due_at) : ''})`);
  section('Mitigations past their due date:', 'mitigation_overdue', (i) => (i.kind === 'mitigation_overdue' ? `${i.title}: control ${i.control_ref} "${i.control_title}" (due ${day(i.due_at)}, ${i.status.replace(/_/g, ' ')})` : ''));
  lines.push('', 'You get at most one of these e-mails a day; it lists everything due when it was sent.');
  const count = items.length;
  return { to: [to.email], subject: `Risk register: ${count} item${count === 1 ? '' : 's'} due for you`, text: `${lines.join('\n')}\n`, kind: 'risk-reminder' };
}
