/**
 * Resolves the Dutch time words of the Strategic Compass ("Uiterlijk eind 2022",
 * "vanaf de tweede helft van 2022", "ten minste om de drie jaar") to dates.
 * Pure: the adoption date is the only fixed point, nothing reads the clock.
 */

import { daysInMonth, type IsoDate } from './calendar-date';

export type { IsoDate };
export type MilestoneKind = 'deadline' | 'start' | 'recurring' | 'undated';

/** Every kind, in the order the UI lists them. */
export const KINDS = [
  'deadline',
  'start',
  'recurring',
  'undated',
] as const satisfies readonly MilestoneKind[];

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
  // English (and a few more Dutch) cycles with the same meaning.
  [/\bevery (?:two|2|other) years?\b|\bbiennial(?:ly)?\b|\bom de 2 jaar\b/, 2],
  [/\bevery (?:three|3) years\b|\bom de 3 jaar\b/, 3],
  [/\bevery (?:four|4) years\b|\bom de (?:vier|4) jaar\b/, 4],
  [/\bevery (?:five|5) years\b|\bom de (?:vijf|5) jaar\b/, 5],
  [/\bannual(?:ly)?\b|\b(?:every|each) year\b|\byearly\b|\b(?:elk|ieder) jaar\b/, 1],
];

const MONTHS: Readonly<Record<string, number>> = {
  januari: 1,
  january: 1,
  februari: 2,
  february: 2,
  maart: 3,
  march: 3,
  april: 4,
  mei: 5,
  may: 5,
  juni: 6,
  june: 6,
  juli: 7,
  july: 7,
  augustus: 8,
  august: 8,
  september: 9,
  oktober: 10,
  october: 10,
  november: 11,
  december: 12,
};

const QUARTERS: Readonly<Record<string, number>> = {
  q1: 1,
  q2: 2,
  q3: 3,
  q4: 4,
  eerste: 1,
  tweede: 2,
  derde: 3,
  vierde: 4,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
};

const pad = (n: number) => String(n).padStart(2, '0');

/** A deadline whose window runs from month `fromMonth` to the end of month `toMonth` of `year`. */
function monthsDeadline(
  year: number,
  fromMonth: number,
  toMonth: number,
  context: DateContext,
): ResolvedDate {
  const to = `${year}-${pad(toMonth)}-${pad(daysInMonth(year, toMonth))}`;
  return {
    kind: 'deadline',
    start: context.start ?? ADOPTION_DATE,
    due: to,
    window: { from: `${year}-${pad(fromMonth)}-01`, to },
    recurrence: null,
  };
}

const BY = String.raw`^(?:(?:by|no later than|not later than|before|in|during|within|until|uiterlijk|tegen|vóór|voor|op|the|het|de)\s+)*`;

/**
 * A month, half or quarter without a year ("by the end of June", "in het derde kwartaal"): the
 * year comes from the context (a heading or an earlier sentence), else the adoption year, as for
 * "medio mei". Null for anything else.
 */
function resolveYearlessForms(text: string, context: DateContext): ResolvedDate | null {
  const year = context.year ?? ADOPTION_YEAR;
  const half = new RegExp(
    `${BY}(first|second|eerste|tweede) (?:half|helft)(?: of the year| van het jaar)?$`,
  ).exec(text);
  if (half) {
    const first = half[1] === 'first' || half[1] === 'eerste';
    return monthsDeadline(year, first ? 1 : 7, first ? 6 : 12, context);
  }
  const quarter =
    new RegExp(`${BY}(q[1-4])$`).exec(text) ??
    new RegExp(`${BY}(first|second|third|fourth|eerste|tweede|derde|vierde) (?:quarter|kwartaal)$`).exec(
      text,
    );
  if (quarter) {
    const q = QUARTERS[quarter[1] as string] as number;
    return monthsDeadline(year, q * 3 - 2, q * 3, context);
  }
  const month = new RegExp(`${BY}(?:(?:the )?end of |eind )?([a-z]+)$`).exec(text);
  const m =
    month &&
    /^(?:by|no later than|before|in|during|until|uiterlijk|tegen|vóór|voor|the|end|eind)\b/.test(text)
      ? MONTHS[month[1] as string]
      : undefined;
  return m === undefined ? null : monthsDeadline(year, m, m, context);
}

/**
 * The English forms, and the Dutch ones the Compass itself does not use, with the meaning of the
 * Dutch table: "by 2025" = "uiterlijk in 2025", "by mid-2023" = "uiterlijk medio 2023", "from 2023" =
 * "vanaf 2023", "by March 2026" = "vóór maart 2026" (the month is the window, due on its last day),
 * "in the first half of 2023" = "in de eerste helft van 2023" (January–June), "by Q3 2024" =
 * "uiterlijk in het derde kwartaal van 2024" (July–September). Null when the phrase is none of them.
 */
function resolveMoreForms(text: string, year: number | undefined, context: DateContext): ResolvedDate | null {
  if (/^(?:immediately|as soon as possible|without delay)$/.test(text)) {
    return startOn(context.start ?? ADOPTION_DATE, context);
  }
  if (year === undefined) return resolveYearlessForms(text, context);
  const y = String(year);
  const by = BY;
  const startLead = String.raw`^(?:from|as of|as from|starting(?: in| from)?|beginning(?: in| from)?|with effect from|met ingang van)\s+`;
  if (new RegExp(`${startLead}(?:the )?second half of ${y}$`).test(text))
    return startOn(`${y}-07-01`, context);
  if (new RegExp(`${startLead}(?:the )?${y}$`).test(text)) return startOn(`${y}-01-01`, context);
  if (new RegExp(`${by}(?:end|the end|end of|the end of|end-)\\s*(?:of )?${y}$`).test(text)) {
    return deadline(year, 'eind', context);
  }
  if (new RegExp(`${by}(?:mid|the middle of|middle of)[- ]?${y}$`).test(text)) {
    return deadline(year, 'medio', context);
  }
  if (new RegExp(`${by}(?:early|the beginning of|beginning of|the start of|start of)[- ]?${y}$`).test(text)) {
    return deadline(year, 'begin', context);
  }
  const half = new RegExp(`${by}(first|second|eerste|tweede) (?:half|helft) (?:of |van )?${y}$`).exec(text);
  if (half) {
    const first = half[1] === 'first' || half[1] === 'eerste';
    return monthsDeadline(year, first ? 1 : 7, first ? 6 : 12, context);
  }
  const quarter =
    new RegExp(`${by}(q[1-4]) ${y}$`).exec(text) ??
    new RegExp(
      `${by}(first|second|third|fourth|eerste|tweede|derde|vierde) (?:quarter|kwartaal) (?:of |van )?${y}$`,
    ).exec(text);
  if (quarter) {
    const q = QUARTERS[quarter[1] as string] as number;
    return monthsDeadline(year, q * 3 - 2, q * 3, context);
  }
  const month = new RegExp(`${by}(?:(?:the )?end of |eind )?([a-z]+) ${y}$`).exec(text);
  const m = month ? MONTHS[month[1] as string] : undefined;
  if (m !== undefined) return monthsDeadline(year, m, m, context);
  if (new RegExp(`^(?:by|no later than|not later than|during|within) ${y}$`).test(text)) {
    return deadline(year, 'year', context);
  }
  return null;
}

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

/**
 * A start commitment; nothing starts before its document existed: never before the context's
 * start (an imported document's own date) or, without one, the Compass's adoption.
 */
function startOn(date: IsoDate, context: DateContext = {}): ResolvedDate {
  const floor = context.start ?? ADOPTION_DATE;
  const start = date < floor ? floor : date;
  return { kind: 'start', start, due: null, window: null, recurrence: null };
}

/** "… beginnen" with a deadline phrase: the start of that deadline's window. */
function beginning(resolved: ResolvedDate, context: DateContext): ResolvedDate {
  return context.begins && resolved.kind === 'deadline' && resolved.window
    ? startOn(resolved.window.from, context)
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
  if (/^onmiddellijk$/.test(text)) return startOn(context.start ?? ADOPTION_DATE, context);
  const more = resolveMoreForms(text, explicitYear, context);
  if (more) return more;

  const lead = String.raw`^(?:(?:uiterlijk|tegen|vóór|voor)\s+)?`;
  if (/\bmedio mei$/.test(text) || /\bmedio mei 20\d\d$/.test(text)) {
    if (!new RegExp(`${lead}medio mei(?: 20\\d\\d)?$`).test(text)) throw new DatePhraseError(phrase);
    return deadline(explicitYear ?? context.year ?? ADOPTION_YEAR, 'medio mei', context);
  }
  if (explicitYear === undefined) throw new DatePhraseError(phrase);

  if (new RegExp(`^(?:te beginnen )?vanaf de tweede helft van ${year}$`).test(text)) {
    return startOn(`${year}-07-01`, context);
  }
  if (new RegExp(`^(?:te beginnen )?vanaf ${year}$`).test(text)) return startOn(`${year}-01-01`, context);
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
