/**
 * Leftovers and odd places: temporary files a kill -9 left next to the store, an empty or
 * unusable --data-dir, a closed pipe and a full disk on the CLI's output. The real CLI process
 * (through bash for the pipes), the real store on disk.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStateStore } from '../../electron/node/store';

const ROOT = resolve(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const MAIN = join(ROOT, 'electron/node/cli/main.ts');
const tmp = mkdtempSync(join(tmpdir(), 'compass-leftovers-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The CLI run by bash, so its stdout can go into a pipe or /dev/full. */
const bash = (script: string) =>
  spawnSync('bash', ['-c', `set -o pipefail; ${script}`], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, TSX_BIN: TSX, CLI_MAIN: MAIN },
  });

describe('the store folder', () => {
  it('removes temporary files a killed write left behind, and only stale ones', () => {
    const dir = join(tmp, 'store');
    openStateStore({ cwd: dir });
    const stale = join(dir, 'config.json.tmp-1733130000abcdef');
    const fresh = join(dir, 'config.json.tmp-1733130001abcdef');
    const other = join(dir, 'notes.json.tmp-1733130000abcdef');
    for (const file of [stale, fresh, other]) writeFileSync(file, '{"half":');
    const old = new Date(Date.now() - 5 * 60_000);
    utimesSync(stale, old, old);
    utimesSync(other, old, old);
    openStateStore({ cwd: dir });
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true); // may be a write in progress in another process
    expect(existsSync(other)).toBe(true); // not the store's
    expect(readdirSync(dir)).toContain('config.json');
  });

  it('refuses an empty --data-dir as a usage error, and an unusable one at once with its reason', () => {
    const empty = bash(`"$TSX_BIN" "$CLI_MAIN" list --data-dir ''`);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/--data-dir needs a folder/);
    const proc = bash(`"$TSX_BIN" "$CLI_MAIN" list --data-dir /proc/self/nope`);
    expect(proc.status).toBe(1);
    expect(proc.stderr).toMatch(/Cannot use \/proc\/self\/nope as the data folder \(ENOENT\)/);
    const file = join(tmp, 'a-file');
    writeFileSync(file, '');
    const notFolder = bash(`"$TSX_BIN" "$CLI_MAIN" list --data-dir ${JSON.stringify(join(file, 'sub'))}`);
    expect(notFolder.status).toBe(1);
    expect(notFolder.stderr).toMatch(/is not a folder/);
  });
});

describe('the CLI output', () => {
  const data = JSON.stringify(join(tmp, 'out-data'));
  it('ends quietly with status 0 when the pipe closes early (| head -1 on > 64 KB)', () => {
    const run = bash(`"$TSX_BIN" "$CLI_MAIN" list --json --data-dir ${data} | head -c 100 > /dev/null`);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('says so in one line with status 1 when the disk is full', () => {
    const run = bash(`"$TSX_BIN" "$CLI_MAIN" list --json --data-dir ${data} > /dev/full`);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual(['Error: cannot write the output (ENOSPC).']);
  });
});
