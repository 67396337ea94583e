/**
 * What the sign-in page says when single sign-on was refused. The server sends only a code, so a
 * crafted link cannot put words of its own on this trusted page.
 */
const REFUSALS: Record<string, string> = {
  no_account: 'There is no Bulwark account for the e-mail address your identity provider gave. Ask an administrator to add you.',
  account_disabled: 'Your Bulwark account is disabled. Ask an administrator.',
  email_missing: 'Your identity provider did not tell Bulwark your e-mail address. Ask your administrator to release the "email" claim to Bulwark.',
  email_unverified: 'Your identity provider has not verified your e-mail address.',
  other_identity: 'This Bulwark account is linked to another single sign-on identity. Ask an administrator.',
  provider_refused: 'The identity provider did not sign you in. Try again.',
  provider_unreachable: 'The identity provider could not be reached. Try again, or sign in with your password.',
  expired: 'The sign-in took longer than 10 minutes or began in another browser. Try again.',
};

export function ssoRefusalText(code: string | null): string | null {
  if (!code) return null;
  return REFUSALS[code] ?? 'Try again, or sign in with your password.';
}
