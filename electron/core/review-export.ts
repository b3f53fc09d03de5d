/**
 * The review as a file: Markdown (to read and paste into a report), CSV (one row per item, for a
 * spreadsheet) and JSON (the `Review` itself, see electron/core/review.ts, tagged with its format
 * and version). All three are written from one `Review`, so their numbers agree.
 */
import { format as formatDate, parseISO } from 'date-fns';
import { enGB, nl } from 'date-fns/locale';
import type { IsoDate } from './date-phrase';
import type { Chapter } from './milestone';
import type { EvidenceItem } from './progress-log';
import {
  VERDICTS,
  formatShare,
  type Rag,
  type Review,
  type ReviewComparison,
  type ReviewItem,
  type ReviewItemKind,
  type ReviewTally,
  type Verdict,
} from './review';
import type { ReviewSource } from './review-source';
import { sectionName, type SectionNames } from './sections';
import type { Status } from './status';
import type { Locale } from './user-state';

export type TextReviewFormat = 'md' | 'csv' | 'json';
export type ReviewFormat = TextReviewFormat | 'docx' | 'xlsx';
export const REVIEW_FORMATS: readonly ReviewFormat[] = ['md', 'csv', 'json', 'docx', 'xlsx'];

export const REVIEW_MIME: Record<ReviewFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
export const reviewFileName = (asOf: IsoDate, format: ReviewFormat): string =>
  `compass-review-${asOf}.${format}`;

/** The cover of an exported review: what it is, as of when, by whom, made when. */
export interface ReviewCover {
  asOf: IsoDate;
  preparedBy: string;
  /** The day the file was made (local date). */
  generatedOn: IsoDate;
  /** Which log the review was computed from (absent in files made before there was a choice). */
  source?: ReviewSource;
  /** Only the milestones of one owner: mine (a person) or my unit's; absent: all of them. */
  owner?: { filter: 'mine' | 'unit'; name: string };
}

/** Everything an export is written from. */
export interface ReviewExport {
  review: Review;
  cover: ReviewCover;
  comparison?: ReviewComparison | null;
  /**
   * The sections' names in each language (data/compass-sections.json): Markdown, CSV, DOCX and XLSX
   * show a section by its name in the export's language; the JSON keeps the verbatim Dutch heading.
   */
  sectionNames?: SectionNames;
}

/** Tags the JSON export; bump the version only for a change that breaks readers. */
export const REVIEW_JSON_FORMAT = 'compass-timeline/review';
export const REVIEW_JSON_VERSION = 1;

/** The CSV columns, in order. Stable: scripts read them by name. */
export const REVIEW_CSV_COLUMNS = [
  'key',
  'id',
  'kind',
  'chapter',
  'section',
  'actor',
  'title',
  'due',
  'status',
  'achievedOn',
  'verdict',
  'delayDays',
  'verdictLabel',
  'on',
  'author',
  'recordedAt',
  'evidence',
  'note',
] as const;

interface ReviewText {
  verdict: Record<Verdict, string>;
  status: Record<Status, string>;
  chapter: Record<Chapter, string>;
  kind: Record<ReviewItemKind, string>;
  title: string;
  asOf: string;
  summary: string;
  dueByAsOf: string;
  onTime: string;
  onTimeShareColumn: string;
  delivered: string;
  recorded: string;
  notYetDue: string;
  undated: string;
  verdictColumn: string;
  count: string;
  share: string;
  byChapter: string;
  bySection: string;
  byYear: string;
  byActor: string;
  byKind: string;
  longestOverdue: string;
  noneOverdue: string;
  recurring: string;
  allItems: string;
  noItems: string;
  chapterColumn: string;
  sectionColumn: string;
  yearColumn: string;
  actorColumn: string;
  kindColumn: string;
  dueColumn: string;
  milestoneColumn: string;
  statusColumn: string;
  delayColumn: string;
  daysOverdueColumn: string;
  idColumn: string;
  own: string;
  rules: string;
  preparedBy: string;
  generatedOn: string;
  /** "Computed from" and the name of each source. */
  sourceLabel: string;
  source: Record<ReviewSource, string>;
  /** "Covers" and what an owner filter keeps ({name}: the person or the unit). */
  ownerLabel: string;
  ownerFilter: Record<'mine' | 'unit', string>;
  rag: Record<Rag, string>;
  ragColumn: string;
  comparison: string;
  comparisonIntro: string;
  fromColumn: string;
  toColumn: string;
  changeColumn: string;
  moved: string;
  noneMoved: string;
  stillOpen: string;
  noneStillOpen: string;
  notYetDueThen: string;
  entries: string;
  noEntries: string;
  onColumn: string;
  authorColumn: string;
  evidenceColumn: string;
  noteColumn: string;
}

/**
 * The review's words in Dutch and English. The review view's i18n namespace
 * (electron/contract/locales/{nl,en}/review.json) carries the same verdict, status and chapter
 * labels; a unit test keeps them equal.
 */
export const REVIEW_TEXT: Record<Locale, ReviewText> = {
  en: {
    verdict: {
      'on-time': 'Achieved on time',
      late: 'Achieved late',
      achieved: 'Achieved, no date to compare',
      partial: 'Partly achieved',
      missed: 'Missed',
      dropped: 'Dropped',
      overdue: 'Open and overdue',
      unknown: 'Due, nothing recorded',
    },
    status: {
      unknown: 'Unknown',
      planned: 'Planned',
      'in-progress': 'In progress',
      achieved: 'Achieved',
      partial: 'Partial',
      missed: 'Missed',
      dropped: 'Dropped',
    },
    chapter: { act: 'Act', secure: 'Secure', invest: 'Invest', partners: 'Partner', general: 'General' },
    kind: { deadline: 'Deadline', start: 'Start', cycle: 'Recurring' },
    title: 'Strategic Compass review',
    asOf: 'As of {date}',
    summary: 'Summary',
    dueByAsOf: 'Commitments due by {date}',
    onTime: 'Achieved on time',
    onTimeShareColumn: 'Share on time',
    delivered: 'Delivered (on time, late or without a date)',
    recorded: 'With a status recorded',
    notYetDue: 'Not yet due',
    undated: 'Without a date',
    verdictColumn: 'Verdict',
    count: 'Number',
    share: 'Share',
    byChapter: 'By chapter',
    bySection: 'By section',
    byYear: 'By due year',
    byActor: 'By actor',
    byKind: 'By kind',
    longestOverdue: 'Longest overdue',
    noneOverdue: 'Nothing is open and overdue.',
    recurring: 'Start and recurring commitments',
    allItems: 'All commitments due',
    noItems: 'Nothing fell due by this date.',
    chapterColumn: 'Chapter',
    sectionColumn: 'Section',
    yearColumn: 'Year',
    actorColumn: 'Actor',
    kindColumn: 'Kind',
    dueColumn: 'Due',
    milestoneColumn: 'Commitment',
    statusColumn: 'Status',
    delayColumn: 'Delay (days)',
    daysOverdueColumn: 'Days overdue',
    idColumn: 'Id',
    own: '(own)',
    rules:
      'A commitment without a recorded status counts as "Due, nothing recorded", never as achieved or missed. ' +
      'Achieved after the as-of date counts as still open on it. A start commitment counts as delivered once it is under way; ' +
      'a recurring one counts each cycle once.',
    preparedBy: 'Prepared by',
    generatedOn: 'Generated on',
    sourceLabel: 'Computed from',
    ownerLabel: 'Covers',
    ownerFilter: {
      mine: 'only the milestones owned by {name}',
      unit: 'only the milestones owned by the unit {name}',
    },
    source: {
      ours: 'our records',
      public: 'the public record',
      'ours-then-public': 'our records, then the public record where we have nothing',
    },
    rag: { red: 'Red', amber: 'Amber', green: 'Green' },
    ragColumn: 'RAG',
    comparison: 'Comparison',
    comparisonIntro: '{from} compared with {to}',
    fromColumn: 'Then',
    toColumn: 'Now',
    changeColumn: 'Change',
    moved: 'What moved',
    noneMoved: 'Nothing moved between the two dates.',
    stillOpen: 'Still open on both dates',
    noneStillOpen: 'Nothing is open on both dates.',
    notYetDueThen: 'not yet due',
    entries: 'Latest entries, evidence and authors',
    noEntries: 'Nothing has been recorded for the commitments due.',
    onColumn: 'On',
    authorColumn: 'Recorded by',
    evidenceColumn: 'Evidence',
    noteColumn: 'Note',
  },
  nl: {
    verdict: {
      'on-time': 'Op tijd behaald',
      late: 'Te laat behaald',
      achieved: 'Behaald, geen datum om te vergelijken',
      partial: 'Gedeeltelijk behaald',
      missed: 'Gemist',
      dropped: 'Vervallen',
      overdue: 'Open en over tijd',
      unknown: 'Verstreken, niets vastgelegd',
    },
    status: {
      unknown: 'Onbekend',
      planned: 'Gepland',
      'in-progress': 'Bezig',
      achieved: 'Behaald',
      partial: 'Gedeeltelijk',
      missed: 'Gemist',
      dropped: 'Vervallen',
    },
    chapter: {
      act: 'Handelen',
      secure: 'Beveiligen',
      invest: 'Investeren',
      partners: 'Samenwerken met partners',
      general: 'Algemeen',
    },
    kind: { deadline: 'Deadline', start: 'Start', cycle: 'Terugkerend' },
    title: 'Review van het Strategisch Kompas',
    asOf: 'Stand per {date}',
    summary: 'Samenvatting',
    dueByAsOf: 'Toezeggingen met een termijn tot en met {date}',
    onTime: 'Op tijd behaald',
    onTimeShareColumn: 'Aandeel op tijd',
    delivered: 'Geleverd (op tijd, te laat behaald of zonder datum)',
    recorded: 'Met een vastgelegde status',
    notYetDue: 'Nog niet aan de beurt',
    undated: 'Zonder datum',
    verdictColumn: 'Oordeel',
    count: 'Aantal',
    share: 'Aandeel',
    byChapter: 'Per hoofdstuk',
    bySection: 'Per onderdeel',
    byYear: 'Per jaar van de termijn',
    byActor: 'Per actor',
    byKind: 'Per soort',
    longestOverdue: 'Het langst over tijd',
    noneOverdue: 'Niets is open en over tijd.',
    recurring: 'Doorlopende en terugkerende toezeggingen',
    allItems: 'Alle toezeggingen met een verstreken termijn',
    noItems: 'Tot en met deze datum verliep geen enkele termijn.',
    chapterColumn: 'Hoofdstuk',
    sectionColumn: 'Onderdeel',
    yearColumn: 'Jaar',
    actorColumn: 'Actor',
    kindColumn: 'Soort',
    dueColumn: 'Termijn',
    milestoneColumn: 'Toezegging',
    statusColumn: 'Status',
    delayColumn: 'Vertraging (dagen)',
    daysOverdueColumn: 'Dagen over tijd',
    idColumn: 'Id',
    own: '(eigen)',
    rules:
      'Een toezegging zonder vastgelegde status telt als "Verstreken, niets vastgelegd", nooit als behaald of gemist. ' +
      'Behaald na de peildatum telt op die datum nog als open. Een doorlopende toezegging telt als geleverd zodra ze loopt; ' +
      'een terugkerende telt elke cyclus één keer.',
    preparedBy: 'Opgesteld door',
    generatedOn: 'Gemaakt op',
    sourceLabel: 'Berekend uit',
    ownerLabel: 'Omvat',
    ownerFilter: {
      mine: 'alleen de mijlpalen met als eigenaar {name}',
      unit: 'alleen de mijlpalen met als eigenaar de eenheid {name}',
    },
    source: {
      ours: 'onze registraties',
      public: 'het publieke register',
      'ours-then-public': 'onze registraties, en het publieke register waar wij niets hebben',
    },
    rag: { red: 'Rood', amber: 'Oranje', green: 'Groen' },
    ragColumn: 'RAG',
    comparison: 'Vergelijking',
    comparisonIntro: '{from} vergeleken met {to}',
    fromColumn: 'Toen',
    toColumn: 'Nu',
    changeColumn: 'Verschil',
    moved: 'Wat er veranderde',
    noneMoved: 'Tussen de twee data veranderde niets.',
    stillOpen: 'Op beide data nog open',
    noneStillOpen: 'Niets is op beide data open.',
    notYetDueThen: 'nog niet aan de beurt',
    entries: 'Laatste vastleggingen, bewijs en auteurs',
    noEntries: 'Voor de toezeggingen met een verstreken termijn is niets vastgelegd.',
    onColumn: 'Op',
    authorColumn: 'Vastgelegd door',
    evidenceColumn: 'Bewijs',
    noteColumn: 'Notitie',
  },
};

/** A date as readers write it: "31 December 2025" / "31 december 2025". */
export const formatReviewDate = (date: IsoDate, locale: Locale): string =>
  formatDate(parseISO(date), 'd MMMM yyyy', { locale: locale === 'nl' ? nl : enGB });

/** The JSON export: the review itself, tagged with its format and version, with its cover (and comparison). */
export function reviewToJson(
  review: Review,
  cover?: ReviewCover,
  comparison?: ReviewComparison | null,
): string {
  const extra = { ...(cover ? { cover } : {}), ...(comparison ? { comparison } : {}) };
  return `${JSON.stringify({ format: REVIEW_JSON_FORMAT, version: REVIEW_JSON_VERSION, ...extra, ...review }, null, 2)}\n`;
}

/** Evidence as one line of text: "title <url> (date, publisher)"; items separated by "; ". */
export const evidenceText = (evidence: readonly EvidenceItem[]): string =>
  evidence
    .map((e) => {
      const about = [e.date, e.publisher].filter(Boolean).join(', ');
      return `${e.title}${e.url && e.url !== e.title ? ` <${e.url}>` : ''}${about ? ` (${about})` : ''}`;
    })
    .join('; ');

/** One CSV field (RFC 4180); text that a spreadsheet would run as a formula is prefixed with '. */
function csvField(value: string | number | null, text = false): string {
  let s = value === null ? '' : String(value);
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * The CSV export: a header row of REVIEW_CSV_COLUMNS, then one row per item; CRLF line ends. The
 * title, the section (by its name in `names`) and the verdict label are in `locale`.
 */
export function reviewToCsv(review: Review, locale: Locale, names: SectionNames = {}): string {
  const text = REVIEW_TEXT[locale];
  const rows = review.items.map((i) =>
    [
      csvField(i.key),
      csvField(i.id),
      csvField(i.kind),
      csvField(i.chapter),
      csvField(sectionName(names, i.section, locale), true),
      csvField(i.actor, true),
      csvField(i.title[locale], true),
      csvField(i.due),
      csvField(i.status),
      csvField(i.achievedOn),
      csvField(i.verdict),
      csvField(i.delayDays),
      csvField(text.verdict[i.verdict]),
      csvField(i.on),
      csvField(i.author, true),
      csvField(i.recordedAt),
      csvField(evidenceText(i.evidence), true),
      csvField(i.note, true),
    ].join(','),
  );
  return [REVIEW_CSV_COLUMNS.join(','), ...rows].map((line) => `${line}\r\n`).join('');
}

/** The review as a document: headings, paragraphs and tables. Markdown and DOCX are both written from it. */
export type ReviewBlock =
  | { type: 'heading'; level: 1 | 2; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'table'; headers: string[]; rows: Array<Array<string | number | null>> };

function tallyTable(
  text: ReviewText,
  firstColumn: string,
  rows: Array<{ label: string; tally: ReviewTally }>,
): ReviewBlock {
  return {
    type: 'table',
    headers: [
      firstColumn,
      text.count,
      ...VERDICTS.map((v) => text.verdict[v]),
      text.onTimeShareColumn,
      text.ragColumn,
    ],
    rows: rows.map(({ label, tally }) => [
      label,
      tally.count,
      ...VERDICTS.map((v) => tally.totals[v]),
      formatShare(tally.onTimeShare),
      text.rag[tally.rag],
    ]),
  };
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** What an owner filter kept, in words: "only the milestones owned by Anna de Vries". */
export const ownerCoverText = (owner: NonNullable<ReviewCover['owner']>, locale: Locale): string =>
  REVIEW_TEXT[locale].ownerFilter[owner.filter].replace('{name}', owner.name);

/** The document: cover, summary, breakdowns with RAG, comparison, longest overdue, items, entries. */
export function reviewBlocks(input: ReviewExport, locale: Locale): ReviewBlock[] {
  const { review, cover, comparison } = input;
  const t = REVIEW_TEXT[locale];
  const section = (heading: string) => sectionName(input.sectionNames ?? {}, heading, locale);
  const date = formatReviewDate(review.asOf, locale);
  const title = (i: Pick<ReviewItem, 'title'> & { own?: boolean }) =>
    `${i.title[locale]}${i.own ? ` ${t.own}` : ''}`;
  const heading = (text: string, level: 1 | 2 = 2): ReviewBlock => ({ type: 'heading', level, text });
  const paragraph = (text: string): ReviewBlock => ({ type: 'paragraph', text });
  const table = (headers: string[], rows: Array<Array<string | number | null>>): ReviewBlock => ({
    type: 'table',
    headers,
    rows,
  });
  const out: ReviewBlock[] = [
    heading(t.title, 1),
    paragraph(`${t.asOf.replace('{date}', date)} (${review.asOf})`),
    paragraph(`${t.preparedBy}: ${cover.preparedBy}`),
    paragraph(`${t.generatedOn}: ${formatReviewDate(cover.generatedOn, locale)} (${cover.generatedOn})`),
    paragraph(`${t.sourceLabel}: ${t.source[cover.source ?? review.source]}`),
    ...(cover.owner ? [paragraph(`${t.ownerLabel}: ${ownerCoverText(cover.owner, locale)}`)] : []),
    heading(t.summary),
    table(
      ['', t.count, t.share],
      [
        [t.dueByAsOf.replace('{date}', date), review.count, ''],
        ...VERDICTS.map((v) => [
          t.verdict[v],
          review.totals[v],
          formatShare(review.count ? review.totals[v] / review.count : null),
        ]),
        [
          t.delivered,
          review.totals['on-time'] + review.totals.late + review.totals.achieved,
          formatShare(review.deliveredShare),
        ],
        [t.recorded, review.count - review.totals.unknown, formatShare(review.recordedShare)],
        [t.notYetDue, review.notYetDue.length, ''],
        [t.undated, review.undated.length, ''],
      ],
    ),
    paragraph(t.rules),
    heading(t.byChapter),
    tallyTable(
      t,
      t.chapterColumn,
      review.byChapter.map((g) => ({ label: t.chapter[g.chapter], tally: g })),
    ),
    heading(t.byYear),
    tallyTable(
      t,
      t.yearColumn,
      review.byYear.map((g) => ({ label: String(g.year), tally: g })),
    ),
    heading(t.bySection),
    tallyTable(
      t,
      t.sectionColumn,
      review.bySection.map((g) => ({ label: `${t.chapter[g.chapter]} · ${section(g.section)}`, tally: g })),
    ),
    heading(t.byActor),
    tallyTable(
      t,
      t.actorColumn,
      review.byActor.map((g) => ({ label: g.actor, tally: g })),
    ),
    heading(t.byKind),
    tallyTable(
      t,
      t.kindColumn,
      review.byKind.map((g) => ({ label: t.kind[g.kind], tally: g })),
    ),
  ];
  if (comparison) {
    const from = formatReviewDate(comparison.from, locale);
    const to = formatReviewDate(comparison.to, locale);
    const verdict = (v: Verdict | null) => (v === null ? t.notYetDueThen : t.verdict[v]);
    out.push(
      heading(t.comparison),
      paragraph(t.comparisonIntro.replace('{from}', from).replace('{to}', to)),
      table(
        ['', t.fromColumn, t.toColumn, t.changeColumn],
        [
          [
            t.dueByAsOf.replace('{date}', to),
            comparison.fromCount,
            comparison.toCount,
            signed(comparison.toCount - comparison.fromCount),
          ],
          ...VERDICTS.map((v) => [
            t.verdict[v],
            comparison.fromTotals[v],
            comparison.toTotals[v],
            signed(comparison.delta[v]),
          ]),
        ],
      ),
      heading(t.moved),
      comparison.moved.length === 0
        ? paragraph(t.noneMoved)
        : table(
            [t.dueColumn, t.milestoneColumn, t.fromColumn, t.toColumn, t.idColumn],
            comparison.moved.map((m) => [m.due, title(m), verdict(m.from), verdict(m.to), m.key]),
          ),
      heading(t.stillOpen),
      comparison.stillOpen.length === 0
        ? paragraph(t.noneStillOpen)
        : table(
            [t.dueColumn, t.milestoneColumn, t.verdictColumn, t.idColumn],
            comparison.stillOpen.map((m) => [m.due, title(m), verdict(m.to), m.key]),
          ),
    );
  }
  out.push(
    heading(t.longestOverdue),
    review.longestOverdue.length === 0
      ? paragraph(t.noneOverdue)
      : table(
          [t.daysOverdueColumn, t.dueColumn, t.milestoneColumn, t.statusColumn, t.idColumn],
          review.longestOverdue.map((i) => [i.delayDays, i.due, title(i), t.status[i.status], i.key]),
        ),
    heading(t.recurring),
  );
  const ongoing = review.items.filter((i) => i.kind !== 'deadline');
  out.push(
    ongoing.length === 0
      ? paragraph(t.noItems)
      : table(
          [t.dueColumn, t.kindColumn, t.milestoneColumn, t.verdictColumn, t.idColumn],
          ongoing.map((i) => [i.due, t.kind[i.kind], title(i), t.verdict[i.verdict], i.key]),
        ),
    heading(t.allItems),
    review.items.length === 0
      ? paragraph(t.noItems)
      : table(
          [
            t.dueColumn,
            t.milestoneColumn,
            t.chapterColumn,
            t.statusColumn,
            t.verdictColumn,
            t.delayColumn,
            t.authorColumn,
            t.idColumn,
          ],
          review.items.map((i) => [
            i.due,
            title(i),
            t.chapter[i.chapter],
            t.status[i.status],
            t.verdict[i.verdict],
            i.delayDays,
            i.author,
            i.key,
          ]),
        ),
    heading(t.entries),
  );
  const recorded = review.items.filter((i) => i.entryId !== null);
  out.push(
    recorded.length === 0
      ? paragraph(t.noEntries)
      : table(
          [t.idColumn, t.statusColumn, t.onColumn, t.authorColumn, t.evidenceColumn, t.noteColumn],
          recorded.map((i) => [i.key, t.status[i.status], i.on, i.author, evidenceText(i.evidence), i.note]),
        ),
  );
  return out;
}

const mdCell = (value: string | number | null): string =>
  value === null ? '' : String(value).replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll('\n', ' ');

function mdTable(headers: string[], rows: Array<Array<string | number | null>>): string {
  const line = (cells: Array<string | number | null>) => `| ${cells.map(mdCell).join(' | ')} |`;
  return [line(headers), `|${headers.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

/** The Markdown export: the document of `reviewBlocks`, block by block. */
export function reviewToMarkdown(input: ReviewExport, locale: Locale): string {
  const md = (b: ReviewBlock) =>
    b.type === 'heading'
      ? `${'#'.repeat(b.level)} ${b.text}`
      : b.type === 'paragraph'
        ? b.text
        : mdTable(b.headers, b.rows);
  return `${reviewBlocks(input, locale).map(md).join('\n\n')}\n`;
}

/** The review as the content of a text file in the given format; `locale` picks the words (not used by JSON). */
export function exportReview(input: ReviewExport, format: TextReviewFormat, locale: Locale): string {
  switch (format) {
    case 'md':
      return reviewToMarkdown(input, locale);
    case 'csv':
      return reviewToCsv(input.review, locale, input.sectionNames);
    case 'json':
      return reviewToJson(input.review, input.cover, input.comparison);
  }
}
