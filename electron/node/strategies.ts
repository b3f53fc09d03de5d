/**
 * Saved strategies on disk: `strategies/<slug>.json` in the data folder, one file per strategy in
 * the dataset's schema plus a header. Writes are atomic (a temporary file renamed into place) and
 * a re-import (read, merge ids, write) holds a lock file, so two processes never lose each other's
 * ids and a process killed mid-write leaves the old file whole (a stale lock is taken over).
 */
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { DatasetError, describeIssues } from '../core/dataset';
import type { Milestone } from '../core/milestone';
import { parseStrategyFile, type StrategyFile } from '../core/strategy';
import { bundledMilestones } from './milestones-source';

export const strategiesDir = (dataDir: string): string => join(dataDir, 'strategies');
export const strategyPath = (dataDir: string, slug: string): string =>
  join(strategiesDir(dataDir), `${slug}.json`);

/** A DatasetError, so every command reports it the way it reports a bad --milestones file. */
export class StrategyFileError extends DatasetError {
  constructor(message: string) {
    super(message);
    this.name = 'StrategyFileError';
  }
}

/** Reads and validates one strategy file; null when there is none. */
export function readStrategy(path: string): StrategyFile | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new StrategyFileError(`Cannot read ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StrategyFileError(
      `${path} is not valid JSON (${(error as Error).message}). Fix or remove the file.`,
    );
  }
  const parsed = parseStrategyFile(json);
  if (!parsed.ok) {
    throw new StrategyFileError(
      `${path} is not a valid strategy file:\n${describeIssues(parsed.issues)}\nFix or remove the file.`,
    );
  }
  return parsed.file;
}

export interface StrategyListing {
  path: string;
  strategy: StrategyFile | null;
  /** Why the file could not be read, when it could not. */
  problem: string | null;
}

/** Every strategy file in the data folder, by slug; a damaged one is listed with its problem. */
export function listStrategies(dataDir: string): StrategyListing[] {
  let names: string[];
  try {
    names = readdirSync(strategiesDir(dataDir));
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => {
      const path = join(strategiesDir(dataDir), n);
      try {
        return { path, strategy: readStrategy(path), problem: null };
      } catch (error) {
        return { path, strategy: null, problem: (error as Error).message };
      }
    });
}

const LOCK_STALE_MS = 30_000;
const LOCK_WAIT_MS = 10_000;

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs fn holding `<file>.lock` (created exclusively); a lock whose process died, or that is old, is taken over. */
export function withFileLock<T>(file: string, fn: () => T): T {
  const lock = `${file}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let stale: boolean;
      try {
        const pid = Number(readFileSync(lock, 'utf8'));
        stale =
          (Number.isInteger(pid) && pid > 0 && !pidAlive(pid)) ||
          Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS;
      } catch {
        continue; // the lock went away meanwhile: try again
      }
      if (stale) {
        rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new StrategyFileError(
          `${file} is being saved by another process (lock ${lock}); try again in a moment.`,
        );
      }
      sleep(50);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

/**
 * Saves a strategy: under the lock, `merge` gets the file as it is now (null if new) and returns
 * the file to write, which is validated and written atomically. Returns what was written.
 */
export function saveStrategy(
  dataDir: string,
  slug: string,
  merge: (current: StrategyFile | null) => StrategyFile,
): { path: string; file: StrategyFile } {
  mkdirSync(strategiesDir(dataDir), { recursive: true });
  const path = strategyPath(dataDir, slug);
  return withFileLock(path, () => {
    const next = merge(readStrategy(path));
    const parsed = parseStrategyFile(next);
    if (!parsed.ok)
      throw new StrategyFileError(`Refusing to save an invalid strategy:\n${describeIssues(parsed.issues)}`);
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(parsed.file, null, 2)}\n`);
    renameSync(temp, path);
    return { path, file: parsed.file };
  });
}

/** The bundled Compass's name in `--strategy`. */
export const COMPASS = 'compass';

/**
 * What `--strategy SPEC` names: a comma-separated list of `compass` (the bundled dataset), saved
 * strategy slugs, or `all` (the Compass and every saved strategy), in that order, each once; with
 * each imported strategy's milestone ids mapped to its name (the feed's category per strategy, as
 * the app's feed has it; the Compass's milestones have none). Throws a StrategyFileError that says
 * what to do for an unknown slug, a damaged file or two strategies that share an id.
 */
export function strategySelection(
  dataDir: string,
  spec: string,
): { milestones: Milestone[]; strategyNames: Map<string, string> } {
  const wanted = spec
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (wanted.length === 0) {
    throw new StrategyFileError(
      '--strategy expects "compass", "all" or the slug of a saved strategy (see: strategies).',
    );
  }
  const slugs: string[] = [];
  for (const w of wanted) {
    const add =
      w === 'all'
        ? [COMPASS, ...listStrategies(dataDir).flatMap((l) => (l.strategy ? [l.strategy.slug] : []))]
        : [w];
    for (const slug of add) if (!slugs.includes(slug)) slugs.push(slug);
  }
  const out: Milestone[] = [];
  const strategyNames = new Map<string, string>();
  const owner = new Map<string, string>();
  for (const slug of slugs) {
    let milestones: Milestone[];
    let name: string | null = null;
    if (slug === COMPASS) milestones = bundledMilestones();
    else {
      const file = /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) ? readStrategy(strategyPath(dataDir, slug)) : null;
      if (!file) {
        throw new StrategyFileError(
          `No saved strategy "${slug}" in ${strategiesDir(dataDir)}. Run "strategies" to list them, or import one with "import-strategy FILE".`,
        );
      }
      milestones = file.milestones;
      name = file.name;
    }
    for (const m of milestones) {
      const other = owner.get(m.id);
      if (other !== undefined) {
        throw new StrategyFileError(
          `Strategies "${other}" and "${slug}" both have a milestone "${m.id}"; re-import one of them under another --name.`,
        );
      }
      owner.set(m.id, slug);
      out.push(m);
      if (name !== null) strategyNames.set(m.id, name);
    }
  }
  return { milestones: out, strategyNames };
}

/**
 * What the desktop app shows: the Compass and every saved strategy. Never throws: a damaged file,
 * or a strategy whose ids another one already has, is left out and named in `problems`.
 */
export function appDataset(dataDir: string): { milestones: Milestone[]; problems: string[] } {
  const { milestones, problems } = withStrategies(bundledMilestones(), dataDir);
  return { milestones, problems };
}

/**
 * `base` (the Compass, or a --milestones dataset) followed by every saved strategy that fits beside
 * it, with the strategies themselves (in slug order). Never throws: see appDataset.
 */
export function withStrategies(
  base: readonly Milestone[],
  dataDir: string,
): { milestones: Milestone[]; strategies: StrategyFile[]; problems: string[] } {
  const milestones = [...base];
  const ids = new Set(milestones.map((m) => m.id));
  const problems: string[] = [];
  const strategies: StrategyFile[] = [];
  for (const { strategy, problem } of listStrategies(dataDir)) {
    if (!strategy) {
      problems.push(problem ?? 'a strategy file could not be read');
      continue;
    }
    const clash = strategy.milestones.find((m) => ids.has(m.id));
    if (clash) {
      problems.push(
        `Strategy "${strategy.slug}" is left out: its milestone "${clash.id}" has the id of another one.`,
      );
      continue;
    }
    for (const m of strategy.milestones) ids.add(m.id);
    milestones.push(...strategy.milestones);
    strategies.push(strategy);
  }
  return { milestones, strategies, problems };
}

/** Where removed strategies are kept: `strategies/removed/` (never read as strategies). */
export const removedStrategiesDir = (dataDir: string): string => join(strategiesDir(dataDir), 'removed');

/**
 * Removes a saved strategy: its file moves to `strategies/removed/<slug>-<time>.json` (so it can be
 * put back), under its lock. The progress log is not touched: a re-import of the same document
 * gets the same ids and finds its entries again. Returns the backup's path.
 */
export function removeStrategy(dataDir: string, slug: string, now: Date): string {
  const path = strategyPath(dataDir, slug);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) || !readStrategy(path)) {
    throw new StrategyFileError(`No saved strategy "${slug}" in ${strategiesDir(dataDir)}.`);
  }
  mkdirSync(removedStrategiesDir(dataDir), { recursive: true });
  const backup = join(
    removedStrategiesDir(dataDir),
    `${slug}-${now.toISOString().replace(/[:.]/g, '-')}.json`,
  );
  withFileLock(path, () => renameSync(path, backup));
  return backup;
}
