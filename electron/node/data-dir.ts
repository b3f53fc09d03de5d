/**
 * The store's folder before conf touches it: made (one level at a time: Node's recursive mkdir
 * never returns for some unusable paths such as /proc/self/nope), checked to be a writable
 * folder, and cleared of temporary files a killed write left behind.
 */
import { accessSync, constants, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** A data folder that cannot be used; the message says which and why. */
export class DataDirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirError';
  }
}

/** Creates `dir` (and missing parents) and checks it is a folder this process can write to. */
export function prepareDataDir(dir: string): void {
  if (dir.trim() === '') throw new DataDirError('The data folder is empty: give a folder.');
  const target = resolve(dir);
  const missing: string[] = [];
  let existing = target;
  for (;;) {
    try {
      statSync(existing);
      break;
    } catch {
      missing.unshift(existing);
      const parent = dirname(existing);
      if (parent === existing) break;
      existing = parent;
    }
  }
  try {
    if (!statSync(existing).isDirectory()) throw new DataDirError(`${existing} is not a folder.`);
    for (const folder of missing) mkdirIfMissing(folder);
    if (!statSync(target).isDirectory()) throw new DataDirError(`${target} is not a folder.`);
    accessSync(target, constants.W_OK | constants.R_OK);
  } catch (error) {
    if (error instanceof DataDirError) throw error;
    throw new DataDirError(
      `Cannot use ${target} as the data folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
    );
  }
}

/** Makes one folder; one that another process (a CLI started at the same time) made meanwhile is fine. */
function mkdirIfMissing(folder: string): void {
  try {
    mkdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** How old a temporary file must be before it counts as left behind (writes take milliseconds). */
export const STALE_TEMP_MS = 60_000;

/**
 * Removes `<file>.tmp-<digits><hex>` files (what conf's atomic writes use) next to `file` that
 * were last modified more than STALE_TEMP_MS ago: a live write renames its file within
 * milliseconds, so an older one was left by a process that was killed mid-write.
 */
export function removeStaleTempFiles(file: string, now: Date = new Date()): string[] {
  const folder = dirname(file);
  const prefix = `${file.slice(folder.length + 1)}.tmp-`;
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^\d{10}[0-9a-f]{6}$/.test(name.slice(prefix.length))) continue;
    const path = join(folder, name);
    try {
      if (now.getTime() - statSync(path).mtimeMs > STALE_TEMP_MS) {
        rmSync(path, { force: true });
        removed.push(path);
      }
    } catch {
      // Renamed or removed by its writer meanwhile: nothing to do.
    }
  }
  return removed;
}
