/**
 * PDF text with page numbers, read with pdfjs-dist's legacy build (which runs in plain Node). Each
 * page becomes lines; a larger vertical gap becomes a blank line (a new paragraph), and an indented
 * line that starts a new item becomes a "- " bullet, so the extractor sees the same structure as in
 * the text the PDF was printed from.
 */
import { ImportError } from './errors';

interface TextItem {
  str: string;
  hasEOL: boolean;
  height: number;
  transform: number[];
}

interface Line {
  text: string;
  x: number;
  y: number;
  height: number;
}

function pageLines(items: readonly TextItem[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const item of items) {
    const x = item.transform[4] ?? 0;
    const y = item.transform[5] ?? 0;
    if (current && item.str !== '' && Math.abs(current.y - y) > Math.max(current.height, item.height) / 2) {
      lines.push(current);
      current = null;
    }
    if (!current) {
      if (item.str.trim() === '' && item.hasEOL) continue;
      current = { text: '', x, y, height: item.height };
    }
    current.text += item.str;
    current.height = Math.max(current.height, item.height);
    if (item.hasEOL) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  return lines.filter((l) => l.text.trim() !== '');
}

function mostCommon(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

/** One page's lines as text: blank lines between paragraphs, "- " before indented list items. */
export function linesToText(lines: readonly Line[]): string {
  const left = mostCommon(lines.map((l) => l.x));
  const out: string[] = [];
  let previous: Line | null = null;
  let previousIndented = false;
  for (const line of lines) {
    const text = line.text.replace(/\s+/g, ' ').trim();
    if (previous) {
      const gap = previous.y - line.y;
      if (gap > 1.5 * Math.max(previous.height, line.height) || gap < 0) out.push('');
    }
    const indented = line.x > left + 8;
    const blankBefore = out.length === 0 || out[out.length - 1] === '';
    const startsItem =
      indented && (blankBefore || !previousIndented || /[:;.]$/.test(out[out.length - 1] ?? ''));
    const numbered = /^(?:\d{1,2}|[a-z])[.)]\s/.test(text);
    out.push(startsItem && !numbered ? `- ${text}` : text);
    previous = line;
    previousIndented = indented;
  }
  return out.join('\n');
}

export interface PdfText {
  pages: string[];
  title: string | null;
  date: string | null;
}

/** Reads a PDF's text layer page by page; refuses a password-protected, a broken or a scanned PDF. */
export async function readPdf(data: Uint8Array, name: string): Promise<PdfText> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    const kind = (error as { name?: string }).name;
    if (kind === 'PasswordException') {
      throw new ImportError(
        `${name} is password-protected. Open it in a PDF reader, save a copy without the password, and import that copy.`,
        'password',
      );
    }
    throw new ImportError(
      `${name} is not a readable PDF (${(error as Error).message}). Check that the file is complete, or export the document to PDF again.`,
      'unreadable',
    );
  }
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items: TextItem[] = content.items.flatMap((i) => ('str' in i ? [i] : []));
      pages.push(linesToText(pageLines(items)));
      page.cleanup();
    }
    if (pages.every((p) => p.trim() === '')) {
      throw new ImportError(
        `${name} has no text layer: it is probably a scan. Run it through text recognition (OCR) first, or paste the text.`,
        'no-text-layer',
      );
    }
    const meta = await doc.getMetadata().catch(() => null);
    const info = (meta?.info ?? {}) as { Title?: unknown; CreationDate?: unknown };
    const title = typeof info.Title === 'string' && info.Title.trim() !== '' ? info.Title.trim() : null;
    const created =
      typeof info.CreationDate === 'string' ? /^D:(\d{4})(\d{2})(\d{2})/.exec(info.CreationDate) : null;
    return { pages, title, date: created ? `${created[1]}-${created[2]}-${created[3]}` : null };
  } finally {
    await doc.destroy();
  }
}
