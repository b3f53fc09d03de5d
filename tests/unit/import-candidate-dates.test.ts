/**
 * The import dialog's editor of a candidate's kind and dates: the fields each kind has, the dates
 * a draft gives, and its check, which is core's schema of a milestone's dates (so the dialog and
 * the saved file agree on what is valid), reported field by field as message keys that exist in
 * both languages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { milestoneDatesSchema } from '../../electron/core/milestone-schema';
import { candidateSchema } from '../../electron/core/strategy';
import {
  checkDates,
  datesDraftOf,
  datesOfDraft,
  FIELDS_OF_KIND,
  type DatesDraft,
} from '../../renderer/src/import/candidate-dates';

const DEADLINE = {
  kind: 'deadline' as const,
  start: '2022-01-10',
  due: '2025-12-31',
  window: { from: '2025-01-01', to: '2025-12-31' },
  recurrence: null,
};
const draft = (patch: Partial<DatesDraft>): DatesDraft => ({ ...datesDraftOf(DEADLINE), ...patch });

const locale = (lang: string) =>
  JSON.parse(
    readFileSync(join(__dirname, `../../electron/contract/locales/${lang}/ui.json`), 'utf8'),
  ) as Record<string, unknown>;
const lookup = (tree: Record<string, unknown>, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], tree);

describe('editing the kind and dates of an import candidate', () => {
  it('round-trips the proposed dates unchanged', () => {
    expect(checkDates(datesDraftOf(DEADLINE))).toEqual({ ok: true, dates: DEADLINE });
    const recurring = {
      kind: 'recurring' as const,
      start: null,
      due: null,
      window: null,
      recurrence: { everyYears: 3, first: '2024-12-31' },
    };
    expect(checkDates(datesDraftOf(recurring))).toEqual({ ok: true, dates: recurring });
  });

  it('keeps only the fields of the chosen kind', () => {
    expect(datesOfDraft(draft({ kind: 'start', start: '2023-07-01' }))).toEqual({
      kind: 'start',
      start: '2023-07-01',
      due: null,
      window: null,
      recurrence: null,
    });
    expect(datesOfDraft(draft({ kind: 'recurring', everyYears: '2' }))).toEqual({
      kind: 'recurring',
      start: null,
      due: null,
      window: null,
      // The first time starts from the proposed due date.
      recurrence: { everyYears: 2, first: '2025-12-31' },
    });
    expect(datesOfDraft(draft({ kind: 'undated' }))).toEqual({
      kind: 'undated',
      start: null,
      due: null,
      window: null,
      recurrence: null,
    });
    expect(datesOfDraft(draft({ windowFrom: ' ', windowTo: '' })).window).toBeNull();
    expect(datesOfDraft(draft({ start: '' })).start).toBeNull();
    expect(FIELDS_OF_KIND.undated).toEqual([]);
  });

  it('reports what is wrong per field, with the same verdict as core’s schema', () => {
    const cases: [Partial<DatesDraft>, Record<string, string>][] = [
      [{ due: '2025-02-30' }, { due: 'import.error.date' }],
      [{ due: '31-12-2025' }, { due: 'import.error.date' }],
      [{ due: '' }, { due: 'import.error.needsDue' }],
      [{ start: '2026-01-01' }, { due: 'import.error.dueBeforeStart' }],
      [{ windowFrom: '2025-06-01', windowTo: '2025-05-01' }, { windowTo: 'import.error.windowReversed' }],
      [{ windowFrom: '' }, { windowFrom: 'import.error.windowEnd' }],
      [{ kind: 'start', start: '' }, { start: 'import.error.needsStart' }],
      [{ kind: 'recurring', first: '' }, { first: 'import.error.needsFirst' }],
      [{ kind: 'recurring', everyYears: '0' }, { everyYears: 'import.error.everyYears' }],
      [{ kind: 'recurring', everyYears: 'two' }, { everyYears: 'import.error.everyYears' }],
      [{ kind: 'recurring', everyYears: '11' }, { everyYears: 'import.error.everyYears' }],
    ];
    for (const [patch, errors] of cases) {
      const d = draft(patch);
      expect(checkDates(d), JSON.stringify(patch)).toEqual({ ok: false, errors });
      expect(milestoneDatesSchema.safeParse(datesOfDraft(d)).success).toBe(false);
    }
    // A field another kind has does not count: a bad due date on a start commitment is dropped.
    expect(checkDates(draft({ kind: 'start', due: 'nonsense' }))).toMatchObject({ ok: true });
  });

  it('every message key exists in Dutch and in English', () => {
    const keys = [
      'import.error.date',
      'import.error.needsDue',
      'import.error.needsStart',
      'import.error.needsFirst',
      'import.error.dueBeforeStart',
      'import.error.windowReversed',
      'import.error.windowEnd',
      'import.error.everyYears',
      ...Object.values(FIELDS_OF_KIND)
        .flat()
        .map((f) => `import.field.${f}`),
    ];
    for (const lang of ['nl', 'en']) {
      for (const key of keys) expect(lookup(locale(lang), key), `${lang} ${key}`).toEqual(expect.any(String));
    }
  });

  it('the API refuses a candidate whose edited dates the milestone schema refuses', () => {
    const candidate = {
      quote: 'By 2025 the city will have a warning siren in every district.',
      line: 12,
      section: 'What we will do',
      datePhrase: 'By 2025',
      ...DEADLINE,
      actor: null,
      title: 'Sirens',
    };
    expect(candidateSchema.safeParse(candidate).success).toBe(true);
    expect(candidateSchema.safeParse({ ...candidate, due: '2025-02-30' }).success).toBe(false);
    expect(candidateSchema.safeParse({ ...candidate, start: '2026-01-01' }).success).toBe(false);
    expect(candidateSchema.safeParse({ ...candidate, kind: 'start', start: null }).success).toBe(false);
    expect(
      candidateSchema.safeParse({
        ...candidate,
        kind: 'recurring',
        recurrence: { everyYears: 2, first: '2023-12-31' },
      }).success,
    ).toBe(true);
  });
});
