/**
 * The progress log: per milestone, and per cycle of a recurring one, a list of immutable entries.
 * A correction is a new entry; a removal is a retraction entry naming the entry it withdraws, so
 * the log keeps everything. The current state of a milestone or cycle is derived from its log.
 *
 * Entries are keyed by a log key: the milestone id, or `<id>@<cycle date>` for one cycle of a
 * recurring milestone (the same key the review prints, e.g. `general-progress-report@2023-12-31`).
 * Every entry has a globally unique id (a UUID), so entries written by different people on
 * different machines never collide and can be merged by union (the team sync relies on this).
 */
import { z } from 'zod';
import { isoDateSchema } from './milestone';
import { statusSchema } from './user-state';

/** An instant, as an ISO 8601 string with offset (new Date().toISOString()). */
const instant = z.iso.datetime({ offset: true });

/** One source for an entry: a document, a web page, a meeting record. */
export const evidenceItemSchema = z.strictObject({
  title: z.string().min(1).max(1_000),
  url: z.url({ protocol: /^https?$/, error: 'evidence links must be http(s) URLs' }).nullable(),
  /** When the source was published or dated. */
  date: isoDateSchema.nullable(),
  publisher: z.string().max(500).nullable(),
  /** A document number such as `JOIN(2023) 9` or `ST 9588/23`, where there is one. */
  reference: z.string().max(200).nullable().optional(),
  /** A secondary source (reporting on, not issuing, the document). */
  secondary: z.boolean().optional(),
});
export type EvidenceItem = z.infer<typeof evidenceItemSchema>;

/** `<milestone id>` or `<milestone id>@YYYY-MM-DD` (one cycle of a recurring milestone). */
export const logKeySchema = z
  .string()
  .max(200)
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*(?:@\d{4}-\d{2}-\d{2})?$/,
    'expected <milestone id> or <milestone id>@YYYY-MM-DD',
  );
export type LogKey = z.infer<typeof logKeySchema>;

const entryBase = {
  /** Globally unique and stable (a UUID): the same entry on every machine and on the server. */
  id: z.string().min(8).max(100),
  key: logKeySchema,
  /** When it was recorded (the instant the author saved it). */
  recordedAt: instant,
  /** Who recorded it: a name from Settings (default: the OS user), or "Public record". */
  author: z.string().min(1).max(200),
  note: z.string().max(10_000),
};

/** A statement of the state of a milestone or cycle as of a date. */
export const recordEntrySchema = z.strictObject({
  ...entryBase,
  type: z.literal('record'),
  status: statusSchema,
  /** The date the state held: "achieved on" for achieved, "as of" otherwise. */
  on: isoDateSchema,
  evidence: z.array(evidenceItemSchema).max(50),
});

/** Withdraws an earlier entry of the same key (it stays in the log, marked as retracted). */
export const retractionEntrySchema = z.strictObject({
  ...entryBase,
  type: z.literal('retraction'),
  retracts: z.string().min(8).max(100),
});

export const logEntrySchema = z.discriminatedUnion('type', [recordEntrySchema, retractionEntrySchema]);
export type RecordEntry = z.infer<typeof recordEntrySchema>;
export type RetractionEntry = z.infer<typeof retractionEntrySchema>;
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
export function currentEntry(entries: readonly LogEntry[]): RecordEntry | null {
  const retracted = new Set(entries.flatMap((e) => (e.type === 'retraction' ? [e.retracts] : [])));
  let best: RecordEntry | null = null;
  for (const e of entries) {
    if (e.type !== 'record' || retracted.has(e.id)) continue;
    if (!best || compareEntries(e, best) > 0) best = e;
  }
  return best;
}
