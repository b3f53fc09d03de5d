/**
 * Finds the time phrases of a sentence that `resolveDatePhrase` understands ("Uiterlijk in 2025",
 * "by mid-2023", "ten minste om de drie jaar"), longest first, each checked by the resolver itself
 * so the finder never proposes a phrase the dataset could not hold.
 */
import { resolveDatePhrase, type DateContext, type ResolvedDate } from '../date-phrase';

export interface FoundPhrase {
  /** The phrase as it stands in the sentence (original case). */
  phrase: string;
  index: number;
  resolved: ResolvedDate;
  /** The year the phrase names itself, if any. */
  year: number | null;
  /** A cycle ("jaarlijks", "every two years"). */
  cycle: boolean;
  /** The text says "te beginnen vanaf" / "from": a start, which a cycle in the same sentence begins at. */
  start: boolean;
}

const YEAR = String.raw`20\d\d(?![\d\-–/])`;
const LEAD = String.raw`(?:(?:uiterlijk|tegen|vóór|voor|in|op|by|no later than|not later than|before|during|within|until|the|het|de)\s+)*`;
const MONTH = String.raw`(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|march|may|june|july|august|october)`;
const PART = String.raw`(?:eind|medio|begin|end of|the end of|end-|end|mid-|mid|middle of|early|the beginning of|beginning of|start of)\s*`;
const HALF = String.raw`(?:first|second|eerste|tweede)\s+(?:half|helft)(?:\s+(?:of|van))?`;
const QUARTER = String.raw`(?:q[1-4]|(?:first|second|third|fourth|eerste|tweede|derde|vierde)\s+(?:quarter|kwartaal)(?:\s+(?:of|van))?)`;
const REQUIRED_LEAD = String.raw`(?:(?:uiterlijk|tegen|vóór|voor|in|op|by|no later than|not later than|before|during|within|until|the|het|de)\s+)+`;
const CYCLE = String.raw`(?:(?:ten minste|tenminste|minstens|at least)\s+)?(?:om de (?:twee|drie|vier|vijf|2|3|4|5) jaar|tweejaarlijks(?:e)?|jaarlijks(?:e)?|(?:elk|ieder) jaar|every (?:two|three|four|five|2|3|4|5|other) years?|biennial(?:ly)?|annual(?:ly)?|(?:every|each) year|yearly)`;
const STARTS = String.raw`(?:(?:te beginnen\s+)?vanaf|from|as of|as from|starting(?:\s+(?:in|from))?|beginning in|with effect from|met ingang van)\s+(?:(?:de|the)\s+second half of\s+|de tweede helft van\s+|the second half of\s+)?`;

/** Each alternative is tried at every position; the longest resolvable match wins. */
const PATTERNS: readonly RegExp[] = [
  new RegExp(`${CYCLE}`, 'giu'),
  new RegExp(`${STARTS}${YEAR}`, 'giu'),
  new RegExp(`${LEAD}${PART}${YEAR}`, 'giu'),
  new RegExp(`${LEAD}${HALF}\\s+${YEAR}`, 'giu'),
  new RegExp(`${LEAD}${QUARTER}\\s+${YEAR}`, 'giu'),
  new RegExp(`${REQUIRED_LEAD}(?:(?:the\\s+)?end of\\s+|eind\\s+)?${MONTH}\\s+${YEAR}`, 'giu'),
  new RegExp(`${REQUIRED_LEAD}medio mei(?:\\s+${YEAR})?`, 'giu'),
  new RegExp(
    `${REQUIRED_LEAD}(?:${HALF}\\s+(?:het jaar|the year)|${QUARTER}|(?:(?:the\\s+)?end of\\s+|eind\\s+)?${MONTH})(?![\\p{L}\\d])`,
    'giu',
  ),
  new RegExp(
    `(?:uiterlijk in|uiterlijk|tegen|in het jaar|in|voor|by|no later than|not later than|during)\\s+${YEAR}`,
    'giu',
  ),
  /(?:onmiddellijk|immediately|as soon as possible|without delay)(?![\p{L}])/giu,
];

/** A cheap first look: a sentence without any of these words has no phrase (most sentences). */
const MAYBE = new RegExp(
  String.raw`20\d\d|jaar|year|annual|biennial|onmiddellijk|immediately|as soon as|without delay|kwartaal|quarter|\bq[1-4]\b|helft|half|medio mei|${MONTH}`,
  'iu',
);

const isWordStart = (text: string, index: number) => index === 0 || !/[\p{L}\d]/u.test(text[index - 1] ?? '');

/** Documents repeat their phrases: the resolver's answers (and refusals) are kept, a bounded number. */
const CACHE = new Map<string, ResolvedDate | null>();

function cachedResolve(phrase: string, context: DateContext): ResolvedDate | null {
  const key = `${phrase}\u0000${context.year ?? ''}\u0000${context.start ?? ''}`;
  const hit = CACHE.get(key);
  if (hit !== undefined) return hit;
  let resolved: ResolvedDate | null;
  try {
    resolved = resolveDatePhrase(phrase, context);
  } catch {
    resolved = null;
  }
  if (CACHE.size > 5000) CACHE.clear();
  CACHE.set(key, resolved);
  return resolved;
}

/** Tries the phrase, then drops leading words one by one ("de voor 2025" → "voor 2025"). */
function resolveShortest(
  phrase: string,
  context: DateContext,
): { phrase: string; offset: number; resolved: ResolvedDate } | null {
  let offset = 0;
  let rest = phrase;
  for (;;) {
    const resolved = cachedResolve(rest, context);
    if (resolved) return { phrase: rest, offset, resolved };
    const space = rest.search(/\s/);
    if (space < 0) return null;
    const next = rest.slice(space).replace(/^\s+/, '');
    offset += rest.length - next.length;
    rest = next;
  }
}

/** The date phrases of one sentence, in order, not overlapping. `context` supplies a missing year. */
export function findDatePhrases(sentence: string, context: DateContext = {}): FoundPhrase[] {
  if (!MAYBE.test(sentence)) return [];
  const hits: { index: number; phrase: string; resolved: ResolvedDate }[] = [];
  for (const pattern of PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(sentence); m !== null; m = pattern.exec(sentence)) {
      if (m[0].length === 0) {
        pattern.lastIndex += 1;
        continue;
      }
      if (!isWordStart(sentence, m.index)) continue;
      const text = m[0].replace(/\s+$/, '');
      // "may" and "march" in lower case are verbs, not months.
      if (/(?:^|\s)(?:may|march)$/.test(text)) continue;
      const shortest = resolveShortest(text, context);
      if (shortest) {
        hits.push({ index: m.index + shortest.offset, phrase: shortest.phrase, resolved: shortest.resolved });
      }
    }
  }
  hits.sort((a, b) => a.index - b.index || b.phrase.length - a.phrase.length);
  const chosen: typeof hits = [];
  for (const hit of hits) {
    const overlaps = chosen.find(
      (c) => hit.index < c.index + c.phrase.length && c.index < hit.index + hit.phrase.length,
    );
    if (!overlaps) chosen.push(hit);
    else if (hit.phrase.length > overlaps.phrase.length) chosen.splice(chosen.indexOf(overlaps), 1, hit);
  }
  return chosen.map((h) => {
    const year = /(20\d\d)/.exec(h.phrase)?.[1];
    return {
      phrase: h.phrase,
      index: h.index,
      resolved: h.resolved,
      year: year === undefined ? null : Number(year),
      cycle: h.resolved.kind === 'recurring',
      start: h.resolved.kind === 'start',
    };
  });
}

/** The years a text names as plain numbers (for a heading like "Work programme 2024"). */
export function yearsIn(text: string): number[] {
  return [...text.matchAll(/(?<![\d\-–/])(20\d\d)(?![\d\-–/])/g)].map((m) => Number(m[1]));
}
