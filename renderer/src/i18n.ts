/**
 * i18next for the renderer: every namespace JSON under electron/contract/locales (ui, review, shell, …)
 * is bundled and loaded at start, synchronously, so the first render is already translated.
 */
import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const files = import.meta.glob<{ default: Record<string, unknown> }>(
  '../../electron/contract/locales/*/*.json',
  { eager: true },
);

/** The resource files as i18next wants them: language → namespace → strings. */
export function bundledResources(): Resource {
  const resources: Resource = {};
  for (const [path, module] of Object.entries(files)) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, language, namespace] = match as unknown as [string, string, string];
    resources[language] = { ...resources[language], [namespace]: module.default };
  }
  return resources;
}

/** The user's choice, else the system's language: Dutch when it is Dutch, else English. */
export function resolveLanguage(chosen: Language | null, systemLocale: string): Language {
  if (chosen) return chosen;
  return systemLocale.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

const resources = bundledResources();
const namespaces = [...new Set(Object.values(resources).flatMap((byNs) => Object.keys(byNs)))];

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources,
  lng: resolveLanguage(null, typeof navigator === 'undefined' ? 'en' : navigator.language),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  ns: namespaces.length ? namespaces : ['ui'],
  defaultNS: 'ui',
  interpolation: { escapeValue: false },
  initAsync: false,
});
