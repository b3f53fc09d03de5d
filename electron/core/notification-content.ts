import { differenceInCalendarDays, format, formatDistanceStrict, parseISO } from 'date-fns';
import type { IsoDate } from './date-phrase';
import type { DueState } from './queries';
import { dateLocale, type Translate } from './shell-locale';
import type { ReminderBatch, ReminderNotice } from './reminders';
import type { Locale } from './user-state';

export type NotificationAction = 'snooze' | 'achieve';

/** What one OS notification says and does; the shell turns it into an Electron Notification. */
export interface NotificationContent {
  title: string;
  body: string;
  /** Buttons in order (the index is what the OS reports back); empty where the OS has none. */
  actions: { action: NotificationAction; text: string }[];
  /** The milestone a click opens; null opens the app on its overview. */
  milestoneId: string | null;
  /** The reminder the actions apply to; null for a summary or digest. */
  reminderKey: string | null;
}

export interface NotificationContext {
  today: IsoDate;
  locale: Locale;
  t: Translate;
  /** process.platform: buttons only where the OS shows them (macOS and Windows; Linux gets click only). */
  platform: string;
}

export const supportsNotificationActions = (platform: string): boolean =>
  platform === 'darwin' || platform === 'win32';

/** The long date of a notification: "31 December 2025" / "31 december 2025". */
export const longDate = (date: IsoDate, locale: Locale): string =>
  format(parseISO(date), 'd MMMM yyyy', { locale: dateLocale(locale) });

/** How far away a date is, in the user's language: "in 7 days" / "over 7 dagen", "today", "3 days ago". */
export function relativeDay(date: IsoDate, today: IsoDate, locale: Locale, t: Translate): string {
  const days = differenceInCalendarDays(parseISO(date), parseISO(today));
  if (days === 0) return t('notification.today');
  if (days === 1) return t('notification.tomorrow');
  if (days === -1) return t('notification.yesterday');
  return formatDistanceStrict(parseISO(date), parseISO(today), {
    locale: dateLocale(locale),
    addSuffix: true,
    unit: 'day',
  });
}

/** The words of a past-due state ("overdue" / "due, nothing recorded"), null for none. */
export function dueStateWords(state: DueState | undefined, t: Translate): string | null {
  if (state === 'overdue') return t('notification.stateOverdue');
  if (state === 'unrecorded') return t('notification.stateUnrecorded');
  return null;
}

/** One reminder: the milestone's title, its date and how far away it is; Snooze / Mark achieved buttons. */
export function reminderContent(reminder: ReminderNotice, context: NotificationContext): NotificationContent {
  const { locale, t } = context;
  return {
    title: reminder.title[locale],
    body: [
      t(`notification.${reminder.kind}`, {
        date: longDate(reminder.due, locale),
        relative: relativeDay(reminder.due, context.today, locale, t),
      }),
      dueStateWords(reminder.state, t),
    ]
      .filter(Boolean)
      .join(' · '),
    actions: supportsNotificationActions(context.platform)
      ? [
          { action: 'snooze', text: t('notification.snooze') },
          { action: 'achieve', text: t('notification.markAchieved') },
        ]
      : [],
    milestoneId: reminder.milestoneId,
    reminderKey: reminder.key,
  };
}

const SUMMARY_LINES = 3;

/** Several reminders at once (e.g. missed while the laptop slept): one notification listing them. */
export function summaryContent(
  reminders: readonly ReminderNotice[],
  context: NotificationContext,
): NotificationContent {
  const { locale, t } = context;
  const lines = reminders.slice(0, SUMMARY_LINES).map((r) => {
    const when = relativeDay(r.due, context.today, locale, t);
    const state = dueStateWords(r.state, t);
    return `${r.title[locale]} (${state ? `${when}; ${state}` : when})`;
  });
  const more = reminders.length - SUMMARY_LINES;
  if (more > 0) lines.push(t('notification.summaryMore', { count: more }));
  const single = new Set(reminders.map((r) => r.milestoneId));
  return {
    title: t('notification.summaryTitle', { count: reminders.length }),
    body: lines.join('\n'),
    actions: [],
    milestoneId: single.size === 1 ? (reminders[0]?.milestoneId ?? null) : null,
    reminderKey: null,
  };
}

/** The weekly digest: what is overdue (core's `dueState`), in the tray's words. */
export function digestContent(
  overdueItems: readonly ReminderNotice[],
  context: NotificationContext,
): NotificationContent {
  const { locale, t } = context;
  const titles = overdueItems.slice(0, SUMMARY_LINES).map((r) => r.title[locale]);
  const more = overdueItems.length - SUMMARY_LINES;
  if (more > 0) titles.push(t('notification.summaryMore', { count: more }));
  return {
    title: t('notification.digestTitle'),
    body: t('notification.digestBody', { count: overdueItems.length, titles: titles.join('; ') }),
    actions: [],
    milestoneId: null,
    reminderKey: null,
  };
}

/** The notifications to show for one batch: one per reminder, or one summary, or one digest. */
export function notificationsFor(batch: ReminderBatch, context: NotificationContext): NotificationContent[] {
  if (batch.reminders.length === 0) return [];
  if (batch.digest) return [digestContent(batch.reminders, context)];
  if (batch.summary) return [summaryContent(batch.reminders, context)];
  return batch.reminders.map((reminder) => reminderContent(reminder, context));
}
