/**
 * Progress, derived from the progress log: the current state per log key (`currentEntry`), and the
 * pure steps that add to the log (a new record, a retraction). Nothing in the log is ever changed
 * or removed; a correction is a new entry, a removal a retraction.
 */
import { z } from 'zod';
import type { IsoDate } from './date-phrase';
import { LIMITS, tooLong } from './limits';
import type { AnyMilestone } from './milestone';
import { isCycleOf, recordableCycles } from './occurrences';
import {
  checkEntryDate,
  compareEntries,
  currentEntry,
  entriesByKey,
  entryDateMessage,
  evidenceItemSchema,
  logKey,
  logKeySchema,
  parseLogKey,
  type LogEntry,
  type LogKey,
  type RecordEntry,
  type RetractionEntry,
} from './progress-log';
import { DATED_STATUSES, statusSchema } from './status';
import { EMPTY_PROGRESS, type Progress, type UserState } from './user-state';

/** The derived progress of every key that has entries, by log key. */
export type ProgressMap = Readonly<Record<string, Progress>>;

/** What the queries, reminders, the feed and the tray read: the derived progress. */
export interface ProgressSource {
  progress: ProgressMap;
}

function progressOfEntries(entries: readonly LogEntry[], muted: boolean): Progress {
  const entry = currentEntry(entries);
  const lastChangeAt = entries.length ? entries[entries.length - 1]!.recordedAt : null;
  if (!entry) return { ...EMPTY_PROGRESS, muted, changes: entries.length, lastChangeAt };
  return {
    status: entry.status,
    on: entry.on,
    achievedOn: entry.status === 'achieved' || entry.status === 'partial' ? entry.on : null,
    evidence: entry.evidence,
    note: entry.note,
    muted,
    author: entry.author,
    entryId: entry.id,
    changes: entries.length,
    lastChangeAt,
  };
}

const derived = new WeakMap<readonly LogEntry[], WeakMap<readonly string[], ProgressMap>>();

/**
 * The progress of every log key with entries, and of every muted milestone. Memoised on the log and
 * mute arrays (the state is immutable), so every caller of one state shares one derivation.
 */
export function deriveProgress(state: Pick<UserState, 'log' | 'muted'>): ProgressMap {
  let byMuted = derived.get(state.log);
  const cached = byMuted?.get(state.muted);
  if (cached) return cached;
  const muted = new Set(state.muted);
  const out: Record<string, Progress> = {};
  for (const [key, all] of entriesByKey(state.log)) {
    // Owner entries say who owns the key, not how far it is (ownership.ts derives them).
    const entries = all.some((e) => e.type === 'owner') ? all.filter((e) => e.type !== 'owner') : all;
    if (entries.length === 0) continue;
    out[key] = progressOfEntries(entries, muted.size > 0 && muted.has(parseLogKey(key).milestoneId));
  }
  for (const id of muted) out[id] ??= { ...EMPTY_PROGRESS, muted: true };
  if (!byMuted) {
    byMuted = new WeakMap();
    derived.set(state.log, byMuted);
  }
  byMuted.set(state.muted, out);
  return out;
}

/** The derived progress next to the stored state, for the readers that take a `ProgressSource`. */
export const withProgress = <S extends Pick<UserState, 'log' | 'muted'>>(state: S): S & ProgressSource => ({
  ...state,
  progress: deriveProgress(state),
});

/** The progress of one key (a milestone id or a cycle key); EMPTY_PROGRESS when nothing is recorded. */
export const progressOf = (source: ProgressSource, key: string): Progress =>
  source.progress[key] ?? EMPTY_PROGRESS;

/**
 * The progress that speaks for one occurrence: its own key's (a cycle's), else the milestone's.
 * Mute is always the milestone's.
 */
export function progressOfOccurrence(source: ProgressSource, milestoneId: string, key: string): Progress {
  const own = source.progress[key];
  const milestone = source.progress[milestoneId];
  if (own && key !== milestoneId) return { ...own, muted: milestone?.muted ?? own.muted };
  return milestone ?? EMPTY_PROGRESS;
}

/** Every entry of one key, oldest first (`compareEntries` order). */
export const entriesOf = (log: readonly LogEntry[], key: LogKey): LogEntry[] =>
  log.filter((e) => e.key === key).sort(compareEntries);

/** A new record as the UI, the CLI or the API asks for it. */
export const newRecordSchema = z.strictObject({
  key: logKeySchema,
  status: statusSchema,
  /** The date it happened / the state held; required for achieved, partial and missed. */
  on: z.string().max(20).nullable().optional(),
  note: z.string().max(LIMITS.noteChars, tooLong(LIMITS.noteChars)).optional(),
  evidence: z.array(evidenceItemSchema).max(50).optional(),
});
export type NewRecord = z.infer<typeof newRecordSchema>;

/** Who, when and with which id an entry is recorded (the caller's: core has no clock or ids). */
export interface EntryContext {
  author: string;
  now: Date;
  /** Today in the user's time zone. */
  today: IsoDate;
  /** A fresh globally unique id (a UUID). */
  newId: () => string;
}

/** A change the log refuses; the message says what to do. */
export class LogEntryError extends Error {
  constructor(
    message: string,
    /** 'not-found' for an unknown milestone, cycle or entry; 'invalid' otherwise. */
    readonly code: 'invalid' | 'not-found' = 'invalid',
  ) {
    super(message);
    this.name = 'LogEntryError';
  }
}

/**
 * Checks that a key names something recordable: a known milestone; for a recurring one, one of its
 * cycles (each cycle is recorded on its own key); for any other, no cycle.
 */
export function checkLogKey(milestones: readonly AnyMilestone[], key: LogKey, today: IsoDate): void {
  const { milestoneId, cycle } = parseLogKey(key);
  const milestone = milestones.find((m) => m.id === milestoneId);
  if (!milestone) throw new LogEntryError(`No milestone with id "${milestoneId}".`, 'not-found');
  if (milestone.kind !== 'recurring') {
    if (cycle) throw new LogEntryError(`"${milestoneId}" is not recurring: record it without "@${cycle}".`);
    return;
  }
  const recordable = recordableCycles(milestone, today);
  const named = (dates: readonly IsoDate[]) => dates.map((c) => logKey(milestoneId, c)).join(', ');
  if (!cycle) {
    const hint =
      recordable.length > 1
        ? `e.g. ${named(recordable.slice(0, -1))}`
        : `its first cycle is ${named(recordable) || `${milestoneId}@?`}`;
    throw new LogEntryError(`"${milestoneId}" recurs: record one cycle as <id>@<cycle date>, ${hint}.`);
  }
  if (!isCycleOf(milestone, cycle)) {
    throw new LogEntryError(
      `"${cycle}" is not a cycle of "${milestoneId}"; its cycles up to the next are ${recordable.join(', ')}.`,
      'not-found',
    );
  }
}

const firstIssue = (error: z.ZodError): string => {
  const issue = error.issues[0];
  const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
  return `${issue?.message ?? 'invalid'}${where}`;
};

/**
 * Appends a record entry to the log. Achieved, partial and missed need the date it happened
 * (`on`); for the other statuses `on` is the "as of" date and defaults to today. The date must pass
 * `checkEntryDate`. Whether the key names a known milestone is checked with `checkLogKey` first.
 */
export function appendRecord(
  state: UserState,
  input: NewRecord,
  ctx: EntryContext,
): { state: UserState; entry: RecordEntry } {
  const parsed = newRecordSchema.safeParse(input);
  if (!parsed.success) throw new LogEntryError(`Not recorded: ${firstIssue(parsed.error)}.`);
  const { key, status, note = '', evidence = [] } = parsed.data;
  let on = parsed.data.on ?? null;
  if (on === null || on === '') {
    if (DATED_STATUSES.has(status)) {
      throw new LogEntryError(
        `Not recorded: "${status}" needs the date it happened (on); nothing is assumed.`,
      );
    }
    on = ctx.today;
  }
  const problem = checkEntryDate(on, ctx.today);
  if (problem) throw new LogEntryError(`Not recorded: the date ${entryDateMessage(problem, on, ctx.today)}`);
  if (!ctx.author.trim()) throw new LogEntryError('Not recorded: set your name in Settings first.');
  const entry: RecordEntry = {
    type: 'record',
    id: ctx.newId(),
    key,
    recordedAt: ctx.now.toISOString(),
    author: ctx.author.trim(),
    note,
    status,
    on,
    evidence,
  };
  return { state: { ...state, log: [...state.log, entry] }, entry };
}

/** Appends a retraction of the record `entryId`; refuses an unknown or already withdrawn one. */
export function appendRetraction(
  state: UserState,
  entryId: string,
  ctx: EntryContext & { note?: string },
): { state: UserState; entry: RetractionEntry } {
  const target = state.log.find((e) => e.id === entryId);
  if (!target || target.type !== 'record') {
    throw new LogEntryError(`No recorded entry with id "${entryId}".`, 'not-found');
  }
  if (state.log.some((e) => e.type === 'retraction' && e.retracts === entryId)) {
    throw new LogEntryError('That entry is already withdrawn.');
  }
  const entry: RetractionEntry = {
    type: 'retraction',
    id: ctx.newId(),
    key: target.key,
    recordedAt: ctx.now.toISOString(),
    author: ctx.author.trim() || target.author,
    note: ctx.note ?? '',
    retracts: entryId,
  };
  return { state: { ...state, log: [...state.log, entry] }, entry };
}

/** Mutes or unmutes a milestone's reminders (a setting, not a log entry). */
export function setMuted(state: UserState, milestoneId: string, muted: boolean): UserState {
  const has = state.muted.includes(milestoneId);
  if (has === muted) return state;
  return {
    ...state,
    muted: muted ? [...state.muted, milestoneId] : state.muted.filter((id) => id !== milestoneId),
  };
}
