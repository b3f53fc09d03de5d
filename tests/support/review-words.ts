/**
 * The words of the exported review as plain objects, read from the locale files the exports take
 * them from (electron/contract/locales/{en,nl}/review.json), for tests to look labels up by name.
 */
import enReview from '../../electron/contract/locales/en/review.json';
import nlReview from '../../electron/contract/locales/nl/review.json';
import type { Locale } from '../../electron/core/user-state';

const resources = { en: enReview, nl: nlReview } as const;

export const reviewText = (locale: Locale) => {
  const r = resources[locale];
  return { ...r.export, verdict: r.verdict, status: r.status, chapter: r.chapter, kind: r.kind };
};
