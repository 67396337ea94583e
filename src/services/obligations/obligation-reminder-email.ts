import { inZone } from '../../domain/clocks.js';
import { LATE_LEVEL, reminderName } from '../../domain/obligations/reminders.js';
import type { EmailMessage } from '../mail/mail-message.js';
import type { ObligationView } from './obligation-record.js';

const local = (iso: string, zone: string) => `${inZone(iso, zone).slice(0, 16).replace('T', ' ')} ${zone}`;

function left(seconds: number): string {
  const abs = Math.abs(seconds);
  const h = Math.floor(abs / 3600);
  const m = Math.floor((abs % 3600) / 60);
  const text = h >= 48 ? `${Math.floor(h / 24)} days ${h % 24} h` : `${h} h ${m} min`;
  return seconds < 0 ? `${text} late` : `${text} left`;
}

/** One reminder for one obligation, to everyone who must act on it. */
export function obligationReminderEmail(to: string[], incident: { number: string; title: string }, o: ObligationView, level: number): EmailMessage {
  const what = `${o.regime_name} — ${o.stage.replaceAll('_', ' ')}${o.state ? ` (${o.state})` : ''}`;
  const lines = [
    `${incident.number} ${incident.title}`,
    '',
    level === LATE_LEVEL ? `LATE: the deadline of this notification has passed and it is not recorded as submitted.` : `Reminder (${reminderName(level)}): a notification deadline is nearing.`,
    '',
    `Obligation:  ${what}`,
    `Recipient:   ${o.recipient}`,
    `Deadline:    ${local(o.deadline_utc!, o.time_zone)} (recipient's zone)`,
    `             ${local(o.deadline_utc!, o.organisation_time_zone)} (organisation's zone)`,
    `Time:        ${left(o.time_left_seconds ?? 0)}`,
    `Basis:       ${o.basis}`,
    '',
    level === LATE_LEVEL
      ? 'Submit it as soon as possible and record the reference and the reasons for the delay on the incident’s Obligations tab.'
      : 'Record it on the incident’s Obligations tab when it is drafted and submitted, or mark it not required with the reason.',
  ];
  // Plain ASCII, so that mail clients and filters read the subject as written.
  const short = `${o.regime_name}, ${o.stage.replaceAll('_', ' ')}${o.state ? ` (${o.state})` : ''}`;
  const subject = level === LATE_LEVEL ? `LATE: ${short} for ${incident.number}` : `${short} for ${incident.number}: ${left(o.time_left_seconds ?? 0)}`;
  return { to, subject, text: `${lines.join('\n')}\n`, kind: 'obligation-reminder' };
}
