/**
 * The main process's strings (tray, menus, dialogs, notifications): the `shell` namespace of
 * electron/contract/locales, in Dutch and English.
 */
import i18next from 'i18next';
import en from '../contract/locales/en/shell.json';
import nl from '../contract/locales/nl/shell.json';
import type { Translate } from '../core/shell-locale';
import type { Locale } from '../core/user-state';

const i18n = i18next.createInstance();
void i18n.init({
  resources: { nl: { shell: nl }, en: { shell: en } },
  lng: 'nl',
  fallbackLng: 'en',
  supportedLngs: ['nl', 'en'],
  ns: ['shell'],
  defaultNS: 'shell',
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

/** `t` for one language; a missing key shows as the key itself, never as an empty string. */
export function shellTranslator(locale: Locale): Translate {
  const t = i18n.getFixedT(locale, 'shell');
  return (key, values) => t(key, values ?? {}) as string;
}
