import { ImportError } from './errors';

/**
 * Decodes a plain-text or Markdown file: UTF-8 (a BOM is dropped), else refused. A file with NUL
 * bytes or invalid UTF-8 is a binary file with the wrong name, not text.
 */
export function decodeText(bytes: Uint8Array, name: string): string {
  const sample = bytes.subarray(0, 64 * 1024);
  if (sample.includes(0)) {
    throw new ImportError(
      `${name} is not a text file (it contains binary data). Open the original document (PDF or Word) instead, or save it as plain text.`,
      'not-text',
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(
      `${name} is not UTF-8 text. Save it as UTF-8 plain text (or open the PDF or Word original) and try again.`,
      'not-text',
    );
  }
  text = text.replace(/^\uFEFF/, '');
  let controls = 0;
  for (const ch of text.slice(0, 64 * 1024)) {
    const code = ch.charCodeAt(0);
    if ((code < 9 || (code > 13 && code < 32) || code === 127) && ++controls > 8) break;
  }
  if (controls > 8) {
    throw new ImportError(
      `${name} is not a text file (it contains control characters). Open the original document instead.`,
      'not-text',
    );
  }
  return text;
}

/** Markdown to the plain text the extractor reads: links keep their words, bold stays as **. */
export function markdownToText(md: string): string {
  return md
    .replace(/```[\s\S]*?```/g, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}>\s?/gm, '')
    .replace(/^(\s*)[*+]\s+/gm, '$1- ')
    .replace(/__([^_]+)__/g, '**$1**');
}
