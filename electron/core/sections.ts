/**
 * The names the UI and the exports show for a section heading, in the chosen language. The
 * dataset's `section` stays the Compass's verbatim Dutch heading (it is quoted as such); the names
 * come from `data/compass-sections.json`, loaded with the dataset. A heading without a name (one of
 * the user's own sections, or a dataset given with --milestones) is shown as it is. The file's
 * schema is in `sections-schema.ts` (the renderer's first chunk loads this module, without zod).
 */
import type { Locale } from './user-state';

/** Dutch heading → its name in each language. */
export type SectionNames = Readonly<Record<string, { nl: string; en: string }>>;

/** The heading's name in `locale`, or the heading itself when it has none. */
export const sectionName = (names: SectionNames, heading: string, locale: Locale): string =>
  (Object.prototype.hasOwnProperty.call(names, heading) ? names[heading]?.[locale] : undefined) ?? heading;
