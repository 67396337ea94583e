import type { MailProvider } from './mail-message.js';

export const NO_MAIL_SERVER = 'No mail server is configured (set BULWARK_SMTP_URL); the e-mail stays queued in the outbox.';

/** Used when BULWARK_SMTP_URL is not set: e-mails are not sent and not lost, they wait in the outbox. */
export function noMailProvider(): MailProvider {
  return {
    name: 'none',
    configured: false,
    send: async () => ({ delivered: false, reason: NO_MAIL_SERVER, skipped: true }),
    close: async () => {},
  };
}
