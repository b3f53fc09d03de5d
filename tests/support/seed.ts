import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const SEED_FILE = 'shared/seed/strategisch-kompas-2022.nl.txt';

/**
 * The seed text lives beside the repo in ../shared (the project's ground truth); a git worktree
 * kept one folder deeper (e.g. wt/<name>) finds it one level further up.
 */
export const SEED_PATH =
  [resolve(__dirname, '../../..', SEED_FILE), resolve(__dirname, '../../../..', SEED_FILE)].find((p) =>
    existsSync(p),
  ) ?? resolve(__dirname, '../../..', SEED_FILE);

/** The seed's raw text, with its ** bold markers. */
export function seedText(): string {
  if (!existsSync(SEED_PATH))
    throw new Error(`Seed text not found at ${SEED_PATH}: the repo expects ../shared beside it.`);
  return readFileSync(SEED_PATH, 'utf8');
}

/** The seed's lines, 1-based through index - 1, with the ** bold markers removed. */
export function seedLines(): string[] {
  return seedText().replaceAll('**', '').split('\n');
}
