import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addCalendarMonths,
  addElapsedHours,
  earliest,
  inZone,
  isValidTimeZone,
  usFederalHolidays,
  type HolidayCalendar,
} from '../../src/domain/clocks.js';

/*
 * Transitions used below (all 2026 unless a case says otherwise):
 * - European Union: last Sunday of March (29 March) and of October (25 October), at 01:00 UTC.
 *   Berlin 02:00 CET (+01) → 03:00 CEST (+02) and 03:00 CEST → 02:00 CET;
 *   London 01:00 GMT (+00) → 02:00 BST (+01) and 02:00 BST → 01:00 GMT.
 * - United States: second Sunday of March (8 March) 02:00 EST (-05) → 03:00 EDT (-04), at 07:00 UTC;
 *   first Sunday of November (1 November) 02:00 EDT → 01:00 EST, at 06:00 UTC.
 * Weekdays: 1 January 2026 is a Thursday, 1 March and 1 November 2026 are Sundays.
 */
const BERLIN = 'Europe/Berlin';
const LONDON = 'Europe/London';
const NEW_YORK = 'America/New_York';

describe('inZone', () => {
  it.each([
    // Berlin, spring forward: the last instant of CET and the first of CEST.
    ['2026-03-29T00:59:59Z', BERLIN, '2026-03-29T01:59:59+01:00', 'one second before 01:00 UTC Berlin is still on CET'],
    ['2026-03-29T01:00:00Z', BERLIN, '2026-03-29T03:00:00+02:00', 'at 01:00 UTC Berlin jumps from 02:00 to 03:00 CEST'],
    ['2026-03-29T01:30:00.250Z', BERLIN, '2026-03-29T03:30:00.250+02:00', 'milliseconds are kept when not zero'],
    // Berlin, fall back: the same wall time 02:30 twice, with different offsets.
    ['2026-10-25T00:30:00Z', BERLIN, '2026-10-25T02:30:00+02:00', 'first 02:30, still CEST'],
    ['2026-10-25T01:30:00Z', BERLIN, '2026-10-25T02:30:00+01:00', 'second 02:30, after 03:00 CEST became 02:00 CET'],
    // London: GMT is +00:00 (not Z: this is a zone's local time), BST +01:00.
    ['2026-03-29T00:30:00Z', LONDON, '2026-03-29T00:30:00+00:00', 'before 01:00 UTC London is on GMT'],
    ['2026-03-29T01:30:00Z', LONDON, '2026-03-29T02:30:00+01:00', 'after 01:00 UTC London is on BST'],
    ['2026-10-25T00:30:00Z', LONDON, '2026-10-25T01:30:00+01:00', 'first 01:30, still BST'],
    ['2026-10-25T01:30:00Z', LONDON, '2026-10-25T01:30:00+00:00', 'second 01:30, back on GMT'],
    // New York.
    ['2026-03-08T06:59:59Z', NEW_YORK, '2026-03-08T01:59:59-05:00', 'last second of EST'],
    ['2026-03-08T07:00:00Z', NEW_YORK, '2026-03-08T03:00:00-04:00', '02:00 EST does not exist; it is 03:00 EDT'],
    ['2026-11-01T05:30:00Z', NEW_YORK, '2026-11-01T01:30:00-04:00', 'first 01:30, still EDT'],
    ['2026-11-01T06:30:00Z', NEW_YORK, '2026-11-01T01:30:00-05:00', 'second 01:30, on EST'],
    // Others.
    ['2026-03-29T01:30:00+05:30', 'Asia/Kolkata', '2026-03-29T01:30:00+05:30', 'half-hour offsets, input offset honoured'],
    ['2026-03-29T01:30:00Z', 'UTC', '2026-03-29T01:30:00+00:00', 'UTC itself'],
  ])('%s in %s is %s (%s)', (instant, zone, expected) => {
    expect(inZone(instant, zone)).toBe(expected);
    // The local form names the same instant.
    expect(Date.parse(inZone(instant, zone))).toBe(Date.parse(instant));
  });

  it('writes an offset with seconds when the zone had one (Berlin local mean time before 1893, tzdata)', () => {
    // Date.parse cannot read '+00:53:28'; Temporal and RFC 9557 can. Rounding would name another instant.
    expect(inZone('1800-01-01T00:00:00Z', BERLIN)).toBe('1800-01-01T00:53:28+00:53:28');
  });
});

describe('addCalendarMonths', () => {
  it.each([
    // Same local wall time across a transition: the UTC time moves by the change of offset.
    ['2026-03-15T08:00:00.000Z', 1, BERLIN, '2026-04-15T07:00:00.000Z', '09:00 CET → 09:00 CEST on 15 April'],
    ['2026-04-15T07:00:00.000Z', -1, BERLIN, '2026-03-15T08:00:00.000Z', 'and back: 09:00 CEST → 09:00 CET'],
    ['2026-10-10T11:00:00.000Z', 1, LONDON, '2026-11-10T12:00:00.000Z', '12:00 BST → 12:00 GMT on 10 November'],
    ['2026-10-15T13:00:00.000Z', 1, NEW_YORK, '2026-11-15T14:00:00.000Z', '09:00 EDT → 09:00 EST'],
    ['2026-11-15T14:00:00.000Z', -1, NEW_YORK, '2026-10-15T13:00:00.000Z', '09:00 EST → 09:00 EDT'],
    ['2026-02-15T14:00:00.000Z', 1, NEW_YORK, '2026-03-15T13:00:00.000Z', '09:00 EST → 09:00 EDT (US changes two weeks before the EU)'],
    // The day before the change is still on the old offset.
    ['2026-02-28T01:30:00.000Z', 1, BERLIN, '2026-03-28T01:30:00.000Z', '02:30 CET on 28 Feb → 02:30 CET on 28 March'],
    // Wall times that do not exist move forward by the gap.
    ['2026-01-29T01:30:00.000Z', 2, BERLIN, '2026-03-29T01:30:00.000Z', '02:30 on 29 March does not exist in Berlin: 03:30 CEST'],
    ['2026-02-08T07:30:00.000Z', 1, NEW_YORK, '2026-03-08T07:30:00.000Z', '02:30 on 8 March does not exist in New York: 03:30 EDT'],
    ['2026-02-28T01:30:00.000Z', 1, LONDON, '2026-03-28T01:30:00.000Z', 'London 01:30 GMT, day before the change'],
    ['2026-02-28T01:30:00.000Z', 1, 'UTC', '2026-03-28T01:30:00.000Z', 'UTC has no transitions'],
    // Wall times that happen twice resolve to the earlier one.
    ['2026-09-25T00:30:00.000Z', 1, LONDON, '2026-10-25T00:30:00.000Z', '01:30 on 25 Oct happens twice in London: the BST one'],
    ['2026-10-01T05:30:00.000Z', 1, NEW_YORK, '2026-11-01T05:30:00.000Z', '01:30 on 1 Nov happens twice in New York: the EDT one'],
    ['2026-12-01T06:30:00.000Z', -1, NEW_YORK, '2026-11-01T05:30:00.000Z', 'from 01:30 EST back one month: still the earlier (EDT) 01:30'],
    // Month-end clamping.
    ['2026-01-31T10:00:00.000Z', 1, 'UTC', '2026-02-28T10:00:00.000Z', '31 Jan + 1 month = 28 Feb (2026 is not a leap year)'],
    ['2028-01-31T10:00:00.000Z', 1, 'UTC', '2028-02-29T10:00:00.000Z', '31 Jan + 1 month = 29 Feb in a leap year'],
    ['2026-03-31T10:00:00.000Z', 1, 'UTC', '2026-04-30T10:00:00.000Z', '31 March + 1 month = 30 April'],
    ['2026-01-31T10:00:00.000Z', 2, 'UTC', '2026-03-31T10:00:00.000Z', '31 Jan + 2 months = 31 March (no clamping on the way)'],
    ['2026-03-31T10:00:00.000Z', -1, 'UTC', '2026-02-28T10:00:00.000Z', '31 March - 1 month = 28 Feb'],
    ['2026-01-31T09:00:00.000Z', 1, BERLIN, '2026-02-28T09:00:00.000Z', 'Berlin 10:00 on 31 Jan → 10:00 on 28 Feb'],
    // The day of the month is the local one, not the UTC one.
    ['2026-02-28T23:30:00.000Z', 1, BERLIN, '2026-03-31T22:30:00.000Z', '00:30 CET on 1 March is 1 April 00:30 CEST (UTC date 28 Feb would give 28 March)'],
    ['2026-02-01T04:30:00.000Z', 1, NEW_YORK, '2026-03-01T04:30:00.000Z', '23:30 EST on 31 Jan → 23:30 EST on 28 Feb (clamped locally)'],
    // Years and zero.
    ['2026-12-15T10:00:00.000Z', 1, 'UTC', '2027-01-15T10:00:00.000Z', 'December + 1 month is January of the next year'],
    ['2026-01-15T10:00:00.000Z', -13, 'UTC', '2024-12-15T10:00:00.000Z', '13 months back'],
    ['2026-03-15T08:00:00.000Z', 24, BERLIN, '2028-03-15T08:00:00.000Z', 'two years: CET again'],
    ['2026-11-01T06:30:00.000Z', 0, NEW_YORK, '2026-11-01T06:30:00.000Z', 'zero months is the same instant, even in a repeated hour'],
    ['2026-03-15T09:00:00+01:00', 1, BERLIN, '2026-04-15T07:00:00.000Z', 'input with an offset is accepted'],
  ])('%s + %i months in %s = %s (%s)', (instant, months, zone, expected) => {
    expect(addCalendarMonths(instant, months, zone)).toBe(expected);
  });

  it.each([
    [BERLIN, '2026-01-15T08:00:00Z'],
    [LONDON, '2026-01-15T09:00:00Z'],
    [NEW_YORK, '2026-01-15T14:00:00Z'],
  ])('keeps 09:00 local on the 15th through every month of 2026 in %s', (zone, start) => {
    expect(inZone(start, zone).slice(0, 19)).toBe('2026-01-15T09:00:00');
    for (let months = 1; months <= 11; months += 1) {
      const local = inZone(addCalendarMonths(start, months, zone), zone);
      expect(local.slice(0, 19)).toBe(`2026-${String(months + 1).padStart(2, '0')}-15T09:00:00`);
    }
  });

  it('rejects fractional months, unknown zones and invalid instants', () => {
    expect(() => addCalendarMonths('2026-01-15T09:00:00Z', 1.5, 'UTC')).toThrow(RangeError);
    expect(() => addCalendarMonths('2026-01-15T09:00:00Z', 1, 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => addCalendarMonths('not a date', 1, 'UTC')).toThrow(RangeError);
  });
});

describe('addElapsedHours', () => {
  it.each([
    ['2026-03-28T11:00:00.000Z', 72, '2026-03-31T11:00:00.000Z', 'Berlin 12:00 CET + 72 h = 13:00 CEST: 72 elapsed hours, 73 on the wall clock'],
    ['2026-10-24T10:00:00.000Z', 72, '2026-10-27T10:00:00.000Z', 'Berlin 12:00 CEST + 72 h = 11:00 CET: 71 on the wall clock'],
    ['2026-10-31T16:00:00.000Z', 72, '2026-11-03T16:00:00.000Z', 'New York 12:00 EDT + 72 h = 11:00 EST'],
    ['2026-03-08T05:00:00.000Z', 24, '2026-03-09T05:00:00.000Z', 'New York midnight EST + 24 h = 01:00 EDT the next day'],
    ['2026-03-28T12:00:00+01:00', 72, '2026-03-31T11:00:00.000Z', 'offsets in the input are normalised to UTC'],
    ['2026-03-28T11:00:00.000Z', 0.5, '2026-03-28T11:30:00.000Z', 'fractions of an hour'],
    ['2026-03-28T11:00:00.000Z', -24, '2026-03-27T11:00:00.000Z', 'negative hours go back'],
    ['2026-12-31T23:00:00.000Z', 1, '2027-01-01T00:00:00.000Z', 'across a year end'],
  ])('%s + %s h = %s (%s)', (instant, hours, expected) => {
    expect(addElapsedHours(instant, hours)).toBe(expected);
    expect(Date.parse(expected) - Date.parse(instant)).toBe(hours * 3_600_000);
  });

  it('shows the wall-clock effect of the transition in the zone', () => {
    expect(inZone(addElapsedHours('2026-03-28T11:00:00Z', 72), BERLIN)).toBe('2026-03-31T13:00:00+02:00');
    expect(inZone(addElapsedHours('2026-10-31T16:00:00Z', 72), NEW_YORK)).toBe('2026-11-03T11:00:00-05:00');
  });

  it('rejects invalid input', () => {
    expect(() => addElapsedHours('2026-13-01T00:00:00Z', 1)).toThrow(RangeError);
    expect(() => addElapsedHours('2026-03-28T11:00:00Z', Number.NaN)).toThrow(RangeError);
    expect(() => addElapsedHours('2026-03-28T11:00:00Z', Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('usFederalHolidays', () => {
  it.each([
    [
      2026,
      [
        '2026-01-01', // New Year's Day, Thursday
        '2026-01-19', // Martin Luther King Jr. Day: third Monday of January
        '2026-02-16', // Washington's Birthday: third Monday of February
        '2026-05-25', // Memorial Day: last Monday of May
        '2026-06-19', // Juneteenth, Friday
        '2026-07-03', // Independence Day falls on Saturday 4 July: observed Friday 3 July
        '2026-09-07', // Labor Day: first Monday of September
        '2026-10-12', // Columbus Day: second Monday of October
        '2026-11-11', // Veterans Day, Wednesday
        '2026-11-26', // Thanksgiving: fourth Thursday of November
        '2026-12-25', // Christmas Day, Friday
      ],
    ],
    [
      2021,
      [
        '2021-01-01',
        '2021-01-18',
        '2021-02-15',
        '2021-05-31',
        '2021-06-18', // Juneteenth (first year) on Saturday 19 June: observed Friday 18 June
        '2021-07-05', // 4 July was a Sunday: observed Monday 5 July
        '2021-09-06',
        '2021-10-11',
        '2021-11-11',
        '2021-11-25',
        '2021-12-24', // Christmas on Saturday: observed Friday 24 December
        '2021-12-31', // New Year's Day 2022 on Saturday: observed Friday 31 December 2021
      ],
    ],
    [
      2022,
      [
        // No January 1: observed on 31 December 2021 (above).
        '2022-01-17',
        '2022-02-21',
        '2022-05-30',
        '2022-06-20', // Juneteenth on Sunday: observed Monday 20 June
        '2022-07-04',
        '2022-09-05',
        '2022-10-10',
        '2022-11-11',
        '2022-11-24',
        '2022-12-26', // Christmas on Sunday: observed Monday 26 December
      ],
    ],
    [
      2023,
      [
        '2023-01-02', // New Year's Day on Sunday: observed Monday 2 January
        '2023-01-16',
        '2023-02-20',
        '2023-05-29',
        '2023-06-19',
        '2023-07-04',
        '2023-09-04',
        '2023-10-09',
        '2023-11-10', // Veterans Day on Saturday: observed Friday 10 November
        '2023-11-23',
        '2023-12-25',
      ],
    ],
    [
      2020,
      [
        '2020-01-01',
        '2020-01-20',
        '2020-02-17',
        '2020-05-25',
        // No Juneteenth: a federal holiday only since 2021.
        '2020-07-03', // 4 July on Saturday: observed Friday 3 July
        '2020-09-07',
        '2020-10-12',
        '2020-11-11',
        '2020-11-26',
        '2020-12-25',
      ],
    ],
  ])('%i', (year, expected) => {
    expect(usFederalHolidays(year)).toEqual(expected);
  });

  it('never lists a Saturday or a Sunday, and lists each date in its own year', () => {
    for (let year = 2000; year <= 2060; year += 1) {
      for (const date of usFederalHolidays(year)) {
        expect(date.startsWith(`${year}-`)).toBe(true);
        const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
        expect([1, 2, 3, 4, 5]).toContain(weekday);
      }
    }
  });
});

type BusinessDayOptions = Parameters<typeof addBusinessDays>[2];

describe('addBusinessDays', () => {
  const us: BusinessDayOptions = { timeZone: NEW_YORK, holidays: usFederalHolidays };
  it.each<[string, number, BusinessDayOptions, string, string]>([
    // Federal holidays and weekends in New York; deadline at 23:59:59.999 local (EDT = UTC-4, EST = UTC-5).
    ['2026-07-02T19:00:00Z', 1, us, '2026-07-07T03:59:59.999Z', 'Thu 2 July 15:00 EDT: Fri 3 July is the observed Independence Day, weekend, so Mon 6 July'],
    ['2022-12-23T15:00:00Z', 1, us, '2022-12-28T04:59:59.999Z', 'Fri 23 Dec 2022: weekend, Mon 26 Dec observed Christmas, so Tue 27 Dec (EST)'],
    ['2021-12-30T17:00:00Z', 1, us, '2022-01-04T04:59:59.999Z', 'Thu 30 Dec 2021: Fri 31 Dec is the observed New Year 2022, so Mon 3 Jan 2022'],
    ['2026-06-18T14:00:00Z', 1, us, '2026-06-23T03:59:59.999Z', 'Thu 18 June: Fri 19 June is Juneteenth, so Mon 22 June'],
    ['2026-11-25T14:00:00Z', 2, us, '2026-12-01T04:59:59.999Z', 'Wed 25 Nov: Thu 26 Thanksgiving, Fri 27 (a business day) is 1, Mon 30 Nov is 2'],
    // A start at 23:59 local on a Friday: already Saturday in UTC, but the local day is what counts.
    ['2026-11-21T04:59:00Z', 1, us, '2026-11-24T04:59:59.999Z', 'Fri 20 Nov 23:59 EST: Mon 23 Nov is the first business day after'],
    ['2026-11-21T04:59:00Z', 5, us, '2026-12-01T04:59:59.999Z', 'Fri 20 Nov 23:59 EST: Mon 23, Tue 24, Wed 25, (Thanksgiving), Fri 27, Mon 30'],
    ['2026-11-20T04:59:00Z', 1, us, '2026-11-21T04:59:59.999Z', 'Thu 19 Nov 23:59 EST (Friday in UTC): Fri 20 Nov is the first business day after'],
    ['2026-03-29T22:30:00Z', 1, { timeZone: BERLIN }, '2026-03-31T21:59:59.999Z', 'Mon 30 March 00:30 CEST (Sunday in UTC): Tue 31 March, not Mon 30'],
    ['2026-09-05T03:59:00Z', 1, us, '2026-09-09T03:59:59.999Z', 'Fri 4 Sep 23:59 EDT: weekend, Mon 7 Sep Labor Day, so Tue 8 Sep'],
    ['2026-11-21T05:00:00Z', 1, us, '2026-11-24T04:59:59.999Z', 'Sat 21 Nov 00:00 EST: the start day is not counted either way, Mon 23 Nov'],
    // Across a DST change: the deadline is end of day in the offset of the deadline day.
    ['2026-03-06T20:00:00Z', 1, us, '2026-03-10T03:59:59.999Z', 'Fri 6 March 15:00 EST: Mon 9 March 23:59:59.999 EDT'],
    ['2026-10-30T20:00:00Z', 1, us, '2026-11-03T04:59:59.999Z', 'Fri 30 Oct 16:00 EDT: Mon 2 Nov 23:59:59.999 EST'],
    // No holiday calendar: weekends only; a given end of day.
    ['2026-03-27T15:00:00Z', 2, { timeZone: BERLIN, endOfDay: '17:30' }, '2026-03-31T15:30:00.000Z', 'Fri 27 March Berlin: Mon 30, Tue 31 at 17:30 CEST'],
    ['2026-03-28T09:00:00Z', 1, { timeZone: BERLIN }, '2026-03-30T21:59:59.999Z', 'Sat 28 March: the weekend never counts, Mon 30 March 23:59:59.999 CEST'],
    ['2026-07-03T12:00:00Z', 1, { timeZone: LONDON }, '2026-07-06T22:59:59.999Z', 'US holidays do not apply without the calendar: Fri 3 July London → Mon 6 July BST'],
    ['2026-03-25T10:00:00Z', 0, { timeZone: LONDON, endOfDay: '18:00' }, '2026-03-25T18:00:00.000Z', 'zero business days: end of the same local day'],
    ['2026-04-02T08:00:00Z', 1, { timeZone: BERLIN, holidays: () => ['2026-04-03', '2026-04-06'], endOfDay: '17:00' }, '2026-04-07T15:00:00.000Z', 'custom calendar (Good Friday, Easter Monday 2026): Thu 2 April → Tue 7 April 17:00 CEST'],
  ])('%s + %i business days = %s (%s)', (instant, days, opts, expected) => {
    expect(addBusinessDays(instant, days, opts)).toBe(expected);
  });

  it('asks the holiday calendar for the year of each counted day', () => {
    const asked: number[] = [];
    const calendar: HolidayCalendar = (year) => {
      asked.push(year);
      return [];
    };
    expect(addBusinessDays('2026-12-30T12:00:00Z', 3, { timeZone: 'UTC', holidays: calendar })).toBe('2027-01-04T23:59:59.999Z');
    expect(asked).toEqual([2026, 2027]);
  });

  it('rejects negative or fractional days and malformed end of day', () => {
    expect(() => addBusinessDays('2026-03-25T10:00:00Z', -1, { timeZone: BERLIN })).toThrow(RangeError);
    expect(() => addBusinessDays('2026-03-25T10:00:00Z', 1.5, { timeZone: BERLIN })).toThrow(RangeError);
    for (const endOfDay of ['24:00', '9:00', '17:60', '17:30:00', '']) {
      expect(() => addBusinessDays('2026-03-25T10:00:00Z', 1, { timeZone: BERLIN, endOfDay })).toThrow(RangeError);
    }
    expect(() => addBusinessDays('2026-03-25T10:00:00Z', 1, { timeZone: 'Not/AZone' })).toThrow(RangeError);
  });
});

describe('earliest', () => {
  it('compares instants, not text, and answers in UTC', () => {
    // 00:00 on 2 January at +01:00 is 23:00 UTC on 1 January, earlier than 23:30 UTC.
    expect(earliest('2026-01-01T23:30:00Z', '2026-01-02T00:00:00+01:00')).toBe('2026-01-01T23:00:00.000Z');
    expect(earliest('2026-05-01T00:00:00.000Z')).toBe('2026-05-01T00:00:00.000Z');
    expect(earliest('2026-05-03T00:00:00.000Z', '2026-05-01T00:00:00.000Z', '2026-05-02T00:00:00.000Z')).toBe('2026-05-01T00:00:00.000Z');
  });

  it('rejects no instants and invalid ones', () => {
    expect(() => earliest()).toThrow(RangeError);
    expect(() => earliest('2026-05-01T00:00:00Z', 'tomorrow')).toThrow(RangeError);
  });
});

describe('isValidTimeZone', () => {
  it('knows IANA zones and UTC, and nothing else', () => {
    expect(isValidTimeZone(BERLIN)).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Europe/Atlantis')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
