#!/usr/bin/env node
/**
 * Runs before `npm start`, `npm run dev` and `npm run dist`: fetches the Electron binary with the
 * electron package's own `install-electron` bin. Since Electron 42 the package downloads nothing
 * when it is installed (so `npm ci` stays download-free), and electron-vite only reads
 * node_modules/electron/path.txt. When the binary is there already this returns at once.
 *
 * When the download fails, it says so in one clear line (what failed, and why: the network error)
 * and exits non-zero, so the start command never runs into electron-vite's "Electron uninstall".
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const manifestPath = require.resolve('electron/package.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const bin = manifest.bin?.['install-electron'];
if (typeof bin !== 'string') {
  console.error(
    `Electron ${manifest.version} has no install-electron bin: update scripts/install-electron.mjs.`,
  );
  process.exit(1);
}

/** Why a fetch of the download host fails: the network error's code and message, else null. */
async function networkProblem() {
  const base = process.env.ELECTRON_MIRROR || 'https://github.com/electron/electron/releases/';
  try {
    await fetch(base, { method: 'HEAD', signal: AbortSignal.timeout(10_000) });
    return null;
  } catch (error) {
    const cause = error?.cause ?? error;
    return `${cause?.code ?? cause?.name ?? 'error'}: ${cause?.message ?? String(cause)}`;
  }
}

const child = spawn(process.execPath, [join(dirname(manifestPath), bin)], {
  stdio: ['ignore', 'inherit', 'inherit'],
});
child.on('exit', async (code, signal) => {
  if (code === 0) process.exit(0);
  const problem = await networkProblem();
  const host = process.env.ELECTRON_MIRROR || 'github.com';
  console.error(
    [
      '',
      `Could not download Electron ${manifest.version} (install-electron ${signal ?? `exited with ${code}`}).`,
      problem
        ? `Network error fetching it from ${host}: ${problem}`
        : 'The download host answers: see the error above.',
      'npm start, npm run dev and npm run dist need the Electron binary, downloaded once: connect to the',
      'internet (or set ELECTRON_MIRROR to a mirror) and run the command again.',
    ].join('\n'),
  );
  process.exit(1);
});
