/**
 * The one date module, property-tested against date-fns (local calendar days, in whatever zone the
 * test runs) on every day of 1900–2200.
 */
import {
  addDays,
  addYears as dfAddYears,
  differenceInCalendarDays,
  format,
  isValid,
  parse,
  parseISO,
} from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addYears,
  dayNumber,
  daysBetween,
  daysInMonth,
  fromDayNumber,
  isCalendarDate,
  isLeapYear,
  plusDays,
  weekdayOf,
  weekendToFriday,
} from '../../electron/core/calendar-date';

const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const FIRST = parseISO('1900-01-01');
const anyDay = fc.integer({ min: 0, max: 300 * 365 }).map((n) => addDays(FIRST, n));
const anyDate = anyDay.map(iso);

describe('calendar dates', () => {
  it('counts days as date-fns does, both ways', () => {
    fc.assert(
      fc.property(anyDate, anyDate, (a, b) => {
        expect(daysBetween(a, b)).toBe(differenceInCalendarDays(parseISO(b), parseISO(a)));
        expect(fromDayNumber(dayNumber(a))).toBe(a);
      }),
    );
  });

  it('moves a date by days and by years as date-fns does (29 February → 28 February)', () => {
    fc.assert(
      fc.property(
        anyDate,
        fc.integer({ min: -3000, max: 3000 }),
        fc.integer({ min: -50, max: 50 }),
        (d, n, y) => {
          expect(plusDays(d, n)).toBe(iso(addDays(parseISO(d), n)));
          expect(addYears(d, y)).toBe(iso(dfAddYears(parseISO(d), y)));
        },
      ),
    );
  });

  it('knows which strings are real days: leap years, month lengths, the format', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2200 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const parsed = parse(text, 'yyyy-MM-dd', FIRST);
          expect(isCalendarDate(text)).toBe(isValid(parsed) && iso(parsed) === text);
        },
      ),
    );
    expect([1900, 2000, 2023, 2024].map(isLeapYear)).toEqual([false, true, false, true]);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(isCalendarDate('2023-02-30')).toBe(false);
    expect(isCalendarDate('2023-2-3')).toBe(false);
    expect(isCalendarDate('2024-02-29')).toBe(true);
  });

  it('moves Saturday and Sunday to the Friday before, and leaves weekdays alone', () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        const n = dayNumber(iso(day));
        expect(weekdayOf(n)).toBe(day.getDay());
        const shifted = weekendToFriday(n);
        const weekday = day.getDay();
        expect(n - shifted).toBe(weekday === 6 ? 1 : weekday === 0 ? 2 : 0);
        expect(weekdayOf(shifted)).toBe(weekday === 6 || weekday === 0 ? 5 : weekday);
      }),
    );
  });
});
