/**
 * The kind and dates of an import candidate as the dialog edits them: text fields typed as
 * YYYY-MM-DD, the fields each kind has, and their check, which is core's own schema of a
 * milestone's dates (milestoneDatesSchema) with its issues turned into message keys of the `ui`
 * namespace, field by field. Pure.
 */
import type { MilestoneKind, ResolvedDate } from '../../../electron/core/date-phrase';
import { milestoneDatesSchema, type DateProblem } from '../../../electron/core/milestone-schema';

export interface DatesDraft {
  kind: MilestoneKind;
  start: string;
  due: string;
  windowFrom: string;
  windowTo: string;
  first: string;
  everyYears: string;
}

export type DatesField = Exclude<keyof DatesDraft, 'kind'>;

/** The fields each kind has, in the order the dialog shows them (as the milestone schema defines them). */
export const FIELDS_OF_KIND: Readonly<Record<MilestoneKind, readonly DatesField[]>> = {
  deadline: ['start', 'due', 'windowFrom', 'windowTo'],
  start: ['start'],
  recurring: ['first', 'everyYears'],
  undated: [],
};

/** The draft of a candidate's proposed dates; fields another kind has start from sensible values. */
export function datesDraftOf(c: ResolvedDate): DatesDraft {
  return {
    kind: c.kind,
    start: c.start ?? '',
    due: c.due ?? '',
    windowFrom: c.window?.from ?? '',
    windowTo: c.window?.to ?? '',
    first: c.recurrence?.first ?? c.due ?? '',
    everyYears: String(c.recurrence?.everyYears ?? 1),
  };
}

/** The dates a draft says, for its kind only (a field the kind lacks is null); not yet checked. */
export function datesOfDraft(d: DatesDraft): ResolvedDate {
  const has = (field: DatesField) => FIELDS_OF_KIND[d.kind].includes(field);
  const value = (field: DatesField) => (has(field) && d[field].trim() !== '' ? d[field].trim() : null);
  const from = value('windowFrom');
  const to = value('windowTo');
  const first = value('first');
  const years = d.everyYears.trim();
  return {
    kind: d.kind,
    start: value('start'),
    due: value('due'),
    // Half a window is checked as such (the empty end is not a date), never silently dropped.
    window: from === null && to === null ? null : { from: from ?? '', to: to ?? '' },
    recurrence:
      has('first') && first !== null
        ? { everyYears: /^\d{1,2}$/.test(years) ? Number(years) : Number.NaN, first }
        : null,
  };
}

export type DatesCheck =
  { ok: true; dates: ResolvedDate } | { ok: false; errors: Partial<Record<DatesField, string>> };

const PROBLEM_KEYS: Readonly<Record<DateProblem, string>> = {
  needsDue: 'import.error.needsDue',
  needsStart: 'import.error.needsStart',
  needsRecurrence: 'import.error.needsFirst',
  dueBeforeStart: 'import.error.dueBeforeStart',
  windowReversed: 'import.error.windowReversed',
};

/** The field an issue of milestoneDatesSchema is about. */
function fieldOf(path: readonly PropertyKey[]): DatesField | null {
  const [head, tail] = path;
  if (head === 'start' || head === 'due') return head;
  if (head === 'window') return tail === 'from' ? 'windowFrom' : 'windowTo';
  if (head === 'recurrence') return tail === 'everyYears' ? 'everyYears' : 'first';
  return null;
}

/** The draft's dates when core's schema takes them, else a message key for every field that is wrong (the first per field). */
export function checkDates(d: DatesDraft): DatesCheck {
  const dates = datesOfDraft(d);
  const result = milestoneDatesSchema.safeParse(dates);
  if (result.success) return { ok: true, dates };
  const errors: Partial<Record<DatesField, string>> = {};
  for (const issue of result.error.issues) {
    const field = fieldOf(issue.path);
    if (field === null || errors[field]) continue;
    const problem = (issue as { params?: { problem?: DateProblem } }).params?.problem;
    errors[field] = problem
      ? PROBLEM_KEYS[problem]
      : field === 'everyYears'
        ? 'import.error.everyYears'
        : (field === 'windowFrom' || field === 'windowTo') && d[field].trim() === ''
          ? 'import.error.windowEnd'
          : 'import.error.date';
  }
  return { ok: false, errors };
}
