/**
 * Many writers at once on one data folder, and writers killed mid-write: the real CLI and the real
 * store in separate Node processes. The sources are bundled once with esbuild (what tsx does per
 * process, done once) so that 50 processes start in seconds on a small machine.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStateStore } from '../../electron/node/store';

const ROOT = resolve(__dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'compass-concurrency-'));
const CLI = join(work, 'cli.mjs');
const WRITER = join(work, 'writer.mjs');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const bundle = (entry: string, outfile: string) =>
  buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    // CommonJS dependencies (proper-lockfile, conf's) call require.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    logLevel: 'error',
  });

beforeAll(() => {
  bundle(join(ROOT, 'electron/node/cli/main.ts'), CLI);
  // A writer that appends entries through the store's own API as fast as it can, printing each id
  // once it is saved.
  const writerSource = join(work, 'writer.ts');
  writeFileSync(
    writerSource,
    `import { appendRecord } from ${JSON.stringify(join(ROOT, 'electron/core/recording.ts'))};
     import { openStateStore } from ${JSON.stringify(join(ROOT, 'electron/node/store.ts'))};
     const [cwd, round] = process.argv.slice(2);
     const store = openStateStore({ cwd });
     process.stdout.write('ready\\n');
     for (let i = 0; ; i += 1) {
       const id = 'w' + round.padStart(3, '0') + '-' + String(i).padStart(8, '0');
       store.update((s) => appendRecord(s, {
         key: 'm-' + (i % 50), status: 'in-progress', note: 'x'.repeat(i % 300) + id,
       }, { author: 'writer ' + round, now: new Date(), today: new Date().toISOString().slice(0, 10), newId: () => id }).state);
       process.stdout.write(id + '\\n');
     }`,
  );
  bundle(writerSource, WRITER);
}, 120_000);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}
const run = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> =>
  new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });

const KEY = 'act-rapid-deployment-capacity';

describe('the store across processes', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('keeps every change of 50 `cli status` processes run at once', async () => {
    const dir = join(work, 'fifty');
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        run(['status', KEY, 'in-progress', '--note', `writer ${i}`, '--data-dir', dir]),
      ),
    );
    for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0 });
    const log = openStateStore({ cwd: dir }).read().log;
    expect(log).toHaveLength(50);
    expect(new Set(log.map((e) => e.note))).toEqual(
      new Set(Array.from({ length: 50 }, (_, i) => `writer ${i}`)),
    );
    expect(readdirSync(dir).filter((f) => f.includes('.lock'))).toEqual([]);
  }, 180_000);

  it('takes over a lock left by a killed process instead of waiting for ever', async () => {
    const dir = join(work, 'stale');
    mkdirSync(dir, { recursive: true });
    // What a process killed while holding the lock leaves: the lock folder, with no owner file.
    mkdirSync(join(dir, 'config.json.lock'));
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(dir, 'config.json.lock'), old, old);
    const result = await run(['status', KEY, 'planned', '--data-dir', dir], {
      COMPASS_STORE_LOCK_STALE_MS: '2000',
    });
    expect(result, result.stderr).toMatchObject({ code: 0 });
    expect(openStateStore({ cwd: dir }).read().log).toHaveLength(1);
  }, 60_000);

  it('opens whole, with nothing earlier lost, after a writer is killed mid-write 50 times', async () => {
    const dir = join(work, 'killed');
    // The kill lands just after a writer prints, often between its mkdir of the lock and its owner
    // record; such a lock can only be taken over once stale, so this process opens the store with
    // the same short stale time as the writers (10 s each time otherwise).
    vi.stubEnv('COMPASS_STORE_LOCK_STALE_MS', '2000');
    let saved = new Set<string>();
    for (let round = 0; round < 50; round += 1) {
      const child = spawn(process.execPath, [WRITER, dir, String(round)], {
        // conf falls back to plain (non-atomic) writes inside a Snap; this test is about the atomic path.
        env: { ...process.env, SNAP: '', COMPASS_STORE_LOCK_STALE_MS: '2000' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const printed: string[] = [];
      let buffer = '';
      // Killed without warning (a crash, a power cut) once it has saved a few entries this round.
      const wanted = 1 + (round % 7);
      await new Promise<void>((done, fail) => {
        child.stdout!.on('data', (d: Buffer) => {
          buffer += d;
          const lines = buffer.split('\n');
          buffer = lines.pop()!;
          printed.push(...lines.filter((l) => l !== 'ready'));
          if (printed.length >= wanted) done();
        });
        child.once('exit', (code) => fail(new Error(`writer exited early (${code})`)));
      });
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;

      const store = openStateStore({ cwd: dir });
      expect(store.notices).toEqual([]);
      expect(readdirSync(dir).filter((f) => f.includes('.damaged-'))).toEqual([]);
      const ids = new Set(store.read().log.map((e) => e.id));
      // Everything saved before, and everything this writer said it saved, is there.
      for (const id of [...saved, ...printed]) expect(ids.has(id), id).toBe(true);
      saved = ids;
    }
    expect(saved.size).toBeGreaterThanOrEqual(50);
  }, 300_000);
});
