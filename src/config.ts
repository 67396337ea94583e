import { resolve, join } from 'node:path';

/** Everything an operator can set, read from the environment once at start-up (README, "Configuration"). */
export interface BulwarkConfig {
  host: string;
  port: number;
  dataDir: string;
  sqliteFile: string;
  databaseUrl: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /** Set when Bulwark is served over HTTPS (directly or behind a proxy): cookies get the Secure flag. */
  secureCookies: boolean;
  /** Failed or successful logins allowed per client address per minute. */
  loginRateLimit: number;
  logLevel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): BulwarkConfig {
  const dataDir = resolve(env.BULWARK_DATA_DIR ?? './data');
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}".`);
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
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
