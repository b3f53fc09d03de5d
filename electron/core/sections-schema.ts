/** The schema of `data/compass-sections.json`, the section headings' names (see `sections.ts`). */
import { z } from 'zod';
import type { SectionNames } from './sections';

export const sectionNamesSchema = z.strictObject({
  $comment: z.string().optional(),
  sections: z.record(
    z.string().min(1),
    z.strictObject({ nl: z.string().trim().min(1), en: z.string().trim().min(1) }),
  ),
});

/** Validates the parsed names file; throws with the first problem. */
export function parseSectionNames(json: unknown, source = 'section names'): SectionNames {
  const result = sectionNamesSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${source}: ${issue?.message ?? 'invalid'} at ${issue?.path.join('.') || '(root)'}`);
  }
  return result.data.sections;
}
