import type { MailProvider } from './mail-message.js';
import { noMailProvider } from './none-provider.js';
import { smtpProvider } from './smtp-provider.js';

/** The provider the configuration names: SMTP when BULWARK_SMTP_URL is set, otherwise none. */
export function mailProviderFor(config: { smtpUrl: string | undefined; mailFrom: string }): MailProvider {
  return config.smtpUrl ? smtpProvider({ url: config.smtpUrl, from: config.mailFrom }) : noMailProvider();
}
