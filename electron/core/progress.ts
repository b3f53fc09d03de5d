/**
 * Recording progress on a milestone: a pure function from the user's state and a patch to the
 * next state. A status change is appended to the milestone's history with its instant.
 */
import { format } from 'date-fns';
import { z } from 'zod';
import { LIMITS, tooLong } from './limits';
import { isoDateSchema } from './milestone';
import { evidenceSchema, progressOf, statusSchema, type Progress, type UserState } from './user-state';

/** A change to one milestone's progress; omitted fields stay as they are. */
export const progressPatchSchema = z.strictObject({
  status: statusSchema.optional(),
  achievedOn: isoDateSchema.nullable().optional(),
  evidence: evidenceSchema.nullable().optional(),
  note: z.string().max(LIMITS.noteChars, tooLong(LIMITS.noteChars)).optional(),
  muted: z.boolean().optional(),
});
export type ProgressPatch = z.infer<typeof progressPatchSchema>;

/** Thrown for a patch that does not match `progressPatchSchema`; the message names the field. */
export class ProgressPatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProgressPatchError';
  }
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Applies `patch` to the progress of milestone `id` at instant `at`.
 * - A status change appends `{ at, from, to }` to the history.
 * - Setting `achieved` without `achievedOn` records the local date of `at`; leaving `achieved`
 *   without `achievedOn` clears it.
 * - A patch that changes nothing returns `state` itself.
 * Whether `id` names a known milestone is the caller's check (it knows the dataset).
 */
export function applyProgressPatch(state: UserState, id: string, patch: ProgressPatch, at: Date): UserState {
  const parsed = progressPatchSchema.safeParse(patch);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
    throw new ProgressPatchError(`Invalid progress change${where}: ${issue?.message ?? 'invalid'}`);
  }
  if (Number.isNaN(at.getTime()))
    throw new ProgressPatchError('Invalid progress change: the time is not a date');
  const change = parsed.data;
  const current = progressOf(state, id);
  const next: Progress = { ...current, history: current.history };
  if (change.note !== undefined) next.note = change.note;
  if (change.muted !== undefined) next.muted = change.muted;
  if (change.evidence !== undefined) next.evidence = change.evidence;
  if (change.achievedOn !== undefined) next.achievedOn = change.achievedOn;

  if (change.status !== undefined && change.status !== current.status) {
    next.status = change.status;
    // The history keeps the latest LIMITS.historyEntries changes.
    next.history = [
      ...current.history,
      { at: at.toISOString(), from: current.status, to: change.status },
    ].slice(-LIMITS.historyEntries);
    if (change.achievedOn === undefined) {
      if (change.status === 'achieved') next.achievedOn = current.achievedOn ?? format(at, 'yyyy-MM-dd');
      else if (current.status === 'achieved') next.achievedOn = null;
    }
  } else if (change.status === 'achieved' && change.achievedOn === undefined && current.achievedOn === null) {
    next.achievedOn = format(at, 'yyyy-MM-dd');
  }

  if (sameJson(next, current)) return state;
  return { ...state, progress: { ...state.progress, [id]: next } };
}
