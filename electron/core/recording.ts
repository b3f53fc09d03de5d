/**
 * Recording to the progress log: a record, a retraction, an owner. Each step checks its input with
 * its schema and returns a new state; nothing in the log is ever changed or removed (a correction
 * is a new entry, a removal a retraction, a new owner or a cleared one a new owner entry).
 */
import { z } from 'zod';
import type { IsoDate } from './date-phrase';
import { LIMITS, tooLong } from './limits';
import type { AnyMilestone } from './milestone';
import { isCycleOf, recordableCycles } from './occurrences';
import { currentOwner } from './ownership';
import {
  checkEntryDate,
  entryDateMessage,
  logKey,
  parseLogKey,
  type LogKey,
  type OwnerEntry,
  type RecordEntry,
  type RetractionEntry,
} from './progress-log';
import { evidenceItemSchema, logKeySchema, ownerNameSchema, statusSchema } from './progress-log-schema';
import { DATED_STATUSES } from './status';
import type { UserState } from './user-state';

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

/** An assignment as the UI, the CLI or the API asks for it: empty or missing names clear. */
export const newOwnerSchema = z.strictObject({
  key: logKeySchema,
  person: z.string().max(200).nullable().optional(),
  unit: z.string().max(200).nullable().optional(),
});
export type NewOwner = z.infer<typeof newOwnerSchema>;

const cleanName = (value: string | null | undefined, what: string): string | null => {
  if (value === undefined || value === null || value.trim() === '') return null;
  const parsed = ownerNameSchema.safeParse(value);
  if (!parsed.success) {
    throw new LogEntryError(
      `Not assigned: the ${what} name ${parsed.error.issues[0]?.message ?? 'is invalid'}.`,
    );
  }
  return parsed.data.replace(/\s+/g, ' ');
};

/**
 * Appends an owner entry for a milestone (`checkLogKey`-style checks of the id are the caller's:
 * the milestones are not core's to know). Empty names clear. Returns the state itself, unchanged,
 * when the key already has exactly this owner (nothing to record).
 */
export function appendOwner(
  state: UserState,
  input: NewOwner,
  ctx: EntryContext,
): { state: UserState; entry: OwnerEntry | null } {
  const parsed = newOwnerSchema.safeParse(input);
  if (!parsed.success)
    throw new LogEntryError(`Not assigned: ${parsed.error.issues[0]?.message ?? 'invalid'}.`);
  const { key } = parsed.data;
  if (parseLogKey(key).cycle) {
    throw new LogEntryError('Not assigned: an owner is set for the whole milestone, not one cycle.');
  }
  const person = cleanName(parsed.data.person, 'person');
  const unit = cleanName(parsed.data.unit, 'unit');
  if (!ctx.author.trim()) throw new LogEntryError('Not assigned: set your name in Settings first.');
  const current = currentOwner(state.log.filter((e) => e.key === key));
  if ((current?.person ?? null) === person && (current?.unit ?? null) === unit) return { state, entry: null };
  const entry: OwnerEntry = {
    type: 'owner',
    id: ctx.newId(),
    key,
    recordedAt: ctx.now.toISOString(),
    author: ctx.author.trim(),
    note: '',
    person,
    unit,
  };
  return { state: { ...state, log: [...state.log, entry] }, entry };
}

/** The milestone id of an owner key, checked against the known milestones. */
export function checkOwnerKey(milestones: readonly Pick<AnyMilestone, 'id'>[], key: string): void {
  if (!milestones.some((m) => m.id === key)) {
    throw new LogEntryError(`No milestone with id "${key}".`, 'not-found');
  }
}
