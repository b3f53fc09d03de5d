/**
 * The schemas of a milestone, of the user's own and of a dataset: every field's limits and the
 * checks across fields. The types they give are in `milestone.ts`, which loads without zod.
 */
import { z } from 'zod';
import { isCalendarDate } from './calendar-date';
import { KINDS, type DateWindow, type IsoDate, type Recurrence } from './date-phrase';
import { LIMITS, tooLong, tooMany } from './limits';
import { CHAPTERS } from './chapters';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isCalendarDate, 'not a real calendar date');

export const isoDateSchema = isoDate;

/** A non-empty string of at most `max` characters. */
const text = (max: number) => z.string().min(1).max(max, tooLong(max));

export const localizedTextSchema = z.strictObject({
  nl: text(LIMITS.titleChars),
  en: text(LIMITS.titleChars),
});

/** The fields of a dataset entry, before the checks across fields (`datesAreConsistent`). */
const milestoneFields = z.strictObject({
  id: z
    .string()
    .max(LIMITS.idChars, tooLong(LIMITS.idChars))
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are kebab-case: lower-case letters, digits and dashes'),
  chapter: z.enum(CHAPTERS),
  section: text(LIMITS.titleChars),
  title: localizedTextSchema,
  quote: text(LIMITS.quoteChars),
  line: z.int().positive(),
  datePhrase: text(LIMITS.titleChars).nullable(),
  dateContext: z
    .strictObject({
      year: z.int().min(2000).max(2100).optional(),
      start: isoDate.optional(),
      /** The text says the work begins in the named period ("eind 2022 … beginnen"): a start. */
      begins: z.literal(true).optional(),
    })
    .optional(),
  kind: z.enum(KINDS),
  start: isoDate.nullable(),
  due: isoDate.nullable(),
  window: z.strictObject({ from: isoDate, to: isoDate }).nullable(),
  recurrence: z.strictObject({ everyYears: z.int().min(1).max(10), first: isoDate }).nullable(),
  actor: text(LIMITS.titleChars),
  note: text(LIMITS.quoteChars).optional(),
});

type DatedFields = Pick<z.infer<typeof milestoneFields>, 'kind' | 'start' | 'due' | 'window' | 'recurrence'>;

/** What `datesAreConsistent` can find wrong: each issue carries one as `params.problem`, for a translated message. */
export const DATE_PROBLEMS = [
  'needsDue',
  'needsStart',
  'needsRecurrence',
  'dueBeforeStart',
  'windowReversed',
] as const;
export type DateProblem = (typeof DATE_PROBLEMS)[number];

/**
 * The checks across fields every milestone passes, the dataset's and the user's own: a deadline
 * has a due date, a start commitment a start date, a recurring one a recurrence; the due date is
 * not before the start, and a window ends after it begins.
 */
export function datesAreConsistent(m: DatedFields, ctx: z.RefinementCtx): void {
  const need = (ok: boolean, path: string, problem: DateProblem, message: string) => {
    if (!ok) ctx.addIssue({ code: 'custom', path: [path], message, params: { problem } });
  };
  need(m.kind !== 'deadline' || m.due !== null, 'due', 'needsDue', 'a deadline needs a due date');
  need(
    m.kind !== 'start' || m.start !== null,
    'start',
    'needsStart',
    'a start commitment needs a start date',
  );
  need(
    m.kind !== 'recurring' || m.recurrence !== null,
    'recurrence',
    'needsRecurrence',
    'a recurring commitment needs a recurrence',
  );
  need(
    !(m.start && m.due) || m.start <= m.due,
    'due',
    'dueBeforeStart',
    'the due date cannot be before the start',
  );
  need(
    !m.window || m.window.from <= m.window.to,
    'window',
    'windowReversed',
    'the window must end after it begins',
  );
}

/**
 * A milestone's kind and dates alone, with the same field checks and cross-field checks as a whole
 * milestone: what an editor of dates (the import dialog) validates against.
 */
export const milestoneDatesSchema = milestoneFields
  .pick({ kind: true, start: true, due: true, window: true, recurrence: true })
  .superRefine(datesAreConsistent);

export const milestoneSchema = milestoneFields.superRefine(datesAreConsistent);

/** A milestone the user adds: see `OwnMilestone`. */
export const ownMilestoneSchema = milestoneFields
  .omit({ quote: true, line: true, dateContext: true })
  .extend({
    id: z
      .string()
      .max(LIMITS.idChars, tooLong(LIMITS.idChars))
      .regex(/^own-[a-z0-9]+(?:-[a-z0-9]+)*$/, 'own milestone ids are kebab-case and start with "own-"'),
    own: z.literal(true),
  })
  .superRefine(datesAreConsistent);

export const datasetSchema = z
  .array(milestoneSchema)
  .max(LIMITS.datasetMilestones, tooMany(LIMITS.datasetMilestones, 'milestones'))
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((m, index) => {
      if (seen.has(m.id)) {
        ctx.addIssue({ code: 'custom', message: `duplicate id "${m.id}"`, path: [index, 'id'] });
      }
      seen.add(m.id);
    });
  });

// Compile-time checks that the schema and the date types agree.
type Assert<T extends true> = T;
type Milestone = z.infer<typeof milestoneSchema>;
export type _WindowMatches = Assert<Milestone['window'] extends DateWindow | null ? true : false>;
export type _RecurrenceMatches = Assert<Milestone['recurrence'] extends Recurrence | null ? true : false>;
export type _DueMatches = Assert<Milestone['due'] extends IsoDate | null ? true : false>;
