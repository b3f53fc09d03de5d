import { z } from 'zod';
import { LIMITS, tooLong, tooMany } from './limits';
import { isoDateSchema, ownMilestoneSchema } from './milestone';
import { STATUSES } from './status';

/** An instant, as an ISO 8601 string with offset (new Date().toISOString()). */
const instant = z.iso.datetime({ offset: true });
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:mm');

export const statusSchema = z.enum(STATUSES);

export const historyEntrySchema = z.strictObject({
  at: instant,
  from: statusSchema,
  to: statusSchema,
});

export const evidenceSchema = z.strictObject({
  text: z.string().max(LIMITS.evidenceChars, tooLong(LIMITS.evidenceChars)),
  url: z
    .url({ protocol: /^https?$/, error: 'evidence links must be http(s) URLs' })
    .max(LIMITS.urlChars, tooLong(LIMITS.urlChars))
    .nullable(),
});

/** What the user recorded about one milestone. */
export const progressSchema = z.strictObject({
  status: statusSchema,
  achievedOn: isoDateSchema.nullable(),
  evidence: evidenceSchema.nullable(),
  note: z.string().max(LIMITS.noteChars, tooLong(LIMITS.noteChars)),
  muted: z.boolean(),
  history: z.array(historyEntrySchema).max(LIMITS.historyEntries, tooMany(LIMITS.historyEntries)),
});
export type Progress = z.infer<typeof progressSchema>;

export const EMPTY_PROGRESS: Progress = {
  status: 'unknown',
  achievedOn: null,
  evidence: null,
  note: '',
  muted: false,
  history: [],
};

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const feedSettingsSchema = z.strictObject({
  /** Serve the live feed on 127.0.0.1 from the desktop app. */
  enabled: z.boolean(),
  port: z.int().min(1024).max(65535),
  chapters: z.array(z.enum(['act', 'secure', 'invest', 'partners', 'general'])),
  includeAchieved: z.boolean(),
  lang: z.enum(LOCALES),
});

export const settingsSchema = z.strictObject({
  /** Days before the due date on which to remind; 0 is the day itself. */
  leadTimesDays: z.array(z.int().min(0).max(365)).max(10),
  /** Local wall-clock time of day for reminders. */
  timeOfDay,
  /** Move a reminder that falls on Saturday or Sunday to the Friday before. */
  shiftWeekends: z.boolean(),
  digest: z.strictObject({
    enabled: z.boolean(),
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    weekday: z.int().min(1).max(7),
    time: timeOfDay,
  }),
  /** null until the user picks one: the app then follows the system language. */
  locale: z.enum(LOCALES).nullable(),
  theme: z.enum(['system', 'light', 'dark']),
  startAtLogin: z.boolean(),
  startHidden: z.boolean(),
  /** Reminders paused until this instant (tray "Pause reminders"). */
  pausedUntil: instant.nullable(),
  feed: feedSettingsSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  leadTimesDays: [30, 7, 1, 0],
  timeOfDay: '09:00',
  shiftWeekends: true,
  digest: { enabled: true, weekday: 1, time: '09:00' },
  locale: null,
  theme: 'system',
  startAtLogin: false,
  startHidden: false,
  pausedUntil: null,
  feed: { enabled: false, port: 17_863, chapters: [], includeAchieved: true, lang: 'nl' },
};

/** Everything the user owns, as stored on disk and exported. */
export const userStateSchema = z.strictObject({
  progress: z
    .record(z.string().max(LIMITS.idChars, tooLong(LIMITS.idChars)), progressSchema)
    .refine(
      (records) => Object.keys(records).length <= LIMITS.progressRecords,
      tooMany(LIMITS.progressRecords, 'progress records'),
    ),
  ownMilestones: z
    .array(ownMilestoneSchema)
    .max(LIMITS.ownMilestones, tooMany(LIMITS.ownMilestones, 'own milestones')),
  settings: settingsSchema,
  /** Reminder key → instant it was shown: each reminder fires once. */
  fired: z.record(z.string(), instant),
  /** Reminder key → instant until which it is snoozed. */
  snoozed: z.record(z.string(), instant),
  /** When the reminder engine last ran to completion; missed reminders are counted from here. */
  lastRunAt: instant.nullable(),
  /**
   * iCal feed: per event UID, a hash of what the event was built from and the SEQUENCE it was
   * published with, so SEQUENCE goes up whenever an event's content changes (electron/core/ical.ts).
   * Optional: a missing map means nothing has been published yet.
   */
  feedSequences: z
    .record(z.string(), z.strictObject({ hash: z.string(), sequence: z.int().min(0) }))
    .optional(),
});
export type UserState = z.infer<typeof userStateSchema>;

export const EMPTY_STATE: UserState = {
  progress: {},
  ownMilestones: [],
  settings: DEFAULT_SETTINGS,
  fired: {},
  snoozed: {},
  lastRunAt: null,
};

export const progressOf = (state: Pick<UserState, 'progress'>, id: string): Progress =>
  state.progress[id] ?? EMPTY_PROGRESS;
