/**
 * The agenda: what falls due and which reminders come in the next 30 or 90 days, the overdue
 * deadlines, and the reminders already shown. Pure: built from the snapshot's parts and "now".
 */
import { addDays } from 'date-fns';
import type { IsoDate } from '../../../electron/core/date-phrase';
import type { TimelineMilestone } from '../../../electron/core/timeline-milestone';
import { plusDays } from '../../../electron/core/calendar-date';
import { overdue, upcoming } from '../../../electron/core/queries';
import { isDigestKey, reminderForKey, remindersBetween } from '../../../electron/core/reminders';
import type { Status } from '../../../electron/core/status';
import type { ProgressMap } from '../../../electron/core/progress';
import type { Settings } from '../../../electron/core/user-state';
import { statusOf } from './facts';

export const AGENDA_GROUPS = ['overdue', 'upcoming', 'shown'] as const;
export type AgendaGroup = (typeof AGENDA_GROUPS)[number];
export type AgendaKind = 'deadline' | 'start' | 'cycle' | 'reminder';

export interface AgendaEntry {
  /** Unique within the agenda. */
  key: string;
  group: AgendaGroup;
  kind: AgendaKind;
  /** The day it is about: the due date, start or cycle date; a reminder's day. */
  date: IsoDate;
  /** The occurrence's own date (a reminder's due date). */
  due: IsoDate;
  milestone: TimelineMilestone;
  status: Status;
  /** Reminders: the key snooze takes, the lead time, when it was shown and until when it is snoozed. */
  reminderKey: string | null;
  leadDays: number | null;
  shownAt: string | null;
  snoozedUntil: string | null;
}

export interface AgendaInput {
  /** The milestones that pass the timeline's filters. */
  milestones: readonly TimelineMilestone[];
  progress: ProgressMap;
  settings: Settings;
  fired: Readonly<Record<string, string>>;
  snoozed: Readonly<Record<string, string>>;
  today: IsoDate;
  now: Date;
  days: number;
}

const localDay = (instant: Date): IsoDate =>
  `${instant.getFullYear()}-${String(instant.getMonth() + 1).padStart(2, '0')}-${String(instant.getDate()).padStart(2, '0')}`;

export function buildAgenda(input: AgendaInput): AgendaEntry[] {
  const { milestones, progress, settings, today, now, days } = input;
  const state = { progress, settings };
  const entries: AgendaEntry[] = [];
  const base = { reminderKey: null, leadDays: null, shownAt: null, snoozedUntil: null };

  for (const item of overdue(milestones, state, today))
    entries.push({
      ...base,
      key: `overdue:${item.occurrence.key}`,
      group: 'overdue',
      kind: item.occurrence.type,
      date: item.occurrence.date,
      due: item.occurrence.date,
      milestone: item.milestone,
      status: item.status,
    });

  for (const item of upcoming(milestones, state, today, days))
    entries.push({
      ...base,
      key: `due:${item.occurrence.key}`,
      group: 'upcoming',
      kind: item.occurrence.type,
      date: item.occurrence.date,
      due: item.occurrence.date,
      milestone: item.milestone,
      status: item.status,
    });

  const byId = new Map(milestones.map((m) => [m.id, m]));
  const until = addDays(now, days);
  for (const reminder of remindersBetween(milestones, state, now, until)) {
    if (input.fired[reminder.key]) continue;
    entries.push({
      key: `reminder:${reminder.key}`,
      group: 'upcoming',
      kind: 'reminder',
      date: reminder.day,
      due: reminder.due,
      milestone: byId.get(reminder.milestoneId)!,
      status: statusOf(progress, reminder.milestoneId),
      reminderKey: reminder.key,
      leadDays: reminder.leadDays,
      shownAt: null,
      snoozedUntil: input.snoozed[reminder.key] ?? null,
    });
  }

  // Shown in the same number of days back; newest first by default.
  const since = plusDays(today, -days);
  for (const [key, shownAt] of Object.entries(input.fired)) {
    if (isDigestKey(key)) continue;
    const shownDay = localDay(new Date(shownAt));
    if (shownDay < since || shownDay > today) continue;
    const reminder = reminderForKey(milestones, settings, key);
    if (!reminder) continue; // filtered out, or no longer in the data
    entries.push({
      key: `shown:${key}`,
      group: 'shown',
      kind: 'reminder',
      date: shownDay,
      due: reminder.due,
      milestone: byId.get(reminder.milestoneId)!,
      status: statusOf(progress, reminder.milestoneId),
      reminderKey: key,
      leadDays: reminder.leadDays,
      shownAt,
      snoozedUntil: input.snoozed[key] ?? null,
    });
  }
  return entries;
}

export const AGENDA_SORT_KEYS = ['date', 'title', 'kind', 'chapter', 'status'] as const;
export type AgendaSortKey = (typeof AGENDA_SORT_KEYS)[number];
export interface AgendaSort {
  key: AgendaSortKey;
  direction: 'ascending' | 'descending';
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Sorted by the chosen column, then by date and title, so the order is stable. */
export function sortAgenda(entries: readonly AgendaEntry[], sort: AgendaSort, language: 'nl' | 'en') {
  const value = (e: AgendaEntry): string => {
    switch (sort.key) {
      case 'date':
        return e.date;
      case 'title':
        return e.milestone.title[language];
      case 'kind':
        return e.kind;
      case 'chapter':
        return e.milestone.chapter;
      case 'status':
        return e.status;
    }
  };
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...entries].sort(
    (a, b) =>
      sign * collator.compare(value(a), value(b)) ||
      collator.compare(a.date, b.date) ||
      collator.compare(a.milestone.title[language], b.milestone.title[language]) ||
      collator.compare(a.key, b.key),
  );
}
