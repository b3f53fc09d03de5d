/**
 * Section names in the UI's language: the snapshot's names (loaded with the dataset) through a
 * context, so every view shows "Missions and operations" where the dataset says "Handelen".
 */
import { createContext, useCallback, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { sectionName, type SectionNames } from '../../../electron/core/sections';

export const SectionNamesContext = createContext<SectionNames>({});

/** A function from a section heading to its name in the current language. */
export function useSectionName(): (heading: string) => string {
  const names = useContext(SectionNamesContext);
  const { i18n } = useTranslation('ui');
  const locale = i18n.language.startsWith('nl') ? 'nl' : 'en';
  return useCallback((heading: string) => sectionName(names, heading, locale), [names, locale]);
}
