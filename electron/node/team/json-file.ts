/**
 * A small JSON file shared by processes: every read-modify-write holds a cross-process lock
 * (proper-lockfile, a `<file>.lock` folder whose mtime is kept fresh; one left by a killed
 * process is taken over after `STALE_MS`) and every write is atomic (a temporary file, fsynced,
 * renamed over the old one), so a kill -9 at any moment leaves either the old or the new file.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import type { z } from 'zod';

const STALE_MS = 10_000;
const WAIT_MS = 30_000;

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Runs fn holding the lock on `file` (waiting up to WAIT_MS for another process to let go). */
export function withFileLock<T>(file: string, fn: () => T): T {
  const until = Date.now() + WAIT_MS;
  let release: () => void;
  for (;;) {
    try {
      release = lockfile.lockSync(file, { realpath: false, stale: STALE_MS });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED' || Date.now() > until) {
        throw new Error(
          `Cannot lock ${file} (${(error as Error).message}); another Compass Timeline process may be stuck. ` +
            'Try again; if it persists, remove the folder ' +
            `${file}.lock after closing every Compass Timeline window and command.`,
          { cause: error },
        );
      }
      sleep(25 + Math.random() * 50);
    }
  }
  try {
    return fn();
  } finally {
    release();
  }
}

export function writeFileAtomic(file: string, text: string): void {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = openSync(temporary, 'w', 0o600);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

export interface JsonFile<T> {
  readonly path: string;
  read(): T;
  /** Reads, applies fn and writes the result, all under the lock. */
  update(fn: (value: T) => T): T;
}

/**
 * A JSON file validated by `schema`. A missing file reads as `empty`; a damaged one is moved aside
 * as `<name>.damaged-<time>.json` (never wiped) and reads as `empty`, with `onDamaged` told where.
 */
export function jsonFile<S extends z.ZodType>(
  path: string,
  schema: S,
  empty: () => z.infer<S>,
  onDamaged: (message: string) => void = () => {},
): JsonFile<z.infer<S>> {
  type T = z.infer<S>;
  const readUnlocked = (): T => {
    if (!existsSync(path)) return empty();
    const text = readFileSync(path, 'utf8');
    try {
      return schema.parse(JSON.parse(text)) as T;
    } catch (error) {
      const backup =
        path.replace(/\.json$/, '') + `.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
      renameSync(path, backup);
      onDamaged(
        `${path} could not be read (${(error as Error).message.split('\n')[0]}); it was kept as ${backup}.`,
      );
      return empty();
    }
  };
  return {
    path,
    read: () => withFileLock(path, readUnlocked),
    update: (fn) =>
      withFileLock(path, () => {
        const next = schema.parse(fn(readUnlocked())) as T;
        writeFileAtomic(path, `${JSON.stringify(next)}\n`);
        return next;
      }),
  };
}
