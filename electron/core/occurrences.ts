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

type Recurring = Pick<Milestone, 'recurrence'>;

/** The k-th cycle date of a recurrence (k = 0: its first). */
const nthCycle = (recurrence: NonNullable<Milestone['recurrence']>, k: number): IsoDate =>
  addYears(recurrence.first, k * recurrence.everyYears);

/** Every cycle date of a recurring milestone, from its first cycle up to and including `to`. */
function cycleDates(milestone: Recurring, to: IsoDate): IsoDate[] {
  const recurrence = milestone.recurrence;
  if (!recurrence) return [];
  const dates: IsoDate[] = [];
  for (let k = 0; ; k += 1) {
    const date = nthCycle(recurrence, k);
    if (date > to) return dates;
    dates.push(date);
  }
}

/** Whether `date` is one of the recurring milestone's cycles (what a `<id>@<cycle>` key must name). */
export const isCycleOf = (milestone: Recurring, date: IsoDate): boolean =>
  cycleDates(milestone, date).at(-1) === date;

/**
 * The cycles a recurring milestone's progress can be recorded for: every one due by today, and
 * the next (work on it is under way); nothing for any other kind.
 */
export function recordableCycles(
  milestone: Pick<Milestone, 'kind' | 'recurrence'>,
  today: IsoDate,
): IsoDate[] {
  if (milestone.kind !== 'recurring' || !milestone.recurrence) return [];
  const due = cycleDates(milestone, today);
  return [...due, nthCycle(milestone.recurrence, due.length)];
}

export type Timed = Pick<Milestone, 'id' | 'kind' | 'start' | 'due' | 'recurrence'>;

/** The one date a deadline (its due date) or a start commitment (its start) falls due; else null. */
export const plannedDate = (milestone: Pick<Milestone, 'kind' | 'start' | 'due'>): IsoDate | null =>
  milestone.kind === 'deadline' ? milestone.due : milestone.kind === 'start' ? milestone.start : null;

/**
 * Every dated moment of a milestone, soonest first: a deadline's due date, a start commitment's
 * start, or each cycle of a recurring one up to and including `cyclesUntil`; nothing when undated.
 * The one list of a milestone's dates: the reminders, the feed, the review and the timeline use it.
 */
export function occurrencesUntil(milestone: Timed, cyclesUntil: IsoDate): Occurrence[] {
  if (milestone.kind === 'recurring') {
    return cycleDates(milestone, cyclesUntil).map((date) => ({
      milestoneId: milestone.id,
      key: `${milestone.id}@${date}`,
      date,
      type: 'cycle',
    }));
  }
  const date = plannedDate(milestone);
  return date && milestone.kind !== 'undated'
    ? [{ milestoneId: milestone.id, key: milestone.id, date, type: milestone.kind }]
    : [];
}

/** The occurrences of one milestone that fall within the range (inclusive). */
export const occurrencesOf = (milestone: Timed, range: DateRange): Occurrence[] =>
  occurrencesUntil(milestone, range.to).filter((o) => inRange(o.date, range));

/** All occurrences of all milestones within the range, soonest first (ties by key). */
export function occurrencesBetween(milestones: readonly Timed[], range: DateRange): Occurrence[] {
  return milestones
    .flatMap((m) => occurrencesOf(m, range))
    .sort((a, b) => (a.date === b.date ? keyOrder.compare(a.key, b.key) : a.date < b.date ? -1 : 1));
}
