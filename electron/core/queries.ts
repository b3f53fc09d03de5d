import { addDays, format, parseISO } from 'date-fns';
import type { IsoDate } from './date-phrase';
import type { AnyMilestone, Chapter } from './milestone';
import { CHAPTERS } from './milestone';
import { occurrencesBetween, type DateRange, type Occurrence } from './occurrences';
import { CLOSED_STATUSES, type Status } from './status';
import { progressOf, type UserState } from './user-state';

export const plusDays = (date: IsoDate, days: number): IsoDate =>
  format(addDays(parseISO(date), days), 'yyyy-MM-dd');

/** Statuses that still expect work: a deadline in one of these is overdue once it passes. */
export const OPEN_STATUSES: ReadonlySet<Status> = new Set(['unknown', 'planned', 'in-progress']);

export interface DueItem {
  milestone: AnyMilestone;
  occurrence: Occurrence;
  status: Status;
}

type Progress = Pick<UserState, 'progress'>;

function withStatus(
  milestones: readonly AnyMilestone[],
  occurrences: Occurrence[],
  state: Progress,
): DueItem[] {
  const byId = new Map(milestones.map((m) => [m.id, m]));
  return occurrences.map((occurrence) => ({
    milestone: byId.get(occurrence.milestoneId)!,
    occurrence,
    status: progressOf(state, occurrence.milestoneId).status,
  }));
}

/** Every occurrence (deadline, start, recurring cycle) between two dates inclusive, soonest first. */
export function dueBetween(
  milestones: readonly AnyMilestone[],
  range: DateRange,
  state: Progress,
): DueItem[] {
  return withStatus(milestones, occurrencesBetween(milestones, range), state);
}

/** What falls due from today to today + days, leaving out achieved and dropped milestones. */
export function upcoming(
  milestones: readonly AnyMilestone[],
  state: Progress,
  today: IsoDate,
  days: number,
): DueItem[] {
  return dueBetween(milestones, { from: today, to: plusDays(today, days) }, state).filter(
    (item) => !CLOSED_STATUSES.has(item.status),
  );
}

/** Deadlines whose due date has passed (before `today`) while their status is still open, longest overdue first. */
export function overdue(milestones: readonly AnyMilestone[], state: Progress, today: IsoDate): DueItem[] {
  return dueBetween(milestones, { from: '0000-01-01', to: plusDays(today, -1) }, state).filter(
    (item) => item.occurrence.type === 'deadline' && OPEN_STATUSES.has(item.status),
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
