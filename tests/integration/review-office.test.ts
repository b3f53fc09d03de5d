/**
 * The DOCX and XLSX reviews, opened by real readers: LibreOffice (headless) turns the DOCX into a
 * PDF that pdftotext reads, and python3-openpyxl reads the XLSX. Both must show the JSON's numbers.
 * The files are written by the real CLI (`review --format docx|xlsx --out FILE`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Review } from '../../electron/core/review';
import { reviewText } from '../support/review-words';
import { bundledSectionNames } from '../../electron/node/milestones-source';
import { cli } from '../support/cli';
import { applyProgressPatch } from '../support/log';
import { haveTool, PYTHON, tempDir, writeState } from './ical-support';

const dir = tempDir('review-office');
const dataDir = join(dir.path, 'data');
afterAll(() => dir.remove());

const haveOffice = haveTool('LibreOffice (soffice)', 'soffice', ['--version']);
const havePdfText = haveTool('pdftotext (poppler-utils)', 'pdftotext', ['-v']);
const haveOpenpyxl = haveTool('python3-openpyxl', PYTHON, ['-c', 'import openpyxl']);

let json: Review;
beforeAll(() => {
  writeState(dataDir, (s0) => {
    let s = applyProgressPatch(
      s0,
      'act-rapid-deployment-capacity-scenarios',
      {
        status: 'achieved',
        achievedOn: '2022-11-14',
        evidence: { text: 'Council conclusions', url: 'https://www.consilium.europa.eu/' },
      },
      new Date('2023-01-10T09:00:00Z'),
    );
    s = applyProgressPatch(
      s,
      'act-article-44-arrangements',
      { status: 'in-progress', achievedOn: '2023-05-01' },
      new Date('2023-05-02T09:00:00Z'),
    );
    s = applyProgressPatch(
      s,
      'act-mpcc-full-capability',
      { status: 'partial', achievedOn: '2025-06-30', note: 'Partly staffed' },
      new Date('2025-07-01T09:00:00Z'),
    );
    s = applyProgressPatch(
      s,
      'general-progress-report@2023-12-31',
      { status: 'achieved', achievedOn: '2023-03-20' },
      new Date('2023-03-21T09:00:00Z'),
    );
    return { ...s, settings: { ...s.settings, author: 'R. Reviewer' } };
  });
  const result = cli(['review', '--json', '--data-dir', dataDir]);
  expect(result.code, result.stderr).toBe(0);
  json = JSON.parse(result.stdout) as Review;
}, 120_000);

const write = (format: 'docx' | 'xlsx') => {
  const out = join(dir.path, `review.${format}`);
  const result = cli(['review', '--format', format, '--out', out, '--lang', 'en', '--data-dir', dataDir]);
  expect(result.code, result.stderr).toBe(0);
  expect(existsSync(out)).toBe(true);
  return out;
};

describe('review exports for office software', { timeout: 180_000 }, () => {
  it('refuses a binary format without --out', () => {
    const result = cli(['review', '--format', 'docx', '--data-dir', dataDir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--format docx writes a binary file: give --out FILE/);
  });

  it.skipIf(!haveOffice || !havePdfText)(
    'the DOCX, converted by LibreOffice and read by pdftotext, shows the JSON’s totals and its cover',
    () => {
      const docx = write('docx');
      const converted = spawnSync(
        'soffice',
        ['--headless', '--convert-to', 'pdf', '--outdir', dir.path, docx],
        {
          encoding: 'utf8',
          timeout: 150_000,
          env: { ...process.env, HOME: dir.path },
        },
      );
      expect(converted.status, converted.stderr).toBe(0);
      const text = spawnSync('pdftotext', ['-layout', join(dir.path, 'review.pdf'), '-'], {
        encoding: 'utf8',
      }).stdout;
      const t = reviewText('en');
      expect(text).toContain(t.title);
      expect(text).toContain('Prepared by: R. Reviewer');
      expect(text).toMatch(/Generated on: \d{1,2} \w+ \d{4}/);
      expect(text).toContain('As of 31 December 2025 (2025-12-31)');
      // The summary table: each verdict's row (its label may wrap in the cell) shows the JSON's count.
      const summary = text.slice(text.indexOf('Summary'), text.indexOf(t.rules.slice(0, 20)));
      const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      for (const [verdict, count] of Object.entries(json.totals)) {
        const label = t.verdict[verdict as keyof typeof t.verdict].slice(0, 15);
        expect(summary, label).toMatch(new RegExp(`^\\s*${escape(label)}[^\\n]*?\\s${count}\\s`, 'm'));
      }
      expect(summary).toMatch(new RegExp(`^\\s*Commitments due by[^\\n]*?\\s${json.count}\\b`, 'm'));
      // Evidence, notes and authors are in the document.
      // (words, not phrases: LibreOffice wraps them inside the narrow table cells)
      const entries = text.slice(text.indexOf(t.entries.slice(0, 20)));
      for (const word of ['Council', 'conclusions', 'Partly', 'staffed', 'Test', 'Author']) {
        expect(entries).toContain(word);
      }
      // "By section" names each section in English, never by its Dutch heading (words again: the
      // labels wrap inside their cells).
      const bySection = text.slice(text.indexOf(t.bySection), text.indexOf(t.byActor));
      for (const word of ['Missions', 'operations', 'Prepare']) expect(bySection).toContain(word);
      expect(bySection).not.toMatch(/Vorbereiden|Handelen|Investeren/);
    },
  );

  it.skipIf(!haveOpenpyxl)(
    'the XLSX, read by openpyxl, has one row per review item with the same verdicts',
    () => {
      const xlsx = write('xlsx');
      const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
rows = list(wb['Items'].iter_rows(values_only=True))
header, body = rows[0], rows[1:]
items = [dict(zip(header, r)) for r in body]
sections = [r[1] for r in wb['Chapters'].iter_rows(min_row=2, values_only=True) if r[1]]
summary = {r[0]: r[2] for r in wb['Summary'].iter_rows(values_only=True) if r and r[0] and len(r) > 2}
print(json.dumps({'header': list(header), 'items': items, 'summary': summary, 'sections': sections}, default=str))
`;
      const py = join(dir.path, 'read.py');
      writeFileSync(py, script);
      const result = spawnSync(PYTHON, [py, xlsx], { encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      const read = JSON.parse(result.stdout) as {
        header: string[];
        items: Array<Record<string, string | number | null>>;
        summary: Record<string, number>;
        sections: string[];
      };
      expect(read.items).toHaveLength(json.items.length);
      expect(read.items.map((i) => [i.key, i.verdict])).toEqual(json.items.map((i) => [i.key, i.verdict]));
      expect(read.items.find((i) => i.key === 'act-mpcc-full-capability')).toMatchObject({
        status: 'partial',
        note: 'Partly staffed',
        author: 'Test Author',
      });
      // Sections by their English names (the JSON keeps the verbatim Dutch heading).
      const names = bundledSectionNames();
      const english = (heading: string) => names[heading]?.en ?? heading;
      expect(read.items.map((i) => i.section)).toEqual(json.items.map((i) => english(i.section)));
      expect(read.items.find((i) => i.key === 'act-mpcc-full-capability')?.section).toBe(
        'Missions and operations',
      );
      expect(read.sections).toEqual(json.bySection.map((g) => english(g.section)));
      expect(read.sections).not.toContain('Vorbereiden');
      for (const [verdict, count] of Object.entries(json.totals)) expect(read.summary[verdict]).toBe(count);
      expect(read.summary.count).toBe(json.count);
      expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    },
  );
});
