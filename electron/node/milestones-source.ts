import { readFileSync, statSync } from 'node:fs';
import bundled from '../../data/compass-milestones.json';
import bundledSections from '../../data/compass-sections.json';
import { DatasetError, parseDataset } from '../core/dataset';
import { LIMITS, tooLarge } from '../core/limits';
import type { Milestone } from '../core/milestone';
import { stripBom } from '../core/text-file';
import type { SectionNames } from '../core/sections';
import { parseSectionNames } from '../core/sections-schema';

/** The display names of the bundled dataset's section headings (data/compass-sections.json). */
export function bundledSectionNames(): SectionNames {
  return parseSectionNames(bundledSections, 'data/compass-sections.json');
}

/** The Compass dataset shipped with the app, validated. */
export function bundledMilestones(): Milestone[] {
  return parseDataset(bundled, 'The bundled dataset');
}

/** A dataset file of the same schema given with --milestones; errors say what to fix. */
export function milestonesFromFile(file: string): Milestone[] {
  let text: string;
  try {
    if (statSync(file).size > LIMITS.datasetFileBytes) {
      throw new DatasetError(`Milestones file ${file} is ${tooLarge(LIMITS.datasetFileBytes)}.`);
    }
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof DatasetError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new DatasetError(
      code === 'ENOENT'
        ? `Milestones file not found: ${file}`
        : `Cannot read milestones file ${file}: ${String(error)}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(stripBom(text));
  } catch (error) {
    throw new DatasetError(`Milestones file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  // A saved strategy (strategies/<slug>.json) is a dataset with a header: its milestones are the dataset.
  if (typeof json === 'object' && json !== null && !Array.isArray(json) && 'milestones' in json) {
    json = (json as { milestones: unknown }).milestones;
  }
  return parseDataset(json, `Milestones file ${file}`);
}

export const loadMilestones = (file?: string): Milestone[] =>
  file ? milestonesFromFile(file) : bundledMilestones();
