import { format, parseISO } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { nl } from 'date-fns/locale/nl';
import type { IsoDate } from '../../electron/core/date-phrase';

const locales = { nl, en: enGB } as const;
const localeOf = (language: string) => (language.startsWith('nl') ? locales.nl : locales.en);

/** "31 dec. 2025" / "31 Dec 2025". */
export const formatDate = (date: IsoDate, language: string): string =>
  format(parseISO(date), 'd MMM yyyy', { locale: localeOf(language) });

/** "31 december 2025" / "31 December 2025". */
export const formatLongDate = (date: IsoDate, language: string): string =>
  format(parseISO(date), 'd MMMM yyyy', { locale: localeOf(language) });

/** An instant (ISO string with offset) in local time: "21 mrt. 2022 14:05". */
export const formatInstant = (instant: string, language: string): string =>
  format(new Date(instant), 'd MMM yyyy HH:mm', { locale: localeOf(language) });

/** "jan 2023" / "Jan 2023", for the time axis (the year on every month, so it is never out of sight). */
export const formatMonth = (date: IsoDate, language: string): string =>
  format(parseISO(date), 'LLL yyyy', { locale: localeOf(language) });
