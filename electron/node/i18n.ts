/**
 * Strings outside the renderer (tray, menus, dialogs, notifications, store notices, web-host
 * toasts): the `shell` and `store` namespaces of electron/contract/locales, in Dutch and English;
 * and the `review` namespace the review view shares with the exported review files and the feed.
 */
import { createInstance } from 'i18next';
import enShell from '../contract/locales/en/shell.json';
import enReview from '../contract/locales/en/review.json';
import enStore from '../contract/locales/en/store.json';
import nlShell from '../contract/locales/nl/shell.json';
import nlReview from '../contract/locales/nl/review.json';
import nlStore from '../contract/locales/nl/store.json';
import type { Translate } from '../core/shell-locale';
import type { Locale } from '../core/user-state';

const i18n = createInstance();
void i18n.init({
  resources: {
    nl: { shell: nlShell, store: nlStore, review: nlReview },
    en: { shell: enShell, store: enStore, review: enReview },
  },
  lng: 'nl',
  fallbackLng: 'en',
  supportedLngs: ['nl', 'en'],
  ns: ['shell', 'store', 'review'],
  defaultNS: 'shell',
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

/** `t` for one language and namespace; a missing key shows as the key itself, never as an empty string. */
export function translator(locale: Locale, namespace: 'shell' | 'store' | 'review' = 'shell'): Translate {
  const t = i18n.getFixedT(locale, namespace);
  return (key, values) => t(key, values ?? {}) as string;
}

/** The words of the exported review and of the iCal feed, in `locale` (core takes them as a parameter). */
export const reviewWords = (locale: Locale): Translate => translator(locale, 'review');
