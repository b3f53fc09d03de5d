import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const SEED = 'shared/seed/strategisch-kompas-2022.nl.txt';

/**
 * The seed text lives beside the repo in ../shared (the project's ground truth); a git worktree
 * one folder deeper (e.g. wt/<name>) finds the same ../shared further up.
 */
function findSeed(): string {
  const first = resolve(__dirname, '../../..', SEED);
  for (let dir = resolve(__dirname, '../../..'); ; dir = dirname(dir)) {
    const candidate = resolve(dir, SEED);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return first;
  }
}

export const SEED_PATH = findSeed();

/** The seed's lines, 1-based through index - 1, with the ** bold markers removed. */
export function seedLines(): string[] {
  if (!existsSync(SEED_PATH))
    throw new Error(`Seed text not found at ${SEED_PATH}: the repo expects ../shared beside it.`);
  return readFileSync(SEED_PATH, 'utf8').replaceAll('**', '').split('\n');
}
