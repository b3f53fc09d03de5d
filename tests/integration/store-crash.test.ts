import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { progressOf } from '../support/log';
import { openStateStore } from '../../electron/node/store';

const ROOT = resolve(__dirname, '../..');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'compass-crash-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A separate Node process that rewrites the store as fast as it can, with a growing note. */
function writer(cwd: string) {
  const script = `
    import { appendRecord } from ${JSON.stringify(join(ROOT, 'electron/core/recording.ts'))};
    import { openStateStore } from ${JSON.stringify(join(ROOT, 'electron/node/store.ts'))};
    const store = openStateStore({ cwd: ${JSON.stringify(cwd)} });
    process.stdout.write('ready\\n');
    for (let i = 0; ; i += 1) {
      // (Only the latest 200 entries are kept here, to keep this file-integrity test's file small.)
      store.update((s) => appendRecord({ ...s, log: s.log.slice(-200) }, {
        key: 'm-' + (i % 50), status: 'in-progress', note: 'x'.repeat(i % 5000) + String(i),
      }, { author: 'w', now: new Date(), today: new Date().toISOString().slice(0, 10),
           newId: () => 'id-' + process.pid + '-' + i }).state);
    }`;
  return spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    // conf falls back to plain (non-atomic) writes inside a Snap; this test is about the atomic path.
    env: { ...process.env, SNAP: '' },
  });
}

it('survives being killed in the middle of writes: the file is always whole', async () => {
  for (let round = 0; round < 3; round += 1) {
    const child = writer(dir);
    await new Promise<void>((done, fail) => {
      child.stdout!.once('data', () => done());
      child.once('exit', (code) => fail(new Error(`writer exited early (${code})`)));
    });
    // Let it write for a while, then kill it without warning (like a crash or a power cut).
    await new Promise((r) => setTimeout(r, 300 + round * 150));
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;

    const store = openStateStore({ cwd: dir });
    expect(store.notices).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.includes('.damaged-'))).toEqual([]);
    expect(progressOf(store.read(), 'm-0').status).toBe('in-progress');
  }
}, 60_000);
