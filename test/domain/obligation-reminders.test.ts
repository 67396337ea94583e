import { describe, expect, it } from 'vitest';
import { dueReminder, reminderLevelAt, reminderMoments } from '../../src/domain/obligations/reminders.js';

const H = 3_600_000;
const start = '2026-03-27T09:00:00.000Z';
const after = (hours: number) => new Date(Date.parse(start) + hours * H).toISOString();

describe('obligation reminder levels', () => {
  it('a 72 h clock reminds at half time (36 h), 24 h, 4 h and 1 h before, and when late', () => {
    const deadline = after(72);
    expect(reminderMoments(start, deadline).map((m) => [m.level, (m.at - Date.parse(start)) / H])).toEqual([[1, 36], [2, 48], [3, 68], [4, 71], [5, 72]]);
    expect(reminderLevelAt(start, deadline, after(35.99))).toBe(0);
    const table: Array<[number, number]> = [[36, 1], [47.9, 1], [48, 2], [67.9, 2], [68, 3], [71, 4], [71.99, 4], [72, 5], [500, 5]];
    for (const [hours, level] of table) expect(reminderLevelAt(start, deadline, after(hours)), `${hours} h after the start`).toBe(level);
  });

  it('skips the levels that fall at or before the clock start: a 4 h DORA clock has no "24 h before" and no "4 h before"', () => {
    const deadline = after(4);
    expect(reminderMoments(start, deadline).map((m) => m.level)).toEqual([1, 4, 5]);
    expect(reminderLevelAt(start, deadline, start)).toBe(0);
    expect(reminderLevelAt(start, deadline, after(2))).toBe(1);
    expect(reminderLevelAt(start, deadline, after(3))).toBe(4);
  });

  it('sends each level once, and only the highest reached when several passed since the last run', () => {
    const deadline = after(72);
    expect(dueReminder({ clockStart: start, deadline, now: after(40), sentLevel: 0 })).toBe(1);
    expect(dueReminder({ clockStart: start, deadline, now: after(40), sentLevel: 1 })).toBeNull();
    expect(dueReminder({ clockStart: start, deadline, now: after(70), sentLevel: 1 })).toBe(3);
    expect(dueReminder({ clockStart: start, deadline, now: after(80), sentLevel: 3 })).toBe(5);
    expect(dueReminder({ clockStart: start, deadline, now: after(90), sentLevel: 5 })).toBeNull();
  });
});
