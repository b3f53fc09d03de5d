/**
 * The one contract between the renderer and the main process (or the web host).
 * Every method's input is a zod schema, validated on the receiving side before anything runs;
 * outputs are typed. The preload bridge, the IPC handlers, the web host and the renderer's
 * clients are all derived from this table.
 */
import { z } from 'zod';
import type { IsoDate } from '../core/date-phrase';
import { LIMITS, tooLarge, tooLong } from '../core/limits';
import type { AnyMilestone } from '../core/milestone';
import { CHAPTERS } from '../core/chapters';
import { isoDateSchema, ownMilestoneSchema } from '../core/milestone-schema';
import { settingsSchema, type Settings } from '../core/user-state';
import type { ProgressMap } from '../core/progress';
import { newRecordSchema, newOwnerSchema } from '../core/recording';
import type { LogEntry, LogKey, RecordEntry } from '../core/progress-log';
import type { Review, ReviewComparison } from '../core/review';
import { OWNER_FILTERS, type Me, type Owner } from '../core/ownership';
import type { SectionNames } from '../core/sections';
import { SNOOZE_OPTIONS } from '../core/reminders';
import { reviewSourceSchema } from '../core/review-source';
import { LANGUAGES, type Language } from '../core/extract/commitments';
import { candidateSchema, type StrategyPreview } from '../core/strategy';
import type { TimelineMilestone } from '../core/timeline-milestone';
import type { NotificationContent } from '../core/notification-content';
import {
  isApiMethod,
  type ApiError,
  type ApiEvent,
  type ApiMethod,
  type ChangeAck,
  type ChangeMethod,
  type TeamProblem,
} from './wire';

// The zod-free half of the contract (names, channels, results); re-exported for the contract's users.
export * from './wire';

// The schema lives in core (electron/core/progress.ts applies it); re-exported for the contract's users.
export { newRecordSchema, type NewRecord } from '../core/recording';

const milestoneId = z
  .string()
  .min(1)
  .max(LIMITS.idChars, tooLong(LIMITS.idChars))
  .regex(/^[a-z0-9-]+$/, 'not a milestone id');
const empty = z.strictObject({}).optional();
const languageSchema = z.enum(LANGUAGES as [Language, ...Language[]]);
const strategySlugSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'not a strategy slug');
const strategyNameSchema = z.string().trim().min(1, 'give the strategy a name').max(200, tooLong(200));

/** The milestones a review covers by owner: all, mine, or my unit's (see core/ownership.ts). */
export const ownerFilterSchema = z.enum(OWNER_FILTERS);
export const reviewFormatSchema = z.enum(['md', 'csv', 'json', 'docx', 'xlsx']);
export const snoozeOptionSchema = z.enum(SNOOZE_OPTIONS);
export const icalOptionsSchema = z.strictObject({
  chapters: z.array(z.enum(CHAPTERS)).optional(),
  includeAchieved: z.boolean().optional(),
  lang: z.enum(['nl', 'en']).optional(),
});

/** The public record beside the user's log: what the EU has reported, as log entries with sources. */
export interface PublicRecordLayer {
  /** The day the record was last checked against its sources. */
  asOf: IsoDate;
  entries: RecordEntry[];
}

/** The public record as the timeline shows it: when it was checked, how many entries, which keys. */
export interface PublicRecordSummary {
  asOf: IsoDate;
  entryCount: number;
  /** The log keys it has entries for (a milestone id or `<id>@<cycle>`), each once. */
  keys: string[];
}

/** What a detail panel shows beyond the snapshot: the whole milestone and its history. */
export interface MilestoneDetail {
  /** With its quote, line, date phrase and note. */
  milestone: AnyMilestone;
  /** The log entries of its keys (the id and each cycle), in the order written. */
  log: LogEntry[];
  /** The public record's entries for its keys; absent when there is no public record. */
  publicRecord?: PublicRecordLayer;
}

/** An imported strategy beside the Compass (strategies/<slug>.json in the data folder). */
export interface StrategySummary {
  slug: string;
  name: string;
  language: Language;
  source: { name: string; date: IsoDate | null };
  /** The ids of its milestones, in the snapshot's `milestones`. */
  milestoneIds: string[];
}

/**
 * What the UI shows first: the milestones as the timeline draws them, the user's state, and the
 * day it is. The quotes, notes, the progress log and the public record's text are not in it: a
 * detail panel fetches them (`getMilestoneDetail`), the search asks main (`searchMilestones`).
 */
export interface Snapshot {
  /**
   * Increases with every snapshot main builds: a window applies a snapshot only when it is newer
   * than the one it shows (a change's reply names the revision its `stateChanged` event carries).
   */
  revision: number;
  /** Today in the user's time zone (the web host may fix it with --today). */
  today: IsoDate;
  /** The Compass dataset followed by the user's own milestones, without their source text. */
  milestones: TimelineMilestone[];
  /** The current state per log key (milestone id or `<id>@<cycle>`), derived from the log. */
  progress: ProgressMap;
  /** The current owner of each key that has one (the timeline's owner filter). */
  owners: Record<LogKey, Owner>;
  /** The name new entries are recorded under (Settings, else the OS user). */
  author: string;
  /** Who "I" am and my unit for the owner filter (Settings, else the entries' name, else the team user name, else the OS user). */
  me?: Me;
  settings: Settings;
  /** The system's language, for the first launch (settings.locale is null until the user picks). */
  systemLocale: string;
  /** Messages the user must see once, e.g. where a corrupt store was backed up. */
  notices: string[];
  /** The display names of the dataset's section headings (Dutch heading → { nl, en }). */
  sectionNames?: SectionNames;
  /** Reminder key → when it was shown, and → until when it is snoozed (the agenda lists them). */
  reminders?: { fired: Record<string, string>; snoozed: Record<string, string> };
  /** The live iCal feed's addresses while it runs (settings.feed.enabled), else null. */
  feed?: { http: string; webcal: string } | null;
  /** The public record (a layer beside the log, never mixed into it); absent when there is none. */
  publicRecord?: PublicRecordSummary;
  /**
   * The imported strategies whose milestones follow the Compass's in `milestones` (absent where
   * the shell cannot import, e.g. a web host started with --strategy). Any other milestone is the
   * Compass's (or the user's own).
   */
  strategies?: StrategySummary[];
}

/** The team connection (CalDAV) as Settings and the tray show it; never the password. */
export interface TeamStatus {
  connection: {
    serverUrl: string;
    user: string;
    progressUrl: string;
    calendarUrl: string;
    caFile: string | null;
    allowInsecureHttp: boolean;
    connectedAt: string;
  } | null;
  /**
   * Where the password is: `sealed` (encrypted by the system's keychain, kept across restarts),
   * `memory` (only until the app closes), `file` (a password file or environment variable, as the
   * CLI uses), `none` (enter it again by connecting).
   */
  password: 'sealed' | 'memory' | 'file' | 'none';
  /** Whether this host can keep a password across restarts (Electron safeStorage). */
  canSeal: boolean;
  /** Local entries the server does not have yet (the outbox and what was recorded since). */
  pending: number;
  syncing: boolean;
  lastSync: { at: string; sent: number; received: number } | null;
  lastError: { at: string; problem: TeamProblem; message: string } | null;
}

const teamUrl = z.string().trim().min(1).max(LIMITS.urlChars, tooLong(LIMITS.urlChars));

/** A file name without folders, reserved characters or control characters (Windows' rules are the strictest). */
const isPlainFileName = (name: string): boolean =>
  name !== '.' && name !== '..' && !/[\\/:*?"<>|]/.test(name) && ![...name].some((c) => c.charCodeAt(0) < 32);

/** Every method: its input schema. Outputs are typed in `ApiOutputs`. */
export const apiInputs = {
  getSnapshot: empty,
  /** One milestone with its source text, its log entries and the public record's (a detail panel). */
  getMilestoneDetail: z.strictObject({ id: milestoneId }),
  /** The ids of the milestones whose titles or quote hold every word of `query` (case and accents ignored). */
  searchMilestones: z.strictObject({
    query: z.string().max(LIMITS.searchChars, tooLong(LIMITS.searchChars)),
  }),
  /** Records a new log entry (a status as of a date, with note and evidence). */
  appendLogEntry: newRecordSchema,
  /** Withdraws an entry (it stays in the log, marked as withdrawn). */
  retractLogEntry: z.strictObject({
    entryId: z.string().min(8).max(100),
    note: z.string().max(10_000).optional(),
  }),
  /** Sets who owns a milestone (a person, a unit, or both; both empty clears): a new owner entry. */
  setOwner: newOwnerSchema,
  /** Mutes or unmutes a milestone's reminders. */
  setMuted: z.strictObject({ id: milestoneId, muted: z.boolean() }),
  saveOwnMilestone: ownMilestoneSchema,
  deleteOwnMilestone: z.strictObject({ id: milestoneId }),
  updateSettings: settingsSchema.partial().strict(),
  /**
   * `source`: our log (default), the public record, or ours then the public record (see
   * review-source.ts). `strategy`: only the Compass ("compass", with the user's own milestones) or
   * one imported strategy (its slug); all of them when left out.
   */
  getReview: z.strictObject({
    asOf: isoDateSchema,
    source: reviewSourceSchema.optional(),
    strategy: strategySlugSchema.optional(),
    owner: ownerFilterSchema.optional(),
  }),
  compareReviews: z.strictObject({
    from: isoDateSchema,
    to: isoDateSchema,
    source: reviewSourceSchema.optional(),
    owner: ownerFilterSchema.optional(),
  }),
  exportReview: z.strictObject({
    asOf: isoDateSchema,
    format: reviewFormatSchema,
    compareTo: isoDateSchema.optional(),
    source: reviewSourceSchema.optional(),
    owner: ownerFilterSchema.optional(),
  }),
  /** Copies a public-record entry into the user's log as the user's own entry (sources as evidence). */
  adoptPublicRecord: z.strictObject({ entryId: z.string().min(8).max(100) }),
  exportIcal: icalOptionsSchema,
  exportState: empty,
  // Characters, not bytes: a string that fits in the byte limit is never refused here.
  importState: z.strictObject({
    content: z.string().max(LIMITS.importFileBytes, tooLarge(LIMITS.importFileBytes)),
  }),
  /**
   * Stores a team's own public record (a file in the format of data/public-record.json; the CLI's
   * `import-record FILE`), used as the public layer from then on. `fileName` names it in messages.
   */
  importPublicRecord: z.strictObject({
    content: z.string().max(LIMITS.importFileBytes, tooLarge(LIMITS.importFileBytes)),
    fileName: z.string().min(1).max(200).optional(),
  }),
  snooze: z.strictObject({
    key: z.string().min(1).max(LIMITS.reminderKeyChars, tooLong(LIMITS.reminderKeyChars)),
    option: snoozeOptionSchema,
  }),
  openExternal: z.strictObject({
    url: z.url({ protocol: /^https?$/ }).max(LIMITS.urlChars, tooLong(LIMITS.urlChars)),
  }),
  dismissNotice: z.strictObject({ index: z.int().min(0) }),
  /** Saves an exported file where the user says: the desktop app's save dialog, a download in a browser. */
  saveFile: z.strictObject({
    fileName: z.string().min(1).max(200).refine(isPlainFileName, 'not a plain file name'),
    content: z.string().max(50_000_000),
    encoding: z.literal('base64').optional(),
    mimeType: z.string().min(1).max(200),
  }),
  /** The team connection's state: server, collections, pending changes, last sync, last error. */
  getTeamStatus: empty,
  /** Discovers (or takes) the collections and stores the connection; nothing is saved when it fails. */
  connectTeam: z.strictObject({
    serverUrl: teamUrl,
    user: z.string().trim().min(1).max(200),
    password: z.string().min(1).max(1000),
    caFile: z.string().trim().max(4096).nullable().optional(),
    allowInsecureHttp: z.boolean().optional(),
    progressUrl: teamUrl.nullable().optional(),
    calendarUrl: teamUrl.nullable().optional(),
  }),
  /** Syncs now (and returns the state after the round; a failure is its lastError). */
  syncTeam: empty,
  /** Forgets the connection and the password; the local log stays as it is. */
  disconnectTeam: empty,
  /**
   * Reads a strategy document (.txt, .md, .pdf, .docx: its bytes in base64; or pasted text as
   * `content` with a .txt name) and proposes its time-bound commitments. Saves nothing.
   */
  previewStrategy: z.strictObject({
    fileName: z.string().min(1).max(200).refine(isPlainFileName, 'not a plain file name'),
    content: z.string().min(1, 'the document is empty').max(50_000_000),
    encoding: z.literal('base64').optional(),
    language: languageSchema.optional(),
    name: strategyNameSchema.optional(),
  }),
  /** Saves the accepted candidates as a strategy beside the Compass (a re-import keeps its ids). */
  saveStrategy: z.strictObject({
    name: strategyNameSchema,
    language: languageSchema,
    source: z.strictObject({
      name: z.string().min(1).max(200),
      date: isoDateSchema.nullable(),
    }),
    candidates: z.array(candidateSchema).min(1, 'tick at least one commitment').max(LIMITS.datasetMilestones),
  }),
  /** Removes a saved strategy (its file is kept in strategies/removed/; the progress log is untouched). */
  removeStrategy: z.strictObject({ slug: strategySlugSchema }),
} as const satisfies Record<ApiMethod, z.ZodType>; // exactly wire.ts's methods, no more, no fewer

export type ApiInput<M extends ApiMethod> = z.input<(typeof apiInputs)[M]>;

/** A file the user can save: its text and a suggested name. */
export interface ExportedFile {
  /** The text, or for a binary file (DOCX, XLSX) its bytes in base64 (`encoding`). */
  content: string;
  encoding?: 'base64';
  fileName: string;
  mimeType: string;
}

/** Where a saveFile went: the name it was saved under, or not saved (the user cancelled). */
export type SavedFile = { saved: true; fileName: string } | { saved: false };

export interface ApiOutputs {
  getSnapshot: Snapshot;
  getMilestoneDetail: MilestoneDetail;
  searchMilestones: { ids: string[] };
  appendLogEntry: Snapshot;
  retractLogEntry: Snapshot;
  setOwner: Snapshot;
  setMuted: Snapshot;
  saveOwnMilestone: Snapshot;
  deleteOwnMilestone: Snapshot;
  updateSettings: Snapshot;
  /** The review's JSON shape (see electron/core/review.ts). */
  getReview: Review;
  compareReviews: ReviewComparison;
  exportReview: ExportedFile;
  adoptPublicRecord: Snapshot;
  exportIcal: ExportedFile;
  exportState: ExportedFile;
  importState: Snapshot;
  importPublicRecord: Snapshot;
  snooze: Snapshot;
  openExternal: { opened: boolean };
  dismissNotice: Snapshot;
  saveFile: SavedFile;
  getTeamStatus: TeamStatus;
  connectTeam: TeamStatus;
  syncTeam: TeamStatus;
  disconnectTeam: TeamStatus;
  previewStrategy: StrategyPreview;
  saveStrategy: { snapshot: Snapshot; slug: string; count: number };
  removeStrategy: Snapshot;
}

export interface ApiEventPayloads {
  stateChanged: Snapshot;
  openMilestone: { id: string };
  /** A notification's words and targets (the toast offers its own buttons). */
  toast: Pick<NotificationContent, 'title' | 'body' | 'milestoneId' | 'reminderKey'>;
  teamStatus: TeamStatus;
}

/**
 * What a method answers on the wire: a change answers its `ChangeAck` (saveStrategy's also says
 * what it saved), since the state it made comes once, as the `stateChanged` event; every other
 * method its output.
 */
export type WireOutputs = {
  [M in ApiMethod]: M extends ChangeMethod
    ? ApiOutputs[M] extends Snapshot
      ? ChangeAck
      : Omit<ApiOutputs[M], 'snapshot'> & ChangeAck
    : ApiOutputs[M];
};

/** Exactly the changes (wire.ts's list) answer with the state they made (checked by the compiler). */
type ChangesOfOutputs = {
  [M in Exclude<ApiMethod, 'getSnapshot'>]: ApiOutputs[M] extends Snapshot | { snapshot: Snapshot }
    ? M
    : never;
}[Exclude<ApiMethod, 'getSnapshot'>];
const changeListMatchesOutputs: [ChangesOfOutputs, ChangeMethod] extends [ChangeMethod, ChangesOfOutputs]
  ? true
  : never = true;
void changeListMatchesOutputs;

interface ApiEvents {
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEventPayloads[E]) => void): () => void;
}

/** The contract as it crosses the wire: window.compass in Electron, main's own bridge, the web client's. */
export type CompassWire = {
  [M in ApiMethod]: (input: ApiInput<M>) => Promise<WireOutputs[M]>;
} & ApiEvents;

/**
 * The typed API the UI uses (bridge.ts's `withStateReplies` over a CompassWire): a change answers
 * with the state it made, taken from its `stateChanged` event.
 */
export type CompassApi = {
  [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutputs[M]>;
} & ApiEvents;

/** Validates a payload from an untrusted sender for the named method. */
export function parseApiInput(
  method: unknown,
  payload: unknown,
): { ok: true; method: ApiMethod; input: unknown } | { ok: false; error: ApiError } {
  if (!isApiMethod(method)) {
    return {
      ok: false,
      error: {
        code: 'invalid-input',
        message: `unknown method ${typeof method === 'string' ? JSON.stringify(method).slice(0, 80) : `(a ${typeof method}, not a method name)`}`,
      },
    };
  }
  let result: ReturnType<(typeof apiInputs)[typeof method]['safeParse']>;
  try {
    result = apiInputs[method].safeParse(payload);
  } catch (error) {
    // A payload zod cannot even walk (e.g. a getter that throws); data from IPC or HTTP cannot do
    // this, but the one check every call passes must not crash whatever it is handed.
    return {
      ok: false,
      error: { code: 'invalid-input', message: `Invalid input: ${String(error).slice(0, 200)}` },
    };
  }
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first?.path.length ? ` at ${first.path.join('.')}` : '';
    return {
      ok: false,
      error: { code: 'invalid-input', message: `${method}: ${first?.message ?? 'invalid input'}${where}` },
    };
  }
  return { ok: true, method, input: result.data };
}
