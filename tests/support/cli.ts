import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/** Runs the real CLI the way users do (`npm run --silent cli -- …`), without a shell. */
export function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
