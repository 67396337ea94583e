import pg from 'pg';
import { sql } from 'kysely';
import type { Db } from './database.js';

export const EVENTS_CHANNEL = 'bulwark_events';

/** PostgreSQL LISTEN on a dedicated connection; reconnects after a drop. Returns a function that stops it. */
export async function listenOnChannel(connectionString: string, channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
  let stopped = false;
  let current: pg.Client | null = null;
  const connect = async (): Promise<void> => {
    const listener = new pg.Client({ connectionString });
    listener.on('notification', (message) => {
      if (message.channel === channel && message.payload) onPayload(message.payload);
    });
    listener.on('error', () => {
      void listener.end().catch(() => undefined);
      if (!stopped) setTimeout(() => void connect().catch(() => undefined), 1000);
    });
    await listener.connect();
    await listener.query(`LISTEN ${channel}`);
    current = listener;
  };
  await connect();
  return async () => {
    stopped = true;
    await current?.end().catch(() => undefined);
  };
}

export async function notifyChannel(db: Db, channel: string, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(db);
}
