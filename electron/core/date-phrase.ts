/**
 * Resolves the Dutch time words of the Strategic Compass ("Uiterlijk eind 2022",
 * "vanaf de tweede helft van 2022", "ten minste om de drie jaar") to dates.
 * Pure: the adoption date is the only fixed point, nothing reads the clock.
 */

export type IsoDate = string;
export type MilestoneKind = 'deadline' | 'start' | 'recurring' | 'undated';

export interface DateWindow {
  from: IsoDate;
  to: IsoDate;
}

export interface Recurrence {
  everyYears: number;
  first: IsoDate;
}

export interface ResolvedDate {
  kind: MilestoneKind;
  start: IsoDate | null;
  due: IsoDate | null;
  window: DateWindow | null;
  recurrence: Recurrence | null;
}

/** What the surrounding text adds to a phrase that does not say it all itself. */
export interface DateContext {
  /** The year a phrase without one belongs to ("medio mei"), or the first cycle of a recurring one. */
  year?: number;
  /** A deadline's start when the text gives one other than the adoption date. */
  start?: IsoDate;
  /**
   * The text says the work begins in the period the phrase names ("eind 2022 … beginnen"):
   * a start commitment on the period's first day, not a deadline.
   */
  begins?: true;
}

/** The Council adopted the Strategic Compass on 21 March 2022. */
export const ADOPTION_DATE: IsoDate = '2022-03-21';
const ADOPTION_YEAR = 2022;

export class DatePhraseError extends Error {
  constructor(phrase: string) {
    super(
      `Unrecognised date phrase "${phrase}". Use one of the forms in the dataset's date table ` +
        `(e.g. "uiterlijk in 2025", "eind 2022", "vanaf 2023", "jaarlijks") or set datePhrase to null.`,
    );
    this.name = 'DatePhraseError';
  }
}

const CYCLES: ReadonlyArray<readonly [RegExp, number]> = [
  [/\btweejaarlijks(e)?\b/, 2],
  [/\bom de twee jaar\b/, 2],
  [/\bom de drie jaar\b/, 3],
  [/\bjaarlijks(e)?\b/, 1],
];

/** Calendar parts of a year, as the dataset's date table defines them. */
const PARTS = {
  year: ['01-01', '12-31'],
  begin: ['01-01', '03-31'],
  medio: ['05-01', '06-30'],
  eind: ['10-01', '12-31'],
  'medio mei': ['05-01', '05-15'],
} as const;

function deadline(year: number, part: keyof typeof PARTS, context: DateContext): ResolvedDate {
  const [from, to] = PARTS[part];
  return {
    kind: 'deadline',
    start: context.start ?? ADOPTION_DATE,
    due: `${year}-${to}`,
    window: { from: `${year}-${from}`, to: `${year}-${to}` },
    recurrence: null,
  };
}

/** A start commitment; nothing starts before the Compass existed, so never before its adoption. */
function startOn(date: IsoDate): ResolvedDate {
  const start = date < ADOPTION_DATE ? ADOPTION_DATE : date;
  return { kind: 'start', start, due: null, window: null, recurrence: null };
}

/** "… beginnen" with a deadline phrase: the start of that deadline's window. */
function beginning(resolved: ResolvedDate, context: DateContext): ResolvedDate {
  return context.begins && resolved.kind === 'deadline' && resolved.window
    ? startOn(resolved.window.from)
    : resolved;
}

/** A Dutch time phrase (or null for a commitment without one) to its kind and dates. */
export function resolveDatePhrase(phrase: string | null, context: DateContext = {}): ResolvedDate {
  return beginning(resolvePhrase(phrase, context), context);
}

function resolvePhrase(phrase: string | null, context: DateContext): ResolvedDate {
  if (phrase === null) {
    return { kind: 'undated', start: null, due: null, window: null, recurrence: null };
  }
  const text = phrase.toLowerCase().replace(/\s+/g, ' ').trim();
  const year = /\b(20\d\d)\b/.exec(text)?.[1];
  const explicitYear = year === undefined ? undefined : Number(year);

  for (const [pattern, everyYears] of CYCLES) {
    if (pattern.test(text)) {
      const first = explicitYear ?? context.year ?? ADOPTION_YEAR;
      return {
        kind: 'recurring',
        start: null,
        due: null,
        window: null,
        recurrence: { everyYears, first: `${first}-12-31` },
      };
    }
  }
  if (/^onmiddellijk$/.test(text)) return startOn(ADOPTION_DATE);

  const lead = String.raw`^(?:(?:uiterlijk|tegen|vóór|voor)\s+)?`;
  if (/\bmedio mei$/.test(text) || /\bmedio mei 20\d\d$/.test(text)) {
    if (!new RegExp(`${lead}medio mei(?: 20\\d\\d)?$`).test(text)) throw new DatePhraseError(phrase);
    return deadline(explicitYear ?? context.year ?? ADOPTION_YEAR, 'medio mei', context);
  }
  if (explicitYear === undefined) throw new DatePhraseError(phrase);

  if (new RegExp(`^(?:te beginnen )?vanaf de tweede helft van ${year}$`).test(text)) {
    return startOn(`${year}-07-01`);
  }
  if (new RegExp(`^(?:te beginnen )?vanaf ${year}$`).test(text)) return startOn(`${year}-01-01`);
  for (const part of ['eind', 'medio', 'begin'] as const) {
    if (new RegExp(`${lead}${part} ${year}$`).test(text)) {
      return deadline(explicitYear, part, context);
    }
  }
  // "voor 2025" without the accent: "(planned) for 2025", as in "de voor 2025 geplande … dreigingsanalyse".
  if (new RegExp(`^(?:uiterlijk(?: in)?|tegen|in|in het jaar|voor)\\s+${year}$`).test(text)) {
    return deadline(explicitYear, 'year', context);
  }
  throw new DatePhraseError(phrase);
}
