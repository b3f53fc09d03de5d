import {
  openSync,
  closeSync,
  ftruncateSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractCommitments, type Candidate } from '../../electron/core/extract';
import { importDocument, ImportError } from '../../electron/node/importers';
import {
  CHROMIUM,
  fixtureHtml,
  printPdf,
  toolAvailable,
  writeDocx,
  writeProtectedPdf,
} from '../support/documents';

const dir = mkdtempSync(join(tmpdir(), 'compass-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a candidate says, without where it stands (lines differ between a text and its PDF). */
const content = ({ line: _line, page: _page, ...rest }: Candidate) => rest;
const hasChromium = toolAvailable('Chromium', CHROMIUM);
const hasSoffice = toolAvailable('LibreOffice (soffice)', '/usr/bin/soffice');

async function refusal(path: string): Promise<ImportError> {
  const error = await importDocument(path).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe.each(['strategy.en.txt', 'strategy.nl.txt'])(
  'importing %s as text, Markdown, PDF and Word',
  (name) => {
    const text = readFileSync(`tests/fixtures/extract/${name}`, 'utf8');
    const expected = extractCommitments(text).candidates;

    it('reads a .txt file (with a BOM) to the same candidates', async () => {
      const file = join(dir, `${name}`);
      writeFileSync(file, `\uFEFF${text}`);
      const doc = await importDocument(file);
      expect(doc.format).toBe('txt');
      expect(extractCommitments(doc.text).candidates).toEqual(expected);
    });

    it('reads a .md file to the same candidates', async () => {
      const file = join(dir, `${name}.md`);
      writeFileSync(file, text.replace(/^(\S.*)\n\n(?=\S)/, '# $1\n\n'));
      expect(extractCommitments((await importDocument(file)).text).candidates.map(content)).toEqual(
        expected.map(content),
      );
    });

    it.skipIf(!hasChromium)(
      'reads a PDF printed by Chromium to the same candidates, with page numbers',
      async () => {
        const file = join(dir, `${name}.pdf`);
        await printPdf(fixtureHtml(text), file);
        const doc = await importDocument(file);
        expect(doc.format).toBe('pdf');
        if (typeof doc.text === 'string') throw new Error('a PDF gives pages');
        const found = extractCommitments(doc.text).candidates;
        expect(found.map(content)).toEqual(expected.map(content));
        expect(doc.text.pages.length).toBeGreaterThan(1);
        expect(new Set(found.map((c) => c.page)).size).toBeGreaterThan(1);
        for (const c of found) {
          // The quote begins on its page and line (and may wrap onto the next).
          const lines = doc.text.pages[(c.page as number) - 1]?.split('\n') ?? [];
          const from = `${lines[c.line - 1] ?? ''} ${lines[c.line] ?? ''}`.replace(/^- /, '');
          expect(lines[c.line - 1]).toContain(c.quote.split(' ')[0]);
          expect(from).toContain(c.quote.split(' ').slice(0, 3).join(' '));
        }
      },
    );

    it('reads a DOCX written with the docx package to the same candidates', async () => {
      const file = join(dir, `${name}.docx`);
      await writeDocx(text, file);
      const doc = await importDocument(file);
      expect(doc.format).toBe('docx');
      expect(extractCommitments(doc.text).candidates.map(content)).toEqual(expected.map(content));
    });
  },
);

describe('bad input gets a message that says what to do', () => {
  it('an empty file', async () => {
    const file = join(dir, 'empty.txt');
    writeFileSync(file, '');
    const error = await refusal(file);
    expect(error.reason).toBe('empty');
    expect(error.message).toMatch(/empty\.txt is empty/);
    writeFileSync(join(dir, 'blank.md'), '\n   \n');
    expect((await refusal(join(dir, 'blank.md'))).reason).toBe('empty');
  });

  it('a 100 MB file, refused by its size before it is read', async () => {
    const file = join(dir, 'huge.txt');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 100 * 1024 * 1024);
    closeSync(fd);
    const error = await refusal(file);
    expect(error.reason).toBe('too-large');
    expect(error.message).toMatch(/too large.*100 MB.*limit is 50 MB/);
  });

  it('a binary file renamed .txt', async () => {
    const file = join(dir, 'picture.txt');
    writeFileSync(
      file,
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]),
    );
    const error = await refusal(file);
    expect(error.reason).toBe('not-text');
    expect(error.message).toMatch(/not a text file/);
    writeFileSync(
      join(dir, 'latin1.txt'),
      Buffer.from('Uiterlijk in 2025 zal het caf\xe9 open zijn.', 'latin1'),
    );
    expect((await refusal(join(dir, 'latin1.txt'))).message).toMatch(/not UTF-8.*Save it as UTF-8/);
  });

  it.skipIf(!hasChromium)('a scanned PDF without a text layer', async () => {
    const file = join(dir, 'scan.pdf');
    await printPdf('<div style="width:400px;height:600px;background:#777"></div>', file);
    const error = await refusal(file);
    expect(error.reason).toBe('no-text-layer');
    expect(error.message).toMatch(/no text layer.*OCR/);
  });

  it.skipIf(!hasSoffice)('a password-protected PDF', async () => {
    const file = writeProtectedPdf('By 2025 we will act.', dir);
    const error = await refusal(file);
    expect(error.reason).toBe('password');
    expect(error.message).toMatch(/password-protected.*without the password/);
  });

  it('a broken PDF, a broken DOCX, a .doc and a missing file', async () => {
    writeFileSync(join(dir, 'broken.pdf'), '%PDF-1.7\nnot really');
    expect((await refusal(join(dir, 'broken.pdf'))).reason).toBe('unreadable');
    writeFileSync(join(dir, 'broken.docx'), 'not a zip');
    expect((await refusal(join(dir, 'broken.docx'))).message).toMatch(/not a readable Word document/);
    writeFileSync(join(dir, 'old.doc'), 'x');
    expect((await refusal(join(dir, 'old.doc'))).message).toMatch(/\.txt, \.md, \.pdf or \.docx/);
    expect((await refusal(join(dir, 'nothing-here.txt'))).reason).toBe('missing');
  });
});
