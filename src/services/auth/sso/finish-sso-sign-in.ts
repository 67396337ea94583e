import { BulwarkError } from '../../../domain/errors.js';
import { bindSsoSubject, findDefaultOrganisation, findUserByEmail } from '../../../store/repositories/people.js';
import { systemActor, type OidcSettings, type ServiceDeps } from '../../context.js';
import { addUser } from '../../users/add-user.js';
import { openSession, type LoginResult } from '../open-session.js';
import { redeemAuthorizationCode, type SsoFlow } from './identity-provider.js';

/** Why single sign-on was refused, as a code: the sign-in page words it, so a crafted link cannot put text of its own there. */
export type SsoRefusal = 'no_account' | 'account_disabled' | 'email_missing' | 'email_unverified' | 'other_identity' | 'provider_refused' | 'provider_unreachable' | 'expired';

export const ssoRefused = (code: SsoRefusal, message: string) => new BulwarkError(code === 'provider_unreachable' ? 'unavailable' : 'unauthenticated', message, { extra: { code } });

/**
 * The browser is back from the identity provider: redeem the code, find the Bulwark account with the
 * provider's (verified) e-mail address, or create one when the operator allows it, bind the account to
 * that identity on first use, and open a session. Bulwark's own second factor is not asked for: the
 * provider's applies.
 */
export async function finishSsoSignIn(deps: ServiceDeps, settings: OidcSettings, input: { callbackUrl: URL; flow: SsoFlow; ip?: string | undefined; userAgent?: string | undefined }): Promise<LoginResult> {
  const identity = await redeemAuthorizationCode(settings, input.callbackUrl, input.flow);
  if (!identity.email) throw ssoRefused('email_missing', 'The identity provider did not tell Bulwark your e-mail address (the "email" claim). Ask your administrator to release it to Bulwark.');
  if (identity.emailVerified === false) throw ssoRefused('email_unverified', `The identity provider has not verified your e-mail address ${identity.email}.`);
  const email = identity.email.trim().toLowerCase();
  const ssoSubject = `${identity.issuer}|${identity.subject}`;

  let user = await findUserByEmail(deps.database.db, email);
  if (!user) {
    if (!settings.newUserRole) throw ssoRefused('no_account', `There is no Bulwark account for ${email}. Ask an administrator to add you.`);
    const organisation = await findDefaultOrganisation(deps.database.db);
    if (!organisation) throw new BulwarkError('unavailable', 'Bulwark has no organisation yet.');
    await addUser({ ...deps, actor: systemActor(organisation.id) }, { email, name: identity.name ?? undefined, role: settings.newUserRole, passwordless: true });
    user = (await findUserByEmail(deps.database.db, email))!;
  }
  if (user.disabled_at) throw ssoRefused('account_disabled', `The Bulwark account ${email} is disabled.`);
  if (user.sso_subject && user.sso_subject !== ssoSubject) throw ssoRefused('other_identity', `The Bulwark account ${email} belongs to another single sign-on identity. Ask an administrator.`);
  if (!user.sso_subject) await bindSsoSubject(deps.database.db, user.id, ssoSubject);
  return openSession(deps, user, { ip: input.ip, userAgent: input.userAgent, details: { method: 'oidc', issuer: identity.issuer } });
}
