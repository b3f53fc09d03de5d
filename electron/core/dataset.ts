import type { z } from 'zod';
import type { Milestone } from './milestone';
import { datasetSchema } from './milestone-schema';

export class DatasetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetError';
  }
}

/** Formats zod issues as "at [3].due: expected a date as YYYY-MM-DD", at most `max` of them. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], max = 5): string {
  const lines = issues.slice(0, max).map((issue) => {
    const path = issue.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '');
    return `at ${path || '(root)'}: ${issue.message}`;
  });
  if (issues.length > max) lines.push(`… and ${issues.length - max} more`);
  return lines.join('\n');
}

/** Validates parsed JSON as a milestones dataset; throws a DatasetError that names the first problems. */
export function parseDataset(json: unknown, source = 'dataset'): Milestone[] {
  const result = datasetSchema.safeParse(json);
  if (!result.success) {
    throw new DatasetError(
      `${source} is not a valid Compass milestones file:\n${describeIssues(result.error.issues)}\n` +
        'Fix the file (its schema is data/compass-milestones.schema.json) or leave out --milestones to use the bundled dataset.',
    );
  }
  return result.data;
}
