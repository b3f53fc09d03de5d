import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { publishIcal } from '../../electron/node/feed-server';
import { bundledMilestones } from '../../electron/node/milestones-source';
import { openStateStore } from '../../electron/node/store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'compass-feed-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('a feed request writes the store only when an event changed, not on every GET', () => {
  const store = openStateStore({ cwd: dir });
  const dataset = bundledMilestones();
  const first = publishIcal(store, dataset, {});
  const path = join(dir, 'config.json');
  const bytes = readFileSync(path, 'utf8');
  const { mtimeMs } = statSync(path);
  expect(JSON.parse(bytes).feedSequences).toBeDefined();
  for (let i = 0; i < 3; i += 1) expect(publishIcal(store, dataset, {})).toBe(first);
  expect(readFileSync(path, 'utf8')).toBe(bytes);
  expect(statSync(path).mtimeMs).toBe(mtimeMs);
});

it('an update that changes nothing writes nothing', () => {
  const store = openStateStore({ cwd: dir });
  store.update((s) => ({ ...s, settings: { ...s.settings, timeOfDay: '08:30' } }));
  const path = join(dir, 'config.json');
  const { mtimeMs } = statSync(path);
  const bytes = readFileSync(path, 'utf8');
  store.update((s) => s);
  expect(statSync(path).mtimeMs).toBe(mtimeMs);
  expect(readFileSync(path, 'utf8')).toBe(bytes);
});
