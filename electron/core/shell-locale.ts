import { enGB, nl, type Locale as DateFnsLocale } from 'date-fns/locale';
import type { Locale } from './user-state';

/**
 * A translation function for one language (i18next's `t` fixed to a language and namespace).
 * Core code takes it as a parameter, so it stays free of I/O and of the resource files.
 */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The language the app speaks: the user's choice, else the system's when it is Dutch, else English. */
export const resolveLocale = (chosen: Locale | null, systemLocale: string): Locale =>
  chosen ?? (systemLocale.toLowerCase().startsWith('nl') ? 'nl' : 'en');

/** date-fns locale for dates in the UI, notifications and the tray (British English: 31 December 2025). */
export const dateLocale = (locale: Locale): DateFnsLocale => (locale === 'nl' ? nl : enGB);
