/**
 * A lock across processes around every read-modify-write of the store: the desktop app, the CLI,
 * the web host and the feed server write the same `config.json`, and without it two writers that
 * read the same state would each write their own change over the other's (a lost update).
 *
 * proper-lockfile makes the lock with an atomic mkdir of `config.json.lock` next to the file. A
 * lock left by a process that was killed is stale once its mtime is older than `stale` (the holder
 * refreshes it while it works) and is then taken over, so a crash never blocks the store for good.
 * The holder also writes its host and process id next to the lock (`config.json.lock-owner`) and
 * removes it before it lets go; a waiter on the same host that finds the owner process gone takes
 * the lock over at once instead of waiting for `stale` (after checking that neither the lock nor
 * the owner changed meanwhile).
 */
import { mkdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';

/** How old a lock must be to count as left behind (ms). Tests may shorten it (minimum 2000). */
const staleMs = (): number => {
  const fromEnv = Number(process.env.COMPASS_STORE_LOCK_STALE_MS);
  return Number.isFinite(fromEnv) && fromEnv >= 2_000 ? fromEnv : 10_000;
};

/** The store stayed locked by another program for longer than a stale lock may live. */
export class StoreLockedError extends Error {
  constructor(file: string) {
    super(
      `The data file ${file} is locked by another Compass Timeline program (the app, the CLI or the feed) ` +
        'and was not released; nothing was saved. Try again, or close the other program.',
    );
    this.name = 'StoreLockedError';
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));
/** Blocks this thread for `ms` (the store's API is synchronous, like conf's). */
const sleep = (ms: number) => Atomics.wait(pause, 0, 0, ms);

const ownerPath = (file: string) => `${file}.lock-owner`;
const lockPath = (file: string) => `${file}.lock`;

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes a lock whose owner process on this host has died; true when it did. */
function breakDeadLock(file: string): boolean {
  try {
    const before = statSync(lockPath(file));
    const owner = readFileSync(ownerPath(file), 'utf8');
    const [host, pidText] = owner.split('\n');
    const pid = Number(pidText);
    if (host !== hostname() || !Number.isInteger(pid) || pid === process.pid || alive(pid)) return false;
    // Still the same lock and the same owner: nobody took it over in between.
    const after = statSync(lockPath(file));
    if (after.ino !== before.ino || after.mtimeMs !== before.mtimeMs) return false;
    if (readFileSync(ownerPath(file), 'utf8') !== owner) return false;
    unlinkSync(ownerPath(file));
    rmSync(lockPath(file), { recursive: true, force: true });
    return true;
  } catch {
    return false; // no owner recorded (or it just changed): wait for the lock to go stale
  }
}

/** Runs `fn` while holding the lock on `file`; waits (with back-off) while another process holds it. */
export function withStoreLock<T>(file: string, fn: () => T): T {
  const stale = staleMs();
  // Long enough for a stale lock to be recognised and taken over, with room to spare.
  const deadline = Date.now() + stale * 3;
  mkdirSync(dirname(file), { recursive: true });
  for (let attempt = 0; ; attempt += 1) {
    let release: () => void;
    try {
      release = lockfile.lockSync(file, {
        realpath: false,
        stale,
        // A lock found taken over (we held it past `stale`): the write goes ahead, nothing to crash on.
        onCompromised: () => {},
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (breakDeadLock(file)) continue;
      if (Date.now() > deadline) throw new StoreLockedError(file);
      sleep(Math.min(2 ** attempt, 40) + Math.random() * 10);
      continue;
    }
    try {
      writeFileSync(ownerPath(file), `${hostname()}\n${process.pid}\n`);
      return fn();
    } finally {
      try {
        unlinkSync(ownerPath(file));
      } catch {
        // Already gone (taken over): nothing to remove.
      }
      try {
        release();
      } catch {
        // Already released or taken over as stale: nothing left to release.
      }
    }
  }
}
