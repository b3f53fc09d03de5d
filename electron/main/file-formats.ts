/** Save-dialog filters and the export format a chosen file name asks for: pure, tested. */
import type { FileFilter } from 'electron';
import { LIMITS } from '../core/limits';
import type { Translate } from '../core/shell-locale';

export type ReviewFileFormat = 'md' | 'csv' | 'json' | 'pdf';

export const REVIEW_FORMATS: readonly ReviewFileFormat[] = ['md', 'csv', 'json', 'pdf'];

/** The review format of a path by its extension (case-insensitive), or null for anything else. */
export function reviewFormatOf(path: string): ReviewFileFormat | null {
  const match = /\.([a-z]+)$/i.exec(path);
  const ext = match?.[1]?.toLowerCase();
  if (ext === 'markdown') return 'md';
  return REVIEW_FORMATS.find((format) => format === ext) ?? null;
}

/** The review's save-dialog filters, Markdown first. */
export function reviewFilters(t: Translate): FileFilter[] {
  return [
    { name: t('dialog.filterMarkdown'), extensions: ['md'] },
    { name: t('dialog.filterPdf'), extensions: ['pdf'] },
    { name: t('dialog.filterCsv'), extensions: ['csv'] },
    { name: t('dialog.filterJson'), extensions: ['json'] },
  ];
}

export const icalFilters = (t: Translate): FileFilter[] => [
  { name: t('dialog.filterIcal'), extensions: ['ics'] },
];
export const dataFilters = (t: Translate): FileFilter[] => [
  { name: t('dialog.filterJson'), extensions: ['json'] },
];

/** The largest data file an import reads (electron/core/limits.ts, as for every import). */
export const MAX_IMPORT_BYTES = LIMITS.importFileBytes;

/** The URL that shows the review for printing: the renderer's #/review route with print=1. */
export const reviewPrintUrl = (indexUrl: string, asOf: string): string =>
  `${indexUrl}#/review?asOf=${encodeURIComponent(asOf)}`;

/**
 * Resolves once the review view has its numbers (its section is no longer aria-busy), so the PDF
 * is not printed from a half-loaded page; rejects after `timeoutMs`.
 */
export const reviewReadyScript = (timeoutMs = 15_000): string => `new Promise((resolve, reject) => {
  const started = Date.now();
  const check = () => {
    if (document.querySelector('section.review[aria-busy="false"]')) return resolve(true);
    if (Date.now() - started > ${timeoutMs}) return reject(new Error('the review did not finish loading'));
    setTimeout(check, 50);
  };
  check();
})`;

/** Every extension an export can have, with its save-dialog filter's name. */
const FILTER_NAMES: Record<string, string> = {
  md: 'dialog.filterMarkdown',
  csv: 'dialog.filterCsv',
  json: 'dialog.filterJson',
  ics: 'dialog.filterIcal',
  pdf: 'dialog.filterPdf',
};

/** The extension of a file name (lower case, without the dot), or '' when it has none. */
export const extensionOf = (fileName: string): string =>
  /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';

/** The save-dialog filter for a suggested file name: its own type, or none for an unknown one. */
export function filtersFor(fileName: string, t: Translate): FileFilter[] {
  const ext = extensionOf(fileName);
  const name = FILTER_NAMES[ext];
  return name ? [{ name: t(name), extensions: [ext] }] : [];
}

/** The chosen path, with the suggested name's extension added when the user typed none (Linux adds none). */
export function withExtensionOf(path: string, fileName: string): string {
  const ext = extensionOf(fileName);
  const base = path.split(/[\\/]/).pop() ?? path;
  return ext && !/\.[^.]+$/.test(base) ? `${path}.${ext}` : path;
}
