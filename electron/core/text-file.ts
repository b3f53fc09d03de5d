/**
 * Text read from a file, before it is parsed: the one place that decides what is not content.
 * Pure: a string in, a string out.
 */

/**
 * The text without a leading UTF-8 byte-order mark (U+FEFF), which some editors (Notepad on
 * Windows, for one) write at the start of a file. JSON.parse refuses it; it is never content.
 */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
