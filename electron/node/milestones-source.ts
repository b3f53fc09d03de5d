import { readFileSync } from 'node:fs';
import bundled from '../../data/compass-milestones.json';
import bundledSections from '../../data/compass-sections.json';
import { DatasetError, parseDataset } from '../core/dataset';
import type { Milestone } from '../core/milestone';
import { parseSectionNames, type SectionNames } from '../core/sections';

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
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DatasetError(
      code === 'ENOENT'
        ? `Milestones file not found: ${file}`
        : `Cannot read milestones file ${file}: ${String(error)}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DatasetError(`Milestones file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  return parseDataset(json, `Milestones file ${file}`);
}

export const loadMilestones = (file?: string): Milestone[] =>
  file ? milestonesFromFile(file) : bundledMilestones();
