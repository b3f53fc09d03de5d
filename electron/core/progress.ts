/**
 * Progress, derived from the progress log: the current state per log key (`currentEntry`). No zod
 * is loaded here (the renderer's first chunk needs this module); the checked steps that add to the
 * log are in `recording.ts`.
 */
import type { IsoDate } from './date-phrase';
import {
  compareEntries,
  currentEntry,
  entriesByKey,
  parseLogKey,
  type EvidenceItem,
  type LogEntry,
  type LogKey,
} from './progress-log';
import type { Status } from './status';
import type { UserState } from './user-state';

/**
 * The current state of one log key (a milestone, or one cycle of a recurring one), derived from
 * the progress log (`currentEntry`), plus the milestone's own mute setting. Never stored.
 */
export interface Progress {
  status: Status;
  /** The date the current state held ("achieved on" for achieved, "as of" otherwise); null without an entry. */
  on: IsoDate | null;
  /** `on` when the status is achieved or partial (the date it was delivered), else null. */
  achievedOn: IsoDate | null;
  evidence: EvidenceItem[];
  note: string;
  muted: boolean;
  /** Who recorded the current entry. */
  author: string | null;
  /** The id of the current entry. */
  entryId: string | null;
  /** How many entries (records and retractions) the key's log holds. */
  changes: number;
  /** When the latest entry of the key (of any type) was recorded. */
  lastChangeAt: string | null;
}

export const EMPTY_PROGRESS: Progress = {
  status: 'unknown',
  on: null,
  achievedOn: null,
  evidence: [],
  note: '',
  muted: false,
  author: null,
  entryId: null,
  changes: 0,
  lastChangeAt: null,
};

/** The derived progress of every key that has entries, by log key. */
export type ProgressMap = Readonly<Record<string, Progress>>;

/** What the queries, reminders, the feed and the tray read: the derived progress. */
export interface ProgressSource {
  progress: ProgressMap;
}

function progressOfEntries(entries: readonly LogEntry[], muted: boolean): Progress {
  const entry = currentEntry(entries);
  const lastChangeAt = entries.length ? entries[entries.length - 1]!.recordedAt : null;
  if (!entry) return { ...EMPTY_PROGRESS, muted, changes: entries.length, lastChangeAt };
  return {
    status: entry.status,
    on: entry.on,
    achievedOn: entry.status === 'achieved' || entry.status === 'partial' ? entry.on : null,
    evidence: entry.evidence,
    note: entry.note,
    muted,
    author: entry.author,
    entryId: entry.id,
    changes: entries.length,
    lastChangeAt,
  };
}

const derived = new WeakMap<readonly LogEntry[], WeakMap<readonly string[], ProgressMap>>();

/**
 * The progress of every log key with entries, and of every muted milestone. Memoised on the log and
 * mute arrays (the state is immutable), so every caller of one state shares one derivation.
 */
export function deriveProgress(state: Pick<UserState, 'log' | 'muted'>): ProgressMap {
  let byMuted = derived.get(state.log);
  const cached = byMuted?.get(state.muted);
  if (cached) return cached;
  const muted = new Set(state.muted);
  const out: Record<string, Progress> = {};
  for (const [key, all] of entriesByKey(state.log)) {
    // Owner entries say who owns the key, not how far it is (ownership.ts derives them).
    const entries = all.some((e) => e.type === 'owner') ? all.filter((e) => e.type !== 'owner') : all;
    if (entries.length === 0) continue;
    out[key] = progressOfEntries(entries, muted.size > 0 && muted.has(parseLogKey(key).milestoneId));
  }
  for (const id of muted) out[id] ??= { ...EMPTY_PROGRESS, muted: true };
  if (!byMuted) {
    byMuted = new WeakMap();
    derived.set(state.log, byMuted);
  }
  byMuted.set(state.muted, out);
  return out;
}

/** The derived progress next to the stored state, for the readers that take a `ProgressSource`. */
export const withProgress = <S extends Pick<UserState, 'log' | 'muted'>>(state: S): S & ProgressSource => ({
  ...state,
  progress: deriveProgress(state),
});

/** The progress of one key (a milestone id or a cycle key); EMPTY_PROGRESS when nothing is recorded. */
export const progressOf = (source: ProgressSource, key: string): Progress =>
  source.progress[key] ?? EMPTY_PROGRESS;

/**
 * The progress that speaks for one occurrence: its own key's (a cycle's), else the milestone's.
 * Mute is always the milestone's.
 */
export function progressOfOccurrence(source: ProgressSource, milestoneId: string, key: string): Progress {
  const own = source.progress[key];
  const milestone = source.progress[milestoneId];
  if (own && key !== milestoneId) return { ...own, muted: milestone?.muted ?? own.muted };
  return milestone ?? EMPTY_PROGRESS;
}

/** Every entry of one key, oldest first (`compareEntries` order). */
export const entriesOf = (log: readonly LogEntry[], key: LogKey): LogEntry[] =>
  log.filter((e) => e.key === key).sort(compareEntries);

/** Mutes or unmutes a milestone's reminders (a setting, not a log entry). */
export function setMuted(state: UserState, milestoneId: string, muted: boolean): UserState {
  const has = state.muted.includes(milestoneId);
  if (has === muted) return state;
  return {
    ...state,
    muted: muted ? [...state.muted, milestoneId] : state.muted.filter((id) => id !== milestoneId),
  };
}
