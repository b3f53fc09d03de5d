/**
 * The review as a file: Markdown (to read and paste into a report), CSV (one row per item, for a
 * spreadsheet) and JSON (the `Review` itself, see electron/core/review.ts, tagged with its format
 * and version). All three are written from one `Review`, so their numbers agree.
 */
import { format as formatDate, parseISO } from 'date-fns';
import { enGB, nl } from 'date-fns/locale';
import type { IsoDate } from './date-phrase';
import type { Chapter } from './milestone';
import {
  VERDICTS,
  formatShare,
  type Review,
  type ReviewItem,
  type ReviewItemKind,
  type ReviewTally,
  type Verdict,
} from './review';
import type { Status } from './status';
import type { Locale } from './user-state';

export type ReviewFormat = 'md' | 'csv' | 'json';

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
      unknown: 'No status recorded',
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
      'A commitment without a recorded status counts as "No status recorded", never as achieved or missed. ' +
      'Achieved after the as-of date counts as still open on it. A start commitment counts as delivered once it is under way; ' +
      'a recurring one counts each cycle once.',
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
      unknown: 'Geen status vastgelegd',
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
      'Een toezegging zonder vastgelegde status telt als "Geen status vastgelegd", nooit als behaald of gemist. ' +
      'Behaald na de peildatum telt op die datum nog als open. Een doorlopende toezegging telt als geleverd zodra ze loopt; ' +
      'een terugkerende telt elke cyclus één keer.',
  },
};

/** A date as readers write it: "31 December 2025" / "31 december 2025". */
export const formatReviewDate = (date: IsoDate, locale: Locale): string =>
  formatDate(parseISO(date), 'd MMMM yyyy', { locale: locale === 'nl' ? nl : enGB });

/** The JSON export: the review itself, tagged with its format and version. */
export function reviewToJson(review: Review): string {
  return `${JSON.stringify({ format: REVIEW_JSON_FORMAT, version: REVIEW_JSON_VERSION, ...review }, null, 2)}\n`;
}

/** One CSV field (RFC 4180); text that a spreadsheet would run as a formula is prefixed with '. */
function csvField(value: string | number | null, text = false): string {
  let s = value === null ? '' : String(value);
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The CSV export: a header row of REVIEW_CSV_COLUMNS, then one row per item; CRLF line ends. */
export function reviewToCsv(review: Review, locale: Locale): string {
  const text = REVIEW_TEXT[locale];
  const rows = review.items.map((i) =>
    [
      csvField(i.key),
      csvField(i.id),
      csvField(i.kind),
      csvField(i.chapter),
      csvField(i.section, true),
      csvField(i.actor, true),
      csvField(i.title[locale], true),
      csvField(i.due),
      csvField(i.status),
      csvField(i.achievedOn),
      csvField(i.verdict),
      csvField(i.delayDays),
      csvField(text.verdict[i.verdict]),
    ].join(','),
  );
  return [REVIEW_CSV_COLUMNS.join(','), ...rows].map((line) => `${line}\r\n`).join('');
}

const mdCell = (value: string | number | null): string =>
  value === null ? '' : String(value).replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll('\n', ' ');

function mdTable(headers: string[], rows: Array<Array<string | number | null>>): string {
  const line = (cells: Array<string | number | null>) => `| ${cells.map(mdCell).join(' | ')} |`;
  return [line(headers), `|${headers.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

function tallyTable(
  text: ReviewText,
  firstColumn: string,
  rows: Array<{ label: string; tally: ReviewTally }>,
): string {
  return mdTable(
    [firstColumn, text.count, ...VERDICTS.map((v) => text.verdict[v]), text.onTimeShareColumn],
    rows.map(({ label, tally }) => [
      label,
      tally.count,
      ...VERDICTS.map((v) => tally.totals[v]),
      formatShare(tally.onTimeShare),
    ]),
  );
}

/** The Markdown export: summary, the breakdowns, the longest-overdue list and every item. */
export function reviewToMarkdown(review: Review, locale: Locale): string {
  const t = REVIEW_TEXT[locale];
  const date = formatReviewDate(review.asOf, locale);
  const title = (i: ReviewItem) => `${i.title[locale]}${i.own ? ` ${t.own}` : ''}`;
  const out: string[] = [
    `# ${t.title}`,
    '',
    `${t.asOf.replace('{date}', date)} (${review.asOf})`,
    '',
    `## ${t.summary}`,
    '',
    mdTable(
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
    '',
    t.rules,
    '',
    `## ${t.byChapter}`,
    '',
    tallyTable(
      t,
      t.chapterColumn,
      review.byChapter.map((g) => ({ label: t.chapter[g.chapter], tally: g })),
    ),
    '',
    `## ${t.byYear}`,
    '',
    tallyTable(
      t,
      t.yearColumn,
      review.byYear.map((g) => ({ label: String(g.year), tally: g })),
    ),
    '',
    `## ${t.bySection}`,
    '',
    tallyTable(
      t,
      t.sectionColumn,
      review.bySection.map((g) => ({ label: `${t.chapter[g.chapter]} · ${g.section}`, tally: g })),
    ),
    '',
    `## ${t.byActor}`,
    '',
    tallyTable(
      t,
      t.actorColumn,
      review.byActor.map((g) => ({ label: g.actor, tally: g })),
    ),
    '',
    `## ${t.byKind}`,
    '',
    tallyTable(
      t,
      t.kindColumn,
      review.byKind.map((g) => ({ label: t.kind[g.kind], tally: g })),
    ),
    '',
    `## ${t.longestOverdue}`,
    '',
    review.longestOverdue.length === 0
      ? t.noneOverdue
      : mdTable(
          [t.daysOverdueColumn, t.dueColumn, t.milestoneColumn, t.statusColumn, t.idColumn],
          review.longestOverdue.map((i) => [i.delayDays, i.due, title(i), t.status[i.status], i.key]),
        ),
    '',
    `## ${t.recurring}`,
    '',
  ];
  const ongoing = review.items.filter((i) => i.kind !== 'deadline');
  out.push(
    ongoing.length === 0
      ? t.noItems
      : mdTable(
          [t.dueColumn, t.kindColumn, t.milestoneColumn, t.verdictColumn, t.idColumn],
          ongoing.map((i) => [i.due, t.kind[i.kind], title(i), t.verdict[i.verdict], i.key]),
        ),
    '',
    `## ${t.allItems}`,
    '',
    review.items.length === 0
      ? t.noItems
      : mdTable(
          [
            t.dueColumn,
            t.milestoneColumn,
            t.chapterColumn,
            t.statusColumn,
            t.verdictColumn,
            t.delayColumn,
            t.idColumn,
          ],
          review.items.map((i) => [
            i.due,
            title(i),
            t.chapter[i.chapter],
            t.status[i.status],
            t.verdict[i.verdict],
            i.delayDays,
            i.key,
          ]),
        ),
    '',
  );
  return out.join('\n');
}

/** The review as the content of a file in the given format; `locale` picks the words (not used by JSON). */
export function exportReview(review: Review, format: ReviewFormat, locale: Locale): string {
  switch (format) {
    case 'md':
      return reviewToMarkdown(review, locale);
    case 'csv':
      return reviewToCsv(review, locale);
    case 'json':
      return reviewToJson(review);
  }
}
