/**
 * The user's state on disk: one JSON file, `config.json` in the app's user-data folder, written by
 * `conf` with exactly the options electron-store uses, so the desktop app (electron-store) and the
 * CLI, web host and tests (`conf`) read and write the same file.
 *
 * - Every read and every write is validated once, with the zod schema (conf is given no JSON
 *   Schema of its own, so it does not check the same data again with ajv), and every write is
 *   atomic (conf writes through
 *   `atomically`: a temporary file renamed over the old one), so a crash mid-write leaves the old
 *   file whole.
 * - A file that cannot be parsed or validated is never wiped: it is moved aside to a timestamped
 *   backup next to it, what can be read is recovered record by record, and `notices` tells the
 *   user where the backup is.
 * - Every read-modify-write holds a lock across processes (store-lock.ts), so writers at once all
 *   keep their change; an update that changes nothing writes nothing.
 * - The layout is versioned (`schemaVersion`); a file of the first layout (progress records with
 *   a status history) is converted to the progress log when opened, with a copy of it kept next to
 *   it as `config.v1-<time>.json`.
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import Conf, { type Options as ConfOptions } from 'conf';
import type { z } from 'zod';
import pkg from '../../package.json';
import { isV1Layout, migrateV1 } from '../core/store-v1';
import { EMPTY_STATE, userStateSchema, type Locale, type UserState } from '../core/user-state';
import { osAuthor } from './author';
import { salvageUserState, salvageV1Progress } from './store-recovery';
import { withStoreLock } from './store-lock';
import { stripBom } from '../core/text-file';
import { prepareDataDir, removeStaleTempFiles } from './data-dir';
import { storeText, type RecoveryFacts, type StoreProblem } from './store-notices';

export interface StateStore {
  /** The JSON file on disk. */
  readonly path: string;
  /** The current, validated state (read from disk: changes by another process are seen). */
  read(): UserState;
  /**
   * Reads, applies fn and writes the result atomically, holding the store's lock across processes
   * throughout; returns fn's state. Writes nothing when fn returns its argument itself. Throws
   * `StoreValidationError` without writing when the result is invalid.
   */
  update(fn: (state: UserState) => UserState): UserState;
  /** Messages the user must see, e.g. where a damaged store was backed up. */
  readonly notices: string[];
  /** The same events as data: each damaged file that was moved aside. */
  readonly recoveries: StoreRecovery[];
}

/** A damaged file that was moved aside, and what was recovered from it. */
export interface StoreRecovery extends RecoveryFacts {
  /** The problem in English, for logs. */
  reason: string;
}

/** A state that does not match the schema; the message names the first problem and its path. */
export class StoreValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreValidationError';
  }
}

/** Key conf keeps its migration version under, inside the same file. */
const INTERNAL_KEY = '__internal__';

/**
 * Migrations from one app version's layout to the next, run by conf / electron-store when the
 * app's version goes up (keys are versions or semver ranges). The 0.1.0 layout is the first, so
 * there is nothing to migrate yet; conf still records the version in the file.
 */
const MIGRATIONS: NonNullable<ConfOptions<UserState>['migrations']> = {};

/**
 * The options shared by `conf` here and `electron-store` in electron/main (which calls
 * `configName` `name`, and must be given `cwd: app.getPath('userData')`).
 */
export const STORE_OPTIONS = {
  configName: 'config',
  projectName: 'compass-timeline',
  projectVersion: pkg.version,
  defaults: EMPTY_STATE,
  migrations: MIGRATIONS,
  clearInvalidConfig: false,
  accessPropertiesByDotNotation: false,
  // A file saved by an editor that adds a byte-order mark still reads (and is written without it).
  deserialize: (text: string) => JSON.parse(stripBom(text)) as UserState,
} satisfies ConfOptions<UserState>;

/** What the store needs from conf / electron-store. */
export interface StoreEngine {
  readonly path: string;
  store: Record<string, unknown>;
}
export type StoreEngineFactory = (options: ConfOptions<UserState> & { cwd: string }) => StoreEngine;

const confEngine: StoreEngineFactory = (options) => new Conf<UserState>(options) as unknown as StoreEngine;

export interface OpenStateStoreOptions {
  /** The folder of the store (the app's user-data folder, or --data-dir). */
  cwd: string;
  /** electron/main passes one that makes an electron-store; default: conf. */
  engine?: StoreEngineFactory;
  /** Language of the notices; default: the stored setting, else the system's. */
  locale?: Locale;
  /** For the backup's name; default: the current time. */
  now?: () => Date;
  /** The name entries migrated from the first layout are recorded under; default: the OS user. */
  author?: string;
}

const describeZod = (error: z.ZodError): string => {
  const issue = error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
  return `${issue?.message ?? 'invalid'}${where}`;
};

const withoutInternal = (data: Record<string, unknown>): Record<string, unknown> => {
  const { [INTERNAL_KEY]: _internal, ...rest } = data;
  return rest;
};

const systemLocale = (): Locale =>
  (Intl.DateTimeFormat().resolvedOptions().locale || process.env.LANG || 'en').toLowerCase().startsWith('nl')
    ? 'nl'
    : 'en';

/** A free name next to `file`: config.damaged-2025-03-30T07-12-05-123Z.json (then -2, -3, …). */
function backupPathFor(file: string, at: Date): string {
  const ext = extname(file);
  const stem = basename(file, ext);
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  for (let n = 1; ; n += 1) {
    const candidate = join(dirname(file), `${stem}.damaged-${stamp}${n > 1 ? `-${n}` : ''}${ext}`);
    if (!existsSync(candidate)) return candidate;
  }
}

/** A JSON copy: conf validates and serialises plain data (no undefined fields). */
const plain = (state: UserState): Record<string, unknown> => JSON.parse(JSON.stringify(state));

type Check = { ok: true } | { ok: false; problem: StoreProblem };

function checkFileText(text: string): Check {
  let raw: unknown;
  try {
    raw = JSON.parse(stripBom(text));
  } catch (error) {
    return { ok: false, problem: { kind: 'json', detail: (error as Error).message } };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problem: { kind: 'shape' } };
  }
  // Missing top-level fields are filled from the defaults (as conf does); anything else must match.
  const parsed = userStateSchema.safeParse({
    ...EMPTY_STATE,
    ...withoutInternal(raw as Record<string, unknown>),
  });
  return parsed.success
    ? { ok: true }
    : { ok: false, problem: { kind: 'schema', detail: describeZod(parsed.error) } };
}

/** Opens (or creates) the store in `cwd`, recovering a damaged file as described above. */
export function openStateStore(options: OpenStateStoreOptions): StateStore {
  const makeEngine = options.engine ?? confEngine;
  const now = options.now ?? (() => new Date());
  const confOptions = { ...STORE_OPTIONS, cwd: options.cwd };
  const path = join(options.cwd, `${STORE_OPTIONS.configName}.json`);
  prepareDataDir(options.cwd);
  removeStaleTempFiles(path, now());
  const notices: string[] = [];
  const recoveries: StoreRecovery[] = [];
  let engine: StoreEngine | undefined;

  /**
   * Keeps the damaged file's text in a backup next to it, replaces the file (atomically) with
   * what could be recovered, and tells the user.
   */
  const recover = (text: string, problem: StoreProblem): UserState => {
    let raw: unknown;
    try {
      raw = JSON.parse(stripBom(text));
    } catch {
      raw = undefined;
    }
    const backupPath = backupPathFor(path, now());
    writeFileSync(backupPath, text, { flag: 'wx' });
    const salvage = salvageUserState(raw);
    const temporary = `${path}.recovering`;
    writeFileSync(temporary, JSON.stringify(salvage.state, undefined, '\t'));
    renameSync(temporary, path);
    engine = makeEngine(confOptions);
    engine.store = plain(salvage.state);
    const recovery: StoreRecovery = {
      backupPath,
      problem,
      reason:
        problem.kind === 'json'
          ? `not valid JSON (${problem.detail})`
          : problem.kind === 'shape'
            ? 'not a JSON object'
            : problem.detail,
      progress: salvage.progress,
      own: salvage.own,
      lost: salvage.lost,
    };
    recoveries.push(recovery);
    const locale = options.locale ?? salvage.state.settings.locale ?? systemLocale();
    notices.push(storeText(locale, recovery));
    return readChecked();
  };

  const readChecked = (): UserState => {
    const parsed = userStateSchema.safeParse(withoutInternal(engine!.store));
    if (!parsed.success) {
      throw new StoreValidationError(`The store does not match its schema: ${describeZod(parsed.error)}`);
    }
    return parsed.data;
  };

  /** A file of the first layout, converted to the progress log (a copy of it is kept). */
  const migrate = (text: string): string => {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return text; // damaged: recovery deals with it
    }
    if (!isV1Layout(raw)) return text;
    const stamp = now().toISOString().replace(/[:.]/g, '-');
    copyFileSync(path, join(dirname(path), `${STORE_OPTIONS.configName}.v1-${stamp}.json`));
    const migrated = migrateV1(raw, {
      author: options.author ?? osAuthor(),
      now: now(),
      newId: randomUUID,
      repair: salvageV1Progress,
    });
    const next = JSON.stringify(migrated, undefined, '\t');
    const temporary = `${path}.migrating`;
    writeFileSync(temporary, next);
    renameSync(temporary, path);
    return next;
  };

  /** Reads and checks the file from scratch; on damage, recovers and returns the recovered state. */
  const load = (): UserState => {
    const found = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    const text = found === undefined ? undefined : migrate(found);
    if (text !== undefined) {
      const check = checkFileText(text);
      if (!check.ok) return recover(text, check.problem);
    }
    try {
      engine = makeEngine(confOptions);
      return readChecked();
    } catch (error) {
      // The file does not match the schema (or conf's migration failed): keep it and recover.
      if (text === undefined) throw error;
      return recover(text, { kind: 'schema', detail: (error as Error).message });
    }
  };

  // conf writes while it opens (defaults, its version record), so opening holds the lock too.
  withStoreLock(path, load);

  const readUnlocked = (): UserState => {
    try {
      return readChecked();
    } catch {
      // Damaged while running (e.g. edited by hand): same recovery as at start.
      return load();
    }
  };
  const read = (): UserState => {
    try {
      return readChecked();
    } catch {
      return withStoreLock(path, load);
    }
  };

  return {
    path,
    notices,
    recoveries,
    read,
    update(fn) {
      return withStoreLock(path, () => {
        const current = readUnlocked();
        const next = fn(current);
        if (next === current) return current;
        const parsed = userStateSchema.safeParse(next);
        if (!parsed.success) {
          throw new StoreValidationError(`Not saved: ${describeZod(parsed.error)}`);
        }
        engine!.store = plain(parsed.data);
        return parsed.data;
      });
    },
  };
}
