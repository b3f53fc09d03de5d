/**
 * Each change reads the store once: the service's read-modify-write, then the reminders re-plan
 * from the state just written (their own record of what fired is a read-modify-write of its own).
 * A real store on disk, the real service and the real reminder engine; the store is only counted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppService } from '../../electron/node/app-service';
import { createMilestoneCatalog } from '../../electron/node/milestone-catalog';
import { bundledMilestones } from '../../electron/node/milestones-source';
import { createReminderService } from '../../electron/node/scheduler';
import { openStateStore, type StateStore } from '../../electron/node/store';

const dataset = bundledMilestones();
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function setup() {
  const cwd = mkdtempSync(join(tmpdir(), 'compass-read-once-'));
  dirs.push(cwd);
  const real = openStateStore({ cwd });
  const calls = { read: 0, update: 0 };
  const store: StateStore = {
    path: real.path,
    notices: real.notices,
    recoveries: real.recoveries,
    read: () => ((calls.read += 1), real.read()),
    update: (fn) => ((calls.update += 1), real.update(fn)),
  };
  const catalog = createMilestoneCatalog({ base: dataset });
  const reminders = createReminderService({
    store,
    milestones: (state) => catalog.all(state),
    notifier: { show: () => {} },
    now: () => new Date('2025-06-01T10:00:00Z'),
  });
  const service = createAppService({
    store,
    catalog,
    reminders,
    today: () => '2025-06-01',
    systemLocale: () => 'nl-NL',
    now: () => new Date('2025-06-01T10:00:00Z'),
  });
  reminders.start();
  const reset = () => Object.assign(calls, { read: 0, update: 0 });
  return { service, reminders, real, calls, reset };
}

const deadline = dataset.find((m) => m.kind === 'deadline')!.id;

describe('a change reads the store once', () => {
  it.each([
    ['appendLogEntry', { key: deadline, status: 'in-progress' }],
    ['setMuted', { id: deadline, muted: true }],
    ['updateSettings', { theme: 'dark' }],
  ] as const)(
    '%s: one read-modify-write by the service, one by the reminders, no other read',
    async (method, input) => {
      const { service, reminders, calls, reset } = setup();
      reset();
      const result = await service.dispatch(method, input);
      reminders.stop();
      expect(result).toMatchObject({ ok: true });
      expect(calls).toEqual({ read: 0, update: 2 });
    },
  );

  it('a refused change (no such milestone) reads once and writes nothing', async () => {
    const { service, reminders, real, calls, reset } = setup();
    const before = real.read();
    reset();
    const result = await service.dispatch('setMuted', { id: 'no-such-milestone', muted: true });
    reminders.stop();
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(calls).toEqual({ read: 0, update: 1 });
    expect(real.read()).toEqual(before);
  });
});
