import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = resolve(__dirname, '../..');

let bundled: string | null = null;

/**
 * The CLI's sources (electron/node/cli/main.ts), bundled once per test process with esbuild — the
 * same transform tsx applies on every `npm run cli`, which made each spawned command cost seconds.
 * Packages stay external and resolve from the repo's node_modules, as with tsx.
 */
export function cliEntry(): string {
  if (bundled) return bundled;
  const dir = join(ROOT, 'node_modules', '.cache', 'compass-cli');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `cli-${process.pid}.mjs`);
  buildSync({
    entryPoints: [join(ROOT, 'electron/node/cli/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'error',
  });
  bundled = outfile;
  return outfile;
}

/** Runs the real CLI as a separate process, without a shell, from the repo folder. */
export function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [cliEntry(), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
