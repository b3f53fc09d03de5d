/**
 * The schemas of the progress log's entries (see `progress-log.ts`, which gives their types and
 * everything derived from them without loading zod).
 */
import { z } from 'zod';
import { plusDays } from './calendar-date';
import { isoDateSchema } from './milestone-schema';
import { EARLIEST_ENTRY_DATE } from './limits';
import { STATUSES } from './status';

export const statusSchema = z.enum(STATUSES);

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

/** `<milestone id>` or `<milestone id>@YYYY-MM-DD` (one cycle of a recurring milestone). */
export const logKeySchema = z
  .string()
  .max(200)
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*(?:@\d{4}-\d{2}-\d{2})?$/,
    'expected <milestone id> or <milestone id>@YYYY-MM-DD',
  );

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
export const recordEntrySchema = z
  .strictObject({
    ...entryBase,
    type: z.literal('record'),
    status: statusSchema,
    /** The date the state held: "achieved on" for achieved, "as of" otherwise. */
    on: isoDateSchema.refine(
      (d) => d >= EARLIEST_ENTRY_DATE,
      `dates before ${EARLIEST_ENTRY_DATE} are refused`,
    ),
    evidence: z.array(evidenceItemSchema).max(50),
  })
  // An entry cannot tell of a day after the one it was recorded on (a day's slack for time zones).
  // (`on` on or before the recorded day, the rule, needs no date arithmetic: checked first.)
  .refine((e) => e.on <= e.recordedAt.slice(0, 10) || e.on <= plusDays(e.recordedAt.slice(0, 10), 1), {
    message: 'the date is after the day it was recorded',
    path: ['on'],
  });

/** Withdraws an earlier entry of the same key (it stays in the log, marked as retracted). */
export const retractionEntrySchema = z.strictObject({
  ...entryBase,
  type: z.literal('retraction'),
  retracts: z.string().min(8).max(100),
});

/** A person's or a unit's name as an owner: trimmed, one line. */
export const ownerNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\n\r\t]+$/, 'a name is one line');

/**
 * Who owns a milestone from now on: a person, a unit, or both; both null clears the owner. Like
 * every entry it is never changed: the current owner is the latest owner entry (ownership.ts).
 */
export const ownerEntrySchema = z.strictObject({
  ...entryBase,
  type: z.literal('owner'),
  person: ownerNameSchema.nullable(),
  unit: ownerNameSchema.nullable(),
});

export const logEntrySchema = z.discriminatedUnion('type', [
  recordEntrySchema,
  retractionEntrySchema,
  ownerEntrySchema,
]);
