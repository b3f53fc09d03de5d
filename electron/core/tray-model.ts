import { addDays, addHours, format, isSameDay, parseISO, startOfDay } from 'date-fns';
import type { IsoDate } from './date-phrase';
import type { AnyMilestone } from './milestone';
import type { ProgressMap } from './progress';
import { dueUnrecorded, overdue, upcoming, type DueItem } from './queries';
import { dateLocale, type Translate } from './shell-locale';
import type { Locale, Settings } from './user-state';

/** What a tray menu item does when clicked; the shell maps each to an Electron call. */
export type TrayCommand =
  | { type: 'open' }
  | { type: 'open-milestone'; id: string }
  /** Pause reminders until this instant (ISO 8601, as stored in settings.pausedUntil). */
  | { type: 'pause'; until: string }
  | { type: 'resume' }
  | { type: 'export-ical' }
  | { type: 'copy'; text: string }
  | { type: 'set-start-at-login'; value: boolean }
  | { type: 'quit' };

/** A menu item as data: the shell builds Electron's Menu from it, tests read it directly. */
export type TrayMenuItem =
  | { type: 'normal'; label: string; enabled: boolean; command: TrayCommand | null }
  | { type: 'checkbox'; label: string; checked: boolean; command: TrayCommand }
  | { type: 'separator' }
  | { type: 'submenu'; label: string; submenu: TrayMenuItem[] };

export interface TrayInput {
  milestones: readonly AnyMilestone[];
  progress: ProgressMap;
  settings: Pick<Settings, 'startAtLogin' | 'pausedUntil'>;
  today: IsoDate;
  now: Date;
  locale: Locale;
  t: Translate;
  /** The live feed's subscribe addresses while it runs. */
  feed?: { http: string; webcal: string } | null;
}

export interface TrayModel {
  /** "Compass Timeline: 3 deadlines in the next 30 days; 1 overdue; 2 due, nothing recorded". */
  tooltip: string;
  /** macOS menu-bar title next to the icon: the count that needs attention, '' for none. */
  title: string;
  /** Dock / launcher badge: the same count. */
  badgeCount: number;
  menu: TrayMenuItem[];
}

/** The tooltip's horizon. */
export const TRAY_HORIZON_DAYS = 30;
/** How many deadlines the menu lists (and how many items each past-due submenu lists). */
export const TRAY_NEXT_COUNT = 5;
/** How far ahead the menu looks for the next deadlines. */
const LOOKAHEAD_DAYS = 366 * 10;
const MAX_TITLE = 60;
/** Windows cuts tray tooltips at 127 characters. */
const MAX_TOOLTIP = 127;

const isDeadline = (item: DueItem) => item.occurrence.type === 'deadline' || item.occurrence.type === 'cycle';

const truncate = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** The pause options of the tray: one hour from now, or until the start of tomorrow (local time). */
export const pauseUntil = (option: '1h' | 'tomorrow', now: Date): Date =>
  option === '1h' ? addHours(now, 1) : startOfDay(addDays(now, 1));

/** Whether reminders are paused at `now`. */
export const isPaused = (pausedUntil: string | null, now: Date): boolean =>
  pausedUntil !== null && new Date(pausedUntil).getTime() > now.getTime();

/** The tray's tooltip, title, badge and context menu for the current state: a pure function. */
export function trayModel(input: TrayInput): TrayModel {
  const { milestones, today, now, locale, t } = input;
  const state = { progress: input.progress };
  const soon = upcoming(milestones, state, today, TRAY_HORIZON_DAYS).filter(isDeadline);
  // Past due, in core's one meaning (`dueState`): overdue (planned or in progress) and "due,
  // nothing recorded" are two states, counted and listed apart, never added into one "overdue".
  const late = overdue(milestones, state, today);
  const unrecorded = dueUnrecorded(milestones, state, today);
  const paused = isPaused(input.settings.pausedUntil, now);
  const fnsLocale = dateLocale(locale);
  const dated = (item: DueItem) =>
    t('tray.deadlineItem', {
      date: format(parseISO(item.occurrence.date), 'd MMM yyyy', { locale: fnsLocale }),
      title: truncate(item.milestone.title[locale], MAX_TITLE),
    });
  const opens = (item: DueItem): TrayMenuItem => ({
    type: 'normal',
    label: dated(item),
    enabled: true,
    command: { type: 'open-milestone', id: item.milestone.id },
  });

  const summary = [
    t('tray.tooltipDeadlines', { count: soon.length, days: TRAY_HORIZON_DAYS }),
    ...(late.length > 0 ? [t('tray.tooltipOverdue', { count: late.length })] : []),
    ...(unrecorded.length > 0 ? [t('tray.tooltipUnrecorded', { count: unrecorded.length })] : []),
  ].join('; ');
  const tooltip = truncate(
    `${t('appName')}: ${summary}${paused ? ` (${t('tray.tooltipPaused')})` : ''}`,
    MAX_TOOLTIP,
  );
  const attention = soon.length + late.length + unrecorded.length;

  /** One submenu per past-due state, longest ago first, each item opening its milestone. */
  const pastDue = (label: string, items: readonly DueItem[]): TrayMenuItem[] =>
    items.length === 0
      ? []
      : [
          {
            type: 'submenu',
            label,
            submenu: [
              ...items.slice(0, TRAY_NEXT_COUNT).map(opens),
              ...(items.length > TRAY_NEXT_COUNT
                ? [
                    {
                      type: 'normal' as const,
                      label: t('tray.more', { count: items.length - TRAY_NEXT_COUNT }),
                      enabled: true,
                      command: { type: 'open' as const },
                    },
                  ]
                : []),
            ],
          },
        ];
  const pastDueItems = [
    ...pastDue(t('tray.overdueMenu', { count: late.length }), late),
    ...pastDue(t('tray.unrecordedMenu', { count: unrecorded.length }), unrecorded),
  ];

  const next = upcoming(milestones, state, today, LOOKAHEAD_DAYS)
    .filter(isDeadline)
    .slice(0, TRAY_NEXT_COUNT);
  const deadlineItems: TrayMenuItem[] =
    next.length > 0
      ? next.map(opens)
      : [{ type: 'normal', label: t('tray.noDeadlines'), enabled: false, command: null }];

  const pausedUntilDate = paused ? new Date(input.settings.pausedUntil as string) : null;
  const pauseItems: TrayMenuItem[] = pausedUntilDate
    ? [
        {
          type: 'normal',
          label: t('tray.pausedUntil', {
            time: format(pausedUntilDate, isSameDay(pausedUntilDate, now) ? 'HH:mm' : 'EEEE HH:mm', {
              locale: fnsLocale,
            }),
          }),
          enabled: false,
          command: null,
        },
        { type: 'normal', label: t('tray.resume'), enabled: true, command: { type: 'resume' } },
      ]
    : [
        {
          type: 'submenu',
          label: t('tray.pause'),
          submenu: [
            {
              type: 'normal',
              label: t('tray.pauseHour'),
              enabled: true,
              command: { type: 'pause', until: pauseUntil('1h', now).toISOString() },
            },
            {
              type: 'normal',
              label: t('tray.pauseTomorrow'),
              enabled: true,
              command: { type: 'pause', until: pauseUntil('tomorrow', now).toISOString() },
            },
          ],
        },
      ];

  const feedItems: TrayMenuItem[] = input.feed
    ? [
        {
          type: 'normal',
          label: t('tray.copyFeedUrl'),
          enabled: true,
          command: { type: 'copy', text: input.feed.http },
        },
        {
          type: 'normal',
          label: t('tray.copyWebcalUrl'),
          enabled: true,
          command: { type: 'copy', text: input.feed.webcal },
        },
      ]
    : [];

  return {
    tooltip,
    title: attention > 0 ? String(attention) : '',
    badgeCount: attention,
    menu: [
      { type: 'normal', label: t('tray.nextDeadlines'), enabled: false, command: null },
      ...deadlineItems,
      ...(pastDueItems.length ? [{ type: 'separator' as const }, ...pastDueItems] : []),
      { type: 'separator' },
      { type: 'normal', label: t('tray.open'), enabled: true, command: { type: 'open' } },
      ...pauseItems,
      { type: 'normal', label: t('tray.exportIcal'), enabled: true, command: { type: 'export-ical' } },
      ...feedItems,
      { type: 'separator' },
      {
        type: 'checkbox',
        label: t('tray.startAtLogin'),
        checked: input.settings.startAtLogin,
        command: { type: 'set-start-at-login', value: !input.settings.startAtLogin },
      },
      { type: 'separator' },
      { type: 'normal', label: t('tray.quit'), enabled: true, command: { type: 'quit' } },
    ],
  };
}
