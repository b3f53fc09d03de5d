/**
 * The first `npm start` on a fresh clone: Electron (45) downloads nothing at `npm ci`, so the
 * pre-scripts of start, dev and dist fetch the binary with Electron's install-electron. In a clean
 * layout (the repository's package.json and script, the electron package as npm installs it, no
 * binary) and without network (the download host is a closed port on 127.0.0.1), `npm start` must
 * stop at that download with a clear network error, never at electron-vite's "Electron uninstall".
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const MODULES = join(ROOT, 'node_modules');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};
const electronPkg = JSON.parse(readFileSync(join(MODULES, 'electron/package.json'), 'utf8')) as {
  version: string;
  bin: Record<string, string>;
  scripts?: Record<string, string>;
  files: string[];
};

/** A port on 127.0.0.1 that nothing listens on (taken, then closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

let clone = '';

beforeAll(() => {
  clone = mkdtempSync(join(tmpdir(), 'compass-first-launch-'));
  cpSync(join(ROOT, 'package.json'), join(clone, 'package.json'));
  mkdirSync(join(clone, 'scripts'));
  cpSync(join(ROOT, 'scripts/install-electron.mjs'), join(clone, 'scripts/install-electron.mjs'));
  // The electron package as `npm ci` leaves it: its published files, no dist/ and no path.txt.
  const electron = join(clone, 'node_modules/electron');
  mkdirSync(electron, { recursive: true });
  for (const file of [...electronPkg.files, 'package.json']) {
    if (existsSync(join(MODULES, 'electron', file)))
      cpSync(join(MODULES, 'electron', file), join(electron, file));
  }
  // Its dependencies and the build tool, as installed (Node resolves their own imports from there).
  for (const name of ['@electron', '@electron-internal', 'electron-vite']) {
    symlinkSync(join(MODULES, name), join(clone, 'node_modules', name), 'dir');
  }
  mkdirSync(join(clone, 'node_modules/.bin'));
  for (const [name, target] of Object.entries(electronPkg.bin)) {
    symlinkSync(join('..', 'electron', target), join(clone, 'node_modules/.bin', name));
  }
  symlinkSync(join(MODULES, '.bin/electron-vite'), join(clone, 'node_modules/.bin/electron-vite'));
});

afterAll(() => {
  if (clone) rmSync(clone, { recursive: true, force: true });
});

describe('the first npm start', () => {
  it('keeps npm ci download-free: no install script here or in the electron package', () => {
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) {
      expect(pkg.scripts[hook]).toBeUndefined();
      expect(electronPkg.scripts?.[hook]).toBeUndefined();
    }
    expect(electronPkg.bin['install-electron']).toBeDefined();
  });

  it('fetches Electron before start, dev and dist', () => {
    for (const script of ['start', 'dev', 'dist']) {
      expect(pkg.scripts[`pre${script}`]).toBe('node scripts/install-electron.mjs');
    }
  });

  it('fails at the download with a clear network error, never with "Electron uninstall"', async () => {
    const port = await closedPort();
    const result = spawnSync('npm', ['start'], {
      cwd: clone,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
        electron_config_cache: join(clone, 'electron-cache'),
        ELECTRON_OVERRIDE_DIST_PATH: '',
        ELECTRON_GET_NO_PROGRESS: '1',
      },
    });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status, output).not.toBe(0);
    expect(output).toContain('> node scripts/install-electron.mjs');
    expect(output).toContain(`Could not download Electron ${electronPkg.version}`);
    expect(output).toMatch(
      new RegExp(`Network error fetching it from http://127\\.0\\.0\\.1:${port}/: ECONNREFUSED`),
    );
    expect(output).not.toMatch(/Electron uninstall/i);
    // npm stopped at the pre-script: electron-vite never ran.
    expect(output).not.toContain('> electron-vite preview');
    expect(existsSync(join(clone, 'node_modules/electron/path.txt'))).toBe(false);
  });
});
