import type { Role } from '../domain/access.js';
import type { Clock } from '../domain/time.js';
import type { DatabaseHandle } from '../store/database.js';
import type { EventBus } from './events.js';

/** Who is acting: a person through a session, or an API token carrying a role. */
export interface Actor {
  userId: string;
  organisationId: string;
  role: Role;
  /** `usr_…` for a session, `tok_…` for an API token; idempotency keys are scoped to it. */
  principal: string;
  name?: string;
}

export interface ServiceDeps {
  database: DatabaseHandle;
  clock: Clock;
  events: EventBus;
  /** Where people reach this Bulwark from outside (BULWARK_PUBLIC_URL), for links in e-mails; unset: http://localhost:8080. */
  publicUrl?: string | undefined;
  /** Evidence file storage; unset (some tests, tools): evidence uploads are refused. */
  evidence?: EvidenceSettings | undefined;
  /** OpenID Connect single sign-on (BULWARK_OIDC_*); unset: people sign in with their password only. */
  oidc?: OidcSettings | undefined;
}

export interface OidcSettings {
  /** The identity provider's issuer URL; its /.well-known/openid-configuration is read on first use. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What the sign-in button says: "Sign in with <name>". */
  name: string;
  /** Role given to a person the provider vouches for who has no Bulwark account yet; null: they are refused. */
  newUserRole?: Role | null | undefined;
}

export interface EvidenceSettings {
  /** Folder of the content-addressed files (BULWARK_EVIDENCE_DIR). */
  dir: string;
  maxBytes: number;
  malwareArchivePassword: string;
}

export interface ServiceContext extends ServiceDeps {
  actor: Actor;
}

/** The command line and start-up act as this built-in administrator. */
export const SYSTEM_USER_ID = 'system';

export function systemActor(organisationId: string): Actor {
  return { userId: SYSTEM_USER_ID, organisationId, role: 'admin', principal: SYSTEM_USER_ID, name: 'System' };
}
