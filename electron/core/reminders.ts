/**
 * The reminder planner: pure functions from the milestones, the user's state and `now` to the
 * reminders to show now and the instant to look again. The scheduler in electron/node runs it.
 *
 * A reminder belongs to one occurrence (a due date, a start date or a recurring cycle) and one lead
 * time from the settings; it is shown on that day at the settings' time of day, local wall-clock
 * time (09:00 stays 09:00 across daylight-saving changes), moved to the Friday before when it falls
 * on a weekend. Each reminder has a stable key, `<occurrence key>#<lead days>`, recorded in
 * `state.fired` when shown so it is shown once.
 *
 * What is due now: every reminder whose instant falls after the last run (`state.lastRunAt`), or
 * earlier today, and at or before `now`, not yet fired, for a milestone that is neither closed (achieved, dropped) nor
 * muted; plus snoozed reminders whose snooze has ended; plus the weekly overdue digest. While
 * reminders are paused nothing is due and the last run stays where it was, so what fell in the
 * pause is shown when it ends.
 */
import { addDays, addHours, format, getISODay, subDays } from 'date-fns';
import { dayNumber, daysBetween, fromDayNumber, plusDays, weekendToFriday } from './calendar-date';
import type { IsoDate } from './date-phrase';
import type { AnyMilestone } from './milestone';
import { occurrencesBetween, plannedDate, type Occurrence } from './occurrences';
import { dueState, overdue, type DueState } from './queries';
import { CLOSED_STATUSES } from './status';
import { deriveProgress, progressOf, progressOfOccurrence, type ProgressSource } from './progress';
import type { Settings, UserState } from './user-state';
import type { TimelineMilestone } from './timeline-milestone';

export interface Reminder {
  /** `<occurrence key>#<lead days>`, e.g. `eu-hybrid-toolbox#7` or `partnership-forum@2024-12-31#0`. */
  key: string;
  milestoneId: string;
  occurrenceKey: string;
  kind: Occurrence['type'];
  title: AnyMilestone['title'];
  /** The occurrence's date (due date, start date or cycle date). */
  due: IsoDate;
  /** Days before `due` this reminder is for (0: the day itself). */
  leadDays: number;
  /** The local day it is shown on (after moving a weekend to Friday). */
  day: IsoDate;
  /** The instant: `day` at the settings' time of day, local time. */
  at: Date;
}

export interface DigestItem {
  milestoneId: string;
  occurrenceKey: string;
  kind: Occurrence['type'];
  title: AnyMilestone['title'];
  due: IsoDate;
}

/** The weekly list of overdue deadlines. */
export interface Digest {
  /** `digest@<local date>`. */
  key: string;
  at: Date;
  items: DigestItem[];
}

export interface ReminderPlan {
  /** Reminders to show now, soonest first. Record them as fired before showing them. */
  due: Reminder[];
  /** The weekly overdue digest to show now (only when something is overdue). */
  digest: Digest | null;
  /**
   * Keys to record as fired without showing: earlier reminders of an occurrence whose later one
   * is in `due` (one notification per occurrence after a long sleep), and a digest with nothing in it.
   */
  skipped: string[];
  /** Snoozes to forget: shown now, or of a milestone that was closed or muted meanwhile. */
  unsnooze: string[];
  /** When to plan again: the soonest coming reminder, snooze, digest or end of a pause; null if none. */
  nextAt: Date | null;
  /** Set while reminders are paused: nothing is due and nothing is recorded. */
  pausedUntil: Date | null;
}

/**
 * One reminder as a notification shows it: the planner's reminder (or a digest's item), and where
 * it stands on the day it is shown. The one shape from the planner to the words of a notification.
 */
export type ReminderNotice = Pick<
  Reminder,
  'key' | 'milestoneId' | 'occurrenceKey' | 'title' | 'due' | 'leadDays' | 'kind'
> & {
  /** Once its date has passed: overdue, or due with nothing recorded (`dueState`); else null. */
  state: DueState;
};

/** What a notifier is handed at one moment: one reminder, or one summary, or the weekly digest. */
export interface ReminderBatch {
  reminders: ReminderNotice[];
  /** More than SUMMARY_THRESHOLD reminders at once (e.g. after a sleep): one notification. */
  summary: boolean;
  /** The weekly list of overdue deadlines (its items' key is the digest's). */
  digest?: boolean;
}

/** More reminders than this at once become one summary notification. */
export const SUMMARY_THRESHOLD = 3;

/**
 * The batches to show for a plan: single reminders, or one summary when there are more than
 * SUMMARY_THRESHOLD, and the digest. With the progress, a reminder shown after its date says where
 * it stands (`dueState` on the day); a digest's items are overdue, `leadDays` the days overdue (negative).
 */
export function reminderBatches(
  plan: Pick<ReminderPlan, 'due' | 'digest'>,
  now: Date,
  source: ProgressSource = { progress: {} },
): ReminderBatch[] {
  const today = toIso(now);
  const notice = (r: Reminder): ReminderNotice => ({
    key: r.key,
    milestoneId: r.milestoneId,
    occurrenceKey: r.occurrenceKey,
    title: r.title,
    due: r.due,
    leadDays: r.leadDays,
    kind: r.kind,
    state: dueState(
      progressOfOccurrence(source, r.milestoneId, r.occurrenceKey).status,
      r.due,
      today,
      r.kind,
    ),
  });
  const batches: ReminderBatch[] =
    plan.due.length > SUMMARY_THRESHOLD
      ? [{ reminders: plan.due.map(notice), summary: true }]
      : plan.due.map((r) => ({ reminders: [notice(r)], summary: false }));
  if (plan.digest) {
    const { key } = plan.digest;
    batches.push({
      reminders: plan.digest.items.map((item) => ({
        ...item,
        key,
        leadDays: daysUntil(item.due, today),
        // The digest lists what `dueState` calls overdue (`digestItems`).
        state: 'overdue',
      })),
      summary: false,
      digest: true,
    });
  }
  return batches;
}

const DIGEST_PREFIX = 'digest@';
const toIso = (date: Date): IsoDate => format(date, 'yyyy-MM-dd');

/** `date` at "HH:mm" local wall-clock time (a time skipped by a DST change moves forward). */
export function atLocalTime(date: IsoDate, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(y, m - 1, d, hh, mm, 0, 0);
}

/** The day a reminder `leadDays` before `due` is shown: Saturday and Sunday move to Friday when asked. */
export function reminderDay(due: IsoDate, leadDays: number, shiftWeekends: boolean): IsoDate {
  const day = dayNumber(due) - leadDays;
  return fromDayNumber(shiftWeekends ? weekendToFriday(day) : day);
}

/** The distinct lead times, largest first. */
const leadTimes = (settings: Settings) => [...new Set(settings.leadTimesDays)].sort((a, b) => b - a);

/** Whether a milestone still gets reminders: not achieved or dropped, not muted. */
export function remindsAbout(
  state: ProgressSource,
  milestoneId: string,
  occurrenceKey = milestoneId,
): boolean {
  const progress = progressOfOccurrence(state, milestoneId, occurrenceKey);
  return !progress.muted && !CLOSED_STATUSES.has(progress.status);
}

/** The reminders of one occurrence: one per lead time, and one per day (the smallest lead wins). */
export function remindersOf(
  milestone: TimelineMilestone,
  occurrence: Occurrence,
  settings: Settings,
): Reminder[] {
  const byDay = new Map<IsoDate, Reminder>();
  for (const leadDays of leadTimes(settings)) {
    const reminder = reminderAt(milestone, occurrence, leadDays, settings);
    byDay.set(reminder.day, reminder);
  }
  return [...byDay.values()];
}

/** The reminder `leadDays` before an occurrence, at the set time of day (moved off a weekend if set). */
function reminderAt(
  milestone: TimelineMilestone,
  occurrence: Occurrence,
  leadDays: number,
  settings: Settings,
): Reminder {
  const day = reminderDay(occurrence.date, leadDays, settings.shiftWeekends);
  return {
    key: `${occurrence.key}#${leadDays}`,
    milestoneId: milestone.id,
    occurrenceKey: occurrence.key,
    kind: occurrence.type,
    title: milestone.title,
    due: occurrence.date,
    leadDays,
    day,
    at: atLocalTime(day, settings.timeOfDay),
  };
}

/** The same order as `localeCompare`, without looking up a collator on every call (ties are common). */
const keyOrder = new Intl.Collator();
const byTime = (a: Reminder, b: Reminder) =>
  a.at.getTime() - b.at.getTime() || keyOrder.compare(a.key, b.key);

/**
 * Every reminder with its instant in (from, to], of milestones that still get reminders, soonest
 * first, fired or not.
 */
export function remindersBetween(
  milestones: readonly TimelineMilestone[],
  state: Pick<UserState, 'settings'> & (ProgressSource | Pick<UserState, 'log' | 'muted'>),
  from: Date,
  to: Date,
): Reminder[] {
  if (to <= from) return [];
  const lead = Math.max(0, ...state.settings.leadTimesDays);
  // A reminder's day is at most `lead` days (and a weekend shift of 2) before its occurrence.
  const range = { from: toIso(subDays(from, 1)), to: toIso(addDays(to, lead + 3)) };
  const byId = new Map(milestones.map((m) => [m.id, m]));
  const source = 'progress' in state ? state : { progress: deriveProgress(state) };
  return occurrencesBetween(milestones, range)
    .filter((occurrence) => remindsAbout(source, occurrence.milestoneId, occurrence.key))
    .flatMap((occurrence) => remindersOf(byId.get(occurrence.milestoneId)!, occurrence, state.settings))
    .filter((reminder) => reminder.at > from && reminder.at <= to)
    .sort(byTime);
}

/** The reminder a key names, or null when the key names no occurrence or lead time of these milestones. */
export function reminderForKey(
  milestones: readonly TimelineMilestone[],
  settings: Settings,
  key: string,
): Reminder | null {
  const match = /^([a-z0-9-]+)(?:@(\d{4}-\d{2}-\d{2}))?#(\d+)$/.exec(key);
  if (!match) return null;
  const [, id, cycle, lead] = match as unknown as [string, string, string | undefined, string];
  const milestone = milestones.find((m) => m.id === id);
  if (!milestone) return null;
  const date = cycle ?? plannedDate(milestone);
  if (!date) return null;
  const occurrenceKey = cycle ? `${id}@${cycle}` : id;
  const occurrence = occurrencesBetween([milestone], { from: date, to: date }).find(
    (o) => o.key === occurrenceKey,
  );
  if (!occurrence) return null;
  return reminderAt(milestone, occurrence, Number(lead), settings);
}

export const isDigestKey = (key: string): boolean => /^digest@\d{4}-\d{2}-\d{2}$/.test(key);

/**
 * Recorded reminders (`state.fired`) that can no longer fire: a reminder comes on or before its
 * occurrence's day, so once that day lies more than two days behind `today` (and the run that
 * records this has moved `lastRunAt` to now) its record only takes room. Also the records of
 * milestones that are gone and of digests older than two weeks. Snoozed keys are kept.
 */
export function staleFiredKeys(
  milestones: readonly AnyMilestone[],
  state: Pick<UserState, 'fired' | 'snoozed'>,
  today: IsoDate,
): string[] {
  const byId = new Map(milestones.map((m) => [m.id, m]));
  const reminderCutoff = plusDays(today, -2);
  const digestCutoff = plusDays(today, -14);
  return Object.keys(state.fired).filter((key) => {
    if (Object.hasOwn(state.snoozed, key)) return false;
    if (isDigestKey(key)) return key.slice(DIGEST_PREFIX.length) < digestCutoff;
    const match = /^([a-z0-9-]+)(?:@(\d{4}-\d{2}-\d{2}))?#\d+$/.exec(key);
    if (!match) return false;
    const milestone = byId.get(match[1] as string);
    if (!milestone) return true;
    const date =
      match[2] ??
      (milestone.kind === 'deadline' ? milestone.due : milestone.kind === 'start' ? milestone.start : null);
    return date !== null && date < reminderCutoff;
  });
}

/** The digest's instant in the week of `now` (on the settings' weekday and time), local time. */
function digestInstantOfWeek(now: Date, settings: Settings): Date {
  const shift = settings.digest.weekday - getISODay(now);
  return atLocalTime(toIso(addDays(now, shift)), settings.digest.time);
}

/** The latest digest instant at or before `now`, and the first one after it. */
export function digestInstants(now: Date, settings: Settings): { last: Date; next: Date } {
  let candidate = digestInstantOfWeek(now, settings);
  if (candidate > now) candidate = digestInstantOfWeek(subDays(now, 7), settings);
  return { last: candidate, next: digestInstantOfWeek(addDays(candidate, 7), settings) };
}

/** What a digest lists: what `dueState` calls overdue (past its date, planned or in progress), not muted. */
export function digestItems(
  milestones: readonly AnyMilestone[],
  state: UserState,
  today: IsoDate,
): DigestItem[] {
  const source = { progress: deriveProgress(state) };
  return overdue(milestones, source, today)
    .filter((item) => !progressOf(source, item.milestone.id).muted)
    .map(({ milestone, occurrence }) => ({
      milestoneId: milestone.id,
      occurrenceKey: occurrence.key,
      kind: occurrence.type,
      title: milestone.title,
      due: occurrence.date,
    }));
}

/** How far ahead the planner looks for the next reminder (the scheduler re-plans at least daily). */
const HORIZON_DAYS = 400;

const earliest = (dates: (Date | null)[]): Date | null =>
  dates.reduce<Date | null>((min, d) => (d && (!min || d < min) ? d : min), null);

/** What to show now and when to look again. See the module comment for the rules. */
export function planReminders(
  milestones: readonly AnyMilestone[],
  state: UserState,
  now: Date,
): ReminderPlan {
  const { settings } = state;
  const pausedUntil = settings.pausedUntil ? new Date(settings.pausedUntil) : null;
  if (pausedUntil && pausedUntil > now) {
    return { due: [], digest: null, skipped: [], unsnooze: [], nextAt: pausedUntil, pausedUntil };
  }
  const since = state.lastRunAt ? new Date(state.lastRunAt) : now;
  const fired = (key: string) => Object.hasOwn(state.fired, key);
  // Today's reminders not shown yet count too, e.g. when a change of settings moved one to earlier
  // today, or the app was first started after it.
  const todayStart = atLocalTime(toIso(now), '00:00');
  const windowStart = since < todayStart ? since : new Date(todayStart.getTime() - 1);

  // Reminders whose time came since the last run: one per occurrence, the latest.
  const latest = new Map<string, Reminder>();
  const skipped: string[] = [];
  for (const reminder of remindersBetween(milestones, state, windowStart, now)) {
    if (fired(reminder.key)) continue;
    const earlier = latest.get(reminder.occurrenceKey);
    if (earlier) skipped.push(earlier.key);
    latest.set(reminder.occurrenceKey, reminder);
  }

  // Snoozed reminders (and digests) whose snooze has ended.
  const unsnooze: string[] = [];
  const snoozedDue: Reminder[] = [];
  let snoozedDigest: string | null = null;
  const snoozeTimes: Date[] = [];
  for (const [key, until] of Object.entries(state.snoozed)) {
    const untilDate = new Date(until);
    if (isDigestKey(key)) {
      if (untilDate <= now) {
        unsnooze.push(key);
        snoozedDigest = key;
      } else snoozeTimes.push(untilDate);
      continue;
    }
    const reminder = reminderForKey(milestones, settings, key);
    if (
      !reminder ||
      !remindsAbout({ progress: deriveProgress(state) }, reminder.milestoneId, reminder.occurrenceKey)
    ) {
      unsnooze.push(key);
      continue;
    }
    if (untilDate > now) {
      snoozeTimes.push(untilDate);
      continue;
    }
    unsnooze.push(key);
    const pending = latest.get(reminder.occurrenceKey);
    if (pending && pending.leadDays <= reminder.leadDays) continue; // a later one is shown anyway
    if (pending) {
      latest.delete(reminder.occurrenceKey);
      skipped.push(pending.key);
    }
    snoozedDue.push({ ...reminder, at: untilDate });
  }
  const due = [...latest.values(), ...snoozedDue].sort(byTime);

  // The weekly digest: the latest one since the last run (earlier missed ones are superseded).
  let digest: Digest | null = null;
  let nextDigest: Date | null = null;
  if (settings.digest.enabled) {
    const { last, next } = digestInstants(now, settings);
    nextDigest = next;
    const key = `${DIGEST_PREFIX}${toIso(last)}`;
    const dueKey = snoozedDigest ?? (last > since && !fired(key) ? key : null);
    if (dueKey) {
      const items = digestItems(milestones, state, toIso(now));
      if (items.length) digest = { key: dueKey, at: snoozedDigest ? now : last, items };
      else skipped.push(dueKey);
    }
  }

  const [coming] = remindersBetween(milestones, state, now, addDays(now, HORIZON_DAYS)).filter(
    (reminder) => !fired(reminder.key),
  );
  const nextAt = earliest([coming?.at ?? null, nextDigest, ...snoozeTimes]);
  return { due, digest, skipped, unsnooze, nextAt, pausedUntil: null };
}

export const SNOOZE_OPTIONS = ['1h', 'tomorrow', 'next-monday'] as const;
export type SnoozeOption = (typeof SNOOZE_OPTIONS)[number];

/** Until when a snooze lasts: an hour from now, tomorrow or next Monday at the reminder time of day. */
export function snoozeUntil(option: SnoozeOption, now: Date, settings: Pick<Settings, 'timeOfDay'>): Date {
  switch (option) {
    case '1h':
      return addHours(now, 1);
    case 'tomorrow':
      return atLocalTime(toIso(addDays(now, 1)), settings.timeOfDay);
    case 'next-monday':
      return atLocalTime(toIso(addDays(now, 8 - getISODay(now))), settings.timeOfDay);
  }
}

/** Whole calendar days from `today` to `due` (negative when overdue). */
export const daysUntil = (due: IsoDate, today: IsoDate): number => daysBetween(today, due);
