import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The seed text lives beside the repo in ../shared (the project's ground truth). */
export const SEED_PATH = resolve(__dirname, '../../../shared/seed/strategisch-kompas-2022.nl.txt');

/** The seed's lines, 1-based through index - 1, with the ** bold markers removed. */
export function seedLines(): string[] {
  if (!existsSync(SEED_PATH))
    throw new Error(`Seed text not found at ${SEED_PATH}: the repo expects ../shared beside it.`);
  return readFileSync(SEED_PATH, 'utf8').replaceAll('**', '').split('\n');
}
