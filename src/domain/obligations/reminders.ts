/**
 * Escalating reminders as a deadline nears. Levels, each sent once: 1 at half the time between the
 * clock's start and the deadline, 2 at 24 h before, 3 at 4 h before, 4 at 1 h before, 5 when late.
 * A level whose moment falls at or before the clock's start is skipped (a 4-hour DORA clock has no
 * "24 h before"), so nobody is told on creation that a deadline is near when it always was.
 */
import { HOUR_MS, type Instant } from '../time.js';

export const REMINDER_LEVELS = [
  { level: 1, name: 'half time' },
  { level: 2, name: '24 hours left' },
  { level: 3, name: '4 hours left' },
  { level: 4, name: '1 hour left' },
  { level: 5, name: 'late' },
] as const;
export const LATE_LEVEL = 5;

export function reminderMoments(clockStart: Instant, deadline: Instant): Array<{ level: number; at: number }> {
  const start = Date.parse(clockStart);
  const due = Date.parse(deadline);
  const moments = [
    { level: 1, at: start + (due - start) / 2 },
    { level: 2, at: due - 24 * HOUR_MS },
    { level: 3, at: due - 4 * HOUR_MS },
    { level: 4, at: due - HOUR_MS },
  ].filter((m) => m.at > start && m.at < due);
  return [...moments, { level: LATE_LEVEL, at: due }];
}

/** The highest level reached at `now` (0 before the first). */
export function reminderLevelAt(clockStart: Instant, deadline: Instant, now: Instant): number {
  const at = Date.parse(now);
  return reminderMoments(clockStart, deadline).reduce((reached, m) => (m.at <= at && m.level > reached ? m.level : reached), 0);
}

/** The level to remind at now, or null when it was already sent (a level is sent once; skipped ones are not sent late). */
export function dueReminder(input: { clockStart: Instant; deadline: Instant; now: Instant; sentLevel: number }): number | null {
  const level = reminderLevelAt(input.clockStart, input.deadline, input.now);
  return level > input.sentLevel ? level : null;
}

export function reminderName(level: number): string {
  return REMINDER_LEVELS.find((l) => l.level === level)?.name ?? `level ${level}`;
}
