import { describe, expect, it } from 'vitest';
import type { AnyMilestone, OwnMilestone } from '../../electron/core/milestone';
import { VERDICTS, type Review } from '../../electron/core/review';
import { reviewOf, TEST_COVER } from '../support/log';
import { exportReview, REVIEW_CSV_COLUMNS, REVIEW_JSON_FORMAT } from '../../electron/core/review-export';
import { reviewWords } from '../../electron/node/i18n';
import { reviewText } from '../support/review-words';
import { EMPTY_PROGRESS, type Progress } from '../../electron/core/progress';
import { bundledMilestones, bundledSectionNames } from '../../electron/node/milestones-source';
import enReview from '../../electron/contract/locales/en/review.json';
import nlReview from '../../electron/contract/locales/nl/review.json';
import enUi from '../../electron/contract/locales/en/ui.json';
import nlUi from '../../electron/contract/locales/nl/ui.json';

const rec = (status: Progress['status'], achievedOn: string | null = null): Progress => ({
  ...EMPTY_PROGRESS,
  status,
  achievedOn,
});

const own = {
  id: 'own-quote-test',
  own: true,
  chapter: 'invest',
  section: 'Eigen, "nationaal" | plan',
  title: { nl: '=SOM(1,2) "plan", deel | één', en: '=SUM(1,2) "plan", part | one' },
  datePhrase: 'eind 2023',
  kind: 'deadline',
  start: '2022-03-21',
  due: '2023-12-31',
  window: { from: '2023-10-01', to: '2023-12-31' },
  recurrence: null,
  actor: 'Member States',
} satisfies OwnMilestone;

const milestones: AnyMilestone[] = [...bundledMilestones(), own];
const progress = {
  'act-rapid-deployment-capacity-scenarios': rec('achieved', '2022-12-31'),
  'act-rapid-deployment-capacity': rec('achieved', '2026-01-01'),
  'general-threat-analysis@2022-12-31': rec('achieved', '2022-11-15'),
  'general-threat-analysis': { status: 'in-progress' as const, on: '2025-06-01' },
  'act-live-exercises': rec('in-progress'),
  'own-quote-test': rec('missed'),
  'act-ad-hoc-missions-links': rec('planned'),
};
const review = reviewOf(milestones, progress, '2025-12-31');

/** RFC 4180 parsing, enough for the test: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  expect(field).toBe('');
  return rows;
}

/** The rows of the Markdown table under a heading, cells unescaped. */
function markdownTable(md: string, heading: string): string[][] {
  const lines = md.split('\n');
  const start = lines.indexOf(`## ${heading}`);
  expect(start).toBeGreaterThan(-1);
  const table: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    if (/^\|(?:-+\|)+$/.test(line)) continue;
    table.push(
      line
        .slice(2, -2)
        .split(/ (?<!\\)\| /)
        .map((cell) => cell.replaceAll('\\|', '|').replaceAll('\\\\', '\\')),
    );
  }
  return table;
}

describe('the review exports agree with each other', () => {
  const json = JSON.parse(
    exportReview({ review, cover: TEST_COVER }, 'json', 'en', reviewWords('en')),
  ) as Review & {
    format: string;
    version: number;
  };
  const csv = parseCsv(exportReview({ review, cover: TEST_COVER }, 'csv', 'en', reviewWords('en')));

  it('the JSON is the review itself, tagged with its format and version', () => {
    expect(json.format).toBe(REVIEW_JSON_FORMAT);
    expect(json.version).toBe(1);
    const { format: _f, version: _v, cover, ...rest } = json as typeof json & { cover: unknown };
    expect(rest).toEqual(review);
    expect(cover).toEqual(TEST_COVER);
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['asOf', 'totals', 'byChapter', 'byYear', 'items']),
    );
    expect(json.items[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        due: expect.any(String),
        status: expect.any(String),
      }),
    );
  });

  it('the CSV has one row per JSON item with the same fields, quotes and commas intact', () => {
    const [header, ...rows] = csv;
    expect(header).toEqual([...REVIEW_CSV_COLUMNS]);
    expect(rows).toHaveLength(json.items.length);
    const col = (name: (typeof REVIEW_CSV_COLUMNS)[number]) => REVIEW_CSV_COLUMNS.indexOf(name);
    rows.forEach((row, i) => {
      const item = json.items[i]!;
      expect(row[col('key')]).toBe(item.key);
      expect(row[col('id')]).toBe(item.id);
      expect(row[col('due')]).toBe(item.due);
      expect(row[col('status')]).toBe(item.status);
      expect(row[col('verdict')]).toBe(item.verdict);
      expect(row[col('delayDays')]).toBe(item.delayDays === null ? '' : String(item.delayDays));
      expect(row[col('achievedOn')]).toBe(item.achievedOn ?? '');
    });
    const ownRow = rows.find((r) => r[col('id')] === 'own-quote-test')!;
    expect(ownRow[col('section')]).toBe(own.section);
    // A title a spreadsheet would run as a formula is kept as text.
    expect(ownRow[col('title')]).toBe(`'${own.title.en}`);
  });

  it('the CSV verdict counts equal the JSON totals', () => {
    const [, ...rows] = csv;
    const verdicts = rows.map((r) => r[REVIEW_CSV_COLUMNS.indexOf('verdict')]);
    for (const v of VERDICTS) expect(verdicts.filter((x) => x === v).length).toBe(json.totals[v]);
  });

  it.each(['en', 'nl'] as const)(
    'the Markdown (%s) shows the same totals, chapters, years and items',
    (locale) => {
      const t = reviewText(locale);
      const md = exportReview({ review, cover: TEST_COVER }, 'md', locale, reviewWords(locale));
      const summary = markdownTable(md, t.summary);
      for (const v of VERDICTS) {
        expect(summary.find((row) => row[0] === t.verdict[v])?.[1]).toBe(String(json.totals[v]));
      }
      const chapters = markdownTable(md, t.byChapter).slice(1);
      expect(chapters.map((row) => [row[0], Number(row[1])])).toEqual(
        json.byChapter.map((g) => [t.chapter[g.chapter], g.count]),
      );
      const years = markdownTable(md, t.byYear).slice(1);
      expect(years.map((row) => row.slice(0, 2 + VERDICTS.length).map(Number))).toEqual(
        json.byYear.map((g) => [g.year, g.count, ...VERDICTS.map((v) => g.totals[v])]),
      );
      const items = markdownTable(md, t.allItems).slice(1);
      expect(items.map((row) => [row[0], row[4], row[5], row[7]])).toEqual(
        json.items.map((i) => [
          i.due,
          t.verdict[i.verdict],
          i.delayDays === null ? '' : String(i.delayDays),
          i.key,
        ]),
      );
      expect(items.find((row) => row[7] === 'own-quote-test')?.[1]).toBe(`${own.title[locale]} ${t.own}`);
    },
  );

  it('the exports carry the verdicts the scenario set up', () => {
    const verdictOf = (key: string) => json.items.find((i) => i.key === key)?.verdict;
    expect(verdictOf('act-rapid-deployment-capacity-scenarios')).toBe('on-time');
    expect(verdictOf('act-rapid-deployment-capacity')).toBe('overdue'); // achieved after the as-of date
    expect(verdictOf('general-threat-analysis@2022-12-31')).toBe('on-time');
    expect(verdictOf('general-threat-analysis@2025-12-31')).toBe('overdue');
    expect(verdictOf('act-live-exercises')).toBe('achieved');
    expect(verdictOf('own-quote-test')).toBe('missed');
    expect(json.longestOverdue[0]?.key).toBe('act-ad-hoc-missions-links');
  });

  it('Markdown headings follow the locale and dates read naturally', () => {
    expect(exportReview({ review, cover: TEST_COVER }, 'md', 'nl', reviewWords('nl'))).toContain(
      'Stand per 31 december 2025 (2025-12-31)',
    );
    expect(exportReview({ review, cover: TEST_COVER }, 'md', 'en', reviewWords('en'))).toContain(
      'As of 31 December 2025 (2025-12-31)',
    );
  });
});

describe("the review's words", () => {
  const keys = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) =>
      typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
    );

  it('Dutch and English name the same words', () => {
    expect(keys(nlReview).sort()).toEqual(keys(enReview).sort());
  });

  it.each(['en', 'nl'] as const)(
    '%s: every word of the exports is translated, none shows as its key',
    (locale) => {
      const input = { review, cover: TEST_COVER, sectionNames: bundledSectionNames() };
      const text =
        exportReview(input, 'md', locale, reviewWords(locale)) +
        exportReview(input, 'csv', locale, reviewWords(locale));
      expect(text).not.toMatch(/\b(export|feed|verdict|status|chapter|kind)\.[a-z-]+/);
      expect(text).not.toMatch(/\{\{|\}\}/);
    },
  );

  it.each([
    ['en', enUi],
    ['nl', nlUi],
  ] as const)('%s: status and chapter names are the ones the rest of the app shows', (locale, ui) => {
    expect(reviewText(locale).status).toEqual(ui.status);
    expect(reviewText(locale).chapter).toEqual(ui.chapter);
  });
});

describe('the review exports name each section in their language', () => {
  const names = bundledSectionNames();
  const withNames = { review, cover: TEST_COVER, sectionNames: names };
  const act = review.items.find((i) => i.key === 'act-live-exercises')!;

  it.each(['en', 'nl'] as const)(
    'Markdown (%s): "By section" shows the names, not the Dutch headings',
    (locale) => {
      const t = reviewText(locale);
      const md = exportReview(withNames, 'md', locale, reviewWords(locale));
      const labels = markdownTable(md, t.bySection)
        .slice(1)
        .map((row) => row[0] ?? '');
      expect(labels).toEqual(
        review.bySection.map((g) => `${t.chapter[g.chapter]} · ${names[g.section]?.[locale] ?? g.section}`),
      );
      // The seed's misspelt heading and the chapter-named one never show through.
      expect(labels.some((l) => l.endsWith('· Vorbereiden'))).toBe(false);
      expect(labels.some((l) => l.endsWith('· Handelen'))).toBe(false);
      if (locale === 'en') expect(labels).toContain(`${t.chapter.act} · Missions and operations`);
      else expect(labels).toContain(`${t.chapter.act} · Missies en operaties`);
    },
  );

  it('CSV: the section column is the name in the chosen language; a section without a name stays as it is', () => {
    const col = REVIEW_CSV_COLUMNS.indexOf('section');
    const id = REVIEW_CSV_COLUMNS.indexOf('key');
    for (const locale of ['en', 'nl'] as const) {
      const [, ...rows] = parseCsv(exportReview(withNames, 'csv', locale, reviewWords(locale)));
      expect(rows.find((r) => r[id] === act.key)?.[col]).toBe(names[act.section]![locale]);
      expect(rows.find((r) => r[id] === 'own-quote-test')?.[col]).toBe(own.section);
    }
    expect(names[act.section]!.en).not.toBe(act.section);
  });

  it('JSON keeps the verbatim Dutch heading (its shape is stable)', () => {
    const json = JSON.parse(exportReview(withNames, 'json', 'en', reviewWords('en'))) as Review;
    expect(json.items.find((i) => i.key === act.key)?.section).toBe(act.section);
    expect(json).not.toHaveProperty('sectionNames');
  });
});
