/**
 * Word (.docx) text read with mammoth: its HTML keeps headings, lists and bold, which become the
 * lines the extractor reads (a heading on its own line, "- " for list items, ** for bold).
 */
import { ImportError } from './errors';

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code.startsWith('#x') || code.startsWith('#X'))
      return String.fromCodePoint(parseInt(code.slice(2), 16));
    if (code.startsWith('#')) return String.fromCodePoint(Number(code.slice(1)));
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/** mammoth's (simple, well-formed) HTML to the extractor's plain text. */
export function htmlToText(html: string): string {
  const inline = (s: string) =>
    decodeEntities(
      s
        .replace(/<\/?(?:strong|b)>/g, '**')
        .replace(/<br\s*\/?>/g, ' ')
        .replace(/<[^>]+>/g, ''),
    )
      .replace(/\s+/g, ' ')
      .replace(/\*\*\s*\*\*/g, '')
      .trim();
  const out: string[] = [];
  const blocks = /<(h[1-6]|p|li)\b[^>]*>([\s\S]*?)<\/\1>|<\/(?:ul|ol)>/g;
  for (let m = blocks.exec(html); m !== null; m = blocks.exec(html)) {
    if (!m[1]) {
      out.push('');
      continue;
    }
    const text = inline(m[2] ?? '');
    if (text === '') continue;
    if (m[1] === 'li') out.push(`- ${text}`);
    else out.push('', m[1].startsWith('h') ? `## ${text.replaceAll('**', '')}` : text, '');
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The text of a .docx file; refuses a file that is not a Word document. */
export async function readDocx(data: Uint8Array, name: string): Promise<string> {
  const mammoth = (await import('mammoth')).default;
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(data) })).value;
  } catch (error) {
    throw new ImportError(
      `${name} is not a readable Word document (${(error as Error).message}). Save it again as .docx (Word 2007 or later) and retry.`,
      'unreadable',
    );
  }
  return htmlToText(html);
}
