/**
 * Finds the time-bound commitments of a strategy text and proposes, for each, a milestone: its
 * verbatim quote and place, section, date phrase and resolved dates, kind, actor, a short title and
 * a note where the year came from elsewhere. Pure: text and options in, candidates out.
 */
import {
  ADOPTION_DATE,
  resolveDatePhrase,
  type DateContext,
  type IsoDate,
  type ResolvedDate,
} from '../date-phrase';
import { findDatePhrases, yearsIn, type FoundPhrase } from './phrases';
import { splitBlocks, splitSentences, stripBold, type DocumentText, type Sentence } from './structure';

export type Language = 'nl' | 'en';
export const LANGUAGES: readonly Language[] = ['nl', 'en'];

export interface Candidate {
  /** The sentence (or bullet) verbatim, bold markers removed. */
  quote: string;
  line: number;
  page?: number;
  section: string | null;
  datePhrase: string;
  /** What `resolveDatePhrase(datePhrase, dateContext)` needs besides the phrase. */
  dateContext?: DateContext;
  kind: ResolvedDate['kind'];
  start: IsoDate | null;
  due: IsoDate | null;
  window: ResolvedDate['window'];
  recurrence: ResolvedDate['recurrence'];
  /** The actor the sentence names (English canonical name, as in the dataset), else null ("we"). */
  actor: string | null;
  title: string;
  note?: string;
}

export interface ExtractOptions {
  /** Detected from the text when left out. */
  language?: Language;
  /** The document's own date (adoption, publication); detected from its first lines when left out. */
  documentDate?: IsoDate | null;
}

export interface Extraction {
  language: Language;
  documentDate: IsoDate | null;
  candidates: Candidate[];
}

const NL_WORDS = new Set(
  'de het een en van zullen zal wij we niet met voor op te dat die zijn is om ook onze worden wordt aan bij naar of door als'.split(
    ' ',
  ),
);
const EN_WORDS = new Set(
  'the and of to will we in is for that with by our be are on as this it from shall at an or which has have'.split(
    ' ',
  ),
);

/** Dutch or English, by counting the commonest words of each (ties go to English). */
export function detectLanguage(text: string): Language {
  let nl = 0;
  let en = 0;
  for (const word of text
    .slice(0, 200_000)
    .toLowerCase()
    .split(/[^\p{L}]+/u)) {
    if (NL_WORDS.has(word)) nl += 1;
    if (EN_WORDS.has(word)) en += 1;
  }
  return nl > en ? 'nl' : 'en';
}

const MONTH_NUMBERS: Readonly<Record<string, number>> = Object.fromEntries(
  [
    ['januari', 'january'],
    ['februari', 'february'],
    ['maart', 'march'],
    ['april', 'april'],
    ['mei', 'may'],
    ['juni', 'june'],
    ['juli', 'july'],
    ['augustus', 'august'],
    ['september', 'september'],
    ['oktober', 'october'],
    ['november', 'november'],
    ['december', 'december'],
  ].flatMap(([nl, en], i) => [
    [nl as string, i + 1],
    [en as string, i + 1],
  ]),
);

const pad = (n: number) => String(n).padStart(2, '0');

/** The first full date in the document's first 60 lines ("Brussel, 21 maart 2022", "21 March 2022", "March 21, 2022"). */
export function detectDocumentDate(doc: DocumentText): IsoDate | null {
  const text = (typeof doc === 'string' ? doc : doc.pages.join('\n')).split('\n').slice(0, 60).join('\n');
  const months = Object.keys(MONTH_NUMBERS).join('|');
  const dayFirst = new RegExp(`\\b(\\d{1,2})\\s+(${months})\\s+(20\\d\\d)\\b`, 'i').exec(text);
  const monthFirst = new RegExp(`\\b(${months})\\s+(\\d{1,2}),\\s+(20\\d\\d)\\b`, 'i').exec(text);
  const iso = /\b(20\d\d)-(\d\d)-(\d\d)\b/.exec(text);
  const found = [
    dayFirst && {
      at: dayFirst.index,
      y: dayFirst[3],
      m: MONTH_NUMBERS[dayFirst[2]!.toLowerCase()],
      d: dayFirst[1],
    },
    monthFirst && {
      at: monthFirst.index,
      y: monthFirst[3],
      m: MONTH_NUMBERS[monthFirst[1]!.toLowerCase()],
      d: monthFirst[2],
    },
    iso && { at: iso.index, y: iso[1], m: Number(iso[2]), d: iso[3] },
  ]
    .filter((f) => f !== null)
    .sort((a, b) => a.at - b.at)[0];
  if (!found || found.m === undefined) return null;
  const day = Number(found.d);
  if (day < 1 || day > 31 || found.m < 1 || found.m > 12) return null;
  return `${found.y}-${pad(found.m)}-${pad(day)}`;
}

// A sentence commits when it speaks of the future or of an obligation ...
const FUTURE =
  /\b(?:zullen|zal|zult|moeten|moet|verbinden (?:ons|zich) ertoe|verzoeken|roepen|streven|vastbesloten|beogen|dienen|dient|will|shall|must|should|ought to|ha(?:ve|s) to|needs? to|(?:is|are) expected to|are to|is to|commits?|committed|undertakes?|calls? (?:on|upon)|invites?|requests?|aims? to|intends? to|plans? to|determined to|resolved to)\b/i;
// ... and a clause about what was done commits no one.
const PAST =
  /\b(?:sinds|werd|werden|was|waren|hebben|heeft|hadden|had|since|were|has|have|did|adopted|agreed|launched|held|established|signed|published|presented|completed|took place)\b/i;
const PAST_BEFORE =
  /\b(?:since|sinds|adopted|agreed|launched|held|signed|published|established|created|aangenomen|goedgekeurd|opgericht|gehouden|ondertekend|gepubliceerd|gelanceerd)\s*$/i;

/** The clause around a phrase: between the nearest ",", ";" or " and " / " en " on either side. */
function clauseAround(text: string, index: number, length: number): string {
  const before = text.slice(0, index);
  const after = text.slice(index + length);
  const cut = /[,;]|\s(?:and|en|but|maar)\s/gi;
  let from = 0;
  for (let m = cut.exec(before); m !== null; m = cut.exec(before)) from = m.index + m[0].length;
  cut.lastIndex = 0;
  const next = cut.exec(after);
  return before.slice(from) + text.slice(index, index + length) + (next ? after.slice(0, next.index) : after);
}

function isHistorical(found: FoundPhrase, sentence: string, documentDate: IsoDate | null): boolean {
  if (PAST_BEFORE.test(sentence.slice(Math.max(0, found.index - 30), found.index))) return true;
  const clause = clauseAround(sentence, found.index, found.phrase.length);
  if (PAST.test(clause) && !FUTURE.test(clause)) return true;
  if (documentDate === null || found.year === null) return false;
  const { kind, due, start } = found.resolved;
  if (kind === 'deadline' && due !== null) return due < documentDate;
  if (kind === 'start' && start !== null) return start.slice(0, 4) < documentDate.slice(0, 4);
  return false;
}

function commits(sentence: Sentence): boolean {
  if (FUTURE.test(sentence.text)) return true;
  // A bullet of an objectives list commits unless it tells what was done.
  return sentence.block.type === 'bullet' && !PAST.test(sentence.text);
}

interface Actor {
  name: string;
  words: readonly string[];
  /** Takes a plural verb ("de lidstaten zullen"), else a singular one ("de Commissie zal"). */
  plural?: boolean;
}

const ACTORS: readonly Actor[] = [
  { name: 'European Council', words: ['de Europese Raad', 'the European Council'] },
  {
    name: 'Commission',
    words: ['de Europese Commissie', 'de Commissie', 'the European Commission', 'the Commission'],
  },
  {
    name: 'High Representative',
    words: ['de hoge vertegenwoordiger', 'the High Representative', 'the HR/VP'],
  },
  { name: 'Member States', words: ['de lidstaten', 'the Member States', 'Member States'], plural: true },
  { name: 'Council', words: ['de Raad', 'the Council'] },
  {
    name: 'European Defence Agency',
    words: ['het Europees Defensieagentschap', 'the European Defence Agency'],
  },
  { name: 'EEAS', words: ['de EDEO', 'the EEAS', 'the European External Action Service'] },
  { name: 'European Parliament', words: ['het Europees Parlement', 'the European Parliament'] },
  {
    name: 'EU institutions, bodies and agencies',
    words: ['de EU-instellingen', 'the EU institutions'],
    plural: true,
  },
];

const MODAL = String.raw`(?:zal|zullen|moet|moeten|will|shall|must|is to|are to)`;
const SINGULAR = String.raw`(?:zal|moet|will|shall|must|is to)`;
const PLURAL = String.raw`(?:zullen|moeten|will|shall|must|are to)`;
const ASKING = String.raw`(?:verzoeken|roepen|calls? on|calls? upon|invites?|requests?|asks?|urges?)`;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Compiled once: per actor, "<actor> zal", "zal <actor>", "we call on <actor>". */
const ACTOR_TESTS: ReadonlyArray<{ name: string; tests: readonly RegExp[] }> = ACTORS.map((actor) => {
  const verb = actor.plural ? PLURAL : SINGULAR;
  return {
    name: actor.name,
    tests: actor.words.flatMap((word) => {
      const w = escape(word);
      return [
        new RegExp(`(?:^|[^\\p{L}])${w}(?:\\s*,[^,]{0,120},)?\\s+${verb}\\b`, 'iu'),
        new RegExp(`\\b${verb}\\s+${w}(?![\\p{L}-])`, 'iu'),
        new RegExp(`\\b${ASKING}\\s+(?:we\\s+|wij\\s+)?${w}(?![\\p{L}-])`, 'iu'),
      ];
    }),
  };
});

/** The actor a sentence names as the one who acts: "<actor> zal", "zullen de lidstaten", "we call on <actor>". */
const ANY_ACTOR = new RegExp(ACTORS.flatMap((a) => a.words.map(escape)).join('|'), 'i');

export function findActor(sentence: string): string | null {
  if (ANY_ACTOR.test(sentence)) {
    for (const actor of ACTOR_TESTS) if (actor.tests.some((t) => t.test(sentence))) return actor.name;
  }
  // English: a named subject at the start ("The Ministry of Defence will …").
  const subject =
    /^(?:By [^,]+,\s*)?The ((?:[A-Z][\p{L}-]*)(?:\s+(?:of|for|and|on|[A-Z][\p{L}-]*))*)\s+(?:will|shall|must)\b/u.exec(
      sentence,
    );
  return subject ? (subject[1] as string) : null;
}

const LEADING =
  /^(?:[,;:–-]\s*|(?:and|en|also|ook|then|dan|daartoe|therefore|furthermore|moreover|as a first step|als eerste stap)\b[,\s]*|(?:we|wij|zullen|zal|will|shall|must|moeten|er|the|de|het|also|ook)(?:,\s*|\s+))+/i;

/**
 * A short title: the first bold term of the sentence (within the phrase's clause when given), else
 * the clause's words after the date and the modal verb (for a passive one, its subject), at most
 * eight words, up to the first comma.
 */
export function proposeTitle(raw: string, phrase: string, clause?: string): string {
  const capital = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);
  for (const m of raw.matchAll(/\*\*([^*]{3,80}?)\*\*/g)) {
    const bold = (m[1] as string).trim();
    if (!clause || clause.includes(bold)) return capital(bold);
  }
  const text = clause ?? stripBold(raw);
  const at = text.indexOf(phrase);
  // An adjective cycle ("an annual conference") stays: without it the words do not read.
  const adjective = /^(?:annual|biennial|yearly|jaarlijkse|tweejaarlijkse)$/i.test(phrase);
  const rest = at >= 0 && !adjective ? `${text.slice(0, at)} ${text.slice(at + phrase.length)}` : text;
  const modal = new RegExp(`^(.*?)\\b${MODAL}\\b(.*)$`, 'i').exec(rest);
  let picked = modal?.[2] ?? rest;
  const passive = /^\s*(?:be|been|worden|zijn)\s+(\S+)/i.exec(picked);
  if (modal && passive) {
    const before = (modal[1] as string).trim() !== '' ? (modal[1] as string) : stripBold(raw);
    const subject = (before.split(',')[0] ?? '').replace(/^\s*(?:the|de|het|een|a|an)\s+/i, '').trim();
    if (subject !== '' && !new RegExp(`\\b${MODAL}\\b`, 'i').test(subject))
      picked = `${subject} ${passive[1]}`;
  }
  if (picked.trim().split(/\s+/).length < 3 && !passive) picked = rest;
  const words = picked
    .replace(/\s+/g, ' ')
    .replace(/\s*([,;:])(?:\s*[,;:])+/g, '$1')
    .replace(/\s+([,;:.])/g, '$1')
    .trim()
    .replace(LEADING, '')
    .split(' ')
    .filter((w) => w.length > 0);
  const comma = words.findIndex((w, i) => i >= 2 && /[,;:]$/.test(w));
  const title = words
    .slice(0, comma >= 0 ? Math.min(comma + 1, 8) : 8)
    .join(' ')
    .replace(/[\s,;:.–-]+$/, '');
  return capital(title || phrase).slice(0, 100);
}

interface YearSource {
  year: number;
  note: string;
  /** Taken from an earlier paragraph or bullet of the section (never a cycle's first year). */
  fromSection?: boolean;
}

function describeContextYear(
  sentence: Sentence,
  earlierInBlock: { year: number; phrase: string } | null,
  lastInSection: { year: number; phrase: string } | null,
  documentDate: IsoDate | null,
): YearSource | null {
  if (earlierInBlock !== null) {
    return {
      year: earlierInBlock.year,
      note: `The phrase has no year; ${earlierInBlock.year} comes from "${earlierInBlock.phrase}" in an earlier sentence of the same ${sentence.block.type === 'bullet' ? 'bullet' : 'paragraph'}.`,
    };
  }
  const headingYears = sentence.block.section ? yearsIn(sentence.block.section) : [];
  if (headingYears.length > 0) {
    const year = headingYears[headingYears.length - 1] as number;
    return {
      year,
      note: `The phrase has no year; ${year} comes from the heading "${sentence.block.section}".`,
    };
  }
  if (lastInSection !== null) {
    return {
      year: lastInSection.year,
      note: `The phrase has no year; ${lastInSection.year} comes from "${lastInSection.phrase}" in an earlier sentence of this section.`,
      fromSection: true,
    };
  }
  if (documentDate !== null) {
    const year = Number(documentDate.slice(0, 4));
    return { year, note: `The phrase has no year; ${year} is the year of the document (${documentDate}).` };
  }
  return null;
}

/** Every time-bound commitment of the document, in reading order. */
export function extractCommitments(doc: DocumentText, options: ExtractOptions = {}): Extraction {
  const blocks = splitBlocks(doc);
  const language = options.language ?? detectLanguage(blocks.map((b) => b.text).join('\n'));
  const documentDate = options.documentDate === undefined ? detectDocumentDate(doc) : options.documentDate;
  const base: DateContext =
    documentDate !== null && documentDate !== ADOPTION_DATE ? { start: documentDate } : {};
  const candidates: Candidate[] = [];
  let lastInSection: { year: number; phrase: string; section: string | null } | null = null;

  for (const block of blocks) {
    if (block.type === 'heading') {
      lastInSection = null;
      continue;
    }
    let earlierInBlock: { year: number; phrase: string } | null = null;
    for (const sentence of splitSentences(block)) {
      const committed =
        commits(sentence) ||
        (block.leadIn !== undefined && FUTURE.test(block.leadIn) && !PAST.test(sentence.text));
      const carried = describeContextYear(
        sentence,
        earlierInBlock,
        lastInSection?.section === block.section ? lastInSection : null,
        documentDate,
      );
      const carriedForCycle = carried?.fromSection
        ? describeContextYear(sentence, earlierInBlock, null, documentDate)
        : carried;
      const found = findDatePhrases(sentence.text, { ...base, ...(carried ? { year: carried.year } : {}) });
      const current = found.filter((f) => !isHistorical(f, sentence.text, documentDate));
      const years = current.map((f) => f.year).filter((y): y is number => y !== null);
      if (committed && current.length > 0) {
        candidates.push(...sentenceCandidates(sentence, current, carried, carriedForCycle, base));
      }
      if (years.length > 0) {
        const last = current.filter((f) => f.year !== null).at(-1) as FoundPhrase;
        earlierInBlock = { year: last.year as number, phrase: last.phrase };
        if (committed) lastInSection = { ...earlierInBlock, section: block.section };
      }
    }
  }
  return { language, documentDate, candidates };
}

function sentenceCandidates(
  sentence: Sentence,
  found: readonly FoundPhrase[],
  carried: YearSource | null,
  carriedForCycle: YearSource | null,
  base: DateContext,
): Candidate[] {
  const out: Candidate[] = [];
  const cycles = found.filter((f) => f.cycle);
  const starts = found.filter((f) => f.start && f.year !== null);
  const dated = found.filter((f) => !f.cycle && f.year !== null);
  const consumed = new Set<FoundPhrase>();
  const common = {
    quote: sentence.text,
    line: sentence.line,
    ...(sentence.page === undefined ? {} : { page: sentence.page }),
    section: sentence.block.section,
  };
  const MODAL_IN = new RegExp(`\\b${MODAL}\\b`, 'i');
  /**
   * The phrase's own coordinate clause when it has a verb of its own ("…, and we will consult X by
   * May 2025"): its title and actor come from there. Else the whole sentence.
   */
  const clauseOf = (f: FoundPhrase): string | undefined => {
    const cut = /;\s*|,\s+(?:and|en|but|maar)\s+/gi;
    let from = 0;
    for (let m = cut.exec(sentence.text); m !== null; m = cut.exec(sentence.text)) {
      if (m.index >= f.index) {
        const clause = sentence.text.slice(from, m.index);
        return from > 0 || m.index < sentence.text.length
          ? MODAL_IN.test(clause)
            ? clause
            : undefined
          : undefined;
      }
      from = m.index + m[0].length;
    }
    if (from === 0) return undefined;
    const last = sentence.text.slice(from);
    return MODAL_IN.test(last) ? last : undefined;
  };
  const actorOf = (f: FoundPhrase) => findActor(clauseOf(f) ?? sentence.text);

  for (const cycle of cycles) {
    // "Vanaf 2022 … jaarlijkse bijeenkomsten": the start is the first cycle, not a commitment of its own.
    const from = starts[0];
    if (from) consumed.add(from);
    const anchor = cycle.year ?? from?.year ?? dated[0]?.year ?? null;
    const own = carriedForCycle;
    const year = anchor ?? own?.year ?? null;
    const context: DateContext = { ...(year === null ? {} : { year }) };
    const { recurrence } = resolveDatePhrase(cycle.phrase, context);
    const note =
      cycle.year !== null
        ? undefined
        : anchor !== null
          ? `Recurring from ${anchor} ("${(from ?? dated[0])?.phrase}"), the first cycle.`
          : own?.note;
    out.push({
      ...common,
      datePhrase: cycle.phrase,
      ...(Object.keys(context).length > 0 ? { dateContext: context } : {}),
      kind: 'recurring',
      start: null,
      due: null,
      window: null,
      recurrence,
      actor: actorOf(cycle),
      title: proposeTitle(sentence.raw, cycle.phrase, clauseOf(cycle)),
      ...(note ? { note } : {}),
    });
  }
  for (const f of found) {
    if (f.cycle || consumed.has(f)) continue;
    const yearless = f.year === null && f.resolved.kind === 'deadline';
    // A deadline begins on the document's own date, and nothing starts before it.
    const context: DateContext = {
      ...base,
      ...(yearless && carried ? { year: carried.year } : {}),
    };
    const resolved = resolveDatePhrase(f.phrase, context);
    out.push({
      ...common,
      datePhrase: f.phrase,
      ...(Object.keys(context).length > 0 ? { dateContext: context } : {}),
      kind: resolved.kind,
      start: resolved.start,
      due: resolved.due,
      window: resolved.window,
      recurrence: resolved.recurrence,
      actor: actorOf(f),
      title: proposeTitle(sentence.raw, f.phrase, clauseOf(f)),
      ...(yearless && carried ? { note: carried.note } : {}),
    });
  }
  return out.sort((a, b) => sentence.text.indexOf(a.datePhrase) - sentence.text.indexOf(b.datePhrase));
}

/** A title for the document: its first heading that is a few words, not a date or a file number. */
export function documentTitle(doc: DocumentText): string | null {
  const heading = splitBlocks(doc)
    .filter((b) => b.type === 'heading')
    .slice(0, 12)
    .find((b) => /\p{L}{2,}.*\s+\p{L}{2,}/u.test(b.text) && !/\b(?:19|20)\d\d\b/.test(b.text));
  return heading ? heading.text : null;
}
