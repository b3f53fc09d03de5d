/**
 * The review as a file in any format: Markdown, CSV and JSON from core; DOCX (the `docx` package)
 * from the same document core's Markdown is written from; XLSX (`exceljs`) with one row per item
 * and a sheet of totals. All from one `buildReview`, so every format shows the same numbers.
 */
import { format as formatDate } from 'date-fns';
import type { Paragraph, Table } from 'docx';
import type { IsoDate } from '../core/date-phrase';
import type { AnyMilestone } from '../core/milestone';
import type { LogEntry } from '../core/progress-log';
import { buildReview, compareReviews, VERDICTS } from '../core/review';
import { DEFAULT_REVIEW_SOURCE, entriesForSource, type ReviewSource } from '../core/review-source';
import {
  evidenceText,
  exportReview,
  formatReviewDate,
  ownerCoverText,
  REVIEW_CSV_COLUMNS,
  reviewBlocks,
  type ReviewCover,
  type ReviewExport,
  type ReviewFormat,
} from '../core/review-export';
import { sectionName, type SectionNames } from '../core/sections';
import type { Locale } from '../core/user-state';
import { reviewWords } from './i18n';

export interface RenderReviewInput {
  milestones: readonly AnyMilestone[];
  log: readonly LogEntry[];
  /** The public record's entries (the layer beside `log`); none when left out. */
  publicEntries?: readonly LogEntry[];
  /** Which log the review is computed from (default `ours`). */
  source?: ReviewSource;
  asOf: IsoDate;
  /** A second as-of date to compare with, or null. */
  compareTo: IsoDate | null;
  format: ReviewFormat;
  locale: Locale;
  preparedBy: string;
  generatedAt: Date;
  /** The owner filter the milestones were chosen by (told on the cover); absent: all milestones. */
  owner?: ReviewCover['owner'];
  /** The sections' names in each language; a heading without one is shown as it is. */
  sectionNames?: SectionNames;
}

/** The review, its cover and (with compareTo) the comparison, ready to write. */
export function reviewExportOf(input: Omit<RenderReviewInput, 'format' | 'locale'>): ReviewExport {
  const source = input.source ?? DEFAULT_REVIEW_SOURCE;
  const log = entriesForSource(input.log, input.publicEntries ?? [], source);
  const review = buildReview(input.milestones, log, input.asOf, source);
  const comparison = input.compareTo
    ? compareReviews(buildReview(input.milestones, log, input.compareTo, source), review)
    : null;
  return {
    review,
    comparison,
    ...(input.sectionNames ? { sectionNames: input.sectionNames } : {}),
    cover: {
      asOf: input.asOf,
      preparedBy: input.preparedBy,
      generatedOn: formatDate(input.generatedAt, 'yyyy-MM-dd'),
      source,
      ...(input.owner ? { owner: input.owner } : {}),
    },
  };
}

/** Text for md, csv and json; bytes for docx and xlsx. */
export async function renderReview(input: RenderReviewInput): Promise<string | Uint8Array> {
  const data = reviewExportOf(input);
  switch (input.format) {
    case 'docx':
      return reviewToDocx(data, input.locale);
    case 'xlsx':
      return reviewToXlsx(data, input.locale);
    default:
      return exportReview(data, input.format, input.locale, reviewWords(input.locale));
  }
}

const cellText = (value: string | number | null) => (value === null ? '' : String(value));

/** The width of a landscape A4 page between Word's default margins, in twentieths of a point. */
const DOCX_TEXT_WIDTH = 13958;

/**
 * Column widths for a DOCX table, in twentieths of a point: each column gets a share of the page
 * after its longest text (clamped, so a long note does not squeeze the numbers out and a number
 * column still fits its header's longest word). Equal widths broke "Missions and operations" into
 * four-letter pieces. The page is landscape A4 and table text 8 pt, so the
 * tally tables' twelve columns fit.
 */
export function docxColumnWidths(
  headers: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
): number[] {
  const longestWord = (text: string) => Math.max(0, ...text.split(/\s+/).map((w) => w.length));
  const weights = headers.map((header, c) => {
    const cells = rows.map((r) => cellText(r[c] ?? null));
    const longest = Math.max(cellText(header).length, ...cells.map((x) => x.length));
    // A header is bold: its words take about a quarter more room.
    const word = Math.max(Math.ceil(longestWord(header) * 1.25), ...cells.map(longestWord));
    return Math.min(40, Math.max(6, Math.min(longest, 10), word + 2));
  });
  // Each cell's margins take their room first; the rest goes by weight.
  const padding = 240;
  const total = weights.reduce((a, b) => a + b, 0);
  const free = Math.max(0, DOCX_TEXT_WIDTH - padding * weights.length);
  return weights.map((w) => padding + Math.floor((w / total) * free));
}

/** The DOCX: the cover as a title page block, then every heading, paragraph and table. */
export async function reviewToDocx(data: ReviewExport, locale: Locale): Promise<Uint8Array> {
  // Loaded when a Word file is asked for: every other command starts without it.
  const {
    AlignmentType,
    Document,
    HeadingLevel,
    Packer,
    PageOrientation,
    Paragraph,
    Table,
    TableCell,
    TableRow,
    TextRun,
    WidthType,
  } = await import('docx');
  const children: Array<Paragraph | Table> = [];
  for (const block of reviewBlocks(data, locale, reviewWords(locale))) {
    if (block.type === 'heading') {
      children.push(
        new Paragraph({
          text: block.text,
          heading: block.level === 1 ? HeadingLevel.TITLE : HeadingLevel.HEADING_1,
          ...(block.level === 1 ? { alignment: AlignmentType.LEFT } : {}),
        }),
      );
    } else if (block.type === 'paragraph') {
      children.push(new Paragraph({ children: [new TextRun(block.text)] }));
    } else {
      const widths = docxColumnWidths(block.headers, block.rows);
      const row = (cells: Array<string | number | null>, header = false) =>
        new TableRow({
          tableHeader: header,
          children: cells.map(
            (cell, c) =>
              new TableCell({
                width: { size: widths[c] ?? 0, type: WidthType.DXA },
                children: [
                  new Paragraph({
                    children: [new TextRun({ text: cellText(cell), bold: header, size: 16 })],
                  }),
                ],
              }),
          ),
        });
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          columnWidths: widths,
          rows: [row(block.headers, true), ...block.rows.map((r) => row(r))],
        }),
        new Paragraph({ text: '' }),
      );
    }
  }
  const t = reviewWords(locale);
  const document = new Document({
    creator: data.cover.preparedBy,
    title: `${t('export.title')} — ${formatReviewDate(data.review.asOf, locale)}`,
    description: t('export.asOf', { date: data.review.asOf }),
    sections: [{ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } }, children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** The XLSX: a sheet "Items" with one row per review item (the CSV's columns), and a sheet of totals. */
export async function reviewToXlsx(data: ReviewExport, locale: Locale): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const t = reviewWords(locale);
  const { review, cover } = data;
  const section = (heading: string) => sectionName(data.sectionNames ?? {}, heading, locale);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = cover.preparedBy;
  workbook.title = t('export.title');

  const summary = workbook.addWorksheet('Summary');
  summary.addRow([t('export.title')]).font = { bold: true, size: 14 };
  summary.addRow([t('export.asOf', { date: formatReviewDate(review.asOf, locale) }), review.asOf]);
  summary.addRow([t('export.preparedBy'), cover.preparedBy]);
  summary.addRow([t('export.generatedOn'), cover.generatedOn]);
  summary.addRow([
    t('export.sourceLabel'),
    t(`export.source.${cover.source ?? review.source}`),
    review.source,
  ]);
  if (cover.owner)
    summary.addRow([t('export.ownerLabel'), ownerCoverText(cover.owner, t), cover.owner.filter]);
  summary.addRow([]);
  summary.addRow(['verdict', t('export.verdictColumn'), t('export.count')]).font = { bold: true };
  summary.addRow(['count', t('export.dueByAsOf', { date: review.asOf }), review.count]);
  for (const v of VERDICTS) summary.addRow([v, t(`verdict.${v}`), review.totals[v]]);
  summary.getColumn(2).width = 48;

  const items = workbook.addWorksheet('Items');
  items.addRow([...REVIEW_CSV_COLUMNS]).font = { bold: true };
  for (const i of review.items) {
    items.addRow([
      i.key,
      i.id,
      i.kind,
      i.chapter,
      section(i.section),
      i.actor,
      i.title[locale],
      i.due,
      i.status,
      i.achievedOn,
      i.verdict,
      i.delayDays,
      t(`verdict.${i.verdict}`),
      i.on,
      i.author,
      i.recordedAt,
      evidenceText(i.evidence),
      i.note,
    ]);
  }
  items.views = [{ state: 'frozen', ySplit: 1 }];

  const chapters = workbook.addWorksheet('Chapters');
  chapters.addRow([
    t('export.chapterColumn'),
    t('export.sectionColumn'),
    t('export.count'),
    ...VERDICTS,
    t('export.ragColumn'),
  ]).font = {
    bold: true,
  };
  for (const g of review.byChapter)
    chapters.addRow([
      t(`chapter.${g.chapter}`),
      '',
      g.count,
      ...VERDICTS.map((v) => g.totals[v]),
      t(`export.rag.${g.rag}`),
    ]);
  for (const g of review.bySection)
    chapters.addRow([
      t(`chapter.${g.chapter}`),
      section(g.section),
      g.count,
      ...VERDICTS.map((v) => g.totals[v]),
      t(`export.rag.${g.rag}`),
    ]);

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
