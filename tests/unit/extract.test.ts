import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveDatePhrase } from '../../electron/core/date-phrase';
import {
  detectDocumentDate,
  detectLanguage,
  extractCommitments,
  findActor,
  findDatePhrases,
  splitBlocks,
  splitSentences,
  type Candidate,
} from '../../electron/core/extract';
import { bundledMilestones } from '../../electron/node/milestones-source';
import { recallOf } from '../support/recall';
import { seedText } from '../support/seed';

const fixture = (name: string) => readFileSync(`tests/fixtures/extract/${name}`, 'utf8');
const brief = (c: Candidate) => ({
  phrase: c.datePhrase,
  kind: c.kind,
  date:
    c.kind === 'recurring'
      ? `every ${c.recurrence?.everyYears} from ${c.recurrence?.first}`
      : (c.due ?? c.start),
});

describe('splitting a document', () => {
  const text = [
    '# Plan',
    '',
    'Intro line one that goes on',
    'over a second line. And a second sentence.',
    '',
    'Targets',
    '',
    'We will do this:',
    '- first, by 2025;',
    ' - second (nested), e.g. with Mr. Smith.',
    '',
    '3. WHAT NEXT',
  ].join('\n');

  it('finds headings, paragraphs and bullets with their lines and sections', () => {
    const blocks = splitBlocks(text);
    expect(blocks.map((b) => [b.type, b.line, b.section])).toEqual([
      ['heading', 1, 'Plan'],
      ['paragraph', 3, 'Plan'],
      ['heading', 6, 'Targets'],
      ['paragraph', 8, 'Targets'],
      ['bullet', 9, 'Targets'],
      ['bullet', 10, 'Targets'],
      ['heading', 12, '3. WHAT NEXT'],
    ]);
    expect(blocks[4]?.text).toBe('first, by 2025;');
    expect(blocks[4]?.leadIn).toBe('We will do this:');
  });

  it('cuts sentences (not after abbreviations) and gives each the line it starts on', () => {
    const [, intro, , , , nested] = splitBlocks(text);
    expect(splitSentences(intro!).map((s) => [s.text, s.line])).toEqual([
      ['Intro line one that goes on over a second line.', 3],
      ['And a second sentence.', 4],
    ]);
    expect(splitSentences(nested!).map((s) => s.text)).toEqual(['second (nested), e.g. with Mr. Smith.']);
  });

  it('numbers lines per page when the document comes as pages, keeping the section across pages', () => {
    const blocks = splitBlocks({ pages: ['Goals\n\nWe will act by 2025.', 'We will act in 2026.'] });
    expect(blocks.map((b) => [b.page, b.line, b.section])).toEqual([
      [1, 1, 'Goals'],
      [1, 3, 'Goals'],
      [2, 1, 'Goals'],
    ]);
  });

  it('removes the ** bold markers from quotes but keeps them for titles', () => {
    const [block] = splitBlocks('In 2023 zullen we een **innovatiehub** oprichten.');
    expect(block?.text).toBe('In 2023 zullen we een innovatiehub oprichten.');
    expect(extractCommitments('In 2023 zullen we een **innovatiehub** oprichten.').candidates[0]?.title).toBe(
      'Innovatiehub',
    );
  });
});

describe('language, document date, phrases and actors', () => {
  it('tells Dutch from English', () => {
    expect(detectLanguage(fixture('strategy.nl.txt'))).toBe('nl');
    expect(detectLanguage(fixture('strategy.en.txt'))).toBe('en');
    expect(detectLanguage(seedText())).toBe('nl');
  });

  it("reads the document's date from its first lines", () => {
    expect(detectDocumentDate(seedText())).toBe('2022-03-21');
    expect(detectDocumentDate(fixture('strategy.en.txt'))).toBe('2022-01-10');
    expect(detectDocumentDate('Geneva, March 3, 2024\n\nText.')).toBe('2024-03-03');
    expect(detectDocumentDate('No date here.')).toBeNull();
  });

  it('finds the longest phrase the resolver understands, never a verb', () => {
    expect(findDatePhrases('Uiterlijk in 2025 zal het klaar zijn.').map((f) => f.phrase)).toEqual([
      'Uiterlijk in 2025',
    ]);
    expect(findDatePhrases('Op basis van de voor 2025 geplande analyse.').map((f) => f.phrase)).toEqual([
      'voor 2025',
    ]);
    expect(findDatePhrases('The Council may decide in march, the priorities (2022-2024).')).toEqual([]);
    for (const f of findDatePhrases('by the end of 2022, from 2023, every two years and by Q3 2024')) {
      expect(resolveDatePhrase(f.phrase)).toEqual(f.resolved);
    }
  });

  it.each([
    ['De Commissie zal uiterlijk in 2023 een voorstel doen.', 'Commission'],
    ['Uiterlijk eind 2023 zullen de lidstaten strategieën opstellen.', 'Member States'],
    [
      'De hoge vertegenwoordiger zal, in overleg met de Raad, jaarlijks verslag uitbrengen.',
      'High Representative',
    ],
    ['We call on the Member States to agree by 2024.', 'Member States'],
    ['The Ministry of Defence will publish a plan by 2025.', 'Ministry of Defence'],
    ['By 2025 we will publish a plan.', null],
    ['Partners zullen op uitnodiging van de hoge vertegenwoordiger zullen bijeenkomen.', null],
  ])('the actor of "%s" is %s', (sentence, actor) => {
    expect(findActor(sentence)).toBe(actor);
  });
});

describe('titles and actors', () => {
  const found = extractCommitments(
    'The Strategic Compass, adopted in March 2022, will be reviewed by 2025. ' +
      'The Secretary of State will publish a report by March 2025, and we will consult Parliament by May 2025. ' +
      'We will hold an annual conference with industry.',
    { documentDate: '2024-07-04' },
  ).candidates;

  it('takes each commitment of a two-part sentence from its own clause', () => {
    expect(found.map((c) => [c.datePhrase, c.title, c.actor])).toEqual([
      ['by 2025', 'Strategic Compass reviewed', null],
      ['by March 2025', 'Publish a report', 'Secretary of State'],
      ['by May 2025', 'Consult Parliament', null],
      ['annual', 'Hold an annual conference with industry', null],
    ]);
  });

  it('does not take "adopted in March 2022" for a commitment', () => {
    expect(found.map((c) => c.datePhrase)).not.toContain('in March 2022');
  });
});

describe.each([
  [
    'strategy.en.txt',
    [
      ['By 2025', 'deadline', '2025-12-31'],
      ['by mid-2023', 'deadline', '2023-06-30'],
      ['By the end of 2022', 'deadline', '2022-12-31'],
      ['In 2022', 'deadline', '2022-12-31'],
      ['From 2023', 'start', '2023-01-01'],
      ['As of 2024', 'start', '2024-01-01'],
      ['Starting in 2022', 'start', '2022-01-10'], // not before the document's own date
      ['by 2025', 'deadline', '2025-12-31'],
      ['every three years', 'recurring', 'every 3 from 2023-12-31'],
      ['at least every three years', 'recurring', 'every 3 from 2023-12-31'],
      ['annually', 'recurring', 'every 1 from 2023-12-31'],
      ['every year', 'recurring', 'every 1 from 2023-12-31'],
      ['as soon as possible', 'start', '2022-01-10'],
      ['in the first half of 2023', 'deadline', '2023-06-30'],
      ['by Q3 2024', 'deadline', '2024-09-30'],
      ['By March 2026', 'deadline', '2026-03-31'],
      ['by the end of June', 'deadline', '2024-06-30'],
      ['in the third quarter', 'deadline', '2024-09-30'],
    ],
  ],
  [
    'strategy.nl.txt',
    [
      ['Uiterlijk in 2025', 'deadline', '2025-12-31'],
      ['Tegen eind 2022', 'deadline', '2022-12-31'],
      ['Uiterlijk medio 2023', 'deadline', '2023-06-30'],
      ['jaarlijks', 'recurring', 'every 1 from 2023-12-31'],
      ['in de eerste helft van 2023', 'deadline', '2023-06-30'],
      ['uiterlijk in het derde kwartaal van 2024', 'deadline', '2024-09-30'],
      ['Vóór maart 2026', 'deadline', '2026-03-31'],
      ['ten minste om de drie jaar', 'recurring', 'every 3 from 2022-12-31'],
      ['onmiddellijk', 'start', '2022-01-10'],
      ['uiterlijk in 2024', 'deadline', '2024-12-31'],
      ['uiterlijk eind juni', 'deadline', '2024-06-30'],
      ['in het vierde kwartaal', 'deadline', '2024-12-31'],
    ],
  ],
])('extracting %s', (name, expected) => {
  const text = fixture(name);
  const lines = text.split('\n');
  const { candidates, language, documentDate } = extractCommitments(text);

  it('proposes exactly the commitments of every phrase form, in reading order', () => {
    expect(language).toBe(name.includes('.nl.') ? 'nl' : 'en');
    expect(documentDate).toBe('2022-01-10');
    expect(candidates.map(brief)).toEqual(expected.map(([phrase, kind, date]) => ({ phrase, kind, date })));
  });

  it('leaves out the dates of the past (2014 … 2021): they commit no one', () => {
    for (const c of candidates) expect(c.datePhrase).not.toMatch(/20(?:1\d|2[01])/);
    const historyLines = lines.flatMap((l, i) => (/\b20(?:1\d|2[01])\b/.test(l) ? [i + 1] : []));
    expect(historyLines.length).toBeGreaterThan(2);
  });

  it('quotes each sentence verbatim on its line, with dates the resolver gives, starting on the document date', () => {
    for (const c of candidates) {
      expect(lines[c.line - 1]).toContain(c.quote);
      expect(c.quote).toContain(c.datePhrase);
      const { kind, start, due, window, recurrence } = c;
      expect({ kind, start, due, window, recurrence }).toEqual(
        resolveDatePhrase(c.datePhrase, c.dateContext),
      );
      if (c.kind === 'deadline') expect(c.start).toBe('2022-01-10');
      expect(c.title.length).toBeGreaterThan(2);
    }
  });

  it('takes a missing year from the heading above and says so in a note', () => {
    const carried = candidates.filter((c) => c.section?.endsWith('2024'));
    expect(carried).toHaveLength(2);
    for (const c of carried) {
      expect(c.dateContext?.year).toBe(2024);
      expect(c.note).toMatch(/2024 comes from the heading/);
    }
  });
});

describe('the seed text', () => {
  const extraction = extractCommitments(seedText());
  const report = recallOf(bundledMilestones(), extraction.candidates);

  it("recovers at least 95 % of the bundled dataset's dated entries with the same due dates and kinds", () => {
    console.log(
      `seed extraction: ${report.matched}/${report.dated} dated entries recovered ` +
        `(${(report.recall * 100).toFixed(1)} %), ${report.extra.length} extra candidates:\n` +
        report.extra.map((c) => `  line ${c.line}: "${c.datePhrase}" (${c.kind}) – ${c.title}`).join('\n'),
    );
    if (report.missed.length > 0) console.log(`missed: ${report.missed.map((m) => m.id).join(', ')}`);
    expect(extraction.language).toBe('nl');
    expect(extraction.documentDate).toBe('2022-03-21');
    expect(report.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('names the same section heading as the dataset for the entries it recovers', () => {
    const bySection = bundledMilestones().filter((m) =>
      extraction.candidates.some((c) => c.line === m.line && c.datePhrase === m.datePhrase),
    );
    const same = bySection.filter((m) =>
      extraction.candidates.some(
        (c) => c.line === m.line && c.datePhrase === m.datePhrase && c.section === m.section,
      ),
    );
    expect(same.length / bySection.length).toBeGreaterThanOrEqual(0.95);
  });
});
