import { z } from 'zod';
import { milestoneSchema } from './milestone-schema';

/** The dataset file's JSON Schema (draft 2020-12), derived from the zod schema the loader validates with. */
export function datasetJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(z.array(milestoneSchema), { target: 'draft-2020-12' }),
    $id: 'https://compass-timeline.invalid/schemas/compass-milestones.schema.json',
    title: 'Compass Timeline milestones',
    description:
      'The time-bound commitments of the EU Strategic Compass for Security and Defence (2022). Ids must be unique.',
  };
}
