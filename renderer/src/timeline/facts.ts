/**
 * What the timeline needs to know about one milestone on a given day: its key date,
 * whether it is overdue or due soon, which years it falls due in. Pure functions.
 */
import type { IsoDate } from '../../../electron/core/date-phrase';
import type { TimelineMilestone } from '../../../electron/core/timeline-milestone';
import { occurrencesUntil, plannedDate } from '../../../electron/core/occurrences';
import type { ProgressMap } from '../../../electron/core/progress';
import { dueState, type DueState } from '../../../electron/core/queries';
import { CLOSED_STATUSES, type Status } from '../../../electron/core/status';
import { daysBetween, plusDays } from '../../../electron/core/calendar-date';

/** A milestone counts as due soon this many days ahead. */
export const DUE_SOON_DAYS = 30;

export const statusOf = (progress: ProgressMap, id: string): Status => progress[id]?.status ?? 'unknown';

/** The date a row shows: the due date, the start, or the next (else the last) cycle. */
export function keyDate(m: TimelineMilestone, today: IsoDate): IsoDate | null {
  const dates = occurrencesUntil(m, plusDays(today, 366 * 10)).map((o) => o.date);
  return dates.find((date) => date >= today) ?? dates.at(-1) ?? null;
}

/**
 * Where a deadline or start commitment stands once its date has passed: core's one `dueState`
 * (overdue = recorded as planned or in progress, not achieved; unrecorded = nothing recorded).
 * A recurring milestone's cycles are judged one by one in the review, not on its row.
 */
export function rowDueState(m: TimelineMilestone, status: Status, today: IsoDate): DueState {
  if (m.kind === 'deadline' && m.due) return dueState(status, m.due, today, 'deadline');
  if (m.kind === 'start' && m.start) return dueState(status, m.start, today, 'start');
  return null;
}

/** Past its date while recorded as planned or in progress (core's `dueState`). */
export const isOverdue = (m: TimelineMilestone, status: Status, today: IsoDate): boolean =>
  rowDueState(m, status, today) === 'overdue';

/** Past its date with nothing recorded ("due, nothing recorded"). */
export const isDueUnrecorded = (m: TimelineMilestone, status: Status, today: IsoDate): boolean =>
  rowDueState(m, status, today) === 'unrecorded';

/** Not closed, and its next date falls within the coming DUE_SOON_DAYS days. */
export function isDueSoon(m: TimelineMilestone, status: Status, today: IsoDate): boolean {
  if (CLOSED_STATUSES.has(status) || status === 'missed' || status === 'partial') return false;
  const date = keyDate(m, today);
  return date !== null && date >= today && date <= plusDays(today, DUE_SOON_DAYS);
}

/** The years a milestone falls due in, up to `until`: a deadline's due year, a start's year, every cycle. */
export const dueYears = (m: TimelineMilestone, until: IsoDate): number[] =>
  occurrencesUntil(m, until).map((o) => Number(o.date.slice(0, 4)));

/**
 * Plan against actual for an achieved deadline (or start commitment) with its date recorded: the
 * planned date, the date achieved and the days between (positive: late; negative: early).
 */
export function achievedDelay(
  m: TimelineMilestone,
  status: Status,
  achievedOn: IsoDate | null | undefined,
): { due: IsoDate; on: IsoDate; days: number } | null {
  if (status !== 'achieved' || !achievedOn) return null;
  const planned = plannedDate(m);
  if (!planned) return null;
  return { due: planned, on: achievedOn, days: daysBetween(planned, achievedOn) };
}
