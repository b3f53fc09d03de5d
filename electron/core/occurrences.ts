import { addYears } from './calendar-date';
import type { IsoDate } from './date-phrase';
import type { Milestone } from './milestone';

/** One dated moment of a milestone: its due date, its start, or one cycle of a recurring one. */
export interface Occurrence {
  milestoneId: string;
  /** Unique per milestone and moment: the id, plus "@YYYY-MM-DD" for a recurring cycle. */
  key: string;
  date: IsoDate;
  type: 'deadline' | 'start' | 'cycle';
}

export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

/** The same order as `localeCompare`, without looking up a collator on every call (ties are common). */
const keyOrder = new Intl.Collator();

/** Before any date a milestone can have: `{ from: EARLIEST_DATE, to }` is "everything up to `to`". */
export const EARLIEST_DATE: IsoDate = '0000-01-01';

const inRange = (date: IsoDate, range: DateRange) => date >= range.from && date <= range.to;

/** Every cycle date of a recurring milestone, from its first cycle up to and including `to`. */
export function cycleDates(milestone: Pick<Milestone, 'recurrence'>, to: IsoDate): IsoDate[] {
  const recurrence = milestone.recurrence;
  if (!recurrence) return [];
  const dates: IsoDate[] = [];
  for (let k = 0; ; k += 1) {
    const date = addYears(recurrence.first, k * recurrence.everyYears);
    if (date > to) return dates;
    dates.push(date);
  }
}

export type Timed = Pick<Milestone, 'id' | 'kind' | 'start' | 'due' | 'recurrence'>;

/** The occurrences of one milestone that fall within the range (inclusive). */
export function occurrencesOf(milestone: Timed, range: DateRange): Occurrence[] {
  switch (milestone.kind) {
    case 'deadline':
      return milestone.due && inRange(milestone.due, range)
        ? [{ milestoneId: milestone.id, key: milestone.id, date: milestone.due, type: 'deadline' }]
        : [];
    case 'start':
      return milestone.start && inRange(milestone.start, range)
        ? [{ milestoneId: milestone.id, key: milestone.id, date: milestone.start, type: 'start' }]
        : [];
    case 'recurring':
      return cycleDates(milestone, range.to)
        .filter((date) => date >= range.from)
        .map((date) => ({ milestoneId: milestone.id, key: `${milestone.id}@${date}`, date, type: 'cycle' }));
    case 'undated':
      return [];
  }
}

/** All occurrences of all milestones within the range, soonest first (ties by key). */
export function occurrencesBetween(milestones: readonly Timed[], range: DateRange): Occurrence[] {
  return milestones
    .flatMap((m) => occurrencesOf(m, range))
    .sort((a, b) => (a.date === b.date ? keyOrder.compare(a.key, b.key) : a.date < b.date ? -1 : 1));
}
