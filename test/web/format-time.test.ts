import { describe, expect, it } from 'vitest';
import { formatDuration, formatInstant, formatRelative, fromLocalInput, toLocalInput } from '../../web/src/format/time.js';

describe('formatDuration', () => {
  it('shows the two largest units in a responder’s shorthand', () => {
    expect(formatDuration((2 * 60 + 15) * 60_000)).toBe('2 h 15 min');
    expect(formatDuration(((3 * 24 + 4) * 60 + 30) * 60_000)).toBe('3 d 4 h');
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(90_000)).toBe('1 min 30 s');
    expect(formatDuration(0)).toBe('0 s');
  });

  it('marks a missing metric with a dash and a negative one with a minus', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(undefined)).toBe('—');
    expect(formatDuration(-5 * 60_000)).toBe('−5 min');
  });
});

describe('formatRelative', () => {
  const now = Date.parse('2026-11-23T12:00:00.000Z');
  it('says how long ago or how soon, in words', () => {
    expect(formatRelative('2026-11-23T11:59:50.000Z', now)).toBe('just now');
    expect(formatRelative('2026-11-23T11:55:00.000Z', now)).toMatch(/5 minutes ago/);
    expect(formatRelative('2026-11-23T15:00:00.000Z', now)).toMatch(/in 3 hours/);
    expect(formatRelative('2026-11-20T12:00:00.000Z', now)).toMatch(/3 days ago/);
  });

  it('is empty for a missing instant', () => {
    expect(formatRelative(null, now)).toBe('');
  });
});

describe('formatInstant', () => {
  it('names the zone it shows the time in', () => {
    const instant = '2026-11-23T12:00:00.000Z';
    const zone = new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' }).formatToParts(new Date(instant)).find((part) => part.type === 'timeZoneName')?.value;
    const shown = formatInstant(instant);
    expect(shown).toMatch(/2026/);
    expect(zone).toBeTruthy();
    expect(shown).toContain(zone);
  });

  it('is empty for a missing instant', () => {
    expect(formatInstant(null)).toBe('');
  });
});

describe('datetime-local inputs', () => {
  it('round-trip an instant through the viewer’s zone to the minute', () => {
    const local = toLocalInput('2026-11-23T12:34:56.000Z');
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(fromLocalInput(local)).toBe('2026-11-23T12:34:00.000Z');
  });

  it('read an empty or broken value as no instant', () => {
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('not a date')).toBeNull();
    expect(toLocalInput(null)).toBe('');
  });
});
