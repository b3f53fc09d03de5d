/**
 * The checks an imported state passes beyond its schema, before it replaces the user's: nothing
 * dated in the future (a clock that was wrong, or a hand-edited file, would otherwise be kept for
 * ever: a reminder engine that "last ran" in 9999 never reminds again), and progress only for
 * milestones that exist. Pure: `now` and the known ids are passed in.
 */
import { parseLogKey } from './progress-log';
import type { UserState } from './user-state';

/** How far ahead of `now` a recorded instant may be (another machine's clock, time zones). */
export const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;
/** How far ahead a snooze or a pause may reach (the longest the app offers is next Monday). */
export const MAX_AHEAD_MS = 366 * 24 * 60 * 60 * 1000;

/**
 * The first instant of `state` that lies too far in the future, as `path: value`, or null.
 * What happened (history, shown reminders, the engine's last run) may not be later than
 * `now` + CLOCK_SKEW_MS; what points ahead (snoozes, a pause) not later than `now` + MAX_AHEAD_MS.
 */
export function futureInstant(state: UserState, now: Date): string | null {
  const pastLimit = now.getTime() + CLOCK_SKEW_MS;
  const aheadLimit = now.getTime() + MAX_AHEAD_MS;
  const checks: [string, string | null, number][] = [['lastRunAt', state.lastRunAt, pastLimit]];
  state.log.forEach((entry, i) => checks.push([`log.${i}.recordedAt`, entry.recordedAt, pastLimit]));
  for (const [key, at] of Object.entries(state.fired)) checks.push([`fired.${key}`, at, pastLimit]);
  for (const [key, at] of Object.entries(state.snoozed)) checks.push([`snoozed.${key}`, at, aheadLimit]);
  checks.push(['settings.pausedUntil', state.settings.pausedUntil, aheadLimit]);
  for (const [path, value, limit] of checks) {
    if (value !== null && Date.parse(value) > limit) return `${path}: ${value}`;
  }
  return null;
}

/**
 * The state with only the log entries and mutes of known milestones (the dataset's, given, and the
 * state's own milestones), and the keys that were left out, in file order.
 */
export function keepKnownProgress(
  state: UserState,
  datasetIds: ReadonlySet<string>,
): { state: UserState; unknown: string[] } {
  const own = new Set(state.ownMilestones.map((m) => m.id));
  const known = (key: string) => {
    const { milestoneId } = parseLogKey(key);
    return datasetIds.has(milestoneId) || own.has(milestoneId);
  };
  const unknown = [...new Set([...state.log.map((e) => e.key), ...state.muted])].filter((key) => !known(key));
  if (unknown.length === 0) return { state, unknown };
  return {
    state: {
      ...state,
      log: state.log.filter((e) => known(e.key)),
      muted: state.muted.filter((id) => known(id)),
    },
    unknown,
  };
}
