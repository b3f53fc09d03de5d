/**
 * The names the UI and the exports show for a section heading, in the chosen language. The
 * dataset's `section` stays the Compass's verbatim Dutch heading (it is quoted as such); the names
 * come from `data/compass-sections.json`, loaded with the dataset. A heading without a name (one of
 * the user's own sections, or a dataset given with --milestones) is shown as it is.
 */
import { z } from 'zod';
import type { Locale } from './user-state';

export const sectionNamesSchema = z.strictObject({
  $comment: z.string().optional(),
  sections: z.record(
    z.string().min(1),
    z.strictObject({ nl: z.string().trim().min(1), en: z.string().trim().min(1) }),
  ),
});

/** Dutch heading → its name in each language. */
export type SectionNames = Readonly<Record<string, { nl: string; en: string }>>;

/** Validates the parsed names file; throws with the first problem. */
export function parseSectionNames(json: unknown, source = 'section names'): SectionNames {
  const result = sectionNamesSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${source}: ${issue?.message ?? 'invalid'} at ${issue?.path.join('.') || '(root)'}`);
  }
  return result.data.sections;
}

/** The heading's name in `locale`, or the heading itself when it has none. */
export const sectionName = (names: SectionNames, heading: string, locale: Locale): string =>
  (Object.prototype.hasOwnProperty.call(names, heading) ? names[heading]?.[locale] : undefined) ?? heading;
