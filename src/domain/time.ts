/**
 * One date handling for the whole code base: instants travel as ISO 8601 strings in UTC with
 * milliseconds (`2026-11-23T08:15:00.000Z`), which sort as text on both databases.
 */
export type Instant = string;

export interface Clock {
  now(): Instant;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };

/** A clock for tests and demo data that only moves when told. */
export function fixedClock(start: Instant): Clock & { advance(ms: number): void; set(at: Instant): void } {
  let current = Date.parse(start);
  return {
    now: () => new Date(current).toISOString(),
    advance(ms: number) {
      current += ms;
    },
    set(at: Instant) {
      current = Date.parse(at);
    },
  };
}

/** Normalises any ISO 8601 instant with an offset to UTC with milliseconds. */
export function toInstant(value: string | Date): Instant {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a valid instant: ${String(value)}`);
  return date.toISOString();
}

/** Milliseconds from `from` to `to`, or null when either is unknown. */
export function durationMs(from: Instant | null | undefined, to: Instant | null | undefined): number | null {
  if (!from || !to) return null;
  return Date.parse(to) - Date.parse(from);
}

export function yearOf(at: Instant): number {
  return new Date(at).getUTCFullYear();
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
