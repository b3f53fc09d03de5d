/**
 * Calendar dates as YYYY-MM-DD strings, and the arithmetic on them: one module for the whole app.
 * Days are counted on UTC midnights, so no time zone (and no daylight-saving change) is involved;
 * instants (a reminder's local time of day) are date-fns's work, in the modules that need them.
 * Plain arithmetic rather than date-fns on purpose: a 10,000-milestone plan does this ~100,000
 * times, where date-fns's parse-and-format costs most of the time.
 */

/** A calendar date, YYYY-MM-DD. */
export type IsoDate = string;

const DAY_MS = 86_400_000;

/** Whether `year` has a 29 February (Gregorian rules). */
export const isLeapYear = (year: number): boolean => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/** Days in `month` (1–12) of `year`. */
export const daysInMonth = (year: number, month: number): number =>
  month === 2
    ? isLeapYear(year)
      ? 29
      : 28
    : month === 4 || month === 6 || month === 9 || month === 11
      ? 30
      : 31;

/** Whether `s` is YYYY-MM-DD and names a day of the Gregorian calendar (2023-02-30 does not). */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(5, 7));
  const day = Number(s.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Days since 1970-01-01 (negative before). */
export const dayNumber = (date: IsoDate): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;

/** The date of a day number (the inverse of `dayNumber`), for the years 0000–9999. */
export const fromDayNumber = (day: number): IsoDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** `date` moved by `days` (negative: earlier). */
export const plusDays = (date: IsoDate, days: number): IsoDate => fromDayNumber(dayNumber(date) + days);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: IsoDate, to: IsoDate): number => dayNumber(to) - dayNumber(from);

/** The day of the week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekdayOf = (day: number): number => (((day + 4) % 7) + 7) % 7;

/** The rule for reminders and alarms that fall in a weekend: Saturday and Sunday move to the Friday before. */
export function weekendToFriday(day: number): number {
  const weekday = weekdayOf(day);
  return weekday === 6 ? day - 1 : weekday === 0 ? day - 2 : day;
}

/** `date` moved by whole years; 29 February falls back to 28 February in a year that has none. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const year = Number(date.slice(0, 4)) + years;
  const monthDay = date.slice(4);
  if (monthDay === '-02-29' && !isLeapYear(year)) return `${year}-02-28`;
  return `${year}${monthDay}`;
}
