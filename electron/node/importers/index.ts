/**
 * Opens a strategy document (.txt, .md, .pdf, .docx) as text for the extractor. The size is checked
 * before anything is read, and every refusal is an ImportError whose message says what to do.
 */
import { open, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { DocumentText } from '../../core/extract';
import { readDocx } from './docx';
import { ImportError } from './errors';
import { readPdf } from './pdf';
import { decodeText, markdownToText } from './text';

export { ImportError } from './errors';

/** Larger files are refused unread: a strategy document is far smaller, even as a PDF with images. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

export const DOCUMENT_FORMATS = ['txt', 'md', 'pdf', 'docx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export interface ImportedDocument {
  /** The file's name, e.g. "white-paper-2024.pdf". */
  name: string;
  format: DocumentFormat;
  text: DocumentText;
  /** The title the file's metadata gives (PDF), if any. */
  title: string | null;
  /** A date from the file's metadata (PDF creation date), if any: a fallback for the document date. */
  date: string | null;
}

const EXTENSIONS: Readonly<Record<string, DocumentFormat>> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

const isEmpty = (text: DocumentText) =>
  (typeof text === 'string' ? text : text.pages.join('\n')).trim().length === 0;

/** The format of a file by its name's extension, or an ImportError that says which kinds work. */
function formatOf(name: string): DocumentFormat {
  const format = EXTENSIONS[extname(name).toLowerCase()];
  if (!format) {
    throw new ImportError(
      `${name}: this kind of file cannot be imported. Use a .txt, .md, .pdf or .docx file (save an older .doc as .docx first).`,
      'unsupported',
    );
  }
  return format;
}

/** Refuses a document of `size` bytes that is empty or above the limit, before it is read. */
function checkSize(name: string, size: number, max: number): void {
  if (size > max) {
    throw new ImportError(
      `${name} is too large to import (${(size / 1024 / 1024).toFixed(0)} MB; the limit is ${(max / 1024 / 1024).toFixed(0)} MB). ` +
        'Import the part of the document that holds the commitments, or save it without images.',
      'too-large',
    );
  }
  if (size === 0) throw new ImportError(`${name} is empty. Choose the file that holds the text.`, 'empty');
}

/** Reads `path` as a document, or throws an ImportError (missing, empty, too large, unreadable …). */
export async function importDocument(
  path: string,
  options: { maxBytes?: number } = {},
): Promise<ImportedDocument> {
  const name = basename(path);
  const format = formatOf(name);
  const info = await stat(path).catch(() => null);
  if (!info || !info.isFile()) {
    throw new ImportError(
      `${path} does not exist or is not a file. Check the path and try again.`,
      'missing',
    );
  }
  checkSize(name, info.size, options.maxBytes ?? MAX_DOCUMENT_BYTES);
  const handle = await open(path, 'r');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await handle.readFile());
  } finally {
    await handle.close();
  }
  return readDocumentBytes(name, format, bytes);
}

/**
 * A document already in memory (the desktop app's import dialog sends the file's bytes), checked
 * like a file: its kind by the name's extension, its size, then its text.
 */
export async function importDocumentBytes(
  fileName: string,
  bytes: Uint8Array,
  options: { maxBytes?: number } = {},
): Promise<ImportedDocument> {
  const name = basename(fileName);
  const format = formatOf(name);
  checkSize(name, bytes.byteLength, options.maxBytes ?? MAX_DOCUMENT_BYTES);
  return readDocumentBytes(name, format, bytes);
}

async function readDocumentBytes(
  name: string,
  format: DocumentFormat,
  bytes: Uint8Array,
): Promise<ImportedDocument> {
  let text: DocumentText;
  let title: string | null = null;
  let date: string | null = null;
  if (format === 'pdf') {
    const pdf = await readPdf(bytes, name);
    text = { pages: pdf.pages };
    title = pdf.title;
    date = pdf.date;
  } else if (format === 'docx') {
    text = await readDocx(bytes, name);
  } else {
    const raw = decodeText(bytes, name);
    text = format === 'md' ? markdownToText(raw) : raw;
  }
  if (isEmpty(text))
    throw new ImportError(`${name} has no text. Choose the file that holds the text.`, 'empty');
  return { name, format, text, title, date };
}
