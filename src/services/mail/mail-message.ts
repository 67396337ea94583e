/** The outbox topic of e-mails; the e-mail dispatch job delivers its messages. */
export const EMAIL_TOPIC = 'email';

/** An e-mail as it waits in the outbox: the sender is the configured one (BULWARK_MAIL_FROM). */
export interface EmailMessage {
  to: string[];
  subject: string;
  /** Plain text; every e-mail has it. */
  text: string;
  html?: string | undefined;
  /** What sent it (e.g. `risk-reminder`), kept for the operator reading the outbox. */
  kind?: string | undefined;
}

/** Sent, or not and why; a message that was not sent is tried again later. */
export type MailOutcome = { delivered: true } | { delivered: false; reason: string; skipped?: boolean };

/**
 * Where e-mails go: an SMTP server, or nowhere (no server configured). A provider never throws for
 * a message it could not send; it answers why.
 */
export interface MailProvider {
  /** `smtp` or `none`, for logs and `bulwark` output. */
  readonly name: string;
  /** False when messages cannot leave at all (no server configured): they stay queued. */
  readonly configured: boolean;
  send(message: EmailMessage): Promise<MailOutcome>;
  close(): Promise<void>;
}
