import { plusDays } from './calendar-date';
import type { IsoDate } from './date-phrase';
import type { AnyMilestone } from './milestone';
import { CHAPTERS, type Chapter } from './chapters';
import { EARLIEST_DATE, occurrencesBetween, type DateRange, type Occurrence } from './occurrences';
import { progressOfOccurrence, type ProgressSource } from './progress';
import { CLOSED_STATUSES, WORKING_STATUSES, type Status } from './status';
import type { TimelineMilestone } from './timeline-milestone';

/**
 * Where something stands once its date has passed, in the one meaning the timeline, the review, the
 * tray and the notifications share:
 * - `overdue`: the date has passed (`due` < `day`) and it is recorded as planned or in progress, not
 *   achieved. A start commitment in progress is under way, so not overdue.
 * - `unrecorded`: the date has passed and nothing is recorded ("due, nothing recorded").
 * - null: not yet due, or recorded as achieved, partial, missed or dropped.
 * The review as of date D asks about the end of D (`day` = D + 1).
 */
export type DueState = 'overdue' | 'unrecorded' | null;
export function dueState(status: Status, due: IsoDate, day: IsoDate, type: Occurrence['type']): DueState {
  if (due >= day) return null;
  if (status === 'unknown') return 'unrecorded';
  if (!WORKING_STATUSES.has(status)) return null;
  return type === 'start' && status === 'in-progress' ? null : 'overdue';
}

/** An occurrence with its milestone (whole, or the timeline's projection) and its status. */
export interface DueItem<M extends TimelineMilestone = AnyMilestone> {
  milestone: M;
  occurrence: Occurrence;
  status: Status;
}

type Progress = ProgressSource;

function withStatus<M extends TimelineMilestone>(
  milestones: readonly M[],
  occurrences: Occurrence[],
  state: Progress,
): DueItem<M>[] {
  const byId = new Map(milestones.map((m) => [m.id, m]));
  return occurrences.map((occurrence) => ({
    milestone: byId.get(occurrence.milestoneId)!,
    occurrence,
    status: progressOfOccurrence(state, occurrence.milestoneId, occurrence.key).status,
  }));
}

/** Every occurrence (deadline, start, recurring cycle) between two dates inclusive, soonest first. */
export function dueBetween<M extends TimelineMilestone>(
  milestones: readonly M[],
  range: DateRange,
  state: Progress,
): DueItem<M>[] {
  return withStatus(milestones, occurrencesBetween(milestones, range), state);
}

/** What falls due from today to today + days, leaving out achieved and dropped milestones. */
export function upcoming<M extends TimelineMilestone>(
  milestones: readonly M[],
  state: Progress,
  today: IsoDate,
  days: number,
): DueItem<M>[] {
  return dueBetween(milestones, { from: today, to: plusDays(today, days) }, state).filter(
    (item) => !CLOSED_STATUSES.has(item.status),
  );
}

/** What is `dueState` overdue on `today`, longest overdue first. */
export function overdue<M extends TimelineMilestone>(
  milestones: readonly M[],
  state: Progress,
  today: IsoDate,
): DueItem<M>[] {
  return pastDue(milestones, state, today, 'overdue');
}

/** What is due with nothing recorded on `today` (`dueState` unrecorded), longest ago first. */
export function dueUnrecorded<M extends TimelineMilestone>(
  milestones: readonly M[],
  state: Progress,
  today: IsoDate,
): DueItem<M>[] {
  return pastDue(milestones, state, today, 'unrecorded');
}

function pastDue<M extends TimelineMilestone>(
  milestones: readonly M[],
  state: Progress,
  today: IsoDate,
  which: DueState,
): DueItem<M>[] {
  return dueBetween(milestones, { from: EARLIEST_DATE, to: plusDays(today, -1) }, state).filter(
    (item) => dueState(item.status, item.occurrence.date, today, item.occurrence.type) === which,
  );
}

export interface SectionGroup<T> {
  section: string;
  items: T[];
}
export interface ChapterGroup<T> {
  chapter: Chapter;
  sections: SectionGroup<T>[];
}

/** Groups by chapter (in the Compass's order) and then by section (in order of first appearance). */
export function groupByChapterSection<T extends Pick<AnyMilestone, 'chapter' | 'section'>>(
  items: readonly T[],
): ChapterGroup<T>[] {
  return CHAPTERS.map((chapter) => {
    const sections = new Map<string, T[]>();
    for (const item of items) {
      if (item.chapter !== chapter) continue;
      const list = sections.get(item.section) ?? [];
      list.push(item);
      sections.set(item.section, list);
    }
    return { chapter, sections: [...sections].map(([section, list]) => ({ section, items: list })) };
  }).filter((group) => group.sections.length > 0);
}
