import { createTransport, type Transporter } from 'nodemailer';
import type { EmailMessage, MailOutcome, MailProvider } from './mail-message.js';

export interface SmtpSettings {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465` (TLS from the start). */
  url: string;
  /** The sender, e.g. `Bulwark <bulwark@example.org>`. */
  from: string;
  timeoutMs?: number;
}

/** Sends through an SMTP server with nodemailer; one connection per message, opened when needed. */
export function smtpProvider(settings: SmtpSettings): MailProvider {
  const timeout = settings.timeoutMs ?? 20_000;
  let transport: Transporter | undefined;
  const transporter = () =>
    (transport ??= createTransport({ url: settings.url, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout * 3 }));
  return {
    name: 'smtp',
    configured: true,
    async send(message: EmailMessage): Promise<MailOutcome> {
      try {
        const info = await transporter().sendMail({ from: settings.from, to: message.to, subject: message.subject, text: message.text, ...(message.html ? { html: message.html } : {}) });
        const rejected = (info.rejected ?? []).map(String);
        if (rejected.length > 0) return { delivered: false, reason: `The mail server refused ${rejected.join(', ')}.` };
        return { delivered: true };
      } catch (error) {
        return { delivered: false, reason: `The mail server did not accept the message: ${(error as Error).message}` };
      }
    },
    close: async () => {
      transport?.close();
      transport = undefined;
    },
  };
}
