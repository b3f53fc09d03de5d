/**
 * Which log a review is computed from: the user's own (`ours`), the public record (`public`), or,
 * per log key, the user's entries where they have a record standing, else the public record's
 * (`ours-then-public`). The public record is a layer beside the user's log, never an override:
 * nothing here changes either log; the caller picks the entries and hands them to `buildReview`.
 */
import { z } from 'zod';
import { currentEntry, entriesByKey, type LogEntry } from './progress-log';

export const REVIEW_SOURCES = ['ours', 'public', 'ours-then-public'] as const;
export const reviewSourceSchema = z.enum(REVIEW_SOURCES);
export type ReviewSource = z.infer<typeof reviewSourceSchema>;
export const DEFAULT_REVIEW_SOURCE: ReviewSource = 'ours';

export const isReviewSource = (value: unknown): value is ReviewSource =>
  typeof value === 'string' && (REVIEW_SOURCES as readonly string[]).includes(value);

/**
 * The entries a review from `source` reads. For `ours-then-public`, a key counts as the user's when
 * the user's log has a record for it that no retraction withdraws (a key whose every entry was
 * withdrawn has nothing of ours, so the public record speaks); otherwise the public record's
 * entries for that key are used. Keys are compared as written (`<id>` or `<id>@<cycle date>`).
 */
export function entriesForSource(
  ours: readonly LogEntry[],
  publicEntries: readonly LogEntry[],
  source: ReviewSource,
): readonly LogEntry[] {
  switch (source) {
    // The arrays themselves, not copies: the review's grouping of a log is memoised on the array.
    case 'ours':
      return ours;
    case 'public':
      return publicEntries;
    case 'ours-then-public': {
      const ourKeys = new Set(
        [...entriesByKey(ours)].filter(([, entries]) => currentEntry(entries) !== null).map(([key]) => key),
      );
      return [...ours.filter((e) => ourKeys.has(e.key)), ...publicEntries.filter((e) => !ourKeys.has(e.key))];
    }
  }
}
