/**
 * The review as a file: Markdown (to read and paste into a report), CSV (one row per item, for a
 * spreadsheet) and JSON (the `Review` itself, see electron/core/review.ts, tagged with its format
 * and version). All three are written from one `Review`, so their numbers agree.
 */
import { format as formatDate, parseISO } from 'date-fns';
import { enGB, nl } from 'date-fns/locale';
import type { IsoDate } from './date-phrase';
import type { EvidenceItem } from './progress-log';
import {
  VERDICTS,
  formatShare,
  type Review,
  type ReviewComparison,
  type ReviewItem,
  type ReviewTally,
  type Verdict,
} from './review';
import type { ReviewSource } from './review-source';
import { sectionName, type SectionNames } from './sections';
import type { Translate } from './shell-locale';
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

/** What an owner filter kept, in words: "only the milestones owned by Anna de Vries". */
export const ownerCoverText = (owner: NonNullable<ReviewCover['owner']>, t: Translate): string =>
  t(`export.ownerFilter.${owner.filter}`, { name: owner.name });

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
export function reviewToCsv(review: Review, locale: Locale, t: Translate, names: SectionNames = {}): string {
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
      csvField(t(`verdict.${i.verdict}`)),
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
  text: Translate,
  firstColumn: string,
  rows: Array<{ label: string; tally: ReviewTally }>,
): ReviewBlock {
  return {
    type: 'table',
    headers: [
      firstColumn,
      text('export.count'),
      ...VERDICTS.map((v) => text(`verdict.${v}`)),
      text('export.onTimeShareColumn'),
      text('export.ragColumn'),
    ],
    rows: rows.map(({ label, tally }) => [
      label,
      tally.count,
      ...VERDICTS.map((v) => tally.totals[v]),
      formatShare(tally.onTimeShare),
      text(`export.rag.${tally.rag}`),
    ]),
  };
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** The document: cover, summary, breakdowns with RAG, comparison, longest overdue, items, entries. */
export function reviewBlocks(input: ReviewExport, locale: Locale, t: Translate): ReviewBlock[] {
  const { review, cover, comparison } = input;
  const section = (heading: string) => sectionName(input.sectionNames ?? {}, heading, locale);
  const date = formatReviewDate(review.asOf, locale);
  const title = (i: Pick<ReviewItem, 'title'> & { own?: boolean }) =>
    `${i.title[locale]}${i.own ? ` ${t('export.own')}` : ''}`;
  const heading = (text: string, level: 1 | 2 = 2): ReviewBlock => ({ type: 'heading', level, text });
  const paragraph = (text: string): ReviewBlock => ({ type: 'paragraph', text });
  const table = (headers: string[], rows: Array<Array<string | number | null>>): ReviewBlock => ({
    type: 'table',
    headers,
    rows,
  });
  const out: ReviewBlock[] = [
    heading(t('export.title'), 1),
    paragraph(`${t('export.asOf', { date })} (${review.asOf})`),
    paragraph(`${t('export.preparedBy')}: ${cover.preparedBy}`),
    paragraph(
      `${t('export.generatedOn')}: ${formatReviewDate(cover.generatedOn, locale)} (${cover.generatedOn})`,
    ),
    paragraph(`${t('export.sourceLabel')}: ${t(`export.source.${cover.source ?? review.source}`)}`),
    ...(cover.owner ? [paragraph(`${t('export.ownerLabel')}: ${ownerCoverText(cover.owner, t)}`)] : []),
    heading(t('export.summary')),
    table(
      ['', t('export.count'), t('export.share')],
      [
        [t('export.dueByAsOf', { date }), review.count, ''],
        ...VERDICTS.map((v) => [
          t(`verdict.${v}`),
          review.totals[v],
          formatShare(review.count ? review.totals[v] / review.count : null),
        ]),
        [
          t('export.delivered'),
          review.totals['on-time'] + review.totals.late + review.totals.achieved,
          formatShare(review.deliveredShare),
        ],
        [t('export.recorded'), review.count - review.totals.unknown, formatShare(review.recordedShare)],
        [t('export.notYetDue'), review.notYetDue.length, ''],
        [t('export.undated'), review.undated.length, ''],
      ],
    ),
    paragraph(t('export.rules')),
    heading(t('export.byChapter')),
    tallyTable(
      t,
      t('export.chapterColumn'),
      review.byChapter.map((g) => ({ label: t(`chapter.${g.chapter}`), tally: g })),
    ),
    heading(t('export.byYear')),
    tallyTable(
      t,
      t('export.yearColumn'),
      review.byYear.map((g) => ({ label: String(g.year), tally: g })),
    ),
    heading(t('export.bySection')),
    tallyTable(
      t,
      t('export.sectionColumn'),
      review.bySection.map((g) => ({
        label: `${t(`chapter.${g.chapter}`)} · ${section(g.section)}`,
        tally: g,
      })),
    ),
    heading(t('export.byActor')),
    tallyTable(
      t,
      t('export.actorColumn'),
      review.byActor.map((g) => ({ label: g.actor, tally: g })),
    ),
    heading(t('export.byKind')),
    tallyTable(
      t,
      t('export.kindColumn'),
      review.byKind.map((g) => ({ label: t(`kind.${g.kind}`), tally: g })),
    ),
  ];
  if (comparison) {
    const from = formatReviewDate(comparison.from, locale);
    const to = formatReviewDate(comparison.to, locale);
    const verdict = (v: Verdict | null) => (v === null ? t('export.notYetDueThen') : t(`verdict.${v}`));
    out.push(
      heading(t('export.comparison')),
      paragraph(t('export.comparisonIntro', { from, to })),
      table(
        ['', t('export.fromColumn'), t('export.toColumn'), t('export.changeColumn')],
        [
          [
            t('export.dueByAsOf', { date: to }),
            comparison.fromCount,
            comparison.toCount,
            signed(comparison.toCount - comparison.fromCount),
          ],
          ...VERDICTS.map((v) => [
            t(`verdict.${v}`),
            comparison.fromTotals[v],
            comparison.toTotals[v],
            signed(comparison.delta[v]),
          ]),
        ],
      ),
      heading(t('export.moved')),
      comparison.moved.length === 0
        ? paragraph(t('export.noneMoved'))
        : table(
            [
              t('export.dueColumn'),
              t('export.milestoneColumn'),
              t('export.fromColumn'),
              t('export.toColumn'),
              t('export.idColumn'),
            ],
            comparison.moved.map((m) => [m.due, title(m), verdict(m.from), verdict(m.to), m.key]),
          ),
      heading(t('export.stillOpen')),
      comparison.stillOpen.length === 0
        ? paragraph(t('export.noneStillOpen'))
        : table(
            [
              t('export.dueColumn'),
              t('export.milestoneColumn'),
              t('export.verdictColumn'),
              t('export.idColumn'),
            ],
            comparison.stillOpen.map((m) => [m.due, title(m), verdict(m.to), m.key]),
          ),
    );
  }
  out.push(
    heading(t('export.longestOverdue')),
    review.longestOverdue.length === 0
      ? paragraph(t('export.noneOverdue'))
      : table(
          [
            t('export.daysOverdueColumn'),
            t('export.dueColumn'),
            t('export.milestoneColumn'),
            t('export.statusColumn'),
            t('export.idColumn'),
          ],
          review.longestOverdue.map((i) => [i.delayDays, i.due, title(i), t(`status.${i.status}`), i.key]),
        ),
    heading(t('export.recurring')),
  );
  const ongoing = review.items.filter((i) => i.kind !== 'deadline');
  out.push(
    ongoing.length === 0
      ? paragraph(t('export.noItems'))
      : table(
          [
            t('export.dueColumn'),
            t('export.kindColumn'),
            t('export.milestoneColumn'),
            t('export.verdictColumn'),
            t('export.idColumn'),
          ],
          ongoing.map((i) => [i.due, t(`kind.${i.kind}`), title(i), t(`verdict.${i.verdict}`), i.key]),
        ),
    heading(t('export.allItems')),
    review.items.length === 0
      ? paragraph(t('export.noItems'))
      : table(
          [
            t('export.dueColumn'),
            t('export.milestoneColumn'),
            t('export.chapterColumn'),
            t('export.statusColumn'),
            t('export.verdictColumn'),
            t('export.delayColumn'),
            t('export.authorColumn'),
            t('export.idColumn'),
          ],
          review.items.map((i) => [
            i.due,
            title(i),
            t(`chapter.${i.chapter}`),
            t(`status.${i.status}`),
            t(`verdict.${i.verdict}`),
            i.delayDays,
            i.author,
            i.key,
          ]),
        ),
    heading(t('export.entries')),
  );
  const recorded = review.items.filter((i) => i.entryId !== null);
  out.push(
    recorded.length === 0
      ? paragraph(t('export.noEntries'))
      : table(
          [
            t('export.idColumn'),
            t('export.statusColumn'),
            t('export.onColumn'),
            t('export.authorColumn'),
            t('export.evidenceColumn'),
            t('export.noteColumn'),
          ],
          recorded.map((i) => [
            i.key,
            t(`status.${i.status}`),
            i.on,
            i.author,
            evidenceText(i.evidence),
            i.note,
          ]),
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
export function reviewToMarkdown(input: ReviewExport, locale: Locale, t: Translate): string {
  const md = (b: ReviewBlock) =>
    b.type === 'heading'
      ? `${'#'.repeat(b.level)} ${b.text}`
      : b.type === 'paragraph'
        ? b.text
        : mdTable(b.headers, b.rows);
  return `${reviewBlocks(input, locale, t).map(md).join('\n\n')}\n`;
}

/**
 * The review as the content of a text file in the given format, in `locale` with its words `t`
 * (the `review` namespace of electron/contract/locales; neither is used by JSON).
 */
export function exportReview(
  input: ReviewExport,
  format: TextReviewFormat,
  locale: Locale,
  t: Translate,
): string {
  switch (format) {
    case 'md':
      return reviewToMarkdown(input, locale, t);
    case 'csv':
      return reviewToCsv(input.review, locale, t, input.sectionNames);
    case 'json':
      return reviewToJson(input.review, input.cover, input.comparison);
  }
}
