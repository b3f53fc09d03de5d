/**
 * The progress log: per milestone, and per cycle of a recurring one, a list of immutable entries.
 * A correction is a new entry; a removal is a retraction entry naming the entry it withdraws, so
 * the log keeps everything. The current state of a milestone or cycle is derived from its log.
 *
 * Entries are keyed by a log key: the milestone id, or `<id>@<cycle date>` for one cycle of a
 * recurring milestone (the same key the review prints, e.g. `general-progress-report@2023-12-31`).
 * Every entry has a globally unique id (a UUID), so entries written by different people on
 * different machines never collide and can be merged by union (the team sync relies on this).
 *
 * No zod is loaded here (the renderer's first chunk needs this module): the entries' schemas, which
 * the types below come from, are in `progress-log-schema.ts`.
 */
import type { z } from 'zod';
import { isCalendarDate } from './calendar-date';
import type { IsoDate } from './date-phrase';
import { EARLIEST_ENTRY_DATE } from './limits';
import type {
  evidenceItemSchema,
  logEntrySchema,
  logKeySchema,
  ownerEntrySchema,
  recordEntrySchema,
  retractionEntrySchema,
} from './progress-log-schema';

/** One source for an entry: a document, a web page, a meeting record. */
export type EvidenceItem = z.infer<typeof evidenceItemSchema>;
/** `<milestone id>` or `<milestone id>@YYYY-MM-DD` (one cycle of a recurring milestone). */
export type LogKey = z.infer<typeof logKeySchema>;
/** A statement of the state of a milestone or cycle as of a date. */
export type RecordEntry = z.infer<typeof recordEntrySchema>;
/** Withdraws an earlier entry of the same key. */
export type RetractionEntry = z.infer<typeof retractionEntrySchema>;
/** Who owns a milestone from now on. */
export type OwnerEntry = z.infer<typeof ownerEntrySchema>;
export type LogEntry = z.infer<typeof logEntrySchema>;

export const logKey = (milestoneId: string, cycle?: string | null): LogKey =>
  cycle ? `${milestoneId}@${cycle}` : milestoneId;

export function parseLogKey(key: LogKey): { milestoneId: string; cycle: string | null } {
  const at = key.indexOf('@');
  return at < 0
    ? { milestoneId: key, cycle: null }
    : { milestoneId: key.slice(0, at), cycle: key.slice(at + 1) };
}

/** Total order of entries: by recording instant, then id (the same on every machine). */
export const compareEntries = (a: LogEntry, b: LogEntry): number =>
  a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * The entry that states the current state of one key: the latest record entry (in
 * `compareEntries` order) that no retraction withdraws; null when there is none.
 */
export const currentEntry = (entries: readonly LogEntry[]): RecordEntry | null => latestRecord(entries, null);

/**
 * The latest record entry (`compareEntries` order) that no retraction withdraws, among those whose
 * `on` is on or before `asOf` (all of them when `asOf` is null). One pass over the entries, plus
 * one for the retractions; no copies (the app derives this for every key on every save).
 */
function latestRecord(entries: readonly LogEntry[], asOf: IsoDate | null): RecordEntry | null {
  const retracted = withdrawnIds(entries);
  let best: RecordEntry | null = null;
  for (const e of entries) {
    if (e.type !== 'record' || (asOf !== null && e.on > asOf) || retracted?.has(e.id)) continue;
    if (!best || compareEntries(e, best) > 0) best = e;
  }
  return best;
}

/** The ids the retractions among `entries` withdraw; null when there is no retraction (the rule). */
function withdrawnIds(entries: readonly LogEntry[]): Set<string> | null {
  let ids: Set<string> | null = null;
  for (const e of entries) if (e.type === 'retraction') (ids ??= new Set()).add(e.retracts);
  return ids;
}

/** Why a date cannot be recorded: not YYYY-MM-DD, no such day, before 2000, or after today. */
export type EntryDateProblem = 'format' | 'calendar' | 'too-early' | 'future';

/**
 * The one check of a date a user records ("achieved on", "as of"): the UI, the CLI, the import and
 * the store all use it. Refuses 2023-02-30, year 0020, anything before 2000 and anything after today.
 */
export function checkEntryDate(value: string, today: IsoDate): EntryDateProblem | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'format';
  if (!isCalendarDate(value)) return 'calendar';
  if (value < EARLIEST_ENTRY_DATE) return 'too-early';
  if (value > today) return 'future';
  return null;
}

/** The problem in English, saying what to do (the CLI and API errors; the UI has its own words). */
export function entryDateMessage(problem: EntryDateProblem, value: string, today: IsoDate): string {
  switch (problem) {
    case 'format':
      return `expects a date as YYYY-MM-DD, got ${JSON.stringify(value)}.`;
    case 'calendar':
      return `${value} is not a day of the calendar; give a real date as YYYY-MM-DD.`;
    case 'too-early':
      return `${value} is before ${EARLIEST_ENTRY_DATE}; check the year (four digits, e.g. 2023).`;
    case 'future':
      return `${value} is after today (${today}); record what has happened, on the day it happened.`;
  }
}

const inOrder = (entries: readonly LogEntry[]): boolean => {
  for (let i = 1; i < entries.length; i += 1)
    if (compareEntries(entries[i - 1]!, entries[i]!) > 0) return false;
  return true;
};

/** The log grouped by key, each key's entries in `compareEntries` order. */
export type LogByKey = ReadonlyMap<LogKey, readonly LogEntry[]>;

const grouped = new WeakMap<readonly LogEntry[], LogByKey>();

/**
 * The log grouped by key, in one pass, each key's entries in `compareEntries` order. Memoised on the
 * log array (a state's log is never changed in place: appending makes a new array), so the derived
 * progress and the review of one state share one grouping.
 */
export function entriesByKey(log: readonly LogEntry[]): LogByKey {
  const cached = grouped.get(log);
  if (cached) return cached;
  const byKey = new Map<LogKey, LogEntry[]>();
  for (const entry of log) {
    const list = byKey.get(entry.key);
    if (list) list.push(entry);
    else byKey.set(entry.key, [entry]);
  }
  // Appended in recording order as a rule: sort only the lists that are not (a sort per key costs
  // more than the check on a first call).
  for (const list of byKey.values()) if (!inOrder(list)) list.sort(compareEntries);
  grouped.set(log, byKey);
  return byKey;
}

/**
 * The entry that states the state of one key as of a date: `currentEntry` among the records whose
 * `on` is on or before `asOf` (retractions always count: a withdrawn entry never speaks).
 */
export const entryAsOf = (entries: readonly LogEntry[], asOf: IsoDate): RecordEntry | null =>
  latestRecord(entries, asOf);

/** The ids of the entries of `entries` that a retraction withdraws. */
export const retractedIds = (entries: readonly LogEntry[]): Set<string> => withdrawnIds(entries) ?? new Set();

/**
 * Whether the log already states what another record entry (e.g. the public record's) says: the key's current entry
 * has the same status and date. Adopting it again would add nothing.
 */
export function alreadyStated(log: readonly LogEntry[], entry: RecordEntry): boolean {
  const current = currentEntry(log.filter((e) => e.key === entry.key));
  return current !== null && current.status === entry.status && current.on === entry.on;
}
