import { z } from 'zod';
import { LIMITS, tooMany } from './limits';
import { CHAPTERS } from './chapters';
import { ownMilestoneSchema } from './milestone-schema';
import { logEntrySchema } from './progress-log-schema';

/** An instant, as an ISO 8601 string with offset (new Date().toISOString()). */
const instant = z.iso.datetime({ offset: true });
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:mm');

/** The store's layout version (kept in the file as `schemaVersion`; files without it are layout 1). */
export const STORE_SCHEMA_VERSION = 2;

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const feedSettingsSchema = z.strictObject({
  /** Serve the live feed on 127.0.0.1 from the desktop app. */
  enabled: z.boolean(),
  port: z.int().min(1024).max(65535),
  chapters: z.array(z.enum(CHAPTERS)),
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
  /** The name progress entries are recorded under; null: the operating system's user name. */
  author: z.string().trim().min(1).max(200).nullable(),
  /**
   * Who "I" am and which unit is mine, for the owner filter "mine / my unit"; null: not set (the
   * person then defaults to the author name, else the team user name). Absent in older files.
   */
  me: z
    .strictObject({
      person: z.string().trim().min(1).max(200).nullable(),
      unit: z.string().trim().min(1).max(200).nullable(),
    })
    .optional(),
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
  author: null,
};

/** Everything the user owns, as stored on disk and exported. */
export const userStateSchema = z.strictObject({
  schemaVersion: z.literal(STORE_SCHEMA_VERSION),
  /** The progress log: every entry ever recorded, in the order written (see progress-log.ts). */
  log: z.array(logEntrySchema).max(LIMITS.logEntries, tooMany(LIMITS.logEntries, 'log entries')),
  /** Ids of the milestones whose reminders are muted (a setting, not part of the log). */
  muted: z.array(z.string().max(LIMITS.idChars)).max(LIMITS.ownMilestones + LIMITS.datasetMilestones),
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
  /** Progress records of the first layout that could not become log entries, kept as they were. */
  legacyProgress: z.record(z.string(), z.unknown()).optional(),
});
export type UserState = z.infer<typeof userStateSchema>;

export const EMPTY_STATE: UserState = {
  schemaVersion: STORE_SCHEMA_VERSION,
  log: [],
  muted: [],
  ownMilestones: [],
  settings: DEFAULT_SETTINGS,
  fired: {},
  snoozed: {},
  lastRunAt: null,
};
