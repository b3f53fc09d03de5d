/**
 * Makes real documents from a fixture text for the importer tests: a PDF printed by Debian's
 * Chromium (playwright-core, no browser download) and a DOCX written with the `docx` package, both
 * with the text's headings, paragraphs and bullet lists.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { chromium } from 'playwright-core';
import { splitBlocks, type Block } from '../../electron/core/extract';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether an outside tool exists: under CI=true a missing one throws, elsewhere it prints why and returns false. */
export function toolAvailable(name: string, path: string): boolean {
  if (existsSync(path)) return true;
  const reason = `${name} not found at ${path} (install the test tools: bash scripts/install-test-tools.sh)`;
  if (process.env.CI === 'true') throw new Error(`${reason}; this test cannot run under CI without it.`);
  console.warn(`Skipping: ${reason}.`);
  return false;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The fixture as an HTML page: <h2> headings, <p> paragraphs, <ul><li> bullets; every other
 * heading (from the third) starts a new page, so the PDF has several.
 */
export function fixtureHtml(text: string): string {
  const parts: string[] = [];
  let list = false;
  let headings = 0;
  for (const block of splitBlocks(text)) {
    if (block.type !== 'bullet' && list) {
      parts.push('</ul>');
      list = false;
    }
    if (block.type === 'heading') {
      headings += 1;
      const style = headings > 1 && headings % 2 === 1 ? ' style="break-before: page"' : '';
      parts.push(`<h2${style}>${escapeHtml(block.text)}</h2>`);
    } else if (block.type === 'paragraph') parts.push(`<p>${escapeHtml(block.text)}</p>`);
    else {
      if (!list) parts.push('<ul>');
      list = true;
      parts.push(`<li>${escapeHtml(block.text)}</li>`);
    }
  }
  if (list) parts.push('</ul>');
  return `<!doctype html><html><head><meta charset="utf-8"><style>body{font:12pt sans-serif}</style></head><body>${parts.join('\n')}</body></html>`;
}

/** Prints HTML to a PDF file with Chromium's print to PDF. */
export async function printPdf(html: string, file: string): Promise<void> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html);
    writeFileSync(
      file,
      await page.pdf({ format: 'A4', margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' } }),
    );
  } finally {
    await browser.close();
  }
}

/** The fixture as a Word document: Heading 2 paragraphs, body paragraphs, bulleted paragraphs. */
export async function writeDocx(text: string, file: string): Promise<void> {
  const paragraph = (block: Block) =>
    block.type === 'heading'
      ? new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(block.text)] })
      : block.type === 'bullet'
        ? new Paragraph({ bullet: { level: 0 }, children: [new TextRun(block.text)] })
        : new Paragraph({ children: [new TextRun(block.text)] });
  const doc = new Document({ sections: [{ children: splitBlocks(text).map(paragraph) }] });
  writeFileSync(file, await Packer.toBuffer(doc));
}

/** A password-protected PDF of `text`, written by LibreOffice (the only PDF encrypter among the test tools). */
export function writeProtectedPdf(text: string, dir: string): string {
  const source = join(dir, 'protected.txt');
  writeFileSync(source, text);
  const profile = mkdtempSync(join(tmpdir(), 'compass-soffice-'));
  try {
    const filter =
      'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},' +
      '"DocumentOpenPassword":{"type":"string","value":"secret"}}';
    const result = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        filter,
        '--outdir',
        dir,
        source,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    const out = join(dir, 'protected.pdf');
    if (!existsSync(out))
      throw new Error(`soffice made no PDF: ${result.stderr || result.stdout} (${readdirSync(dir)})`);
    return out;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
