/** Writes data/compass-milestones.schema.json from the core's zod schema (the single source). */
import { writeFileSync } from 'node:fs';
import { datasetJsonSchema } from '../electron/core/dataset-json-schema';

writeFileSync('data/compass-milestones.schema.json', `${JSON.stringify(datasetJsonSchema(), null, 2)}\n`);
console.log('wrote data/compass-milestones.schema.json');
