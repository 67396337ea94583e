import { resolve, join } from 'node:path';
import { ROLES, type Role } from './domain/access.js';
import { DEFAULT_INGEST_RATE_LIMIT } from './domain/ingestion.js';
import type { OidcSettings } from './services/context.js';

/** Everything an operator can set, read from the environment once at start-up (README, "Configuration"). */
export interface BulwarkConfig {
  host: string;
  port: number;
  dataDir: string;
  sqliteFile: string;
  databaseUrl: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /** Alert-ingestion requests a minute per caller; 0 turns the limit off. */
  ingestRateLimit: number;
  /** Set when Bulwark is served over HTTPS (directly or behind a proxy): cookies get the Secure flag. */
  secureCookies: boolean;
  /** Failed or successful logins allowed per client address per minute. */
  loginRateLimit: number;
  logLevel: string;
  /** `smtp://user:pass@host:587` or `smtps://…`; unset: e-mails stay queued in the outbox. */
  smtpUrl: string | undefined;
  /** The sender of e-mails. */
  mailFrom: string;
  /** The address people reach Bulwark at (links in e-mails, e.g. escalation acknowledgements), without a trailing slash. */
  publicUrl: string;
  /** Where evidence files are stored (content-addressed); default BULWARK_DATA_DIR/evidence. */
  evidenceDir: string;
  /** Largest evidence upload accepted, in bytes. */
  evidenceMaxBytes: number;
  /** Password of the archives malware samples are downloaded in. */
  malwareArchivePassword: string;
  /** Stored evidence is re-verified on a schedule when its last check is older than this many hours. */
  evidenceVerifyHours: number;
  /** OpenID Connect single sign-on; unset unless BULWARK_OIDC_ISSUER is set. */
  oidc: OidcSettings | undefined;
}

function loadOidc(env: NodeJS.ProcessEnv): OidcSettings | undefined {
  const issuer = env.BULWARK_OIDC_ISSUER;
  if (!issuer) return undefined;
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new Error(`BULWARK_OIDC_ISSUER must be the identity provider's issuer URL, such as https://login.example.com/realms/staff, not "${issuer}".`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) throw new Error('BULWARK_OIDC_ISSUER must be an https:// address (http:// only for a provider on this machine).');
  const clientId = env.BULWARK_OIDC_CLIENT_ID;
  const clientSecret = env.BULWARK_OIDC_CLIENT_SECRET;
  if (!clientId || !clientSecret) throw new Error('BULWARK_OIDC_ISSUER is set, so BULWARK_OIDC_CLIENT_ID and BULWARK_OIDC_CLIENT_SECRET must be too (from registering Bulwark as a client at the provider).');
  const newUserRole = env.BULWARK_OIDC_NEW_USER_ROLE || null;
  if (newUserRole !== null && !ROLES.includes(newUserRole as Role)) throw new Error(`BULWARK_OIDC_NEW_USER_ROLE must be one of ${ROLES.join(', ')}, not "${newUserRole}".`);
  return { issuer, clientId, clientSecret, name: env.BULWARK_OIDC_NAME || 'single sign-on', newUserRole: newUserRole as Role | null };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): BulwarkConfig {
  const dataDir = resolve(env.BULWARK_DATA_DIR ?? './data');
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}".`);
  const smtpUrl = env.BULWARK_SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\/[^/]/.test(smtpUrl)) throw new Error('BULWARK_SMTP_URL must look like smtp://user:pass@host:587 or smtps://user:pass@host:465.');
  const publicUrl = (env.BULWARK_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/.test(publicUrl)) throw new Error(`BULWARK_PUBLIC_URL must be an http(s) address such as https://bulwark.example.com, not "${env.BULWARK_PUBLIC_URL}".`);
  const evidenceMaxBytes = Number(env.BULWARK_EVIDENCE_MAX_BYTES ?? 64 * 1024 ** 3);
  if (!Number.isSafeInteger(evidenceMaxBytes) || evidenceMaxBytes < 1) throw new Error(`BULWARK_EVIDENCE_MAX_BYTES must be a whole number of bytes, not "${env.BULWARK_EVIDENCE_MAX_BYTES}".`);
  const evidenceVerifyHours = Number(env.BULWARK_EVIDENCE_VERIFY_HOURS ?? 24);
  if (!Number.isFinite(evidenceVerifyHours) || evidenceVerifyHours <= 0) throw new Error(`BULWARK_EVIDENCE_VERIFY_HOURS must be a positive number of hours, not "${env.BULWARK_EVIDENCE_VERIFY_HOURS}".`);
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir,
    sqliteFile: join(dataDir, 'bulwark.db'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminEmail: env.BULWARK_ADMIN_EMAIL || undefined,
    adminPassword: env.BULWARK_ADMIN_PASSWORD || undefined,
    secureCookies: env.BULWARK_SECURE_COOKIES === 'true',
    loginRateLimit: Number(env.BULWARK_LOGIN_RATE_LIMIT ?? 10),
    ingestRateLimit: Number(env.BULWARK_INGEST_RATE_LIMIT ?? DEFAULT_INGEST_RATE_LIMIT),
    logLevel: env.LOG_LEVEL ?? 'info',
    smtpUrl,
    mailFrom: env.BULWARK_MAIL_FROM || 'Bulwark <bulwark@localhost>',
    publicUrl,
    evidenceDir: resolve(env.BULWARK_EVIDENCE_DIR || join(dataDir, 'evidence')),
    evidenceMaxBytes,
    malwareArchivePassword: env.BULWARK_MALWARE_ARCHIVE_PASSWORD || 'infected',
    evidenceVerifyHours,
    oidc: loadOidc(env),
  };
}
