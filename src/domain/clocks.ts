/**
 * Deadline clocks for regulatory and contractual obligations: pure functions over ISO instants and
 * IANA time zones, built on Intl and Date only. Instants come in as any ISO 8601 string with an
 * offset and go out in UTC with milliseconds (`src/domain/time.ts`).
 *
 * Local wall times that do not exist (the hour skipped when clocks go forward) are moved forward by
 * the length of the gap (02:30 on a spring-forward night becomes 03:30); wall times that happen twice
 * (the hour repeated when clocks go back) resolve to the earlier one. This is the "compatible"
 * disambiguation of Temporal and of most calendar software.
 */
import { DAY_MS, HOUR_MS, toInstant, type Instant } from './time.js';

/** Local dates `YYYY-MM-DD` of one year that are not business days (besides Saturdays and Sundays). */
export type HolidayCalendar = (year: number) => string[];

interface WallTime {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is an IANA zone name (or UTC) this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function parseMs(instant: string): number {
  return Date.parse(toInstant(instant));
}

/** The local wall time of the epoch millisecond `ms` in `timeZone`. */
function wallTimeAt(ms: number, timeZone: string): WallTime {
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) fields[part.type] = part.value;
  const yearOfEra = Number(fields.year);
  return {
    year: fields.era === 'BC' || fields.era === 'B' ? 1 - yearOfEra : yearOfEra,
    month: Number(fields.month),
    day: Number(fields.day),
    hour: Number(fields.hour),
    minute: Number(fields.minute),
    second: Number(fields.second),
    millisecond: ((ms % 1000) + 1000) % 1000,
  };
}

/** Wall time read as if it were UTC, in epoch milliseconds (valid for any year, unlike Date.UTC with 0–99). */
function wallAsUtcMs(wall: WallTime): number {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second, wall.millisecond);
  return date.getTime();
}

/** Offset of `timeZone` from UTC at the epoch millisecond `ms`, in milliseconds (east positive). */
function offsetMsAt(ms: number, timeZone: string): number {
  return wallAsUtcMs(wallTimeAt(ms, timeZone)) - ms;
}

/** The epoch millisecond at which `timeZone` shows `wall` (compatible disambiguation, see above). */
function wallTimeToMs(wall: WallTime, timeZone: string): number {
  const asUtc = wallAsUtcMs(wall);
  const offsetBefore = offsetMsAt(asUtc - DAY_MS, timeZone);
  const offsetAfter = offsetMsAt(asUtc + DAY_MS, timeZone);
  const candidates = [...new Set([offsetBefore, offsetAfter])]
    .map((offset) => asUtc - offset)
    .filter((ms) => asUtc - offsetMsAt(ms, timeZone) === ms)
    .sort((a, b) => a - b);
  // Repeated hour: the earlier instant. Skipped hour: keep the offset in force before the gap,
  // which lands as far after the gap as the wall time was into it.
  return candidates[0] ?? asUtc - offsetBefore;
}

function pad(value: number, width = 2): string {
  return String(Math.abs(value)).padStart(width, '0');
}

function formatDate(year: number, month: number, day: number): string {
  const yearText = year >= 0 && year <= 9999 ? pad(year, 4) : `${year < 0 ? '-' : '+'}${pad(year, 6)}`;
  return `${yearText}-${pad(month)}-${pad(day)}`;
}

function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0); // day 0 of the next month = last day of `month`
  return date.getUTCDate();
}

/** The calendar date `days` after year-month-day (proleptic Gregorian, no zone involved). */
function shiftDate(year: number, month: number, day: number, days: number): { year: number; month: number; day: number; weekday: number } {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day + days);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: date.getUTCDay() };
}

function assertInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a whole number, got ${String(value)}`);
}

/** `instant` plus `hours` of elapsed time (72 h is always 72 real hours, whatever the clocks do). */
export function addElapsedHours(instant: string, hours: number): Instant {
  if (!Number.isFinite(hours)) throw new RangeError(`hours must be a finite number, got ${String(hours)}`);
  return new Date(parseMs(instant) + Math.round(hours * HOUR_MS)).toISOString();
}

/**
 * `instant` plus `months` calendar months in `timeZone`: the same local wall time on the same day of
 * the month, clamped to the last day of a shorter month (31 January + 1 month = 28/29 February).
 */
export function addCalendarMonths(instant: string, months: number, timeZone: string): Instant {
  assertInteger(months, 'months');
  if (months === 0) return toInstant(instant); // not re-resolved: keeps the second 01:30 of a repeated hour
  const wall = wallTimeAt(parseMs(instant), timeZone);
  const monthIndex = wall.year * 12 + (wall.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const day = Math.min(wall.day, daysInMonth(year, month));
  return new Date(wallTimeToMs({ ...wall, year, month, day }, timeZone)).toISOString();
}

function parseEndOfDay(endOfDay: string | undefined): Pick<WallTime, 'hour' | 'minute' | 'second' | 'millisecond'> {
  if (endOfDay === undefined) return { hour: 23, minute: 59, second: 59, millisecond: 999 };
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(endOfDay);
  if (!match) throw new RangeError(`endOfDay must be 'HH:MM' (00:00–23:59), got ${endOfDay}`);
  return { hour: Number(match[1]), minute: Number(match[2]), second: 0, millisecond: 0 };
}

/**
 * The deadline `days` business days after the local day of `instant` in `timeZone`: Saturdays,
 * Sundays and the dates of `holidays` do not count, and the day of `instant` itself never counts
 * (a report due "within 2 business days" of a Friday-evening discovery is due Tuesday). The deadline
 * is `endOfDay` local time on the last counted day (default 23:59:59.999). Zero days is the end of
 * the day of `instant`.
 */
export function addBusinessDays(
  instant: string,
  days: number,
  opts: { timeZone: string; holidays?: HolidayCalendar; endOfDay?: string },
): Instant {
  assertInteger(days, 'days');
  if (days < 0) throw new RangeError(`days must not be negative, got ${days}`);
  const end = parseEndOfDay(opts.endOfDay);
  const start = wallTimeAt(parseMs(instant), opts.timeZone);
  const holidaysByYear = new Map<number, Set<string>>();
  const isHoliday = (year: number, date: string): boolean => {
    let set = holidaysByYear.get(year);
    if (!set) {
      set = new Set(opts.holidays ? opts.holidays(year) : []);
      holidaysByYear.set(year, set);
    }
    return set.has(date);
  };
  let current = { year: start.year, month: start.month, day: start.day };
  let counted = 0;
  while (counted < days) {
    const next = shiftDate(current.year, current.month, current.day, 1);
    current = next;
    const weekend = next.weekday === 0 || next.weekday === 6;
    if (!weekend && !isHoliday(next.year, formatDate(next.year, next.month, next.day))) counted += 1;
  }
  return new Date(wallTimeToMs({ ...current, ...end }, opts.timeZone)).toISOString();
}

/** `instant` as local time in `timeZone` with that zone's offset, e.g. `2026-03-29T03:30:00+02:00`. */
export function inZone(instant: string, timeZone: string): string {
  const ms = parseMs(instant);
  const wall = wallTimeAt(ms, timeZone);
  const offsetSeconds = Math.round(offsetMsAt(ms, timeZone) / 1000);
  const sign = offsetSeconds < 0 ? '-' : '+';
  const absolute = Math.abs(offsetSeconds);
  const offsetText =
    `${sign}${pad(Math.floor(absolute / 3600))}:${pad(Math.floor((absolute % 3600) / 60))}` +
    (absolute % 60 === 0 ? '' : `:${pad(absolute % 60)}`);
  const fraction = wall.millisecond === 0 ? '' : `.${pad(wall.millisecond, 3)}`;
  return `${formatDate(wall.year, wall.month, wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}${fraction}${offsetText}`;
}

/** The earliest of the given instants, in UTC with milliseconds. */
export function earliest(...instants: string[]): Instant {
  if (instants.length === 0) throw new RangeError('earliest needs at least one instant');
  let best = parseMs(instants[0] as string);
  for (const instant of instants.slice(1)) best = Math.min(best, parseMs(instant));
  return new Date(best).toISOString();
}

// --- US federal holidays (5 U.S.C. 6103) ------------------------------------------------------

/** Day of the month of the `n`th `weekday` (0 = Sunday) of a month; n = -1 for the last one. */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  if (n > 0) {
    const firstWeekday = shiftDate(year, month, 1, 0).weekday;
    return 1 + ((weekday - firstWeekday + 7) % 7) + (n - 1) * 7;
  }
  const last = daysInMonth(year, month);
  const lastWeekday = shiftDate(year, month, last, 0).weekday;
  return last - ((lastWeekday - weekday + 7) % 7);
}

/** A fixed-date holiday moved to Friday when it falls on a Saturday and to Monday on a Sunday. */
function observed(year: number, month: number, day: number): string {
  const { weekday } = shiftDate(year, month, day, 0);
  const shift = weekday === 6 ? -1 : weekday === 0 ? 1 : 0;
  const date = shiftDate(year, month, day, shift);
  return formatDate(date.year, date.month, date.day);
}

/**
 * The days of `year` on which US federal offices close, as observed: a holiday on a Saturday is
 * observed the Friday before, on a Sunday the Monday after. New Year's Day on a Saturday is observed
 * on 31 December of the year before, so it appears in that year's list. Juneteenth counts from 2021.
 * Rules as in force since the Uniform Monday Holiday Act (1971); earlier years are not historical.
 */
export function usFederalHolidays(year: number): string[] {
  assertInteger(year, 'year');
  const date = (month: number, day: number) => formatDate(year, month, day);
  const dates = [
    observed(year, 1, 1), // New Year's Day
    date(1, nthWeekday(year, 1, 1, 3)), // Birthday of Martin Luther King, Jr.: third Monday of January
    date(2, nthWeekday(year, 2, 1, 3)), // Washington's Birthday: third Monday of February
    date(5, nthWeekday(year, 5, 1, -1)), // Memorial Day: last Monday of May
    ...(year >= 2021 ? [observed(year, 6, 19)] : []), // Juneteenth National Independence Day
    observed(year, 7, 4), // Independence Day
    date(9, nthWeekday(year, 9, 1, 1)), // Labor Day: first Monday of September
    date(10, nthWeekday(year, 10, 1, 2)), // Columbus Day: second Monday of October
    observed(year, 11, 11), // Veterans Day
    date(11, nthWeekday(year, 11, 4, 4)), // Thanksgiving Day: fourth Thursday of November
    observed(year, 12, 25), // Christmas Day
    observed(year + 1, 1, 1), // next New Year's Day, when observed on 31 December of this year
  ];
  const prefix = `${formatDate(year, 1, 1).slice(0, -6)}-`;
  return [...new Set(dates.filter((d) => d.startsWith(prefix)))].sort();
}
