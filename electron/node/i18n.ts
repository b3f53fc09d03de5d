/**
 * Strings outside the renderer (tray, menus, dialogs, notifications, store notices, web-host
 * toasts): the `shell` and `store` namespaces of electron/contract/locales, in Dutch and English.
 */
import { createInstance } from 'i18next';
import enShell from '../contract/locales/en/shell.json';
import enStore from '../contract/locales/en/store.json';
import nlShell from '../contract/locales/nl/shell.json';
import nlStore from '../contract/locales/nl/store.json';
import type { Translate } from '../core/shell-locale';
import type { Locale } from '../core/user-state';

const i18n = createInstance();
void i18n.init({
  resources: { nl: { shell: nlShell, store: nlStore }, en: { shell: enShell, store: enStore } },
  lng: 'nl',
  fallbackLng: 'en',
  supportedLngs: ['nl', 'en'],
  ns: ['shell', 'store'],
  defaultNS: 'shell',
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

/** `t` for one language and namespace; a missing key shows as the key itself, never as an empty string. */
export function translator(locale: Locale, namespace: 'shell' | 'store' = 'shell'): Translate {
  const t = i18n.getFixedT(locale, namespace);
  return (key, values) => t(key, values ?? {}) as string;
}
