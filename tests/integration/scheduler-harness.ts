/**
 * The real scheduler (real node-schedule, real store files in a temp folder) under vitest's fake
 * clock: `vi.advanceTimersByTime` lets time pass with the app running; `vi.setSystemTime` moves the
 * wall clock without running timers, which is what a laptop's sleep looks like to a process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { AnyMilestone } from '../../electron/core/milestone';
import type { ReminderBatch } from '../../electron/core/reminders';
import type { Settings, UserState } from '../../electron/core/user-state';
import { createReminderService, type ReminderService } from '../../electron/node/scheduler';
import { openStateStore, type StateStore } from '../../electron/node/store';

export interface Shown extends ReminderBatch {
  /** The state the run planned from, as the notifier got it (its language, for the words). */
  state: UserState;
  /** The (fake) local time it was shown. */
  shownAt: Date;
  /** Whether the store on disk already had every key of it recorded as fired when it was shown. */
  recordedFirst: boolean;
}

export function useFakeClock(start: Date) {
  vi.useFakeTimers({
    now: start,
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
}

export class Harness {
  readonly dir = mkdtempSync(join(tmpdir(), 'compass-scheduler-'));
  readonly shown: Shown[] = [];
  store: StateStore;
  service: ReminderService | null = null;

  constructor(
    readonly milestones: AnyMilestone[],
    settings: Partial<Settings> = {},
  ) {
    this.store = openStateStore({ cwd: this.dir });
    if (Object.keys(settings).length)
      this.store.update((s) => ({ ...s, settings: { ...s.settings, ...settings } }));
  }

  /** Starts the app (a fresh process: the store is opened again from disk). */
  start(): ReminderService {
    this.store = openStateStore({ cwd: this.dir });
    const store = this.store;
    const dir = this.dir;
    this.service = createReminderService({
      store,
      milestones: (state) => [...this.milestones, ...state.ownMilestones],
      notifier: {
        show: (notification, state) => {
          const onDisk = openStateStore({ cwd: dir }).read().fired;
          this.shown.push({
            ...notification,
            state,
            shownAt: new Date(),
            recordedFirst: notification.reminders.every((r) => Object.hasOwn(onDisk, r.key)),
          });
        },
      },
      onError: (error) => {
        throw error;
      },
    });
    this.service.start();
    return this.service;
  }

  /** Quits the app. */
  stop(): void {
    this.service?.stop();
    this.service = null;
  }

  keys(): string[] {
    return this.shown.flatMap((n) => n.reminders.map((r) => r.key));
  }

  dispose(): void {
    this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
