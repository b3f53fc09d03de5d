/**
 * Splits a document's text into headings, paragraphs and bullets, and those into sentences, each
 * with the line (and page) where it begins. Pure: text in, structure out.
 */

/** Plain text, or the text of each page (a PDF), page 1 first. */
export type DocumentText = string | { readonly pages: readonly string[] };

export type BlockType = 'heading' | 'paragraph' | 'bullet';

export interface Block {
  type: BlockType;
  /** The block's text on one line, with the `**` bold markers kept (they mark key terms). */
  raw: string;
  /** The same without bold markers: what a quote is cut from. */
  text: string;
  line: number;
  /** 1-based page, when the document came as pages; lines then count from 1 on each page. */
  page?: number;
  /** Where each of the block's later lines begins in `raw` (for a paragraph wrapped over lines). */
  lineStarts?: ReadonlyArray<{ offset: number; line: number }>;
  /** The nearest heading above this block (null before the first one). */
  section: string | null;
  /** The text before a bullet list that ends with ":" ("Daartoe zullen wij:"), for its bullets. */
  leadIn?: string;
}

export interface Sentence {
  /** Without bold markers. */
  text: string;
  /** With bold markers. */
  raw: string;
  line: number;
  page?: number;
  block: Block;
  /** The sentence's index within its block. */
  index: number;
}

const BULLET = /^\s*(?:[-–•*▪◦·]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+/;
const MD_HEADING = /^\s{0,3}#{1,6}\s+/;

export const stripBold = (s: string): string => s.replaceAll('**', '');

function isHeadingLine(line: string, isolated: boolean): boolean {
  if (MD_HEADING.test(line)) return true;
  const t = stripBold(line).trim();
  if (!isolated || t.length === 0 || t.length > 120) return false;
  if (/[.;:,!?]$/.test(t)) return false;
  // A numbered chapter heading in capitals ("2. HANDELEN") is a heading, a numbered sentence is not.
  // A numbered heading ("2. HANDELEN", "3. What we will do") stands alone; a numbered list item does not.
  if (BULLET.test(line)) return /^\s*\d{1,2}[.)]\s+\p{Lu}/u.test(t) && t.split(/\s+/).length <= 12;
  if (!/^[\p{Lu}\d]/u.test(t)) return false;
  return t.split(/\s+/).length <= 18;
}

/** The lines of one page (or the whole text) as blocks; `section` carries over from earlier pages. */
function pageBlocks(text: string, page: number | undefined, section: { current: string | null }): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let open: {
    raw: string;
    line: number;
    type: BlockType;
    starts: { offset: number; line: number }[];
  } | null = null;
  const tidy = (l: string) => l.replace(/\s+/g, ' ').trim();
  let leadIn: string | undefined;

  const close = () => {
    if (!open) return;
    const raw = open.raw;
    const block: Block = {
      type: open.type,
      raw,
      text: stripBold(raw),
      line: open.line,
      section: section.current,
      ...(page === undefined ? {} : { page }),
    };
    let shift = 0;
    if (open.type === 'bullet') {
      block.raw = raw.replace(BULLET, '');
      shift = raw.length - block.raw.length;
      block.text = stripBold(block.raw);
      if (leadIn !== undefined) block.leadIn = leadIn;
    } else {
      leadIn = block.text.endsWith(':') ? block.text : undefined;
    }
    if (open.starts.length > 0)
      block.lineStarts = open.starts.map((s) => ({ ...s, offset: s.offset - shift }));
    blocks.push(block);
    open = null;
  };

  lines.forEach((line, i) => {
    const lineNo = i + 1;
    if (line.trim() === '') {
      close();
      return;
    }
    const blankBefore = i === 0 || lines[i - 1]?.trim() === '';
    const blankAfter = i === lines.length - 1 || lines[i + 1]?.trim() === '';
    if (isHeadingLine(line, blankBefore && blankAfter)) {
      close();
      const heading = stripBold(line.replace(MD_HEADING, '')).trim();
      section.current = heading;
      leadIn = undefined;
      blocks.push({
        type: 'heading',
        raw: heading,
        text: heading,
        line: lineNo,
        section: heading,
        ...(page === undefined ? {} : { page }),
      });
      return;
    }
    if (BULLET.test(line)) {
      close();
      open = { raw: tidy(line), line: lineNo, type: 'bullet', starts: [] };
      return;
    }
    if (open) {
      // A word broken at the line end ("verwe-\nzenlijken") joins without a space.
      if (!/\p{L}-$/u.test(open.raw)) open.raw += ' ';
      open.starts.push({ offset: open.raw.length, line: lineNo });
      open.raw += tidy(line);
      return;
    }
    open = { raw: tidy(line), line: lineNo, type: 'paragraph', starts: [] };
  });
  close();
  return blocks;
}

/** The document's blocks in reading order. */
export function splitBlocks(doc: DocumentText): Block[] {
  const section = { current: null as string | null };
  if (typeof doc === 'string') return pageBlocks(doc, undefined, section);
  return doc.pages.flatMap((text, i) => pageBlocks(text, i + 1, section));
}

const ABBREVIATIONS =
  /(?:\b(?:art|nr|blz|bijv|bv|ca|dhr|mevr|mr|mrs|ms|dr|prof|vs|etc|no|p|pp|para|e\.g|i\.e|o\.a|m\.b\.t|z\.o|t\.a\.v|i\.v\.m)|\b[A-Z])\.$/i;

/**
 * Cuts a block's text into sentences at ". ", "! ", "? " (and "; " before a lower-case start in a
 * bullet list is kept together), not after common abbreviations or a single initial.
 */
export function splitSentences(block: Block): Sentence[] {
  if (block.type === 'heading') return [];
  const raw = block.raw;
  const out: { piece: string; offset: number }[] = [];
  let start = 0;
  const boundary = /[.!?]["')\]]?\s+(?=["'([]?[\p{Lu}\d])/gu;
  for (let m = boundary.exec(raw); m !== null; m = boundary.exec(raw)) {
    const end = m.index + m[0].trimEnd().length;
    const piece = raw.slice(start, end);
    if (ABBREVIATIONS.test(stripBold(piece).trimEnd())) continue;
    out.push({ piece, offset: start });
    start = m.index + m[0].length;
  }
  out.push({ piece: raw.slice(start), offset: start });
  const lineAt = (offset: number) =>
    (block.lineStarts ?? []).reduce((line, s) => (s.offset <= offset ? s.line : line), block.line);
  return out
    .filter(({ piece }) => stripBold(piece).trim().length > 0)
    .map(({ piece, offset }, index) => ({
      raw: piece.trim(),
      text: stripBold(piece).trim(),
      line: lineAt(offset),
      ...(block.page === undefined ? {} : { page: block.page }),
      block,
      index,
    }));
}
