/**
 * Every size limit of the app in one place: string lengths, list lengths and byte sizes that no
 * real user reaches (the whole Compass has 87 milestones; its longest quote is 533 characters)
 * and that keep every command fast (reading, validating and writing a store at these limits takes
 * well under a second). The schemas (milestone-schema.ts, user-state.ts, the contract), the web
 * host's body reader and the import readers use these names; `tooLong`/`tooMany` give the messages.
 * Beside them, the earliest day a progress entry may speak of.
 */
export const LIMITS = {
  /** A milestone id (and a progress record's key). */
  idChars: 200,
  /** A title in one language, a section heading, an actor, a date phrase. */
  titleChars: 1_000,
  /** The Compass quote of a dataset entry, and a dataset entry's note. */
  quoteChars: 10_000,
  /** The user's note on a milestone. */
  noteChars: 10_000,
  /** The evidence text on a milestone. */
  evidenceChars: 10_000,
  /** An evidence link. */
  urlChars: 2_000,
  /** Milestones of the user's own. */
  ownMilestones: 1_000,
  /** Entries in a dataset file (the benchmarks use 10,000). */
  datasetMilestones: 20_000,
  /**
   * Entries in the progress log, all milestones together (10,000 milestones with five entries each
   * is 50,000; a store at this limit still reads and writes in well under a second).
   */
  logEntries: 100_000,
  /** A reminder key. */
  reminderKeyChars: 300,
  /** The timeline's search text (longer is cut, in the field and in storage). */
  searchChars: 200,
  /** A data file to import (export-state, "Export data…"), in bytes. */
  importFileBytes: 10_000_000,
  /** A dataset file given with --milestones, in bytes. */
  datasetFileBytes: 50_000_000,
  /**
   * An HTTP request body of the web host, in bytes: an import's content travels as a JSON string,
   * so this leaves room for its escaping.
   */
  httpBodyBytes: 25_000_000,
} as const;

export type LimitName = keyof typeof LIMITS;

/** No entry can speak of a day before this one (the app's records begin with the Compass's drafting). */
export const EARLIEST_ENTRY_DATE = '2000-01-01';

/**
 * 1000000 → "1,000,000". Not `toLocaleString`: the first Intl call of a page loads ICU's data
 * (tens of milliseconds), and these messages are built when the schemas are, as a chunk loads.
 */
const count = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** "at most 1,000 characters" */
export const tooLong = (max: number): string => `too long: at most ${count(max)} characters`;

/** "at most 1,000 entries" */
export const tooMany = (max: number, what = 'entries'): string => `too many ${what}: at most ${count(max)}`;

/** "too large: at most 10,000,000 bytes" */
export const tooLarge = (max: number): string => `too large: at most ${count(max)} bytes`;
