/**
 * Deep links into the app, in the URL's hash: `#/review?asOf=2025-12-31` opens the review as of
 * that date (the desktop app prints the review to PDF from `#/review?asOf=…&print=1`).
 */
import { isCalendarDate } from '../../../electron/core/calendar-date';

export const TABS = ['timeline', 'review', 'settings'] as const;
export type Tab = (typeof TABS)[number];

export interface Route {
  tab: Tab;
  asOf?: string;
}

export function parseRoute(hash: string): Route {
  const match = /^#\/(timeline|review|settings)(?:\?(.*))?$/.exec(hash);
  if (!match) return { tab: 'timeline' };
  const asOf = new URLSearchParams(match[2] ?? '').get('asOf');
  return {
    tab: match[1] as Tab,
    ...(asOf && isCalendarDate(asOf) ? { asOf } : {}),
  };
}
