/**
 * The reminder scheduler: runs the pure planner (electron/core/reminders.ts) against the store and
 * delivers through a `Notifier` port (the Electron shell gives one; the web host another).
 *
 * - Only the next run is armed, with node-schedule, and never more than a day ahead; after it
 *   fires (and after every change) the engine plans again.
 * - Exactly once: what is about to be shown is recorded in the store (`fired`, `lastRunAt`) before
 *   the notifier is called; after a restart it is not shown again.
 * - Missed reminders (app closed, laptop asleep) are shown at start-up or on wake, more than three
 *   at once as one summary notification.
 * - A once-a-minute watchdog notices wall-clock jumps (sleep, clock changes) and timers that did not
 *   fire, and plans again; the shell also calls `onResume` on resume and unlock.
 */
import { format } from 'date-fns';
import schedule, { type Job } from 'node-schedule';
import type { AnyMilestone } from '../core/milestone';
import { deriveProgress, type ProgressSource } from '../core/progress';
import {
  isDigestKey,
  planReminders,
  reminderBatches,
  reminderForKey,
  snoozeUntil,
  staleFiredKeys,
  type ReminderBatch,
  type ReminderPlan,
  type SnoozeOption,
} from '../core/reminders';
import type { StateStore } from './store';
import type { UserState } from '../core/user-state';

/** Shows notifications; called once per batch, with the state the run planned from (its language). */
export interface Notifier {
  show(batch: ReminderBatch, state: UserState): void;
}

export interface ReminderService {
  /** Shows what was missed since the last run and arms the next reminder. */
  start(): void;
  stop(): void;
  /**
   * Plans again now (after any change to the state or the milestones); `state` is the state just
   * written, when the caller has it (saves reading the store again), else the store is read.
   */
  replan(state?: UserState): void;
  /** The system woke up or was unlocked: show what was missed, plan again. */
  onResume(): void;
  /** Shows the reminder `key` again later. Throws for a key that names no reminder. */
  snooze(key: string, option: SnoozeOption): void;
}

export interface ReminderServiceOptions {
  store: StateStore;
  /** The dataset followed by the own milestones of `state` (the state each run works from). */
  milestones: (state: UserState) => AnyMilestone[];
  notifier: Notifier;
  now?: () => Date;
  /** A run that failed (e.g. the store could not be written); it is retried within a minute. */
  onError?: (error: unknown) => void;
}

export const WATCHDOG_INTERVAL_MS = 60_000;
/** A watchdog tick this far off its minute means the wall clock jumped (sleep, clock change). */
export const CLOCK_JUMP_MS = 30_000;
/** The longest a single timer is armed; after it the engine simply plans again. */
export const MAX_ARM_MS = 24 * 60 * 60 * 1000;

export function createReminderService(options: ReminderServiceOptions): ReminderService {
  const { store, notifier } = options;
  const clock = options.now ?? (() => new Date());
  const reportError =
    options.onError ?? ((error: unknown) => console.error('Compass Timeline reminders:', error));
  let running = false;
  let job: Job | null = null;
  let armedAt: number | null = null;
  let fallback: ReturnType<typeof setTimeout> | null = null;
  let watchdog: ReturnType<typeof setInterval> | null = null;
  let lastWatch = 0;
  let failed = false;

  const disarm = () => {
    job?.cancel();
    job = null;
    armedAt = null;
    if (fallback) clearTimeout(fallback);
    fallback = null;
  };

  const arm = (at: Date | null, now: Date) => {
    disarm();
    if (!running) return;
    const target = new Date(Math.min(at?.getTime() ?? Infinity, now.getTime() + MAX_ARM_MS));
    armedAt = target.getTime();
    job = schedule.scheduleJob(target, () => run());
    // node-schedule refuses an instant already past (time moved on while planning): run soon.
    if (!job) fallback = setTimeout(() => run(), 0);
  };

  /** One run: record, show, arm the next. */
  const run = (given?: UserState) => {
    if (!running) return;
    const now = clock();
    let plan: ReminderPlan;
    let source: ProgressSource;
    let state: UserState;
    try {
      state = given ?? store.read();
      plan = planReminders(options.milestones(state), state, now);
      source = { progress: deriveProgress(state) };
      if (plan.pausedUntil && state.lastRunAt === null) {
        // Paused on the very first run: remember where reminders start, so the pause's are shown after.
        store.update((s) => ({ ...s, lastRunAt: s.lastRunAt ?? now.toISOString() }));
      }
      if (!plan.pausedUntil) {
        const at = now.toISOString();
        const shown = [...plan.due.map((r) => r.key), ...(plan.digest ? [plan.digest.key] : [])];
        const record = Object.fromEntries([...shown, ...plan.skipped].map((key) => [key, at]));
        // Recorded before anything is shown: a crash now loses a reminder rather than repeating it.
        // Records that can no longer fire are dropped in the same write, so the record stays bounded.
        store.update((state) => {
          const snoozed = { ...state.snoozed };
          for (const key of plan.unsnooze) delete snoozed[key];
          const fired = { ...state.fired, ...record };
          for (const key of staleFiredKeys(
            options.milestones(state),
            { fired, snoozed },
            format(now, 'yyyy-MM-dd'),
          ))
            delete fired[key];
          return { ...state, fired, snoozed, lastRunAt: at };
        });
      }
      failed = false;
    } catch (error) {
      failed = true;
      reportError(error);
      arm(new Date(now.getTime() + WATCHDOG_INTERVAL_MS), now);
      return;
    }
    for (const batch of reminderBatches(plan, now, source)) {
      try {
        notifier.show(batch, state);
      } catch (error) {
        reportError(error);
      }
    }
    arm(plan.nextAt, now);
  };

  const watch = () => {
    const wall = clock().getTime();
    const drift = wall - (lastWatch + WATCHDOG_INTERVAL_MS);
    lastWatch = wall;
    const overdueTimer = armedAt !== null && wall >= armedAt + 5_000;
    if (Math.abs(drift) > CLOCK_JUMP_MS || overdueTimer || failed) run();
  };

  return {
    start() {
      if (running) return;
      running = true;
      lastWatch = clock().getTime();
      watchdog = setInterval(watch, WATCHDOG_INTERVAL_MS);
      run();
    },
    stop() {
      running = false;
      disarm();
      if (watchdog) clearInterval(watchdog);
      watchdog = null;
    },
    replan: (state) => run(state),
    onResume: () => {
      lastWatch = clock().getTime();
      run();
    },
    snooze(key, option) {
      const now = clock();
      const state = store.read();
      if (!isDigestKey(key) && !reminderForKey(options.milestones(state), state.settings, key)) {
        throw new Error(`There is no reminder "${key}" to snooze.`);
      }
      const until = snoozeUntil(option, now, state.settings).toISOString();
      store.update((s) => ({
        ...s,
        snoozed: { ...s.snoozed, [key]: until },
        // A reminder snoozed before it was shown is not shown at its own time as well.
        fired: { ...s.fired, [key]: s.fired[key] ?? now.toISOString() },
      }));
      run();
    },
  };
}
