import type { DatabaseHandle } from '../../store/database.js';
import { externalWriteMark } from '../../store/external-writes.js';
import type { Actor, ServiceDeps } from '../context.js';
import type { EventBus } from '../events.js';

/**
 * How long a resolved API token is trusted without reading the database again, on a node that did
 * not hear of a change: the bound on how late another PostgreSQL node notices a revocation if its
 * event channel missed the announcement.
 */
export const CALLER_CACHE_TTL_MS = 5_000;
const CALLER_CACHE_MAX = 10_000;

/** What a request with this token resolves to, as read from the database. */
export interface CachedCaller {
  actor: Actor;
  tokenId: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

interface Entry extends CachedCaller {
  cachedAt: number;
}

/**
 * API token → caller, per database, so a request does not read the token and its owner every time.
 * Revocation stays immediate:
 * - on this node, revoking a token or changing, disabling or re-enabling a user forgets it at once
 *   (the services call `forgetCallers` after their commit, and their events do the same);
 * - on SQLite, a write by another process (`bulwark token revoke`, `bulwark user disable`) moves the
 *   database's data_version, which empties the cache before the next request uses it;
 * - on PostgreSQL, other nodes hear the `api_token.revoked` / `user.updated` events on the event
 *   channel (milliseconds); should an announcement be lost, an entry is dropped after CALLER_CACHE_TTL_MS.
 * A read that began before a change is never cached after it (the generation check).
 */
class CallerCache {
  private readonly entries = new Map<string, Entry>();
  /** The event buses whose announcements reach this cache. */
  readonly buses = new WeakSet<EventBus>();
  private generation = 0;
  private mark: number | null | undefined;

  constructor(private readonly database: DatabaseHandle) {}

  /** The cached caller for a token hash, or undefined (then read the database, and `remember` it with the generation `begin` gave). */
  lookup(tokenHash: string): CachedCaller | undefined {
    const mark = externalWriteMark(this.database);
    if (mark !== this.mark) {
      this.mark = mark;
      this.forgetAll();
      return undefined;
    }
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (performance.now() - entry.cachedAt > CALLER_CACHE_TTL_MS) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry;
  }

  begin(): number {
    return this.generation;
  }

  remember(tokenHash: string, generation: number, caller: CachedCaller): void {
    if (generation !== this.generation) return;
    if (this.entries.size >= CALLER_CACHE_MAX) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { ...caller, cachedAt: performance.now() });
  }

  forget(match: (entry: Entry) => boolean): void {
    this.generation += 1;
    for (const [hash, entry] of this.entries) if (match(entry)) this.entries.delete(hash);
  }

  forgetAll(): void {
    this.generation += 1;
    this.entries.clear();
  }
}

const caches = new WeakMap<DatabaseHandle, CallerCache>();

export function callerCache(deps: ServiceDeps): CallerCache {
  let cache = caches.get(deps.database);
  if (!cache) caches.set(deps.database, (cache = new CallerCache(deps.database)));
  // Every bus that serves this database (a runtime restarted on the same connection brings a new one).
  if (!cache.buses.has(deps.events)) {
    cache.buses.add(deps.events);
    const listening = cache;
    deps.events.subscribe((event) => {
      if (event.type === 'api_token.revoked') listening.forget((entry) => entry.tokenId === event.entity_id);
      else if (event.type.startsWith('user.')) listening.forget((entry) => entry.actor.userId === event.entity_id);
    });
  }
  return cache;
}

/** Drops what is cached for a token or for every token of a user; call it after the change has committed. */
export function forgetCallers(deps: ServiceDeps, which: { tokenId: string } | { userId: string }): void {
  const cache = caches.get(deps.database);
  if (!cache) return;
  if ('tokenId' in which) cache.forget((entry) => entry.tokenId === which.tokenId);
  else cache.forget((entry) => entry.actor.userId === which.userId);
}
