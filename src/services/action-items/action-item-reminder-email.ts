import type { EmailMessage } from '../mail/mail-message.js';

/** An overdue action item as the reminder lists it. */
export interface OverdueActionItem {
  title: string;
  incident_number: string;
  incident_title: string;
  due_at: string;
  status: string;
}

/** The one reminder e-mail of the day for an owner, listing their overdue action items, oldest due first. */
export function actionItemReminderEmail(to: { email: string; name: string }, items: OverdueActionItem[]): EmailMessage {
  const lines = [
    `Hello ${to.name || to.email},`,
    '',
    'These action items from post-incident reviews in Bulwark are past their due date:',
    '',
    ...items.map((i) => `  ${i.incident_number}  ${i.title} (due ${i.due_at.slice(0, 10)}, ${i.status.replace(/_/g, ' ')}) — ${i.incident_title}`),
    '',
    'Mark them done or in progress, or agree a new due date, on the incident’s Review tab or under Action items.',
    'You get at most one of these e-mails a day; it lists everything overdue when it was sent.',
  ];
  const count = items.length;
  return { to: [to.email], subject: `Action items: ${count} overdue for you`, text: `${lines.join('\n')}\n`, kind: 'action-item-reminder' };
}
