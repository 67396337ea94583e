import type { EmailMessage } from '../mail/mail-message.js';

export interface UnansweredCallEmailInput {
  to: string[];
  incident: { number: string; title: string; restricted: boolean };
  /** Who was called, in order: the contact the matrix called, then each deputy. */
  called: Array<{ name: string; mobile_phone: string | null; respond_within_minutes: number | null }>;
  incident_url: string;
}

/** To the incident's commander and the organisation's managers: a call ran out of people; someone must phone. */
export function unansweredCallEmail(input: UnansweredCallEmailInput): EmailMessage {
  const { incident } = input;
  const title = incident.restricted ? '(restricted incident: title shown in Bulwark only)' : incident.title;
  const lines = [
    `Nobody acknowledged an escalation call for ${incident.number} — ${title}.`,
    '',
    'Called, and did not answer in time:',
    ...input.called.map((c) => `  - ${c.name}${c.respond_within_minutes ? ` (${c.respond_within_minutes} min)` : ''}${c.mobile_phone ? `, mobile ${c.mobile_phone}` : ', no mobile number in the plan'}`),
    '',
    'The response plan names no further deputy. Phone them, or call in someone else and record it in Bulwark:',
    input.incident_url,
    '',
    '— Bulwark',
  ];
  return {
    to: input.to,
    subject: `[${incident.number}] Nobody answered the escalation call: ${input.called[0]?.name ?? 'contact'} and deputies`,
    text: lines.join('\n'),
    kind: 'escalation-unanswered',
  };
}
