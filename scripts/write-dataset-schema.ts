/** Writes the data files' JSON Schemas from the core's zod schemas (the single source). */
import { writeFileSync } from 'node:fs';
import { datasetJsonSchema } from '../electron/core/dataset-json-schema';
import { publicRecordJsonSchema } from '../electron/core/public-record';

for (const [file, schema] of [
  ['data/compass-milestones.schema.json', datasetJsonSchema()],
  ['data/public-record.schema.json', publicRecordJsonSchema()],
] as const) {
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${file}`);
}
